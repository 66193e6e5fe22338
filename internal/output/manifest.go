package output

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"

	"qrboard/internal/atomicfile"
)

// manifest records what a build left in an output folder: for each group
// of files made from the same inputs (a page's folder) the key of those
// inputs and a note, and for each file its state and a fingerprint of
// its bytes. A file whose state is as recorded holds the bytes
// fingerprinted: a rebuild that makes a page again compares it with the
// old one without reading the old one. When the folder's
// marker is as the manifest recorded it (owner.m), the manifest's files
// are the previous build's, and a rebuild reads no folder: it checks only
// the files it keeps (Dir.Keep), each against its recorded state.
//
// It is a binary file, read and written whole — a city has tens of
// thousands of files, and parsing text cost more than the rest of a
// small rebuild:
//
//	"qrboard-manifest 6\n", the output folder's absolute path
//	the number of groups, then for each: group, key, note
//	the number of files, then for each: its path in the folder, its state,
//	  its fingerprint (8 bytes: CRC-32C and CRC-32 of its bytes)
//	CRC-32C of all the above (4 bytes)
//
// Strings are a uvarint length and bytes; numbers uvarints; a state is
// size, modification time, change time and inode. A manifest whose sum,
// header or folder does not match is ignored. The sum only guards against
// a damaged file: every claim of a manifest is checked against the files
// before a build relies on it.
type manifest struct {
	folder string // the output folder's absolute path
	groups map[string]groupEntry
	files  map[string]fileRecord
}

// fileRecord is what the manifest records of a file.
type fileRecord struct {
	fileState
	sum fingerprint
}

// fingerprint names a file's bytes: two different CRC-32s of them, both
// computed by the processor's own instructions (about a microsecond for a
// page), with the size in the state beside them. It guards against a
// page whose bytes changed being taken for unchanged, which it makes as
// likely as a lottery win; nobody gains anything by forging one.
type fingerprint uint64

func fingerprintOf(data []byte) fingerprint {
	return fingerprint(uint64(crc32.Checksum(data, castagnoli))<<32 | uint64(crc32.ChecksumIEEE(data)))
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

const manifestMagic = "qrboard-manifest 6\n"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func newManifest(folder string) *manifest {
	return &manifest{folder: folder, groups: map[string]groupEntry{}, files: map[string]fileRecord{}}
}

// newManifestSized returns an empty manifest with room for as many
// entries as like has: a rebuild's manifest is about the previous one's
// size, and growing maps of tens of thousands of entries costs.
func newManifestSized(folder string, like *manifest) *manifest {
	return &manifest{folder: folder, groups: make(map[string]groupEntry, len(like.groups)),
		files: make(map[string]fileRecord, len(like.files))}
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
	// One string for the whole body: every path, key and note read is a
	// slice of it, not an allocation of its own.
	r := &reader{s: string(body[len(manifestMagic):])}
	if r.str() != folder {
		return newManifest(folder)
	}
	m := &manifest{folder: folder}
	if m.decode(r); r.err != nil || r.pos != len(r.s) {
		return newManifest(folder)
	}
	return m
}

func (m *manifest) decode(r *reader) {
	n := r.num()
	m.groups = make(map[string]groupEntry, n)
	for ; n > 0 && r.err == nil; n-- {
		group, key, note := r.str(), r.str(), r.str()
		m.groups[group] = groupEntry{key: key, note: note}
	}
	n = r.num()
	m.files = make(map[string]fileRecord, n)
	for ; n > 0 && r.err == nil; n-- {
		rel := r.str()
		m.files[rel] = fileRecord{r.state(), fingerprint(r.fixed64())}
	}
}

// save writes the manifest through a temporary file and a rename, so a
// reader never sees half of it.
func (m *manifest) save(file string) error {
	w := &writer{b: make([]byte, 0, 64*len(m.files)+96*len(m.groups))}
	w.b = append(w.b, manifestMagic...)
	w.str(m.folder)
	w.num(len(m.groups))
	for g, e := range m.groups {
		w.str(g)
		w.str(e.key)
		w.str(e.note)
	}
	w.num(len(m.files))
	for rel, f := range m.files {
		w.str(rel)
		w.state(f.fileState)
		w.b = binary.LittleEndian.AppendUint64(w.b, uint64(f.sum))
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
	s   string
	pos int
	err error
}

var errShort = errors.New("manifest cut short")

func (r *reader) uvarint() uint64 {
	var v uint64
	for shift := 0; r.err == nil; shift += 7 {
		if r.pos == len(r.s) || shift > 63 {
			r.err = errShort
			break
		}
		c := r.s[r.pos]
		r.pos++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	return 0
}

func (r *reader) num() int {
	v := r.uvarint()
	if v > uint64(len(r.s)-r.pos) { // every counted thing takes at least a byte
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
	s := r.s[r.pos : r.pos+n]
	r.pos += n
	return s
}

func (r *reader) fixed64() uint64 {
	if r.err != nil || len(r.s)-r.pos < 8 {
		r.err = errShort
		return 0
	}
	v := binary.LittleEndian.Uint64([]byte(r.s[r.pos : r.pos+8]))
	r.pos += 8
	return v
}

func (r *reader) state() fileState {
	return fileState{size: int64(r.uvarint()), mtime: int64(r.uvarint()), ctime: int64(r.uvarint()), ino: r.uvarint()}
}
