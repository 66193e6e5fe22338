package lock

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"qrboard/internal/site"
)

// TestSaveOpen saves the paths of a site, reads them back, and checks
// that a save that adds nothing leaves the file alone and that a bad line
// is reported where it is.
func TestSaveOpen(t *testing.T) {
	dir := t.TempDir()
	l, diags := Open(dir)
	if len(diags) > 0 || l.Len() != 0 {
		t.Fatalf("a missing file: %d paths, %v", l.Len(), diags)
	}
	s := &site.Site{Pages: []*site.Page{{Path: ""}, {Path: "van-ha/"}}, Redirects: []site.Redirect{{From: "cu/", To: "van-ha/"}}}
	if changed, err := l.Save(s); !changed || err != nil {
		t.Fatalf("first save: %v, %v", changed, err)
	}
	l, diags = Open(dir)
	if want := []string{"/", "/cu/", "/van-ha/"}; len(diags) > 0 || !slices.Equal(l.Paths(), want) {
		t.Fatalf("read back %q, %v; want %q", l.Paths(), diags, want)
	}
	path := filepath.Join(dir, File)
	before, _ := os.Stat(path)
	if changed, err := l.Save(&site.Site{Pages: []*site.Page{{Path: "van-ha/"}}}); changed || err != nil {
		t.Errorf("a save adding nothing: %v, %v", changed, err)
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
