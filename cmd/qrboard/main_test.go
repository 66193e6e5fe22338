package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"qrboard/internal/msg"
	"qrboard/internal/projecttest"
)

var update = flag.Bool("update", false, "update testdata/*.txt scripts with the actual output of cmp commands")

func TestMain(m *testing.M) {
	if stallAt := os.Getenv("QRBOARD_TEST_STALL"); stallAt != "" {
		stallChild(stallAt) // a build for TestKilledBuild to kill
	}
	testscript.Main(withCache{m}, map[string]func(){
		"qrboard": func() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// withCache runs the tests with a cache folder of their own, removed at
// the end: tests that call run directly must not write into the user's
// cache folder (scripts get one in their work folder).
type withCache struct{ m *testing.M }

func (w withCache) Run() int {
	dir, err := os.MkdirTemp("", "qrboard-test-cache-")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	os.Setenv("QRBOARD_CACHE", dir)
	return w.m.Run()
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
			abs, err := filepath.Abs(fixtures)
			e.Setenv("FIXTURES", abs)
			return err
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"notepad": notepad,
			"portal":  portal,
			"served":  served,
		},
	})
}

// served sets the environment variable VAR to the file a browser shows
// for FILE, an index.html of the site: FILE, or where the page at FILE's
// address is served, its short address, when FILE is the redirect there.
//
//	served FILE VAR
func served(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: served FILE VAR")
	}
	file := args[0]
	if to := projecttest.StubTarget([]byte(ts.ReadFile(file))); to != "" {
		file = path.Join(path.Dir(file), to)
	}
	ts.Setenv(args[1], file)
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

// TestProgress draws the progress line with a fake clock: nothing in the
// first second, then at most ten redraws a second, the last always, and
// an erased line at the end.
func TestProgress(t *testing.T) {
	var b bytes.Buffer
	start := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	now := start
	p := &progress{w: &b, lang: msg.Vi, start: start, now: func() time.Time { return now }}
	p.update(1, 200)
	now = now.Add(999 * time.Millisecond)
	p.update(2, 200)
	if b.Len() != 0 {
		t.Fatalf("progress shown before a second: %q", b.String())
	}
	now = now.Add(time.Millisecond)
	p.update(3, 200)
	now = now.Add(50 * time.Millisecond)
	p.update(4, 200) // too soon: skipped
	p.update(200, 200)
	want := "\rqrboard: đang tạo trang 3/200…\rqrboard: đang tạo trang 200/200…"
	if b.String() != want {
		t.Errorf("drew %q, want %q", b.String(), want)
	}
	b.Reset()
	p.clear()
	if want := "\r" + strings.Repeat(" ", len([]rune("qrboard: đang tạo trang 200/200…"))) + "\r"; b.String() != want {
		t.Errorf("clear wrote %q, want %q", b.String(), want)
	}
	var nilProgress *progress
	nilProgress.update(1, 2) // a build without a terminal: no panic, nothing drawn
	nilProgress.clear()
	if isTerminal(&b) {
		t.Error("a buffer taken for a terminal")
	}
}
