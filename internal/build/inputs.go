package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"qrboard/internal/forms"
	"qrboard/internal/overlay"
	"qrboard/internal/procedure"
	"qrboard/internal/site"
	"qrboard/internal/version"
)

// A rebuild skips the pages whose inputs did not change: each page's
// folder is recorded in the output manifest with a key, a hash of
// everything its files are made from, and a page whose key is the same
// as last time keeps its files without being made (output.Dir.Keep).
//
// The key of every page covers what all pages share — this program (its
// version and its executable, with its fonts), the templates (with
// style.css, page.js, poster.html and the interface strings),
// qrboard.yaml (the offices, their contact details, the title), the base
// address, the QR level, the paper of posters — and the
// procedures the page shows:
//
//	a procedure page  its procedure: its file's hash, whether it is repealed,
//	                  and the paths, kinds and sizes of its form files
//	an overview       the same
//	an office's board the procedures it lists, by what lists show: id,
//	                  short and full name, field, code, keywords, the
//	                  no-wait badge, the updated date, whether repealed
//	home              every published procedure, by what lists show
//
// The build date (-now) decides which procedures are published, listed
// and repealed, and which offices serve (and which past offices each
// lists), which the keys cover; the built-in templates show it nowhere
// else. (The print date on a poster is in the PDF only, and
// poster.html writes it in the browser; its layout never depends on the
// day, see TestDigitsSameWidth in package poster.)
//
// Links lead to where a page is served (site.Page.Served): its short
// address, if it has one. So the key of a page also covers where the
// pages it links to are served: a procedure page its office's board, a
// board the procedure pages it lists, an overview the procedure's pages
// at each office, home every page (it links to the boards). Short numbers
// never change once qrboard.lock records them, but a project without a
// lock numbers its pages again on each build.
//
// So a changed fee re-renders the procedure's pages only, a changed name
// also the boards and home that list it. This is what the built-in
// templates show; a project with templates of its own could show anything
// anywhere — any procedure, the build date — so there every page's key
// covers every procedure file and the date (an edit re-renders the whole
// site, still writing only files whose bytes changed).
// TestIncrementalMatchesFull checks the built-in templates against this
// list by making each kind of edit.

// inputs holds the hashes that page keys are made from.
type inputs struct {
	shared string                          // what every page depends on
	procs  map[*procedure.Procedure]string // each procedure's hash and state
	listed map[*procedure.Procedure]string // what lists show of each procedure
	lists  string                          // what lists show of every published procedure
	all    string                          // every published procedure
	served string                          // where every page is served (site.Page.Served)
	custom bool                            // the project has templates of its own
	site   *site.Site
}

// keysVersion changes when the rule above changes.
const keysVersion = "qrboard-page-keys 5"

func newInputs(p *Project, tfs fs.FS) *inputs {
	in := &inputs{procs: map[*procedure.Procedure]string{}, listed: map[*procedure.Procedure]string{}, site: p.Site}
	h := sha256.New()
	fmt.Fprintln(h, keysVersion)
	fmt.Fprintln(h, programID())
	in.custom = hashTemplates(h, tfs)
	cfg := p.Site.Config
	fmt.Fprintf(h, "%x %s %c %s\n", cfg.Sum, cfg.Base, p.Level, p.Paper.Name)
	for _, o := range p.Site.Offices { // which entries serve on the build date
		fmt.Fprintf(h, "office %d\n", o.Pos.Line)
	}
	if in.custom {
		fmt.Fprintf(h, "now %s\n", p.Site.Now)
	}
	in.shared = sum(h)
	all, lists := sha256.New(), sha256.New()
	for _, pr := range p.Site.Procedures {
		repealed := pr.Repealed(p.Site.Now)
		in.procs[pr] = digest(fmt.Sprintf("%x:%t", pr.Sum, repealed), forms.Key(pr))
		in.listed[pr] = fmt.Sprintf("%q %q %q %q %q %q %t %s %t",
			pr.ID, pr.ShortName, pr.Name, pr.Field, pr.Code, pr.Keywords, pr.NoWait, pr.Updated, repealed)
		fmt.Fprintln(all, in.procs[pr])
		fmt.Fprintln(lists, in.listed[pr])
	}
	in.all, in.lists = sum(all), sum(lists)
	served := sha256.New()
	for _, pg := range p.Site.Pages {
		if pg.At != "" {
			fmt.Fprintln(served, pg.Path, pg.At)
		}
	}
	in.served = sum(served)
	return in
}

// key returns the key of page pg's files.
func (in *inputs) key(pg *site.Page) string {
	kind := strconv.Itoa(int(pg.Kind))
	switch {
	case in.custom:
		return digest(in.shared, kind, pg.Path, in.all, in.served)
	case pg.Kind == site.Home:
		return digest(in.shared, kind, pg.Path, in.lists, in.served)
	case pg.Kind == site.Board:
		parts := []string{in.shared, kind, pg.Path}
		for _, pr := range pg.Office.Procedures {
			parts = append(parts, in.listed[pr], in.site.Where(pg.Path+pr.ID+"/"))
		}
		parts = append(parts, "repealed")
		for _, pr := range pg.Office.Repealed {
			parts = append(parts, in.listed[pr], in.site.Where(pg.Path+pr.ID+"/"))
		}
		return digest(parts...)
	case pg.Kind == site.Overview:
		parts := []string{kind, in.shared[:32], in.procs[pg.Procedure]}
		for _, o := range pg.Offices {
			parts = append(parts, in.site.Where(o.ID+"/"+pg.Procedure.ID+"/"))
		}
		return digest(parts...)
	default: // a procedure page, which links to its office's board: no need to hash again
		return kind + in.shared[:32] + in.procs[pg.Procedure] + " " + in.site.Where(pg.Office.ID+"/")
	}
}

// digest returns half the SHA-256 of parts, each ended by a newline, in
// hexadecimal: keys are compared, never trusted, so 128 bits suffice.
func digest(parts ...string) string {
	n := 0
	for _, p := range parts {
		n += len(p) + 1
	}
	b := make([]byte, 0, n)
	for _, p := range parts {
		b = append(append(b, p...), '\n')
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

func sum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }

// programID identifies this build of qrboard: its version (package
// version) and its executable's size and time, so a rebuilt program
// re-renders every page even when its version string did not change.
var programID = sync.OnceValue(func() string {
	id := version.Get().String()
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			id += fmt.Sprintf(" %d %d", st.Size(), st.ModTime().UnixNano())
		}
	}
	return id
})

// hashTemplates writes every template file's name and content into h and
// reports whether some come from the project.
func hashTemplates(h hash.Hash, tfs fs.FS) (custom bool) {
	layers := []fs.FS{tfs}
	if o, ok := tfs.(overlay.FS); ok {
		layers, custom = []fs.FS{o.Upper, o.Lower}, true
	}
	for _, layer := range layers {
		fs.WalkDir(layer, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, err := fs.ReadFile(layer, name)
			fmt.Fprintf(h, "%s %d %v\n", filepath.ToSlash(name), len(data), err)
			h.Write(data)
			return nil
		})
		fmt.Fprintln(h, "--")
	}
	return custom
}
