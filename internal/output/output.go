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
// fails leaves the folder exactly as it was (see Committing).
//
// A manifest, kept outside the output folder (in the cache), records for
// each page folder the key of the inputs it was made from and, for each
// file, its state (size, modification and change times, inode) and a
// fingerprint of its bytes. A rebuild that finds the same key and the
// files as recorded keeps them without making or reading them: that is
// what makes a rebuild after a small change fast. A file made again is
// compared with the old one by its fingerprint while the old one is as
// recorded. When the folder's marker is as the manifest recorded it, no
// folder is read: the manifest lists the previous build's files, and
// only the files kept are looked at (one lstat each). Anything that does
// not match — a damaged or missing manifest, a file edited, replaced or
// deleted by hand — only means the files are made and compared again:
// content wins.
//
// # Whose files
//
// A folder belongs to qrboard only as far as qrboard made it. The marker
// file at its top (.qrboard-site for a site, .qrboard-print for print
// packs) lists the files the last build wrote; only those are ever
// changed or removed. Any other file — a CNAME or a verification file for
// the host, hand-made PDFs, the .git folder of a gh-pages worktree — is
// carried over untouched into the new version, as Hugo keeps the files
// it does not know in public/; a folder holding none of qrboard's files is
// not even read. A build that would write a file where such a file is
// fails with a ForeignError before changing anything. Create refuses a
// folder that is not empty and has no marker (ErrNotOurs), and a folder
// of the other kind (OtherKindError): build and print never write into
// each other's folders. A marker written by an older qrboard lists no
// files: the files this build does not make are then all kept.
//
// # Committing
//
// Commit makes everything that needs room on the disk — the new files,
// the marker, the files attached with Attach (the lock file), the folders
// — before it moves anything into place, so that a full disk fails the
// build with the folder as it was. It then moves the files in, setting
// aside each file it replaces or removes, and last renames the attached
// files over theirs; a move that fails (a disk unplugged, a file locked by
// another program) undoes those before it. So a failure leaves the old
// site with the old lock, or the new site with the new lock. Only a build
// killed while moving leaves some files new and some old, and the next
// build completes the job, since it compares content. Temporary names are
// described in temp.go.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"maps"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

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
	kind       Kind
	final, tmp string
	own        *owner          // in place: what the marker says
	attached   []attachment    // files committed with the folder
	markerMade bool            // in place: a new marker waits in tmp
	finalMade  bool            // in place: and one to move in last (markerFinal)
	backup     string          // Commit: where replaced files are set aside
	undo       []func()        // Commit: how to undo each move, oldest first
	emptied    map[string]bool // Commit: folders that removed files may leave empty
	inPlace    bool            // final holds a previous build: tmp holds only new and changed files
	old        map[string]bool // in place, read by scan: the files of the previous build
	prev       *manifest       // the previous build's manifest, or an empty one
	next       *manifest       // this build's, saved by Commit
	manifest   string          // where the manifest is kept; "" for none

	mu     sync.Mutex
	dirs   map[string]bool // folders made in tmp
	staged []string        // in place: files in tmp to move into final
	stats  Stats
}

// attachment is a file outside the folder committed with it.
type attachment struct {
	path, tmp string
	data      []byte
}

