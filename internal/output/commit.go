package output

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Attach adds a file outside the folder — the lock file — to be written
// with it: Commit writes data beside path first, and renames it over path
// once the folder is in place.
func (d *Dir) Attach(path string, data []byte) {
	d.attached = append(d.attached, attachment{path: path, data: data})
}

// Commit puts the new files in place and returns what changed. After
// Commit the Dir must not be used.
//
// It makes first everything that needs room on the disk (prepare), then
// moves the files in — each file it replaces or removes set aside in the
// backup folder, each move recorded — then the attached files. A step
// that fails undoes the moves before it, newest first, and the folder and
// the attached files are as they were.
func (d *Dir) Commit() (Stats, error) {
	err := d.prepare()
	if err == nil && d.inPlace {
		err = d.commitInPlace()
	} else if err == nil {
		err = d.commitNew()
	}
	for i := 0; err == nil && i < len(d.attached); i++ {
		a := &d.attached[i]
		if err = d.move(a.tmp, a.path, true); err == nil {
			a.tmp = ""
		}
	}
	if err != nil {
		d.rollback()
		d.Abort()
		return Stats{}, err
	}
	d.tidy()
	if d.manifest != "" {
		d.next.groups[markerGroup] = groupEntry{key: markerKey(filepath.Join(d.final, d.kind.Marker))}
		d.next.save(d.manifest) // a manifest that cannot be saved only costs time next build
	}
	return d.stats, nil
}

// prepare makes, before anything is moved, every file and folder that
// needs room on the disk: the attached files beside theirs, the markers
// in the new folder, the backup folder and, in place, the folders the new
// files need.
func (d *Dir) prepare() error {
	for i := range d.attached {
		a := &d.attached[i]
		dir := filepath.Dir(a.path)
		removeLeftovers(dir, tempPrefix(a.path))
		if err := hook("attach", a.path); err != nil {
			return err
		}
		f, err := os.CreateTemp(dir, ownPattern(tempPrefix(a.path)))
		if err != nil {
			return err
		}
		a.tmp = f.Name()
		_, err = f.Write(a.data)
		if err2 := f.Close(); err == nil {
			err = err2
		}
		if err != nil {
			return err
		}
	}
	if err := d.writeMarkers(); err != nil {
		return err
	}
	if err := hook("mkdir", d.tmp+backupSuffix); err != nil {
		return err
	}
	if err := os.Mkdir(d.tmp+backupSuffix, 0o700); err != nil {
		return err
	}
	d.backup = d.tmp + backupSuffix
	if d.inPlace {
		return d.makeDirs()
	}
	return nil
}

// backupSuffix follows the new folder's name in the name of the folder
// where Commit sets aside the files it replaces: a leftover of a killed
// build is removed with the new folder (see temp.go).
const backupSuffix = ".old"

// move renames src to dst, recording how to undo it. With keep, a file
// at dst is first set aside in the backup folder, to come back on undo;
// without, dst must not exist.
func (d *Dir) move(src, dst string, keep bool) error {
	saved := ""
	if keep {
		if _, err := os.Lstat(dst); err == nil {
			saved = filepath.Join(d.backup, strconv.Itoa(len(d.undo)))
			if err := d.rename(dst, saved); err != nil {
				return err
			}
		}
	}
	if err := d.rename(src, dst); err != nil {
		if saved != "" {
			os.Rename(saved, dst)
		}
		return err
	}
	d.undo = append(d.undo, func() {
		os.Rename(dst, src)
		if saved != "" {
			os.Rename(saved, dst)
		}
	})
	return nil
}

// setAside moves the file at dst into the backup folder, recording how to
// undo it.
func (d *Dir) setAside(dst string) error {
	saved := filepath.Join(d.backup, strconv.Itoa(len(d.undo)))
	if err := d.rename(dst, saved); err != nil {
		return err
	}
	d.undo = append(d.undo, func() { os.Rename(saved, dst) })
	return nil
}

func (d *Dir) rename(src, dst string) error {
	if err := hook("rename", dst); err != nil {
		return err
	}
	return os.Rename(src, dst)
}

// rollback undoes the moves of Commit, newest first.
func (d *Dir) rollback() {
	for i := len(d.undo) - 1; i >= 0; i-- {
		d.undo[i]()
	}
	d.undo = nil
}

// tidy removes, once everything is in place, what the commit no longer
// needs: the folders the removed files left empty, an older qrboard's
// marker of another name, the new and backup folders.
func (d *Dir) tidy() {
	// Deepest first; a folder that still holds files stays.
	dirs := slices.SortedFunc(maps.Keys(d.emptied), func(a, b string) int { return strings.Count(b, "/") - strings.Count(a, "/") })
	for _, dir := range dirs {
		os.Remove(filepath.Join(d.final, filepath.FromSlash(dir)))
	}
	if d.inPlace && d.markerMade && d.kind.Marker != legacyMarker {
		os.Remove(filepath.Join(d.final, legacyMarker))
	}
	d.Abort()
}

// markerFiles returns the files the marker lists: those of this build
// and, with old, those of the previous one that commitInPlace has not yet
// removed — so a build killed while committing leaves no file of
// qrboard's unlisted. extra reports whether there are such files.
func (d *Dir) markerFiles(old bool) (files []string, extra bool) {
	files = make([]string, 0, len(d.next.files))
	for rel := range d.next.files {
		files = append(files, rel)
	}
	if old && d.inPlace && !d.own.legacy {
		for rel := range d.oldFiles() {
			if _, made := d.next.files[rel]; !made && d.owns(rel) {
				files = append(files, rel)
				extra = true
			}
		}
	}
	return files, extra
}

