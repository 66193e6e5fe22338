// Package forms publishes the forms (mẫu đơn, tờ khai) that procedure
// files point to: copies kept in the project's forms/ folder, which the
// law expects next to the procedure they belong to and which citizens
// can then print or fill in before they come.
//
// Load reads every form file the procedures name, once however many
// documents name it, and checks it: it must be a regular file (not a
// folder, a device or a named pipe, which could hang the build), inside
// the project (a link out of it is refused), at most MaxSize bytes, and
// what its extension says — a PDF starts with %PDF-, a DOC or XLS is an
// OLE2 compound file, a DOCX, XLSX or ODT a ZIP archive holding the
// parts of its kind — so that a citizen never downloads a renamed file
// that their phone cannot open. Each problem is reported where the file
// is named. It fills in each procedure.FormFile's Kind and Size, which
// pages show ("Tải mẫu (PDF, 120 KB)").
//
// The build writes the files into the site at the same paths
// (forms/<name>), through the output folder like every other file, so a
// rebuild writes a form again only when its bytes changed.
package forms

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"strings"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
)

// MaxSize is the largest form file accepted: a citizen downloads it on
// mobile data, and real forms are tens of kilobytes.
const MaxSize = 5 << 20

// Set is the form files of a project, by path ("forms/to-khai.pdf").
type Set struct {
	files map[string][]byte
}

// Load reads and checks the form files that procs name, from the
// project folder src, and fills in their Kind and Size.
func Load(src string, procs []*procedure.Procedure) (*Set, diag.List) {
	var diags diag.List
	s := &Set{files: map[string][]byte{}}
	var root *os.Root
	bad := map[string]bool{}
	for _, p := range procs {
		for _, f := range p.Forms() {
			if data, ok := s.files[f.Path]; ok {
				f.Size = int64(len(data))
				continue
			}
			if bad[f.Path] {
				continue
			}
			if root == nil {
				var err error
				if root, err = os.OpenRoot(src); err != nil {
					diags.Add(f.Pos, msg.ReadFailed, msg.Explain(err))
					return s, diags
				}
				defer root.Close()
			}
			data, d := read(root, f)
			if d != nil {
				diags = append(diags, *d)
				bad[f.Path] = true
				continue
			}
			s.files[f.Path] = data
			f.Size = int64(len(data))
		}
	}
	return s, diags
}

// read reads the form file f from the project and checks it.
func read(root *os.Root, f *procedure.FormFile) ([]byte, *diag.Diagnostic) {
	name := path.Clean(f.Path)
	problem := func(id msg.ID, args ...any) *diag.Diagnostic {
		d := &diag.Diagnostic{Pos: f.Pos, Severity: diag.Error, Text: msg.New(id, args...)}
		if id == msg.FormMissing {
			d.Hint = msg.New(msg.HintFormFile)
		}
		return d
	}
	// Stat before opening: opening a named pipe would wait for a writer.
	st, err := root.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, problem(msg.FormMissing, f.Path)
	case err != nil:
		return nil, problem(msg.ReadFailed, msg.Explain(err))
	case !st.Mode().IsRegular():
		return nil, problem(msg.FormNotFile, f.Path)
	case st.Size() > MaxSize:
		return nil, problem(msg.FormTooLarge, f.Path, (st.Size()+1023)/1024, MaxSize>>10)
	}
	file, err := root.Open(name)
	if err != nil {
		return nil, problem(msg.ReadFailed, msg.Explain(err))
	}
	defer file.Close()
	if st, err := file.Stat(); err != nil || !st.Mode().IsRegular() { // replaced in between
		return nil, problem(msg.FormNotFile, f.Path)
	}
	data, err := io.ReadAll(io.LimitReader(file, MaxSize+1))
	switch {
	case err != nil:
		return nil, problem(msg.ReadFailed, msg.Explain(err))
	case len(data) > MaxSize:
		return nil, problem(msg.FormTooLarge, f.Path, (len(data)+1023)/1024, MaxSize>>10)
	case !Is(data, path.Ext(name)):
		return nil, problem(msg.FormContent, f.Path, f.Kind)
	}
	return data, nil
}

// ole2 starts every OLE2 compound file: the old Word and Excel formats.
var ole2 = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}

// zipParts are the parts a ZIP-based document of each kind holds.
var zipParts = map[string]string{
	".docx": "word/document.xml",
	".xlsx": "xl/workbook.xml",
	".odt":  "content.xml",
}

// Is reports whether data is a file of the kind its extension ext
// (".pdf", ".docx", …) says.
func Is(data []byte, ext string) bool {
	switch ext {
	case ".pdf":
		return bytes.HasPrefix(data, []byte("%PDF-"))
	case ".doc", ".xls":
		return bytes.HasPrefix(data, ole2)
	}
	part, ok := zipParts[ext]
	if !ok || !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return false
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	has := func(name string) *zip.File {
		for _, f := range z.File {
			if f.Name == name {
				return f
			}
		}
		return nil
	}
	if has(part) == nil {
		return false
	}
	if ext != ".odt" {
		return has("[Content_Types].xml") != nil
	}
	m := has("mimetype") // an ODF file says what it is, uncompressed, first
	if m == nil {
		return false
	}
	rc, err := m.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	kind, _ := io.ReadAll(io.LimitReader(rc, 100))
	return strings.TrimSpace(string(kind)) == "application/vnd.oasis.opendocument.text"
}

// Files returns the form files by path inside the site, in order.
func (s *Set) Files() []string { return slices.Sorted(maps.Keys(s.files)) }

// Data returns the bytes of the form file at path.
func (s *Set) Data(path string) []byte { return s.files[path] }

// Key returns what pages of p show of its forms — their paths, kinds
// and sizes — for the keys of incremental builds: a page shows a form's
// size, so a new version of the file makes its pages again.
func Key(p *procedure.Procedure) string {
	var b strings.Builder
	for _, f := range p.Forms() {
		fmt.Fprintf(&b, "%s %s %d\n", f.Path, f.Kind, f.Size)
	}
	return b.String()
}
