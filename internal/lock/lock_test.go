package lock

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"qrboard/internal/msg"
	"qrboard/internal/site"
)

// save writes the lock's new content, as the output folder's commit
// does, when Update says it changed, and reports whether it did.
func save(t *testing.T, l *Lock, s *site.Site) bool {
	t.Helper()
	data, changed := l.Update(s)
	if changed {
		if err := os.WriteFile(l.Path(), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return changed
}

// TestUpdateOpen records the paths of a site, reads them back, and
// checks that an update that adds nothing changes nothing and that a
// bad line is reported where it is.
func TestUpdateOpen(t *testing.T) {
	dir := t.TempDir()
	l, diags := Open(dir)
	if len(diags) > 0 || l.Len() != 0 {
		t.Fatalf("a missing file: %d paths, %v", l.Len(), diags)
	}
	s := &site.Site{Pages: []*site.Page{{Path: ""}, {Path: "van-ha/"}}, Redirects: []site.Redirect{{From: "cu/", To: "van-ha/"}}}
	if !save(t, l, s) {
		t.Fatal("first save: no change")
	}
	l, diags = Open(dir)
	if want := []string{"/", "/cu/", "/van-ha/"}; len(diags) > 0 || !slices.Equal(l.Paths(), want) {
		t.Fatalf("read back %q, %v; want %q", l.Paths(), diags, want)
	}
	path := filepath.Join(dir, File)
	before, _ := os.Stat(path)
	if save(t, l, &site.Site{Pages: []*site.Page{{Path: "van-ha/"}}}) {
		t.Error("a save adding nothing changed the lock")
	}
	if after, _ := os.Stat(path); !after.ModTime().Equal(before.ModTime()) {
		t.Error("a save adding nothing wrote the file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d entries in the project folder, want the lock file alone", len(entries))
	}
	data, _ := os.ReadFile(path)
	os.WriteFile(path, append(data, "no-slash\n"...), 0o644)
	_, diags = Open(dir)
	if len(diags) != 1 || diags[0].Pos.File != File || diags[0].Pos.Line != strings.Count(string(data), "\n")+1 {
		t.Errorf("a bad last line: %v", diags)
	}
}

// open writes content as the lock file of a new project folder and
// opens it.
func open(t *testing.T, content string) (*Lock, string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, File), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	l, diags := Open(dir)
	if len(diags) > 0 {
		t.Fatalf("reading %q: %v", content, diags)
	}
	return l, dir
}

// TestShortNumbers checks that short numbers are given in the order of
// the paths, kept, written back, and never given again, even when a
// line was deleted from the file.
func TestShortNumbers(t *testing.T) {
	l, dir := open(t, "/\n/van-ha/\n")
	l.Assign([]string{"/van-ha/y/", "/van-ha/", "/van-ha/x/"})
	for path, want := range map[string]int{"/van-ha/": 1, "/van-ha/x/": 2, "/van-ha/y/": 3, "/": 0} {
		if got := l.Short(path); got != want {
			t.Errorf("Short(%q) = %d, want %d", path, got, want)
		}
	}
	if !save(t, l, &site.Site{}) {
		t.Error("new numbers: no change")
	}
	data, _ := os.ReadFile(filepath.Join(dir, File))
	text := string(data)
	if !strings.HasSuffix(text, "/1/ /van-ha/\n/2/ /van-ha/x/\n/3/ /van-ha/y/\nnext 4\n") {
		t.Errorf("the file ends:\n%s", text)
	}
	again, _ := open(t, text)
	again.Assign([]string{"/van-ha/x/", "/van-ha/z/"})
	if again.Short("/van-ha/x/") != 2 || again.Short("/van-ha/z/") != 4 {
		t.Errorf("after reading back: x is %d, z is %d; want 2 and 4", again.Short("/van-ha/x/"), again.Short("/van-ha/z/"))
	}
	// A deleted line: its number is not given again.
	deleted, _ := open(t, strings.Replace(text, "/3/ /van-ha/y/\n", "", 1))
	deleted.Assign([]string{"/van-ha/y/"})
	if got := deleted.Short("/van-ha/y/"); got != 4 {
		t.Errorf("a path whose line was deleted got %d, want 4 (next)", got)
	}
	unchanged, _ := open(t, text)
	if save(t, unchanged, &site.Site{}) {
		t.Error("a lock read and saved unchanged changed")
	}
}

// TestShortBadLines checks that malformed short lines are reported at
// their line.
func TestShortBadLines(t *testing.T) {
	for _, line := range []string{"/0/ /x/", "/12 /x/", "/12/ x/", "/012/ /x/", "next zero", "next 0"} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, File), []byte("/\n"+line+"\n"), 0o644)
		_, diags := Open(dir)
		if len(diags) != 1 || diags[0].Text.ID() != msg.LockBadLine || diags[0].Pos.Line != 2 {
			t.Errorf("%q: %v", line, diags)
		}
	}
}