// markerFinal is the name, in the new folder, of the marker commitInPlace
// moves in last, once the files it does not list are removed.
const markerFinal = "marker.final"

// writeMarkers writes into the new folder the marker listing this build's
// files and, when commitInPlace is to remove files, the one listing
// those too, which it moves in first: unless the folder's marker says
// the same.
func (d *Dir) writeMarkers() error {
	if d.inPlace && !d.own.legacy && d.sameFiles() {
		return nil
	}
	both, extra := d.markerFiles(true)
	if err := d.writeMarker(d.kind.Marker, both); err != nil {
		return err
	}
	d.markerMade = true
	if !extra {
		return nil
	}
	files, _ := d.markerFiles(false)
	if err := d.writeMarker(markerFinal, files); err != nil {
		return err
	}
	d.finalMade = true
	return nil
}

// sameFiles reports whether this build's files are those the folder's
// marker lists.
func (d *Dir) sameFiles() bool {
	if len(d.next.files) != d.own.count() {
		return false
	}
	for rel := range d.next.files {
		if !d.own.listed(rel) {
			return false
		}
	}
	return true
}

func (d *Dir) writeMarker(name string, files []string) error {
	if err := hook("marker", name); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(d.tmp, name), markerData(d.kind, files), 0o644)
}

// commitNew moves the new folder, with its marker, into place, where at
// most an empty folder was.
func (d *Dir) commitNew() error {
	if err := hook("remove", d.final); err != nil {
		return err
	}
	switch err := os.Remove(d.final); {
	case err == nil:
		d.undo = append(d.undo, func() { os.Mkdir(d.final, 0o755) })
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	return d.move(d.tmp, d.final, false) // tidy's RemoveAll(d.tmp) then finds nothing
}

// commitInPlace moves in the marker listing both builds' files, then the
// new and changed files over the old ones, sets aside the files of
// qrboard's that this build no longer makes, and moves in the marker
// listing this build's files alone.
func (d *Dir) commitInPlace() error {
	if d.manifest != "" {
		os.Remove(d.manifest) // stale from here on, until the new one is saved
	}
	if d.markerMade {
		if err := d.move(filepath.Join(d.tmp, d.kind.Marker), filepath.Join(d.final, d.kind.Marker), true); err != nil {
			return err
		}
	}
	for _, rel := range d.staged {
		dst := filepath.Join(d.final, filepath.FromSlash(rel))
		if err := d.move(filepath.Join(d.tmp, filepath.FromSlash(rel)), dst, true); err != nil {
			return err
		}
		if d.manifest != "" {
			// Moving a file sets its change time: record it as it is now.
			if info, err := os.Lstat(dst); err == nil {
				d.next.files[rel] = fileRecord{stateOf(info), d.next.files[rel].sum}
			}
		}
	}
	d.emptied = map[string]bool{}
	for rel := range d.oldFiles() {
		if _, made := d.next.files[rel]; made || !d.owns(rel) || d.own.legacy {
			continue // made again, or not qrboard's to remove
		}
		switch err := d.setAside(filepath.Join(d.final, filepath.FromSlash(rel))); {
		case errors.Is(err, fs.ErrNotExist):
			continue // deleted by hand since
		case err != nil:
			return err
		}
		d.stats.Removed++
		d.stats.Files[rel] = Removed
		for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
			d.emptied[dir] = true
		}
	}
	if d.finalMade {
		// The marker moved in first listed the removed files too.
		return d.move(filepath.Join(d.tmp, markerFinal), filepath.Join(d.final, d.kind.Marker), true)
	}
	return nil
}

// makeDirs makes in the folder the folders that the staged files need
// and it lacks, before anything is moved: making a folder needs room on
// the disk. They are removed on undo.
func (d *Dir) makeDirs() error {
	var made []string
	have := map[string]bool{".": true}
	for _, rel := range d.staged {
		for dir := path.Dir(rel); !have[dir]; dir = path.Dir(dir) {
			have[dir] = true
			p := filepath.Join(d.final, filepath.FromSlash(dir))
			if _, _, isDir, err := lstat(p); err == nil && isDir {
				continue
			}
			made = append(made, dir)
		}
	}
	// Shallowest first; undone deepest first.
	slices.SortFunc(made, func(a, b string) int { return strings.Count(a, "/") - strings.Count(b, "/") })
	for _, dir := range made {
		p := filepath.Join(d.final, filepath.FromSlash(dir))
		if err := hook("mkdir", dir); err != nil {
			return err
		}
		if err := os.Mkdir(p, 0o755); err != nil {
			return err
		}
		d.undo = append(d.undo, func() { os.Remove(p) })
	}
	return nil
}

// Abort removes the new and backup folders and the attached files'
// temporary copies, leaving the output folder as it was.
func (d *Dir) Abort() {
	if d.tmp != "" {
		os.RemoveAll(d.tmp)
	}
	if d.backup != "" {
		os.RemoveAll(d.backup)
	}
	for _, a := range d.attached {
		if a.tmp != "" {
			os.Remove(a.tmp)
		}
	}
}
