// Package output writes a build's files so that a failed build changes
// nothing, and a rebuild touches only what changed.
//
// The first build into a folder writes everything into a new folder next
// to it, which takes its place once the whole site is written. A rebuild
// into a folder that holds a previous build compares each new file with
// the old one and writes only new and changed files, again into a new
// folder next to it (the staging folder); only once every file is made are
// they moved into place and the files the build no longer makes removed.
// Unchanged files are not touched, so their modification times stay and
// rsync or an object-store sync uploads only what changed. A build that
// fails — an error in the project, a template, a full disk — fails before
// that last step and leaves the folder exactly as it was. (A build killed
// during the last step leaves some files new and some old; the next build
// completes the job, since it compares content.)
//
// A manifest, kept outside the output folder (in the cache), records for
// each page folder the key of the inputs it was made from and, for each
// file, its size, modification time and inode. A rebuild that finds the
// same key and the files as recorded keeps them without making or reading
// them: that is what makes a rebuild after a small change fast. Anything
// that does not match — a damaged or missing manifest, a file edited or
// replaced by hand — only means the files are made and compared again:
// content wins.
//
// The output folder is changed as a whole, so Create refuses a folder it
// did not make (one without the marker file): "-out ." or "-out ~" must
// never delete a project or a home folder.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Marker is the file that marks a folder as qrboard's output.
const Marker = ".qrboard-site"

const markerText = "This folder is written by qrboard (build or print), which changes or removes any file in it every time.\n"

// Stats counts what a build did to the output folder.
type Stats struct {
	Added, Changed, Unchanged, Removed int
	Kept                               int // of Unchanged: files kept without being made again
	// Files is what happened to each file, by its slash-separated path
	// inside the folder; files of the previous build that this one did not
	// write are Removed. Callers that know which files make up a page use
	// it to count pages rather than files.
	Files map[string]Change
	// Fresh is true when there was no previous build to compare with.
	Fresh bool
}

// Change is what a build did to one file.
type Change uint8

// Changes to a file.
const (
	Unchanged Change = iota
	Added
	Changed
	Removed
)

// Dir is an output folder being written.
type Dir struct {
	final, tmp string
	inPlace    bool                 // final holds a previous build: tmp holds only new and changed files
	old        map[string]bool      // in place: the files of the previous build
	prev       *manifest            // the previous build's manifest, or an empty one
	next       *manifest            // this build's, saved by Commit
	manifest   string               // where the manifest is kept; "" for none
	seen       map[string]fileState // in place: the folders of the previous build
	touched    map[string]bool      // in place: the folders Commit changed

	mu     sync.Mutex
	dirs   map[string]bool // folders made in tmp
	staged []string        // in place: files in tmp to move into final
	stats  Stats
}

// ErrNotOurs is returned by Create for a folder qrboard did not make.
var ErrNotOurs = errors.New("folder exists, is not empty and was not made by qrboard")

// Create starts writing a new version of the folder final. manifestFile
// is where the manifest of the folder is kept between builds ("" for
// none: every rebuild then makes and compares every file).
func Create(final, manifestFile string) (*Dir, error) {
	final = filepath.Clean(final)
	abs, err := filepath.Abs(final)
	if err != nil {
		return nil, err
	}
	d := &Dir{final: final, manifest: manifestFile, dirs: map[string]bool{"": true},
		prev: newManifest(abs), next: newManifest(abs), stats: Stats{Files: map[string]Change{}}}
	switch entries, err := os.ReadDir(final); {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	case len(entries) == 0:
	default:
		if _, err := os.Stat(filepath.Join(final, Marker)); err != nil {
			return nil, fmt.Errorf("%s: %w", final, ErrNotOurs)
		}
		d.inPlace = true
		if manifestFile != "" {
			d.prev = readManifest(manifestFile, abs)
			d.next = newManifestSized(abs, d.prev)
		}
		err := d.scan()
		if err != nil && len(d.prev.dirs) > 0 {
			// A folder the manifest lists is gone though its parent looks
			// unchanged (a file system that does not date folders by
			// their entries, such as FAT): the manifest is stale, and
			// every folder is read.
			d.prev = newManifest(abs)
			err = d.scan()
		}
		if err != nil {
			return nil, err
		}
	}
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeStale(parent, "."+filepath.Base(final)+".new-")
	if d.tmp, err = os.MkdirTemp(parent, "."+filepath.Base(final)+".new-"); err != nil {
		return nil, err
	}
	// MkdirTemp makes the folder private (0700), and it may become the
	// output folder: a web server running as another user, or a copy
	// made with rsync -a, could not read it.
	if err := os.Chmod(d.tmp, 0o755); err != nil {
		os.Remove(d.tmp)
		return nil, err
	}
	d.stats.Fresh = !d.inPlace
	return d, nil
}

