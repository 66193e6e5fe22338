package build

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/output"
	"qrboard/internal/plainfs"
)

// StaticDir is the project's folder of files published as they are, at
// the same path from the site's root: a CNAME or a search engine's
// verification file for the host, documents to download. A file there
// with the name of one the build makes is an error: a static file never
// replaces a page.
const StaticDir = "static"

// systemFiles are files that file managers leave in folders, not meant
// for the site.
var systemFiles = map[string]bool{".DS_Store": true, "Thumbs.db": true, "desktop.ini": true, ".gitkeep": true}

// writeStatic copies the files of src's static/ into out, after every
// file the build makes.
func (p *Project) writeStatic(out *output.Dir, src string) (diag.List, error) {
	dir := filepath.Join(src, StaticDir)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, nil
	}
	var diags diag.List
	fsys := os.DirFS(dir)
	for _, e := range plainfs.Irregular(fsys, ".") {
		diags.Add(diag.Pos{File: path.Join(StaticDir, e.Path)}, msg.NotRegularFile, e.Kind)
	}
	if diags.HasErrors() {
		return diags, nil
	}
	err := fs.WalkDir(fsys, ".", func(rel string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || systemFiles[e.Name()] {
			return err
		}
		file := path.Join(StaticDir, rel)
		if out.Made(rel) || output.IsMarker(rel) {
			diags.Add(diag.Pos{File: file}, msg.StaticCollides, file, "/"+rel)
			return nil
		}
		data, err := fs.ReadFile(fsys, rel)
		if err != nil {
			diags.Add(diag.Pos{File: file}, msg.ReadFailed, msg.Explain(err))
			return nil
		}
		return out.Write(rel, data)
	})
	return diags, err
}
