package main

import (
	"context"
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "update testdata/*.txt scripts with the actual output of cmp commands")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"qrboard": func() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command-line scenarios in testdata/*.txt. Each
// starts in an empty folder; "qrboard init ." gives it the sample project.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata",
		UpdateScripts: *update,
		Setup: func(e *testscript.Env) error {
			e.Setenv("QRBOARD_LANG", "")
			e.Setenv("QRBOARD_CACHE", e.WorkDir+"/.cache")
			return nil
		},
	})
}