// Create starts writing a new version of the folder final, of kind kind.
// manifestFile is where the manifest of the folder is kept between builds
// ("" for none: every rebuild then makes and compares every file).
func Create(kind Kind, final, manifestFile string) (*Dir, error) {
	final = filepath.Clean(final)
	abs, err := filepath.Abs(final)
	if err != nil {
		return nil, err
	}
	d := &Dir{kind: kind, final: final, manifest: manifestFile, own: &owner{}, dirs: map[string]bool{"": true},
		prev: newManifest(abs), next: newManifest(abs), stats: Stats{Files: map[string]Change{}}}
	switch empty, err := isEmpty(final); {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	case empty:
	default:
		if manifestFile != "" {
			d.prev = readManifest(manifestFile, abs)
		}
		if d.own, err = readOwner(kind, final, d.prev); errors.Is(err, ErrNotOurs) {
			return nil, fmt.Errorf("%s: %w", final, ErrNotOurs)
		} else if err != nil {
			return nil, err
		}
		d.inPlace = true
		d.next = newManifestSized(abs, d.prev)
		d.stats.Files = make(map[string]Change, len(d.prev.files))
		if d.own.m == nil {
			// The manifest does not describe the folder as it is: its
			// files are found by reading it.
			if err := d.scan(); err != nil {
				return nil, err
			}
		}
	}
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeLeftovers(parent, newPrefix(final))
	if err := hook("mkdir", parent); err != nil {
		return nil, err
	}
	if d.tmp, err = os.MkdirTemp(parent, ownPattern(newPrefix(final))); err != nil {
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

// isEmpty reports whether the folder dir holds nothing. It reads one
// name: os.ReadDir would read and sort all of them, and the root of a
// site served at short addresses has one folder per poster.
func isEmpty(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	switch _, err := f.Readdirnames(1); {
	case err == io.EOF:
		return true, nil
	case err != nil:
		return false, err
	}
	return false, nil
}

// scan lists the files of the previous build by reading the folders that
// hold qrboard's files. It is needed only when the manifest does not
// describe the folder: its marker was not recorded with it, or there is
// no manifest (see owner.m).
func (d *Dir) scan() error {
	d.old = map[string]bool{}
	var walk func(rel string) error
	walk = func(rel string) error {
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
			switch {
			case e.IsDir():
				if !d.own.walked(name) {
					continue // none of qrboard's files in it
				}
				if err := walk(name); err != nil {
					return err
				}
			case !IsMarker(name):
				d.old[name] = true
			}
		}
		return nil
	}
	return walk("")
}

// wasOld reports whether the previous build left rel in the folder.
func (d *Dir) wasOld(rel string) bool {
	if !d.inPlace {
		return false
	}
	if d.old == nil {
		_, ok := d.prev.files[rel]
		return ok
	}
	return d.old[rel]
}

// oldFiles returns the files the previous build left in the folder.
func (d *Dir) oldFiles() iter.Seq[string] {
	if d.old == nil {
		return maps.Keys(d.prev.files)
	}
	return maps.Keys(d.old)
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
	var room [4]fileRecord // a page has up to three files: no allocation for each kept page
	records := room[:0]
	for _, rel := range rels {
		want, ok := d.prev.files[rel]
		if !ok {
			return "", false
		}
		st, regular, _, err := lstat(d.final + string(filepath.Separator) + filepath.FromSlash(rel))
		if err != nil || !regular || st != want.fileState {
			return "", false
		}
		records = append(records, want)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.next.groups[group] = g
	for i, rel := range rels {
		d.next.files[rel] = records[i]
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

// Made reports whether this build wrote or kept the file rel.
func (d *Dir) Made(rel string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	_, ok := d.next.files[rel]
	return ok
}

// Write writes data to rel, a slash-separated path inside the folder,
// unless the previous build left the same bytes there. It is safe to call
// from several goroutines.
func (d *Dir) Write(rel string, data []byte) error {
	if !validPath(rel) {
		return fmt.Errorf("refusing to write %q: not a plain path inside the output folder", rel)
	}
	existed := d.wasOld(rel)
	if d.inPlace && !d.owns(rel) && (existed || d.exists(rel)) {
		return &ForeignError{Dir: d.final, Rel: rel}
	}
	var sum fingerprint
	if d.manifest != "" {
		sum = fingerprintOf(data)
	}
	if existed {
		st, same, there := d.sameAsOld(rel, data, sum)
		if same {
			d.count(rel, fileRecord{st, sum}, Unchanged)
			return nil
		}
		existed = there // or deleted by hand since
	}
	st, err := d.put(rel, data)
	if err != nil {
		return err
	}
	if existed {
		d.count(rel, fileRecord{st, sum}, Changed)
	} else {
		d.count(rel, fileRecord{st, sum}, Added)
	}
	return nil
}

func (d *Dir) count(rel string, f fileRecord, c Change) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.next.files[rel] = f
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

// sameAsOld reports whether the previous build left exactly data, of
// fingerprint sum, at rel, the state of that file, and whether anything
// is there still. A file as the manifest recorded it is not read.
func (d *Dir) sameAsOld(rel string, data []byte, sum fingerprint) (st fileState, same, there bool) {
	file := filepath.Join(d.final, filepath.FromSlash(rel))
	if want, ok := d.prev.files[rel]; ok && d.manifest != "" && want.size == int64(len(data)) {
		st, regular, _, err := lstat(file)
		if err == nil && regular && st == want.fileState {
			return st, want.sum == sum, true
		}
	}
	f, err := os.Open(file)
	if err != nil {
		return fileState{}, false, !errors.Is(err, fs.ErrNotExist)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return fileState{}, false, true
	}
	old := make([]byte, len(data)+1) // one more byte: to notice a file that grew
	n, _ := readFull(f, old)
	return stateOf(info), n == len(data) && bytes.Equal(old[:n], data), true
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

// owns reports whether rel, in the folder, is qrboard's to replace or
// remove: the previous build wrote it, by the marker or the manifest. In
// a folder with an older marker, any file at a path the build writes is.
func (d *Dir) owns(rel string) bool {
	if d.own.legacy || d.own.listed(rel) {
		return true
	}
	_, ok := d.prev.files[rel]
	return ok
}

// exists reports whether something is at rel in the folder.
func (d *Dir) exists(rel string) bool {
	_, err := os.Lstat(d.path(d.final, rel))
	return !errors.Is(err, fs.ErrNotExist)
}

// put writes data to rel in the new folder and returns the file's state.
func (d *Dir) put(rel string, data []byte) (fileState, error) {
	if err := d.mkdirs(path.Dir(rel)); err != nil {
		return fileState{}, err
	}
	if err := hook("write", rel); err != nil {
		return fileState{}, err
	}
	return create(filepath.Join(d.tmp, filepath.FromSlash(rel)), data, d.manifest != "")
}

// validPath accepts slash-separated relative paths with no "..", no empty
// or dot elements, and no characters Windows forbids in names.
func validPath(rel string) bool {
	if !fs.ValidPath(rel) || rel == "." || IsMarker(rel) || strings.ContainsAny(rel, `\:*?"<>|`) {
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
	if err := hook("mkdir", dir); err != nil {
		return err
	}
	if err := os.Mkdir(filepath.Join(d.tmp, filepath.FromSlash(dir)), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.dirs[dir] = true
	return nil
}
