package output

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Kind tells the folders of qrboard build from those of qrboard print:
// each has its own marker file, and neither writes into the other's
// folder.
type Kind struct {
	Marker string // the marker file's name
	header string // its first line
}

// The kinds of output folder.
var (
	Site  = Kind{".qrboard-site", "qrboard build wrote this folder: it changes or removes only the files listed below; any other file here is kept as it is."}
	Print = Kind{".qrboard-print", "qrboard print wrote this folder: it changes or removes only the files listed below; any other file here is kept as it is."}
)

// legacyMarker is the marker of qrboard before the two kinds: it listed
// no files, and marked site and print folders alike.
const legacyMarker = ".qrboard-site"

// ErrNotOurs is returned by Create for a folder qrboard did not make.
var ErrNotOurs = errors.New("folder exists, is not empty and was not made by qrboard")

// OtherKindError is returned by Create for a folder made by the other
// command: build refuses a print folder, print a site folder.
type OtherKindError struct {
	Dir  string
	Kind Kind // the folder's kind
}

func (e *OtherKindError) Error() string {
	return fmt.Sprintf("%s: made by qrboard %s", e.Dir, e.Kind.Command())
}

// Command returns the command that writes folders of kind k.
func (k Kind) Command() string {
	if k == Print {
		return "print"
	}
	return "build"
}

// ForeignError is returned by Write when a file that qrboard did not make
// is where the build must write: a build never replaces such a file.
type ForeignError struct {
	Dir, Rel string
}

func (e *ForeignError) Error() string {
	return fmt.Sprintf("%s: %s was not made by qrboard, and the build makes a file of that name", e.Dir, e.Rel)
}

// owner is what the marker of a folder says about it.
type owner struct {
	legacy bool            // an older qrboard's marker: no list of files
	files  map[string]bool // the files the previous build wrote
	dirs   map[string]bool // the folders holding them, "" for the top
	// m, when set, stands for files: the manifest recorded the marker as
	// it is, so the marker lists the manifest's files and is not read (a
	// city's marker lists about 100,000 files), and no folder is (scan).
	m *manifest
}

// markerGroup is the group under which the manifest records the state of
// the folder's marker (a name no page has).
const markerGroup = "\x00marker"

// markerKey returns the manifest's key for the marker at path as it is.
func markerKey(path string) string {
	st, _, _, err := lstat(path)
	if err != nil {
		return ""
	}
	return fmt.Sprint(st.size, st.mtime, st.ctime, st.ino)
}

// readOwner reads the marker of the folder final for a build of kind k.
// It reports ErrNotOurs when there is none, an *OtherKindError when the
// folder is the other kind's.
func readOwner(k Kind, final string, m *manifest) (*owner, error) {
	other := Site
	if k == Site {
		other = Print
	}
	read := func(name string) ([]byte, bool) {
		data, err := os.ReadFile(filepath.Join(final, name))
		return data, err == nil
	}
	if data, ok := read(other.Marker); ok && firstLine(data) == other.header {
		return nil, &OtherKindError{Dir: final, Kind: other}
	}
	if data, ok := read(k.Marker); ok {
		if firstLine(data) == k.header {
			if g, ok := m.groups[markerGroup]; ok && g.key != "" && g.key == markerKey(filepath.Join(final, k.Marker)) {
				return &owner{m: m}, nil
			}
			return parseOwner(data), nil
		}
		if len(bytes.TrimSpace(data)) == 0 {
			// An empty marker, made by hand, adopts a folder of the
			// user's (a gh-pages worktree): nothing in it is qrboard's.
			return parseOwner(data), nil
		}
		if k.Marker != legacyMarker {
			return &owner{legacy: true}, nil // damaged: nothing is known to be ours
		}
	}
	if _, ok := read(legacyMarker); !ok {
		return nil, ErrNotOurs
	}
	// An older qrboard marked print folders as sites: a folder with a
	// home page is a site.
	_, err := os.Stat(filepath.Join(final, "index.html"))
	if isSite := err == nil; isSite != (k == Site) {
		return nil, &OtherKindError{Dir: final, Kind: other}
	}
	return &owner{legacy: true}, nil
}

func firstLine(data []byte) string {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	return string(line)
}

// parseOwner reads the list of a marker. Its lines are not checked: a
// file is removed only when the scan found it in the folder and the list
// names it.
func parseOwner(data []byte) *owner {
	_, list, _ := bytes.Cut(data, []byte("\n"))
	text := string(list) // one allocation; the names are slices of it
	o := &owner{files: make(map[string]bool, strings.Count(text, "\n")), dirs: map[string]bool{"": true}}
	for line := range strings.Lines(text) {
		rel := strings.TrimSuffix(line, "\n")
		if rel == "" {
			continue
		}
		o.files[rel] = true
		for dir := dirOf(rel); !o.dirs[dir]; dir = dirOf(dir) {
			o.dirs[dir] = true
		}
	}
	return o
}

// markerData returns the marker of a folder of kind k holding the files
// files.
func markerData(k Kind, files []string) []byte {
	slices.Sort(files)
	var b bytes.Buffer
	b.Grow(len(k.header) + 2 + 40*len(files))
	b.WriteString(k.header)
	b.WriteString("\n\n")
	for _, f := range files {
		b.WriteString(f)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// IsMarker reports whether rel is a marker file at the top of a folder.
func IsMarker(rel string) bool {
	return rel == Site.Marker || rel == Print.Marker
}

// walked reports whether scan must read the folder rel: a folder that
// holds none of qrboard's files (a .git folder, a folder of the user's
// documents) is left unread. scan runs only when the marker was read.
func (o *owner) walked(rel string) bool {
	return o.legacy || o.dirs[rel]
}

// listed reports whether the previous build wrote rel, by the marker.
func (o *owner) listed(rel string) bool {
	if o.m != nil {
		_, ok := o.m.files[rel]
		return ok
	}
	return o.files[rel]
}

// count returns the number of files the marker lists.
func (o *owner) count() int {
	if o.m != nil {
		return len(o.m.files)
	}
	return len(o.files)
}

// dirOf returns the folder of rel, "" for the top.
func dirOf(rel string) string {
	if dir := path.Dir(rel); dir != "." {
		return dir
	}
	return ""
}
