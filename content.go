// Package qrboard carries what the qrboard binary needs besides its code:
// the default templates (templates/) and the sample project — the three
// communes of the former Phúc Thọ district, the offices they replaced, and
// five procedures — that `qrboard init` copies.
// Everything else takes these as fs.FS values, so a project's own files on
// disk and these embedded copies are used the same way.
package qrboard

import (
	"embed"
	"io/fs"
)

//go:embed templates
var templates embed.FS

//go:embed qrboard.yaml procedures
var sample embed.FS

// Templates returns the default templates, rooted at the templates folder.
func Templates() fs.FS { return sub(templates, "templates") }

// Sample returns the sample project: qrboard.yaml and procedures/.
func Sample() fs.FS { return sample }

func sub(fsys fs.FS, dir string) fs.FS {
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // dir is a constant that exists at compile time
	}
	return s
}
