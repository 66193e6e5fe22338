package output

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// site is what a build writes: page folders (groups) with a key and
// their files, and loose files.
type site struct {
	pages map[string]string            // group → key
	files map[string]map[string]string // group → name → content
}

func newSite() *site {
	return &site{pages: map[string]string{}, files: map[string]map[string]string{}}
}

func (s *site) page(group, key string, files ...string) *site {
	s.pages[group] = key
	s.files[group] = map[string]string{}
	for i := 0; i+1 < len(files); i += 2 {
		s.files[group][files[i]] = files[i+1]
	}
	return s
}

// write builds s into out the way package build does: Keep first, else
// Write every file and Record the key.
func (s *site) write(t *testing.T, out, manifest string) Stats {
	t.Helper()
	d, err := Create(Site, out, manifest)
	if err != nil {
		t.Fatal(err)
	}
	for group, key := range s.pages {
		var rels []string
		for name := range s.files[group] {
			rels = append(rels, group+name)
		}
		if _, ok := d.Keep(group, key, rels); ok {
			continue
		}
		for name, content := range s.files[group] {
			if err := d.Write(group+name, []byte(content)); err != nil {
				t.Fatal(err)
			}
		}
		d.Record(group, key, "note")
	}
	stats, err := d.Commit()
	if err != nil {
		t.Fatal(err)
	}
	return stats
}

// check compares the folder with s, file by file, and expects nothing
// else in it but the marker.
func (s *site) check(t *testing.T, out string) {
	t.Helper()
	s.checkWith(t, out, nil)
}

// checkWith is check with the files extra in the folder too.
func (s *site) checkWith(t *testing.T, out string, extra map[string]string) {
	t.Helper()
	want := maps.Clone(extra)
	if want == nil {
		want = map[string]string{}
	}
	for group, files := range s.files {
		for name, content := range files {
			want[group+name] = content
		}
	}
	got := map[string]string{}
	filepath.WalkDir(out, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			rel, _ := filepath.Rel(out, p)
			data, _ := os.ReadFile(p)
			got[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	if got[Site.Marker] == "" {
		t.Error("no marker")
	}
	delete(got, Site.Marker)
	for rel, content := range want {
		if got[rel] != content {
			t.Errorf("%s: %q, want %q", rel, got[rel], content)
		}
	}
	for rel := range got {
		if _, ok := want[rel]; !ok {
			t.Errorf("%s: left over", rel)
		}
	}
}

func sample() *site {
	return newSite().
		page("a/", "k1", "index.html", "page a", "qr.svg", "svg a").
		page("b/c/", "k2", "index.html", "page c", "qr.svg", "svg c").
		page("", "k3", "index.html", "home")
}

// TestIncremental rebuilds with one page changed, one added and one
// gone: only they are touched, and every other file keeps its time.
func TestIncremental(t *testing.T) {
	dir := t.TempDir()
	out, manifest := filepath.Join(dir, "site"), filepath.Join(dir, "cache", "site.manifest")
	s := sample()
	if st := s.write(t, out, manifest); st.Added != 5 || !st.Fresh || len(st.Files) != 5 {
		t.Errorf("first build: %+v, want 5 added to a fresh folder", st)
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("the output folder is %v (%v), want readable by all (0755)", info.Mode(), err)
	}
	s.check(t, out)
	if st := s.write(t, out, manifest); st.Kept != 5 || st.Unchanged != 5 || st.Added+st.Changed+st.Removed != 0 {
		t.Errorf("same build again: %+v, want 5 kept", st)
	}
	before, _ := os.Stat(filepath.Join(out, "a", "qr.svg"))
	time.Sleep(10 * time.Millisecond) // so a rewritten file would get another time
	// Page a is rendered again (new key), its svg comes out the same;
	// page c is gone, page d is new.
	s = sample().page("a/", "k1b", "index.html", "page a2", "qr.svg", "svg a").page("d/", "k4", "index.html", "page d")
	delete(s.pages, "b/c/")
	delete(s.files, "b/c/")
	st := s.write(t, out, manifest)
	if st.Changed != 1 || st.Added != 1 || st.Removed != 2 || st.Unchanged != 2 || st.Kept != 1 {
		t.Errorf("after changes: %+v, want 1 changed, 1 added, 2 removed, 2 unchanged of which 1 kept", st)
	}
	want := map[string]Change{"a/index.html": Changed, "a/qr.svg": Unchanged, "d/index.html": Added,
		"b/c/index.html": Removed, "b/c/qr.svg": Removed, "index.html": Unchanged}
	if !maps.Equal(st.Files, want) || st.Fresh {
		t.Errorf("after changes: files %v (fresh %v), want %v", st.Files, st.Fresh, want)
	}
	s.check(t, out)
	if info, _ := os.Stat(filepath.Join(out, "a", "qr.svg")); !info.ModTime().Equal(before.ModTime()) {
		t.Error("an unchanged file was rewritten")
	}
	if _, err := os.Stat(filepath.Join(out, "b")); err == nil {
		t.Error("the folder of a removed page is left, empty")
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".site.new-*"))
	if len(leftovers) > 0 {
		t.Errorf("staging folders left: %v", leftovers)
	}
}

// TestContentWins changes the output folder and the manifest behind the
// build's back: whatever the manifest says, the folder ends up exactly as
// the build makes it.
func TestContentWins(t *testing.T) {
	for _, tc := range []struct {
		name   string
		tamper func(t *testing.T, out, manifest string)
	}{
		{"file edited, same size, old time", func(t *testing.T, out, _ string) {
			p := filepath.Join(out, "a", "index.html")
			info, _ := os.Stat(p)
			os.WriteFile(p, []byte("PAGE A"), 0o644)
			os.Chtimes(p, info.ModTime(), info.ModTime())
		}},
		{"file replaced", func(t *testing.T, out, _ string) {
			p := filepath.Join(out, "b", "c", "qr.svg")
			os.Remove(p)
			os.WriteFile(p, []byte("other"), 0o644)
		}},
		{"file deleted", func(t *testing.T, out, _ string) {
			os.Remove(filepath.Join(out, "a", "qr.svg"))
		}},
		{"manifest damaged", func(t *testing.T, out, manifest string) {
			data, _ := os.ReadFile(manifest)
			data[len(data)/2] ^= 1
			os.WriteFile(manifest, data, 0o644)
			os.WriteFile(filepath.Join(out, "index.html"), []byte("hand"), 0o644)
		}},
		{"manifest of another folder", func(t *testing.T, out, manifest string) {
			data, _ := os.ReadFile(manifest)
			os.WriteFile(manifest, []byte(strings.Replace(string(data), out, out+"x", 1)), 0o644)
		}},
		{"folder gone", func(t *testing.T, out, manifest string) {
			// The manifest still lists its files, and the marker is
			// as it recorded: the build finds them gone as it keeps them.
			os.RemoveAll(filepath.Join(out, "b"))
		}},
		{"manifest stale", func(t *testing.T, out, manifest string) {
			// A manifest saved before a build whose files then differ.
			stale, _ := os.ReadFile(manifest)
			changed := sample().page("a/", "k1", "index.html", "page a, other build", "qr.svg", "svg a")
			changed.write(t, out, manifest)
			os.WriteFile(manifest, stale, 0o644)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out, manifest := filepath.Join(dir, "site"), filepath.Join(dir, "site.manifest")
			s := sample()
			s.write(t, out, manifest)
			tc.tamper(t, out, manifest)
			s.write(t, out, manifest)
			s.check(t, out)
		})
	}
}

// TestAbortChangesNothing aborts a rebuild after writing changed
// files: the folder is as it was.
func TestAbortChangesNothing(t *testing.T) {
	dir := t.TempDir()
	out, manifest := filepath.Join(dir, "site"), filepath.Join(dir, "site.manifest")
	s := sample()
	s.write(t, out, manifest)
	d, err := Create(Site, out, manifest)
	if err != nil {
		t.Fatal(err)
	}
	d.Write("a/index.html", []byte("new"))
	d.Write("z/index.html", []byte("new"))
	d.Abort()
	s.check(t, out)
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".site.new-*"))
	if len(leftovers) > 0 {
		t.Errorf("staging folders left: %v", leftovers)
	}
}

func TestRefusesForeignFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	if _, err := Create(Site, dir, ""); err == nil {
		t.Fatal("Create accepted a folder it did not make")
	}
}

// TestEmptyFolderOrFile writes into an empty folder as into none, and
// refuses a path that is a file, leaving it as it was.
func TestEmptyFolderOrFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	s := sample()
	if st := s.write(t, out, ""); !st.Fresh || st.Added != 5 {
		t.Errorf("into an empty folder: %+v, want 5 added to a fresh folder", st)
	}
	s.check(t, out)

	file := filepath.Join(t.TempDir(), "site")
	os.WriteFile(file, []byte("mine"), 0o644)
	if d, err := Create(Site, file, ""); err == nil {
		d.Abort()
		t.Error("Create accepted a file as the folder")
	}
	if data, err := os.ReadFile(file); err != nil || string(data) != "mine" {
		t.Errorf("the file is now %q (%v)", data, err)
	}
}

// TestRemovesLeftovers removes the new folder of a build that was killed,
// however recent, and leaves those of a build still running and an
// older qrboard's recent one.
func TestRemovesLeftovers(t *testing.T) {
	dir := t.TempDir()
	dead := deadPID(t)
	killed := filepath.Join(dir, fmt.Sprintf(".site.new-%d-123", dead))
	running := filepath.Join(dir, fmt.Sprintf(".site.new-%d-456", os.Getppid()))
	oldStale, oldRecent := filepath.Join(dir, ".site.new-1"), filepath.Join(dir, ".site.new-2")
	for _, p := range []string{killed, running, oldStale, oldRecent} {
		os.MkdirAll(filepath.Join(p, "a"), 0o755)
	}
	old := time.Now().Add(-48 * time.Hour)
	os.Chtimes(oldStale, old, old)
	sample().write(t, filepath.Join(dir, "site"), "")
	for p, want := range map[string]bool{killed: false, running: true, oldStale: false, oldRecent: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: there %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

// deadPID returns the number of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func TestManifestRoundTrip(t *testing.T) {
	m := newManifest("/site")
	m.groups["a/"] = groupEntry{key: "k", note: "4"}
	m.groups[""] = groupEntry{key: "k2"}
	m.files["index.html"] = fileRecord{fileState{size: 9, mtime: -6, ctime: 7, ino: 1 << 60}, fingerprintOf([]byte("home"))}
	m.files["a/b c.html"] = fileRecord{fileState{size: 10, mtime: 11}, 1<<64 - 1}
	m.files["x/y/z"] = fileRecord{fileState: fileState{size: 12}}
	file := filepath.Join(t.TempDir(), "m")
	if err := m.save(file); err != nil {
		t.Fatal(err)
	}
	got := readManifest(file, "/site")
	if !maps.Equal(got.groups, m.groups) || !maps.Equal(got.files, m.files) {
		t.Errorf("read back %+v, want %+v", got, m)
	}
	if other := readManifest(file, "/other"); len(other.files) != 0 {
		t.Error("read the manifest of another folder")
	}
	// A manifest cut short is refused by its sum; with a sum made for
	// what is left (as if written cut short), by its reader, without
	// reading past the end.
	data, _ := os.ReadFile(file)
	body := data[:len(data)-4]
	for cut := range len(body) {
		for _, resum := range []bool{false, true} {
			b := slices.Clone(body[:cut])
			if resum {
				b = binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
			}
			os.WriteFile(file, b, 0o644)
			if got := readManifest(file, "/site"); len(got.files)+len(got.groups) != 0 {
				t.Fatalf("a manifest cut to %d of %d bytes (sum made again: %v) was read", cut, len(body), resum)
			}
		}
	}
}

// TestManifestLarge reads back more files than a folder of the site
// holds, with long names.
func TestManifestLarge(t *testing.T) {
	m := newManifest("/site")
	for i := range 3000 {
		m.files[fmt.Sprintf("posters/%s%d.pdf", strings.Repeat("x", i%300), i)] = fileRecord{fileState{size: int64(i), mtime: int64(i) << 40}, fingerprint(i)}
	}
	file := filepath.Join(t.TempDir(), "m")
	if err := m.save(file); err != nil {
		t.Fatal(err)
	}
	if got := readManifest(file, "/site"); !maps.Equal(got.files, m.files) {
		t.Errorf("read back %d files, want %d", len(got.files), len(m.files))
	}
}

// TestMarkerRenewed rebuilds a folder made by an older qrboard, whose
// marker listed no files: the marker is rewritten with the list, the
// files are kept, and a file the build does not make stays.
func TestMarkerRenewed(t *testing.T) {
	dir := t.TempDir()
	out, manifest := filepath.Join(dir, "site"), filepath.Join(dir, "site.manifest")
	s := sample()
	s.write(t, out, manifest)
	os.Remove(manifest)
	old := "This folder is written by qrboard (build or print), which changes or removes any file in it every time.\n"
	os.WriteFile(filepath.Join(out, Site.Marker), []byte(old), 0o644)
	os.WriteFile(filepath.Join(out, "gone.html"), []byte("an old page, or a file of the user's"), 0o644)
	if st := s.write(t, out, manifest); st.Unchanged != 5 || st.Removed != 0 {
		t.Errorf("rebuild: %+v, want 5 unchanged, none removed", st)
	}
	data, _ := os.ReadFile(filepath.Join(out, Site.Marker))
	if want := string(markerData(Site, []string{"a/index.html", "a/qr.svg", "b/c/index.html", "b/c/qr.svg", "index.html"})); string(data) != want {
		t.Errorf("marker %q, want %q", data, want)
	}
	s.page("gone.html", "", "", "an old page, or a file of the user's")
	s.check(t, out)
}

// TestSameSizeChange makes a page again whose bytes changed but not
// their size, and one of its files the same: the manifest's fingerprints
// tell which is which without reading the old files.
func TestSameSizeChange(t *testing.T) {
	dir := t.TempDir()
	out, manifest := filepath.Join(dir, "site"), filepath.Join(dir, "site.manifest")
	sample().write(t, out, manifest)
	s := sample().page("a/", "k1b", "index.html", "page A", "qr.svg", "svg a")
	st := s.write(t, out, manifest)
	if st.Changed != 1 || st.Unchanged != 4 || st.Kept != 3 || st.Files["a/index.html"] != Changed || st.Files["a/qr.svg"] != Unchanged {
		t.Errorf("rebuild: %+v, want a/index.html changed, a/qr.svg unchanged, 3 kept", st)
	}
	s.check(t, out)
	if st := s.write(t, out, manifest); st.Kept != 5 {
		t.Errorf("same build again: %+v, want 5 kept", st)
	}
}
