package build

import (
	"context"
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/bad/*.txtar from the current output")

// TestBadInput runs every case in testdata/bad. A case is a txtar archive
// whose files are laid over a copy of the sample project (a "delete"
// section lists files to remove first). Its "want" section holds the
// expected messages in English — every error, and every warning the
// unmodified sample does not already give — and "want.vi" optionally the
// same in Vietnamese. A case with errors must leave the previous output
// folder byte for byte as it was; a case without must build, and its
// "site:PATH" sections list lines the built file must contain,
// "site-not:PATH" lines it must not.
func TestBadInput(t *testing.T) {
	cases, err := filepath.Glob("testdata/bad/*.txtar")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	src, prevSite, _ := buildSample(t)
	baseline := baselineWarnings(t, src)
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

func runBadCase(t *testing.T, file string, ar *txtar.Archive, prevSite string, baseline map[string]bool) {
	src := copyProject(t, repoRoot)
	out := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(out, os.DirFS(prevSite)); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	sections := map[string]string{}
	for _, f := range ar.Files {
		switch {
		case f.Name == "want" || f.Name == "want.vi" || f.Name == "delete" ||
			strings.HasPrefix(f.Name, "site:") || strings.HasPrefix(f.Name, "site-not:"):
			sections[f.Name] = string(f.Data)
		default:
			writeFile(t, filepath.Join(src, filepath.FromSlash(f.Name)), f.Data)
		}
	}
	for _, name := range strings.Fields(sections["delete"]) {
		if err := os.RemoveAll(filepath.Join(src, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	res, diags, err := Run(context.Background(), Options{Src: src, Out: out, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	got := formatNew(diags, msg.En, baseline)
	if *update {
		setSection(ar, "want", got)
		if _, ok := sections["want.vi"]; ok {
			setSection(ar, "want.vi", formatNew(diags, msg.Vi, baseline))
		}
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	} else {
		if want := sections["want"]; got != want {
			t.Errorf("messages:\n%s\nwant:\n%s", got, want)
		}
		if want, ok := sections["want.vi"]; ok {
			if got := formatNew(diags, msg.Vi, baseline); got != want {
				t.Errorf("Vietnamese messages:\n%s\nwant:\n%s", got, want)
			}
		}
	}
	if diags.HasErrors() {
		if res != nil {
			t.Error("build with errors returned a result")
		}
		if after := snapshot(t, out); !maps.Equal(before, after) {
			t.Error("a failed build changed the previous output folder")
		}
		return
	}
	if res == nil {
		t.Fatal("build without errors returned no result")
	}
	checkSiteSections(t, out, sections)
}

func checkSiteSections(t *testing.T, out string, sections map[string]string) {
	for name, body := range sections {
		kind, rel, ok := strings.Cut(name, ":")
		if !ok {
			continue
		}
		page := string(readFile(t, filepath.Join(out, filepath.FromSlash(rel))))
		for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
			if has := strings.Contains(page, line); has != (kind == "site") {
				t.Errorf("%s: contains %q = %v", rel, line, has)
			}
		}
	}
}

// baselineWarnings returns the messages the unmodified sample gives, so
// cases show only what they add.
func baselineWarnings(t *testing.T, src string) map[string]bool {
	_, diags := Load(Options{Src: src, Now: testNow, Check: true})
	if diags.HasErrors() {
		t.Fatalf("the sample has errors")
	}
	seen := map[string]bool{}
	for _, d := range diags {
		seen[d.Format(msg.En, "")] = true
	}
	return seen
}

// formatNew formats the diagnostics not in baseline, sorted, one per line.
func formatNew(diags diag.List, l msg.Lang, baseline map[string]bool) string {
	diags.Sort()
	var b strings.Builder
	for _, d := range diags {
		if baseline[d.Format(msg.En, "")] {
			continue
		}
		b.WriteString(d.Format(l, ""))
		b.WriteByte('\n')
	}
	return b.String()
}

func setSection(ar *txtar.Archive, name, data string) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = []byte(data)
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
}

// snapshot records every file under dir with its content hash and
// modification time.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			files[rel] = "dir"
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files[rel] = fmt.Sprintf("%x %d", sha256.Sum256(data), info.ModTime().UnixNano())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
