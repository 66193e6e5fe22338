package output

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path"

	"qrboard/internal/atomicfile"
)

// manifest records what a build left in an output folder: for each group
// of files made from the same inputs (a page's folder) the key of those
// inputs and a note, for each folder and file its state. A folder whose
// state did not change holds the same names as recorded (adding, removing
// or renaming an entry changes a folder's modification time), so a
// rebuild need not read it.
//
// It is a binary file, read and written whole — a province has tens of
// thousands of files, and parsing text cost more than the rest of a
// small rebuild:
//
//	"qrboard-manifest 5\n", the output folder's absolute path
//	the number of groups, then for each: group, key, note
//	the number of folders, then for each: its path, its state, the number
//	  of its files, then for each file: its name, its state
//	CRC-32C of all the above (4 bytes)
//
// Strings are a uvarint length and bytes; numbers uvarints; a state is
// size, modification time, change time and inode. A manifest whose sum,
// header or folder does not match is ignored. The sum only guards against
// a damaged file: every claim of a manifest is checked against the files
// before a build relies on it.
type manifest struct {
	folder  string // the output folder's absolute path
	groups  map[string]groupEntry
	files   map[string]fileState
	dirs    map[string]fileState // "" is the folder itself
	inDir   map[string][]string  // read: each folder's files
	subdirs map[string][]string  // read: each folder's folders
}

type groupEntry struct {
	key, note string
}

// fileState identifies a version of a file without reading it, as git's
// index does: a file replaced or rewritten gets another size, modification
// time, change time or inode.
type fileState struct {
	size, mtime, ctime int64
	ino                uint64
}

func stateOf(info os.FileInfo) fileState {
	ino, ctime := sysState(info)
	return fileState{size: info.Size(), mtime: info.ModTime().UnixNano(), ctime: ctime, ino: ino}
}

const manifestMagic = "qrboard-manifest 5\n"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func newManifest(folder string) *manifest {
	return &manifest{folder: folder, groups: map[string]groupEntry{}, files: map[string]fileState{},
		dirs: map[string]fileState{}, inDir: map[string][]string{}, subdirs: map[string][]string{}}
}

// newManifestSized returns an empty manifest with room for as many
// entries as like has: a rebuild's manifest is about the previous one's
// size, and growing maps of tens of thousands of entries costs.
func newManifestSized(folder string, like *manifest) *manifest {
	m := newManifest(folder)
	m.groups = make(map[string]groupEntry, len(like.groups))
	m.files = make(map[string]fileState, len(like.files))
	m.dirs = make(map[string]fileState, len(like.dirs))
	return m
}

// dirOf returns the folder of rel, "" for the top.
func dirOf(rel string) string {
	if dir := path.Dir(rel); dir != "." {
		return dir
	}
	return ""
}

// readManifest reads the manifest of folder from file; anything wrong
// gives an empty manifest.
func readManifest(file, folder string) *manifest {
	data, err := os.ReadFile(file)
	if err != nil || len(data) < 4 {
		return newManifest(folder)
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, castagnoli) != sum || !bytes.HasPrefix(body, []byte(manifestMagic)) {
		return newManifest(folder)
	}
	m := newManifest(folder)
	r := &reader{b: body[len(manifestMagic):]}
	if r.str() != folder || m.decode(r) != nil || r.err != nil || len(r.b) != 0 {
		return newManifest(folder)
	}
	return m
}

func (m *manifest) decode(r *reader) error {
	for n := r.num(); n > 0 && r.err == nil; n-- {
		group, key, note := r.str(), r.str(), r.str()
		m.groups[group] = groupEntry{key: key, note: note}
	}
	for n := r.num(); n > 0 && r.err == nil; n-- {
		dir, st := r.str(), r.state()
		m.dirs[dir] = st
		if dir != "" {
			m.subdirs[dirOf(dir)] = append(m.subdirs[dirOf(dir)], dir)
		}
		prefix := dir
		if prefix != "" {
			prefix += "/"
		}
		count := r.num()
		files := make([]string, 0, min(count, 1024)) // count is not trusted until read
		for k := count; k > 0 && r.err == nil; k-- {
			rel := prefix + r.str()
			m.files[rel] = r.state()
			files = append(files, rel)
		}
		m.inDir[dir] = files
	}
	return r.err
}

// save writes the manifest through a temporary file and a rename, so a
// reader never sees half of it.
func (m *manifest) save(file string) error {
	inDir := map[string][]string{}
	for rel := range m.files {
		dir := dirOf(rel)
		inDir[dir] = append(inDir[dir], rel)
		for d := dir; ; d = dirOf(d) {
			if _, ok := m.dirs[d]; ok {
				break
			}
			m.dirs[d] = fileState{} // unknown: never matches, so the folder is read
			if d == "" {
				break
			}
		}
	}
	w := &writer{b: make([]byte, 0, 64*len(m.files)+64*len(m.groups))}
	w.b = append(w.b, manifestMagic...)
	w.str(m.folder)
	w.num(len(m.groups))
	for g, e := range m.groups {
		w.str(g)
		w.str(e.key)
		w.str(e.note)
	}
	w.num(len(m.dirs))
	for dir, st := range m.dirs {
		w.str(dir)
		w.state(st)
		w.num(len(inDir[dir]))
		for _, rel := range inDir[dir] {
			w.str(path.Base(rel))
			w.state(m.files[rel])
		}
	}
	w.b = binary.LittleEndian.AppendUint32(w.b, crc32.Checksum(w.b, castagnoli))
	return atomicfile.Write(file, w.b)
}

type writer struct{ b []byte }

func (w *writer) num(n int)    { w.b = binary.AppendUvarint(w.b, uint64(n)) }
func (w *writer) str(s string) { w.num(len(s)); w.b = append(w.b, s...) }
func (w *writer) state(s fileState) {
	for _, v := range []uint64{uint64(s.size), uint64(s.mtime), uint64(s.ctime), s.ino} {
		w.b = binary.AppendUvarint(w.b, v)
	}
}

type reader struct {
	b   []byte
	err error
}

var errShort = errors.New("manifest cut short")

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errShort
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) num() int {
	v := r.uvarint()
	if v > uint64(len(r.b)) { // every counted thing takes at least a byte
		r.err = errShort
		return 0
	}
	return int(v)
}

func (r *reader) str() string {
	n := r.num()
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *reader) state() fileState {
	return fileState{size: int64(r.uvarint()), mtime: int64(r.uvarint()), ctime: int64(r.uvarint()), ino: r.uvarint()}
}
