package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"qrboard/internal/projecttest"
)

// repoRoot is the repository's root: the real sample project and the
// corpus of bad input in testdata/bad.
const repoRoot = "../.."

// TestBadInput runs every case of the bad-input corpus, testdata/bad/*.txtar,
// through the command line as staff would: `qrboard build` on a copy of the
// sample project with the case's files laid over it (a "delete" section
// lists files to remove first), into an output folder holding a previous
// good build.
//
// Its "want" section is the exact standard error in English, less the
// lines the unmodified sample also prints and the final summary line;
// "want.vi", where present, the same in Vietnamese. A case whose want has
// an error must exit with 1 and leave the output folder and qrboard.lock
// byte for byte and mtime for mtime as they were; a case without must exit
// with 0, and its "site:PATH" sections list lines the built file must
// contain, "site-not:PATH" lines it must not.
//
// go test ./cmd/qrboard -run TestBadInput -update rewrites the want sections.
func TestBadInput(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join(repoRoot, "testdata", "bad", "*.txtar"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	src := projecttest.Copy(t, repoRoot)
	prevSite := filepath.Join(t.TempDir(), "site")
	baseline := map[string]map[string]bool{}
	for _, lang := range []string{"vi", "en"} { // en last: its site is the previous build
		stderr, code := runCLI(t, lang, "build", "-src", src, "-out", prevSite)
		if code != exitOK {
			t.Fatalf("the sample does not build:\n%s", stderr)
		}
		baseline[lang] = lineSet(newLines(stderr, src, nil))
	}
	for _, file := range cases {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			runBadCase(t, file, ar, prevSite, baseline)
		})
	}
}