// removeStale removes new folders left by builds that were killed: a day
// old, no build can still be writing them.
func removeStale(parent, prefix string) {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > 24*time.Hour {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// scan lists the files and folders of the previous build. A folder whose
// state is as the manifest recorded is not read: it holds the names the
// manifest lists.
func (d *Dir) scan() error {
	d.old, d.seen = map[string]bool{}, map[string]fileState{}
	var walk func(rel string) error
	walk = func(rel string) error {
		st, _, _, err := lstat(d.path(d.final, rel))
		if err != nil {
			return err
		}
		d.seen[rel] = st
		if want, ok := d.prev.dirs[rel]; ok && want == st {
			for _, f := range d.prev.inDir[rel] {
				d.old[f] = true
			}
			for _, sub := range d.prev.subdirs[rel] {
				if err := walk(sub); err != nil {
					return err
				}
			}
			return nil
		}
		f, err := os.Open(d.path(d.final, rel))
		if err != nil {
			return err
		}
		entries, err := f.ReadDir(-1) // unsorted: order does not matter
		f.Close()
		if err != nil {
			return err
		}
		for _, e := range entries {
			name := path.Join(rel, e.Name())
			if e.IsDir() {
				if err := walk(name); err != nil {
					return err
				}
			} else if name != Marker {
				d.old[name] = true
			}
		}
		return nil
	}
	return walk("")
}

// path returns the file path of rel inside the folder root.
func (d *Dir) path(root, rel string) string {
	if rel == "" {
		return root
	}
	return filepath.Join(root, filepath.FromSlash(rel))
}

// Keep reports whether the files rels of group (a set of files made
// from the same inputs) can stay as the previous build left them: the
// manifest recorded the same key for the group, and each file is still
// there as recorded. The files then count as unchanged, and the note
// recorded with the group comes back. It is safe to call from several
// goroutines.
func (d *Dir) Keep(group, key string, rels []string) (note string, ok bool) {
	g, ok := d.prev.groups[group]
	if !d.inPlace || !ok || g.key != key {
		return "", false
	}
	states := make([]fileState, len(rels))
	for i, rel := range rels {
		want, ok := d.prev.files[rel]
		if !ok {
			return "", false
		}
		st, regular, _, err := lstat(d.final + string(filepath.Separator) + filepath.FromSlash(rel))
		if err != nil || !regular || st != want {
			return "", false
		}
		states[i] = want
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.next.groups[group] = g
	for i, rel := range rels {
		d.next.files[rel] = states[i]
		d.stats.Files[rel] = Unchanged
	}
	d.stats.Unchanged += len(rels)
	d.stats.Kept += len(rels)
	return g.note, true
}

// Record notes that the files of group were made from inputs with key,
// with a note for the build to read back from Keep next time.
func (d *Dir) Record(group, key, note string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.next.groups[group] = groupEntry{key: key, note: note}
}

// Write writes data to rel, a slash-separated path inside the folder,
// unless the previous build left the same bytes there. It is safe to call
// from several goroutines.
func (d *Dir) Write(rel string, data []byte) error {
	if !validPath(rel) {
		return fmt.Errorf("refusing to write %q: not a plain path inside the output folder", rel)
	}
	existed := d.inPlace && d.old[rel]
	if existed {
		if st, same := d.sameAsOld(rel, data); same {
			d.count(rel, st, Unchanged)
			return nil
		}
	}
	st, err := d.put(rel, data)
	if err != nil {
		return err
	}
	if existed {
		d.count(rel, st, Changed)
	} else {
		d.count(rel, st, Added)
	}
	return nil
}

func (d *Dir) count(rel string, st fileState, c Change) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.next.files[rel] = st
	d.stats.Files[rel] = c
	switch c {
	case Unchanged:
		d.stats.Unchanged++
		return
	case Changed:
		d.stats.Changed++
	case Added:
		d.stats.Added++
	}
	if d.inPlace {
		d.staged = append(d.staged, rel)
	}
}

// sameAsOld reports whether the previous build left exactly data at rel,
// and the state of that file.
func (d *Dir) sameAsOld(rel string, data []byte) (fileState, bool) {
	f, err := os.Open(filepath.Join(d.final, filepath.FromSlash(rel)))
	if err != nil {
		return fileState{}, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return fileState{}, false
	}
	old := make([]byte, len(data)+1) // one more byte: to notice a file that grew
	n, _ := readFull(f, old)
	return stateOf(info), n == len(data) && bytes.Equal(old[:n], data)
}

func readFull(f *os.File, b []byte) (int, error) {
	n := 0
	for n < len(b) {
		m, err := f.Read(b[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// put writes data to rel in the new folder and returns the file's state.
func (d *Dir) put(rel string, data []byte) (fileState, error) {
	if err := d.mkdirs(path.Dir(rel)); err != nil {
		return fileState{}, err
	}
	return create(filepath.Join(d.tmp, filepath.FromSlash(rel)), data, d.manifest != "")
}

// validPath accepts slash-separated relative paths with no "..", no empty
// or dot elements, and no characters Windows forbids in names.
func validPath(rel string) bool {
	if !fs.ValidPath(rel) || rel == "." || rel == Marker || strings.ContainsAny(rel, `\:*?"<>|`) {
		return false
	}
	return true
}

// mkdirs makes dir and its parents in the new folder, once each, with
// one mkdir call per folder (os.MkdirAll would stat first).
func (d *Dir) mkdirs(dir string) error {
	if dir == "." {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.mkdirsLocked(dir)
}

func (d *Dir) mkdirsLocked(dir string) error {
	if dir == "." || d.dirs[dir] {
		return nil
	}
	if err := d.mkdirsLocked(path.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(filepath.Join(d.tmp, filepath.FromSlash(dir)), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.dirs[dir] = true
	return nil
}

// Commit puts the new files in place and returns what changed. After
// Commit the Dir must not be used.
func (d *Dir) Commit() (Stats, error) {
	var err error
	if d.inPlace {
		err = d.commitInPlace()
	} else {
		err = d.commitNew()
	}
	if err != nil {
		d.Abort()
		return Stats{}, err
	}
	if d.manifest != "" {
		d.recordDirs()
		d.next.save(d.manifest) // a manifest that cannot be saved only costs time next build
	}
	return d.stats, nil
}

// recordDirs records the state of the folders after Commit: those the
// commit touched are read again, the others are as scan found them.
func (d *Dir) recordDirs() {
	dirs := d.dirs // a new folder: every folder was made by this build
	if d.inPlace {
		for rel, st := range d.seen {
			d.next.dirs[rel] = st
		}
		dirs = d.touched
	}
	for rel := range dirs {
		info, err := os.Lstat(d.path(d.final, rel))
		if err != nil {
			delete(d.next.dirs, rel)
			continue
		}
		d.next.dirs[rel] = stateOf(info)
	}
}

// commitNew writes the marker and moves the new folder into place.
func (d *Dir) commitNew() error {
	if err := os.WriteFile(filepath.Join(d.tmp, Marker), []byte(markerText), 0o644); err != nil {
		return err
	}
	if err := os.Remove(d.final); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.Rename(d.tmp, d.final)
}

// commitInPlace moves the new and changed files over the old ones, then
// removes the files this build no longer makes and the folders they
// leave empty.
func (d *Dir) commitInPlace() error {
	if d.manifest != "" {
		os.Remove(d.manifest) // stale from here on, until the new one is saved
	}
	d.touched = map[string]bool{}
	touch := func(rel string) {
		for dir := dirOf(rel); !d.touched[dir]; dir = dirOf(dir) {
			d.touched[dir] = true
			if dir == "" {
				break
			}
		}
	}
	made := map[string]bool{"": true}
	for _, rel := range d.staged {
		touch(rel)
		dir := path.Dir(rel)
		if !made[dir] {
			if err := os.MkdirAll(filepath.Join(d.final, filepath.FromSlash(dir)), 0o755); err != nil {
				return err
			}
			made[dir] = true
		}
		dst := filepath.Join(d.final, filepath.FromSlash(rel))
		if err := os.Rename(filepath.Join(d.tmp, filepath.FromSlash(rel)), dst); err != nil {
			return err
		}
		if d.manifest != "" {
			// Moving a file sets its change time: record it as it is now.
			if info, err := os.Lstat(dst); err == nil {
				d.next.files[rel] = stateOf(info)
			}
		}
	}
	emptied := map[string]bool{}
	for rel := range d.old {
		if _, made := d.next.files[rel]; made {
			continue
		}
		if err := os.Remove(filepath.Join(d.final, filepath.FromSlash(rel))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		d.stats.Removed++
		d.stats.Files[rel] = Removed
		touch(rel)
		for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
			emptied[dir] = true
		}
	}
	// Deepest first; a folder that still holds files stays.
	dirs := slices.SortedFunc(maps.Keys(emptied), func(a, b string) int { return strings.Count(b, "/") - strings.Count(a, "/") })
	for _, dir := range dirs {
		os.Remove(filepath.Join(d.final, filepath.FromSlash(dir)))
	}
	if err := d.renewMarker(); err != nil {
		return err
	}
	return os.RemoveAll(d.tmp)
}

// renewMarker rewrites the marker of a folder made by an older qrboard,
// whose text said something else.
func (d *Dir) renewMarker() error {
	dst := filepath.Join(d.final, Marker)
	if old, err := os.ReadFile(dst); err == nil && string(old) == markerText {
		return nil
	}
	tmp := filepath.Join(d.tmp, Marker)
	if err := os.WriteFile(tmp, []byte(markerText), 0o644); err != nil {
		return err
	}
	d.touched[""] = true
	return os.Rename(tmp, dst)
}

// Abort removes the new folder, leaving the output folder as it was.
func (d *Dir) Abort() {
	if d.tmp != "" {
		os.RemoveAll(d.tmp)
	}
}
