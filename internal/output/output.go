// Package output writes a build's files so that a failed build changes
// nothing: everything goes into a new folder next to the output folder,
// which replaces the old one only once the whole site is written.
//
// A file whose bytes are the same as in the previous build is hard-linked
// from it instead of written again, so its modification time stays and
// rsync or an object-store sync uploads only what changed.
//
// The output folder is replaced as a whole, so Create refuses a folder it
// did not make (one without the marker file): "-out ." or "-out ~" must
// never delete a project or a home folder.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Marker is the file that marks a folder as qrboard's output.
const Marker = ".qrboard-site"

const markerText = "This folder is written by qrboard (build or print) and replaced as a whole every time.\n"

// Stats counts what a build did to the output folder.
type Stats struct {
	Added, Changed, Unchanged, Removed int
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
	old        string // final, when it held a previous build
	mu         sync.Mutex
	dirs       map[string]bool
	stats      Stats
}

// ErrNotOurs is returned by Create for a folder qrboard did not make.
var ErrNotOurs = errors.New("folder exists, is not empty and was not made by qrboard")

// Create starts writing a new version of the folder final.
func Create(final string) (*Dir, error) {
	final = filepath.Clean(final)
	d := &Dir{final: final, dirs: map[string]bool{"": true}, stats: Stats{Files: map[string]Change{}}}
	switch entries, err := os.ReadDir(final); {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	case len(entries) == 0:
	default:
		if _, err := os.Stat(filepath.Join(final, Marker)); err != nil {
			return nil, fmt.Errorf("%s: %w", final, ErrNotOurs)
		}
		d.old = final
	}
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(final)+".new-")
	if err != nil {
		return nil, err
	}
	// MkdirTemp makes the folder private (0700), and it becomes the
	// output folder: a web server running as another user, or a copy
	// made with rsync -a, could not read it.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.Remove(tmp)
		return nil, err
	}
	d.tmp = tmp
	return d, nil
}

// Write writes data to rel, a slash-separated path inside the folder.
// It is safe to call from several goroutines.
func (d *Dir) Write(rel string, data []byte) error {
	if !validPath(rel) {
		return fmt.Errorf("refusing to write %q: not a plain path inside the output folder", rel)
	}
	same, existed, err := d.put(rel, data)
	if err != nil {
		return err
	}
	change := Added
	switch {
	case same:
		change = Unchanged
	case existed:
		change = Changed
	}
	d.count(rel, change)
	return nil
}

// put writes data to rel in the new folder, or links the previous
// build's file when it holds the same bytes.
func (d *Dir) put(rel string, data []byte) (same, existed bool, err error) {
	if err := d.mkdirs(path.Dir(rel)); err != nil {
		return false, false, err
	}
	dst := filepath.Join(d.tmp, filepath.FromSlash(rel))
	same, existed = d.sameAsOld(rel, data)
	if same && os.Link(filepath.Join(d.old, filepath.FromSlash(rel)), dst) == nil {
		return true, true, nil
	}
	return same, existed, os.WriteFile(dst, data, 0o644)
}

func (d *Dir) count(rel string, c Change) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stats.Files[rel] = c
	switch c {
	case Unchanged:
		d.stats.Unchanged++
	case Changed:
		d.stats.Changed++
	default:
		d.stats.Added++
	}
}

// sameAsOld reports whether the previous build had rel with exactly data,
// and whether it had rel at all.
func (d *Dir) sameAsOld(rel string, data []byte) (same, existed bool) {
	if d.old == "" {
		return false, false
	}
	old, err := os.ReadFile(filepath.Join(d.old, filepath.FromSlash(rel)))
	if err != nil {
		return false, false
	}
	return bytes.Equal(old, data), true
}

// validPath accepts slash-separated relative paths with no "..", no empty
// or dot elements, and no characters Windows forbids in names.
func validPath(rel string) bool {
	if !fs.ValidPath(rel) || rel == "." || strings.ContainsAny(rel, `\:*?"<>|`) {
		return false
	}
	return true
}

func (d *Dir) mkdirs(dir string) error {
	if dir == "." {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.dirs[dir] {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(d.tmp, filepath.FromSlash(dir)), 0o755); err != nil {
		return err
	}
	for ; dir != "." && !d.dirs[dir]; dir = path.Dir(dir) {
		d.dirs[dir] = true
	}
	return nil
}

// Commit replaces the output folder with the new one and returns what
// changed. After Commit the Dir must not be used.
func (d *Dir) Commit() (Stats, error) {
	if _, _, err := d.put(Marker, []byte(markerText)); err != nil {
		d.Abort()
		return Stats{}, err
	}
	stats := d.stats
	stats.Fresh = d.old == ""
	if d.old != "" {
		stats.Removed = d.countRemoved(stats.Files)
		trash := d.tmp + ".old"
		if err := os.Rename(d.final, trash); err != nil {
			d.Abort()
			return Stats{}, err
		}
		if err := os.Rename(d.tmp, d.final); err != nil {
			os.Rename(trash, d.final) // put the previous build back
			d.Abort()
			return Stats{}, err
		}
		return stats, os.RemoveAll(trash)
	}
	if err := os.Remove(d.final); err != nil && !errors.Is(err, fs.ErrNotExist) {
		d.Abort()
		return Stats{}, err
	}
	if err := os.Rename(d.tmp, d.final); err != nil {
		d.Abort()
		return Stats{}, err
	}
	return stats, nil
}

// countRemoved counts the files of the previous build the new one lacks,
// recording each in files.
func (d *Dir) countRemoved(files map[string]Change) int {
	n := 0
	filepath.WalkDir(d.old, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(d.old, p)
		if rel = filepath.ToSlash(rel); rel != Marker && !written(files, rel) {
			files[rel] = Removed
			n++
		}
		return nil
	})
	return n
}

func written(files map[string]Change, rel string) bool {
	_, ok := files[rel]
	return ok
}

// Abort removes the new folder, leaving the output folder as it was.
func (d *Dir) Abort() {
	if d.tmp != "" {
		os.RemoveAll(d.tmp)
	}
}
