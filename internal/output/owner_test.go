package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// foreign are files a user keeps in the output folder.
var foreign = map[string]string{
	"CNAME":                   "thutuc.phuctho.vn\n",
	"google123.html":          "google-site-verification: google123.html",
	"tai-lieu/quyet-dinh.pdf": "%PDF-1.4 hand-made",
	"a/ghi-chu.txt":           "a note beside a page",
	".git/HEAD":               "ref: refs/heads/gh-pages\n",
	".git/objects/ab/cdef":    "object",
}

func addForeign(t *testing.T, out string) {
	t.Helper()
	for rel, content := range foreign {
		p := filepath.Join(out, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// folder returns an output folder to make in a new temporary folder and,
// withManifest, where its manifest is kept; else "".
func folder(t *testing.T, withManifest bool) (out, manifest string) {
	dir := t.TempDir()
	if withManifest {
		manifest = filepath.Join(dir, "site.manifest")
	}
	return filepath.Join(dir, "site"), manifest
}

// TestForeignFilesKept rebuilds, with and without a manifest, a site
// whose folder holds files the build did not make: they stay, byte for
// byte, through a rebuild that changes pages and removes one.
func TestForeignFilesKept(t *testing.T) {
	for _, withManifest := range []bool{true, false} {
		out, manifest := folder(t, withManifest)
		sample().write(t, out, manifest)
		addForeign(t, out)
		st := sample().write(t, out, manifest)
		if st.Removed != 0 || st.Added != 0 {
			t.Errorf("rebuild: %+v, want nothing added or removed", st)
		}
		s := sample().page("a/", "k1b", "index.html", "page a2", "qr.svg", "svg a")
		delete(s.pages, "b/c/")
		delete(s.files, "b/c/")
		if st := s.write(t, out, manifest); st.Removed != 2 {
			t.Errorf("rebuild without b/c/: %+v, want 2 removed", st)
		}
		s.checkWith(t, out, foreign)
	}
}

// TestForeignFileInTheWay fails a build that would write where a file
// of the user's is, naming it, and changes nothing: with a manifest that
// lists the folder's files (no folder is read) and without.
func TestForeignFileInTheWay(t *testing.T) {
	for _, withManifest := range []bool{true, false} {
		out, manifest := folder(t, withManifest)
		sample().write(t, out, manifest)
		os.MkdirAll(filepath.Join(out, "d"), 0o755)
		os.WriteFile(filepath.Join(out, "d", "index.html"), []byte("mine"), 0o644)
		d, err := Create(Site, out, manifest)
		if err != nil {
			t.Fatal(err)
		}
		if withManifest && d.old != nil {
			t.Error("the folder was read, though the manifest lists its files")
		}
		var fe *ForeignError
		if err := d.Write("d/index.html", []byte("page d")); !errors.As(err, &fe) || fe.Rel != "d/index.html" {
			t.Fatalf("manifest %v: writing over a file of the user's: %v, want a ForeignError for d/index.html", withManifest, err)
		}
		d.Abort()
		if data, _ := os.ReadFile(filepath.Join(out, "d", "index.html")); string(data) != "mine" {
			t.Errorf("manifest %v: the user's file holds %q", withManifest, data)
		}
	}
}

// TestKindsApart refuses a print folder to build and a site folder to
// print, and a folder of files without a marker to both.
func TestKindsApart(t *testing.T) {
	dir := t.TempDir()
	site, print := filepath.Join(dir, "site"), filepath.Join(dir, "print")
	sample().write(t, site, "")
	d, err := Create(Print, print, "")
	if err != nil {
		t.Fatal(err)
	}
	d.Write("x/posters.pdf", []byte("pdf"))
	if _, err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	var ok *OtherKindError
	if _, err := Create(Print, site, ""); !errors.As(err, &ok) || ok.Kind != Site {
		t.Errorf("print into a site folder: %v", err)
	}
	if _, err := Create(Site, print, ""); !errors.As(err, &ok) || ok.Kind != Print {
		t.Errorf("build into a print folder: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644)
	if _, err := Create(Site, dir, ""); !errors.Is(err, ErrNotOurs) {
		t.Errorf("build into a folder of files: %v", err)
	}
	sample().check(t, site)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("%d entries beside the folders, want site, print and notes.txt", len(entries))
	}
}

// TestFailureAtEachStep makes each change to the disk of a build and a
// rebuild with a lock file attached fail in turn — a write on a full disk,
// a rename in the middle of the commit — and checks that the folder and
// the lock are both old or both new, and that no temporary file is left.
func TestFailureAtEachStep(t *testing.T) {
	next := sample().page("a/", "k1b", "index.html", "page a2", "qr.svg", "svg a").page("d/", "k4", "index.html", "page d")
	delete(next.pages, "b/c/")
	delete(next.files, "b/c/")
	for _, fresh := range []bool{true, false} {
		for n := 1; ; n++ {
			dir := t.TempDir()
			out, lockFile := filepath.Join(dir, "site"), filepath.Join(dir, "qrboard.lock")
			old := sample()
			if !fresh {
				old.write(t, out, "")
				addForeign(t, out)
			}
			os.WriteFile(lockFile, []byte("old lock\n"), 0o644)
			calls, failed := 0, false
			Hook = func(op, path string) error {
				calls++
				if calls == n {
					failed = true
					return errors.New("no space left on device (injected)")
				}
				return nil
			}
			err := buildWith(next, out, lockFile)
			Hook = nil
			lock, _ := os.ReadFile(lockFile)
			switch {
			case !failed:
				if err != nil {
					t.Fatal(err)
				}
			case err == nil:
				t.Errorf("fresh %v, step %d: the failure was not reported", fresh, n)
			case string(lock) != "old lock\n":
				t.Errorf("fresh %v, step %d: the lock is new, the build failed", fresh, n)
			case fresh:
				if _, err := os.Stat(out); err == nil {
					t.Errorf("fresh %v, step %d: a site was left", fresh, n)
				}
			default:
				old.checkWith(t, out, foreign)
			}
			leftovers, _ := filepath.Glob(filepath.Join(dir, "*.tmp-*"))
			more, _ := filepath.Glob(filepath.Join(dir, ".site.new-*"))
			if len(leftovers)+len(more) > 0 {
				t.Errorf("fresh %v, step %d: temporary files left: %v %v", fresh, n, leftovers, more)
			}
			if !failed {
				if string(lock) != "new lock\n" {
					t.Errorf("fresh %v: the lock is %q after the build", fresh, lock)
				}
				if fresh {
					next.check(t, out)
				} else {
					next.checkWith(t, out, foreign)
				}
				if n < 5 {
					t.Errorf("only %d steps", n)
				}
				break
			}
		}
	}
}

// buildWith writes s into out as the site helper does, with a lock file
// attached, and returns the error of whichever step failed.
func buildWith(s *site, out, lockFile string) error {
	d, err := Create(Site, out, "")
	if err != nil {
		return err
	}
	for group := range s.pages {
		for name, content := range s.files[group] {
			if err := d.Write(group+name, []byte(content)); err != nil {
				d.Abort()
				return err
			}
		}
	}
	d.Attach(lockFile, []byte("new lock\n"))
	_, err = d.Commit()
	if err != nil && !strings.Contains(err.Error(), "injected") {
		panic(err)
	}
	return err
}

// TestAdoptedFolder builds into a folder of the user's given an empty
// marker by hand: every file in it is kept, and one where a page goes
// stops the build.
func TestAdoptedFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	addForeign(t, out)
	os.WriteFile(filepath.Join(out, Site.Marker), nil, 0o644)
	sample().write(t, out, "")
	sample().checkWith(t, out, foreign)
	os.WriteFile(filepath.Join(out, "d.html"), []byte("mine"), 0o644)
	d, err := Create(Site, out, "")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	var fe *ForeignError
	if err := d.Write("d.html", []byte("page")); !errors.As(err, &fe) {
		t.Errorf("writing over a file of the adopted folder: %v", err)
	}
}

// BenchmarkMarker reads the marker of a province's site (51,005 files:
// 10,201 pages of five files) and compares it with a rebuild's files, what
// every rebuild does.
func BenchmarkMarker(b *testing.B) {
	files := make([]string, 0, 51005)
	next := newManifest("/site")
	for i := range 10201 {
		for _, f := range []string{"index.html", "qr.svg", "qr.png", "og.png", "poster.html"} {
			rel := fmt.Sprintf("xa-%d/thu-tuc-%d/%s", i/100, i, f)
			files = append(files, rel)
			next.files[rel] = fileRecord{}
		}
	}
	data := markerData(Site, files)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d := &Dir{own: parseOwner(data), next: next}
		if !d.sameFiles() {
			b.Fatal("not the same files")
		}
	}
}

// TestMarkerFromManifest rebuilds with a manifest that recorded the
// marker as it is: the marker is not read. A marker rewritten since is.
func TestMarkerFromManifest(t *testing.T) {
	dir := t.TempDir()
	out, manifest := filepath.Join(dir, "site"), filepath.Join(dir, "site.manifest")
	sample().write(t, out, manifest)
	d, err := Create(Site, out, manifest)
	if err != nil {
		t.Fatal(err)
	}
	d.Abort()
	if d.own.m == nil {
		t.Error("the marker was read, though the manifest recorded it")
	}
	if d.old != nil {
		t.Error("the folder was read, though the manifest recorded it")
	}
	data, _ := os.ReadFile(filepath.Join(out, Site.Marker))
	os.WriteFile(filepath.Join(out, Site.Marker), append(data, "b/c/qr.svg\n"...), 0o644)
	if d, err = Create(Site, out, manifest); err != nil {
		t.Fatal(err)
	}
	d.Abort()
	if d.own.m != nil || !d.own.listed("a/qr.svg") {
		t.Error("a marker changed since the manifest was not read")
	}
}
