package procedure

import (
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/slug"
	"qrboard/internal/strictyaml"
)

// FormDir is the project folder that holds form files, and the folder of
// the site they are published in.
const FormDir = "forms"

// FormKinds are the kinds of form file accepted, by extension, with the
// name pages give them.
var FormKinds = map[string]string{
	".pdf": "PDF", ".doc": "DOC", ".docx": "DOCX", ".odt": "ODT", ".xls": "XLS", ".xlsx": "XLSX",
}

// FormFile is a copy of a form kept in the project, in forms/, which the
// build publishes at the same path in the site and pages link to with
// its kind and size. Its name is an id ("to-khai-khai-tu") and an
// extension of FormKinds, so that its address is short and plain.
// Package forms checks the file and fills in Kind and Size.
type FormFile struct {
	Path string   // "forms/to-khai-khai-tu.pdf": in the project and in the site
	Pos  diag.Pos // where it is named

	Kind string // "PDF", "DOCX", …
	Size int64  // bytes
}

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (f *FormFile) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node) {
	s, ok := d.Text(n)
	if !ok || s == "" {
		return
	}
	kind, ok := formKind(s)
	if !ok {
		e := d.Error(n, msg.BadFormFile, s)
		ext := strings.ToLower(path.Ext(s))
		if id := slug.Make(strings.TrimSuffix(path.Base(s), path.Ext(s))); id != "" && FormKinds[ext] != "" {
			e.WithHint(msg.HintDidYouMean, FormDir+"/"+id+ext)
		} else {
			e.WithHint(msg.HintFormFile)
		}
		return
	}
	*f = FormFile{Path: s, Pos: d.Pos(n), Kind: kind}
}

// formKind returns the kind of a form file's path, false when the path
// is not forms/<id>.<extension of FormKinds>.
func formKind(p string) (string, bool) {
	dir, name, ok := strings.Cut(p, "/")
	ext := path.Ext(name)
	kind := FormKinds[ext]
	if !ok || dir != FormDir || kind == "" || slug.Check(strings.TrimSuffix(name, ext)) != slug.OK {
		return "", false
	}
	return kind, true
}

// JSONSchema describes a form file's path, for editor schemas.
func (FormFile) JSONSchema() map[string]any {
	return map[string]any{
		"type":                "string",
		"pattern":             `^forms/[a-z0-9]+(-[a-z0-9]+)*\.(pdf|docx?|odt|xlsx?)$`,
		"patternErrorMessage": msg.New(msg.BadFormFile, "…").In(msg.Vi),
	}
}

// Forms returns the form files p names, in order.
func (p *Procedure) Forms() []*FormFile {
	var files []*FormFile
	add := func(docs []Document) {
		for _, d := range docs {
			if d.Form != nil && d.Form.File.Path != "" {
				files = append(files, &d.Form.File)
			}
		}
	}
	add(p.Documents)
	for _, c := range p.Cases {
		add(c.Documents)
	}
	return files
}