func runBadCase(t *testing.T, file string, ar *txtar.Archive, prevSite string, baseline map[string]map[string]bool) {
	src := projecttest.Copy(t, repoRoot)
	out := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(out, os.DirFS(prevSite)); err != nil {
		t.Fatal(err)
	}
	sections := map[string]string{}
	for _, f := range ar.Files {
		if isSection(f.Name) {
			sections[f.Name] = string(f.Data)
			continue
		}
		projecttest.WriteFile(t, filepath.Join(src, filepath.FromSlash(f.Name)), f.Data)
	}
	for _, name := range strings.Fields(sections["delete"]) {
		if err := os.RemoveAll(filepath.Join(src, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	before := projecttest.Snapshot(t, out)
	lockBefore, _ := os.ReadFile(filepath.Join(src, "qrboard.lock"))

	var gotVi string
	if _, ok := sections["want.vi"]; ok {
		stderr, _ := runCLI(t, "vi", "build", "-src", src, "-out", filepath.Join(t.TempDir(), "site"))
		gotVi = newLines(stderr, src, baseline["vi"])
	}
	stderr, code := runCLI(t, "en", "build", "-src", src, "-out", out)
	got := newLines(stderr, src, baseline["en"])
	if *update {
		rewrite(t, file, ar, got, gotVi)
		return
	}
	if want := sections["want"]; got != want {
		t.Errorf("messages:\n%s\nwant:\n%s", got, want)
	}
	if want, ok := sections["want.vi"]; ok && gotVi != want {
		t.Errorf("Vietnamese messages:\n%s\nwant:\n%s", gotVi, want)
	}
	if strings.Contains(sections["want"], ": error: ") {
		if code != exitFailure {
			t.Errorf("exit %d, want %d", code, exitFailure)
		}
		if diff := projecttest.Diff(before, projecttest.Snapshot(t, out)); len(diff) > 0 {
			t.Errorf("a failed build changed the output folder: %v", diff)
		}
		lockAfter, _ := os.ReadFile(filepath.Join(src, "qrboard.lock"))
		if !bytes.Equal(lockBefore, lockAfter) {
			t.Error("a failed build changed qrboard.lock")
		}
		return
	}
	if code != exitOK {
		t.Fatalf("exit %d, want 0", code)
	}
	checkSiteSections(t, out, sections)
}

func isSection(name string) bool {
	return name == "want" || name == "want.vi" || name == "delete" ||
		strings.HasPrefix(name, "site:") || strings.HasPrefix(name, "site-not:")
}

// runCLI runs qrboard in this process with messages in lang and returns
// its standard error and exit code.
func runCLI(t *testing.T, lang string, args ...string) (string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args = append([]string{args[0], "-lang", lang, "-v", "-now", "2026-11-27"}, args[1:]...)
	code := run(context.Background(), args, &stdout, &stderr)
	return stderr.String(), code
}

// summaryRE matches the last line of a build or check.
var summaryRE = regexp.MustCompile(`^qrboard: (built|\d+ error\(s\)|check passed|đã tạo|có \d+ lỗi|kiểm tra xong)`)

// newLines returns the lines of stderr that are not in baseline and not a
// summary, with the project folder removed from paths.
func newLines(stderr, src string, baseline map[string]bool) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(stderr, "\n") {
		line = strings.ReplaceAll(line, src+string(filepath.Separator), "")
		if line == "" || baseline[line] || summaryRE.MatchString(line) {
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

func lineSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.SplitAfter(s, "\n") {
		set[line] = true
	}
	return set
}

func checkSiteSections(t *testing.T, out string, sections map[string]string) {
	t.Helper()
	for name, body := range sections {
		kind, rel, ok := strings.Cut(name, ":")
		if !ok {
			continue
		}
		page, err := readServed(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Error(err)
			continue
		}
		for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
			if has := strings.Contains(string(page), line); has != (kind == "site") {
				t.Errorf("%s: contains %q = %v", rel, line, has)
			}
		}
	}
}

// readServed reads the HTML file name as a browser shows it: where it is
// the redirect a page served at its short address leaves at its own, the
// page there.
func readServed(name string) ([]byte, error) {
	data, err := os.ReadFile(name)
	if to := projecttest.StubTarget(data); err == nil && to != "" {
		return os.ReadFile(filepath.Join(filepath.Dir(name), filepath.FromSlash(to)))
	}
	return data, err
}

// rewrite stores the current output as the case's expectations.
func rewrite(t *testing.T, file string, ar *txtar.Archive, en, vi string) {
	set := func(name, data string) {
		for i := range ar.Files {
			if ar.Files[i].Name == name {
				ar.Files[i].Data = []byte(data)
				return
			}
		}
		ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
	}
	set("want", en)
	for _, f := range ar.Files {
		if f.Name == "want.vi" {
			set("want.vi", vi)
		}
	}
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHugeFile adds a 20 MB procedure file — too big to keep in the
// corpus, so it is made here — and expects the same as a corpus case: a
// positioned refusal, exit 1, and the previous site and lock untouched.
func TestHugeFile(t *testing.T) {
	src := projecttest.Copy(t, repoRoot)
	out := filepath.Join(t.TempDir(), "site")
	if stderr, code := runCLI(t, "en", "build", "-src", src, "-out", out); code != exitOK {
		t.Fatalf("the sample does not build:\n%s", stderr)
	}
	before := projecttest.Snapshot(t, out)
	lockBefore, _ := os.ReadFile(filepath.Join(src, "qrboard.lock"))
	huge := bytes.Repeat([]byte("steps:\n  - Bước một, bước hai, bước ba.\n"), 20<<20/40)
	projecttest.WriteFile(t, filepath.Join(src, "procedures", "qua-lon.yaml"), huge)

	stderr, code := runCLI(t, "en", "build", "-src", src, "-out", out)
	want := fmt.Sprintf("qrboard: %s: error: file is too large (%d KB); the limit is 256 KB\n", filepath.Join(src, "procedures", "qua-lon.yaml"), len(huge)/1024)
	if !strings.Contains(stderr, want) || code != exitFailure {
		t.Errorf("exit %d, stderr:\n%s\nwant the line:\n%s", code, stderr, want)
	}
	if diff := projecttest.Diff(before, projecttest.Snapshot(t, out)); len(diff) > 0 {
		t.Errorf("the failed build changed the output folder: %v", diff)
	}
	if lockAfter, _ := os.ReadFile(filepath.Join(src, "qrboard.lock")); !bytes.Equal(lockBefore, lockAfter) {
		t.Error("the failed build changed qrboard.lock")
	}
}
