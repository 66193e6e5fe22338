package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"testing"
	"unicode/utf16"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
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
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"notepad": notepad,
		},
	})
}

// notepad rewrites a file as Windows Notepad saves it: CRLF line endings
// and a UTF-8 byte order mark, or with -utf16 as "Unicode" (UTF-16
// little-endian with its byte order mark), or with -cp1258 in the old
// Vietnamese Windows code page.
//
//	notepad [-utf16 | -cp1258] FILE
func notepad(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 || len(args) > 2 {
		ts.Fatalf("usage: notepad [-utf16 | -cp1258] FILE")
	}
	mode, file := "", args[len(args)-1]
	if len(args) == 2 {
		mode = args[0]
	}
	text := bytes.ReplaceAll([]byte(ts.ReadFile(file)), []byte("\n"), []byte("\r\n"))
	var out []byte
	switch mode {
	case "":
		out = append([]byte{0xEF, 0xBB, 0xBF}, text...)
	case "-utf16":
		out = []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(string(text))) {
			out = append(out, byte(u), byte(u>>8))
		}
	case "-cp1258":
		// Windows-1258 has the tone marks as combining characters.
		s, err := encoding.ReplaceUnsupported(charmap.Windows1258.NewEncoder()).String(norm.NFD.String(string(text)))
		ts.Check(err)
		out = []byte(s)
	default:
		ts.Fatalf("notepad: unknown mode %s", mode)
	}
	ts.Check(os.WriteFile(ts.MkAbs(file), out, 0o644))
}
