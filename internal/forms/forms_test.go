package forms

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
)

// fixture is a small real PDF (a test form, which says so).
const fixture = "../../testdata/forms/to-khai-mau-thu.pdf"

// zipOf returns a ZIP archive holding files, in order, as office
// programs write documents.
func zipOf(t *testing.T, files ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := z.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[i+1]))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// project writes files into a new project folder and returns it.
func project(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// naming returns a procedure whose documents name the form files paths,
// each on line 10 + its index of x.yaml, the last twice.
func naming(paths ...string) *procedure.Procedure {
	p := &procedure.Procedure{ID: "x", File: "procedures/x.yaml"}
	for i, path := range append(paths, paths[len(paths)-1]) {
		kind := procedure.FormKinds[filepath.Ext(path)]
		p.Documents = append(p.Documents, procedure.Document{Name: "Tờ khai", Form: &procedure.Form{
			Name: "Tờ khai", File: procedure.FormFile{Path: path, Kind: kind, Pos: diag.Pos{File: p.File, Line: 10 + i, Col: 11}},
		}})
	}
	return p
}

// TestLoad reads forms of every kind accepted, each once, and fills in
// their sizes.
func TestLoad(t *testing.T) {
	pdf, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"forms/to-khai.pdf": pdf,
		"forms/don.docx":    zipOf(t, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"),
		"forms/bang.xlsx":   zipOf(t, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"),
		"forms/mau.odt":     zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office:document-content/>"),
		"forms/cu.doc":      append(slices.Clone(ole2), make([]byte, 504)...),
		"forms/cu.xls":      append(slices.Clone(ole2), make([]byte, 1000)...),
	}
	var paths []string
	for name := range files {
		paths = append(paths, name)
	}
	slices.Sort(paths)
	p := naming(paths...)
	set, diags := Load(project(t, files), []*procedure.Procedure{p})
	if len(diags) > 0 {
		t.Fatalf("problems: %v", diags.Err())
	}
	if got := set.Files(); !slices.Equal(got, paths) {
		t.Errorf("files %q, want %q", got, paths)
	}
	for _, f := range p.Forms() {
		if want := int64(len(files[f.Path])); f.Size != want {
			t.Errorf("%s: size %d, want %d", f.Path, f.Size, want)
		}
		if !bytes.Equal(set.Data(f.Path), files[f.Path]) {
			t.Errorf("%s: data differs", f.Path)
		}
	}
	if k := Key(p); !strings.Contains(k, "forms/to-khai.pdf PDF 624\n") {
		t.Errorf("key %q lacks the PDF's size", k)
	}
}

// TestProblems names form files that cannot be published: each is
// reported once, at the place it is named, and none is read.
func TestProblems(t *testing.T) {
	dir := project(t, map[string][]byte{
		"forms/chu.pdf":       []byte("Tờ khai đăng ký khai tử\n"),
		"forms/zip.docx":      zipOf(t, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"),
		"forms/khong-zip.odt": []byte("PK\x03\x04 not a zip"),
		"forms/odt-khac.odt":  zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>"),
		"forms/thu-muc.pdf/a": []byte("a folder named like a PDF"),
		"outside.pdf":         []byte("%PDF-1.4"),
	})
	big, err := os.Create(filepath.Join(dir, "forms", "lon.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	big.WriteString("%PDF-1.4\n")
	big.Truncate(MaxSize + 1)
	big.Close()
	wants := map[string]msg.ID{
		"forms/khong-co.pdf":  msg.FormMissing,
		"forms/chu.pdf":       msg.FormContent,
		"forms/zip.docx":      msg.FormContent,
		"forms/khong-zip.odt": msg.FormContent,
		"forms/odt-khac.odt":  msg.FormContent,
		"forms/thu-muc.pdf":   msg.FormNotFile,
		"forms/lon.pdf":       msg.FormTooLarge,
	}
	specialFiles(t, dir, wants)
	var paths []string
	for p := range wants {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	proc := naming(paths...)
	set, diags := Load(dir, []*procedure.Procedure{proc})
	if len(set.Files()) != 0 {
		t.Errorf("read %q", set.Files())
	}
	if len(diags) != len(paths) {
		t.Errorf("%d problems for %d bad files:\n%v", len(diags), len(paths), diags.Err())
	}
	for i, d := range diags {
		path := paths[min(i, len(paths)-1)]
		if d.Pos.Line != 10+i || d.Pos.File != "procedures/x.yaml" || d.Severity != diag.Error {
			t.Errorf("%s: reported at %v (%v)", path, d.Pos, d.Severity)
		}
		if d.Text.ID() != wants[path] {
			t.Errorf("%s: %s", path, d.Format(msg.En, ""))
		}
		t.Log(d.Format(msg.En, ""))
	}
}
