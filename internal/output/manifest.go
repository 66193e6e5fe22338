package output

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// manifest records what a build left in an output folder: for each page
// folder (group) the key of its inputs and a note, for each file and
// folder its state. A folder whose state did not change holds the same
// names as recorded (adding, removing or renaming an entry changes a
// folder's modification time), so a rebuild need not read it. It is a text
// file, one record a line:
//
//	qrboard-manifest 2 /abs/path/of/site
//	g KEY NOTE GROUP
//	f SIZE MTIME CTIME INODE PATH
//	d SIZE MTIME CTIME INODE PATH
//	sum CRC-32C of all the lines above
//
// A manifest whose sum or first line does not match is ignored. The sum
// only guards against a damaged file (a manifest can only make a build
// skip work whose files are still as recorded): CRC-32C, computed by the
// processor, costs nothing next to SHA-256 on a manifest of megabytes.
type manifest struct {
	folder string // the output folder's absolute path
	groups map[string]groupEntry
	files  map[string]fileState
	dirs   map[string]fileState // "" is the folder itself
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

const manifestHeader = "qrboard-manifest 4 "

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func newManifest(folder string) *manifest {
	return &manifest{folder: folder, groups: map[string]groupEntry{}, files: map[string]fileState{}, dirs: map[string]fileState{}}
}

// readManifest reads the manifest of folder from file; anything wrong
// gives an empty manifest.
func readManifest(file, folder string) *manifest {
	m := newManifest(folder)
	data, err := os.ReadFile(file)
	if err != nil {
		return m
	}
	body, sumLine, ok := cutLastLine(data)
	if !ok || sumLine != fmt.Sprintf("sum %08x", crc32.Checksum(body, castagnoli)) {
		return m
	}
	text := string(body)
	first, text, _ := strings.Cut(text, "\n")
	if first != manifestHeader+folder {
		return m
	}
	for text != "" {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		if !m.parse(line) {
			return newManifest(folder)
		}
	}
	return m
}

func cutLastLine(data []byte) (body []byte, last string, ok bool) {
	data = bytes.TrimSuffix(data, []byte("\n"))
	i := bytes.LastIndexByte(data, '\n')
	if i < 0 {
		return nil, "", false
	}
	return data[:i+1], string(data[i+1:]), true
}

func (m *manifest) parse(line string) bool {
	kind, rest, _ := strings.Cut(line, " ")
	switch kind {
	case "g":
		key, rest, ok1 := strings.Cut(rest, " ")
		note, group, ok2 := strings.Cut(rest, " ")
		if !ok1 || !ok2 {
			return false
		}
		m.groups[group] = groupEntry{key: key, note: note}
	case "f", "d":
		var st fileState
		var ok [4]bool
		var n [4]uint64
		for i := range n {
			var field string
			field, rest, ok[i] = strings.Cut(rest, " ")
			n[i], ok[i] = atou(field)
		}
		if !ok[0] || !ok[1] || !ok[2] || !ok[3] {
			return false
		}
		st = fileState{size: int64(n[0]), mtime: int64(n[1]), ctime: int64(n[2]), ino: n[3]}
		if kind == "f" {
			m.files[rest] = st
		} else {
			m.dirs[rest] = st
		}
	default:
		return false
	}
	return true
}

// atou reads a decimal number; faster than strconv for the many short
// numbers of a manifest.
func atou(s string) (uint64, bool) {
	if s == "" || len(s) > 19 {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			return 0, false
		}
		n = n*10 + uint64(c)
	}
	return n, true
}

// save writes the manifest through a temporary file and a rename, so a
// reader never sees half of it.
func (m *manifest) save(file string) error {
	b := make([]byte, 0, 64*(len(m.groups)+len(m.files))+len(m.folder)+100)
	b = append(b, manifestHeader+m.folder+"\n"...)
	for g, e := range m.groups {
		b = append(b, "g "+e.key+" "+e.note+" "+g+"\n"...)
	}
	for rel, st := range m.dirs {
		b = appendState(b, "d ", st, rel)
	}
	for rel, st := range m.files {
		b = appendState(b, "f ", st, rel)
	}
	b = fmt.Appendf(b, "sum %08x\n", crc32.Checksum(b, castagnoli))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), filepath.Base(file)+".tmp-")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if err2 := tmp.Close(); err == nil {
		err = err2
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

func appendState(b []byte, kind string, st fileState, rel string) []byte {
	b = append(b, kind...)
	b = strconv.AppendInt(b, st.size, 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, st.mtime, 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, st.ctime, 10)
	b = append(b, ' ')
	b = strconv.AppendUint(b, st.ino, 10)
	b = append(b, ' ')
	return append(b, rel+"\n"...)
}

// child is a file or folder inside a folder.
type child struct {
	rel string
	dir bool
}

// children returns what each recorded folder holds.
func (m *manifest) children() map[string][]child {
	c := make(map[string][]child, len(m.dirs))
	for rel := range m.files {
		c[dirOf(rel)] = append(c[dirOf(rel)], child{rel, false})
	}
	for rel := range m.dirs {
		if rel != "" {
			c[dirOf(rel)] = append(c[dirOf(rel)], child{rel, true})
		}
	}
	return c
}
