package build

import (
	"context"
	"fmt"
	"iter"
	"path"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"

	"qrboard/internal/diag"
	"qrboard/internal/output"
	"qrboard/internal/parallel"
	"qrboard/internal/poster"
	"qrboard/internal/qr"
	"qrboard/internal/render"
	"qrboard/internal/site"
)

// Page files. A page is one file, index.html, its QR code drawn inline,
// in the folder it is served from (site.Page.Served): its short address
// ("12/") if it has a poster, else its own. The pages of offices and
// procedures but a procedure's page at an office also have their sharing
// picture in their own folder; a procedure's pages share their
// procedure's (render.ImagePath). A page served at its short address
// leaves a redirect to it at its own address (stubFile), about 900
// bytes. The poster of a page, poster.html, is for staff: qrboard serve
// shows it at the page's own address ("/phuc-loc/dang-ky-ket-hon/poster.html")
// and qrboard print writes it with the PDFs; it is not published.
const (
	IndexFile   = "index.html"
	OGImageFile = render.ImageFile // the sharing picture (og:image)
	PosterFile  = "poster.html"
)

// A sink is where render puts the files it makes: the output folder
// (*output.Dir) for a build, discard for check. Keep offers to keep the
// files rels of a group (a page) made last time from the same key,
// returning what Record noted with them.
type sink interface {
	Keep(group, key string, rels []string) (note string, ok bool)
	Write(rel string, data []byte) error
	Record(group, key, note string)
}

// discard is the sink of check: it keeps nothing, so every page is made,
// checked and weighed as a build from scratch would.
type discard struct{}

func (discard) Keep(string, string, []string) (string, bool) { return "", false }
func (discard) Write(string, []byte) error                   { return nil }
func (discard) Record(string, string, string)                {}

// render makes every page, redirect and site file into out, on as many
// goroutines as there are cores, calling progress (if set) after each.
// Problems of the project found on the way — a code too dense to print, a
// name too long for a poster — come back in the diag.List; err is the
// failure of the first job, in the site's order, that failed.
func (p *Project) render(ctx context.Context, out sink, res *Result, progress func(done, total int)) (diag.List, error) {
	var mu sync.Mutex
	var problems problems
	moved := p.movedShorts()
	total, done := len(p.Site.Pages)+len(p.Site.Redirects)+len(moved)+1, 0
	counted := func(job func() error) func() error {
		return func() error {
			err := job()
			if progress != nil {
				mu.Lock()
				done++
				progress(done, total)
				mu.Unlock()
			}
			return err
		}
	}
	jobs := func(yield func(func() error) bool) {
		for _, pg := range p.Site.Pages {
			if !yield(counted(func() error {
				version, diags, err := p.writePage(out, pg)
				mu.Lock()
				res.MaxQRVersion = max(res.MaxQRVersion, version)
				problems.add(diags)
				mu.Unlock()
				return err
			})) {
				return
			}
		}
		for _, rd := range p.Site.Redirects {
			if !yield(counted(func() error { return p.writeRedirect(out, rd) })) {
				return
			}
		}
		for _, sh := range moved {
			if !yield(counted(func() error { return p.writeMoved(out, strconv.Itoa(sh.N)+"/", sh.Path[1:]) })) {
				return
			}
		}
		yield(counted(func() error { return p.writeSiteFiles(out) }))
	}
	if err := onAllCores(ctx, jobs); err != nil {
		return nil, err
	}
	res.Pages = len(p.Site.Pages)
	res.Redirects = len(p.Site.Redirects)
	res.QRCodes = len(p.Site.Pages)
	return problems.list(), nil
}

// onAllCores runs the jobs in the order jobs hands them out, on as many
// goroutines as there are cores (parallel.For), a panic turned into its
// error (safely). After a failure, or when ctx ends, it starts no more
// and returns the error of the failed job that comes first in that
// order, or ctx's.
func onAllCores(ctx context.Context, jobs iter.Seq[func() error]) error {
	list := slices.Collect(jobs)
	var failed firstFailure
	parallel.For(len(list), func(n int) bool {
		if ctx.Err() != nil {
			return false
		}
		if err := safely(list[n]); err != nil {
			failed.add(n, err)
			return false
		}
		return true
	})
	if failed.err != nil {
		return failed.err
	}
	return context.Cause(ctx) // the caller's, if it ended: serve stopped this build
}

// firstFailure keeps, of the jobs that failed, the error of the one that
// comes first in the order the jobs were handed out, so that a project
// with several broken pages gets the same message on every run however
// the cores happen to share the work: every job before a failed one was
// handed out before it, so it runs too.
type firstFailure struct {
	mu  sync.Mutex
	n   int // the failed job's place; meaningful when err != nil
	err error
}

// add records that job n failed with err.
func (f *firstFailure) add(n int, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err == nil || n < f.n {
		f.n, f.err = n, err
	}
}

// safely runs job, turning a panic into its error: a bug met on one page
// fails the build with a message (and, in qrboard serve, an error page)
// instead of ending the program.
func safely(job func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v\n%s", r, debug.Stack())
		}
	}()
	return job()
}

// pageInput is what the files of one page are made from.
type pageInput struct {
	page    *site.Page
	code    *qr.Code       // its QR code
	poster  *poster.Poster // its words
	measure poster.Measure // its layout on the configured paper
	weight  int            // its HTML gzip-compressed, once made
}

// pageFile makes one file of a page, at its path from the site root (at).
type pageFile struct {
	at   func(pg *site.Page) string
	make func(p *Project, in *pageInput) ([]byte, error)
}

var (
	indexFile = pageFile{
		func(pg *site.Page) string { return pg.Served() + IndexFile },
		func(p *Project, in *pageInput) ([]byte, error) {
			html, err := p.Renderer.Page(in.page, in.code)
			if err != nil {
				return nil, err
			}
			in.weight = p.weigh(in.page, html)
			return html, nil
		}}
	imageFile = pageFile{
		render.ImagePath,
		func(p *Project, in *pageInput) ([]byte, error) {
			return p.og.Draw(p.Renderer.Card(in.page), in.code), nil
		}}
	posterFile = pageFile{
		func(pg *site.Page) string { return pg.Path + PosterFile },
		func(p *Project, in *pageInput) ([]byte, error) {
			return p.Renderer.Poster(in.page, in.poster, p.Paper, in.measure)
		}}
	// stubFile is the redirect left at the page's own address when it is
	// served at its short address (site.Page.At).
	stubFile = pageFile{
		func(pg *site.Page) string { return pg.Path + IndexFile },
		func(p *Project, in *pageInput) ([]byte, error) { return p.Renderer.Stub(in.page) }}
)

// files returns the files of page pg, in the order they are made.
func (p *Project) files(pg *site.Page) []pageFile {
	files := []pageFile{indexFile}
	if render.HasImage(pg) {
		files = append(files, imageFile)
	}
	if p.posters {
		files = append(files, posterFile)
	}
	if pg.At != "" {
		files = append(files, stubFile)
	}
	return files
}

// writePage writes a page's files, returning the version of its QR code
// and the problems that keep it from being printed. The files have a key
// (see inputs.go): when it did not change since the previous build into
// the same folder, they are kept, unmade; what the build needs to know of
// them — the code's version, the page's weight — was noted with them. A
// page kept had no problem: its key covers everything the checks look at,
// and a build with problems records nothing.
func (p *Project) writePage(out sink, pg *site.Page) (int, diag.List, error) {
	key := p.inputs.key(pg) + pg.At // the code holds the short address
	files := p.files(pg)
	var buf [4]string
	rels := buf[:0]
	for _, f := range files {
		rels = append(rels, f.at(pg))
	}
	if note, ok := out.Keep(pg.Path, key, rels); ok {
		// Written by Record below, by this same program (the key says so).
		w, v, _ := strings.Cut(note, " ")
		weight, _ := strconv.Atoi(w)
		version, _ := strconv.Atoi(v)
		p.scales.add(pg, Weight{Path: pg.Path, Gzip: weight})
		return version, nil, nil
	}
	in, diags, err := p.preparePage(pg)
	if err != nil {
		return 0, nil, err
	}
	if diags.HasErrors() {
		return in.code.Version, diags, nil
	}
	for i, f := range files {
		data, err := f.make(p, in)
		if err != nil {
			what := "/" + rels[i]
			if pg.At != "" { // name the page by its own address too
				what += ", the page /" + pg.Path
			}
			return 0, nil, fmt.Errorf("making %s: %w", what, err)
		}
		if err := out.Write(rels[i], data); err != nil {
			return 0, nil, err
		}
	}
	out.Record(pg.Path, key, strconv.Itoa(in.weight)+" "+strconv.Itoa(in.code.Version))
	return in.code.Version, nil, nil
}

// PageStats counts what a build changed, in pages: a page is one address
// of the site — its index.html and, where it has one, its sharing
// picture — and a redirect page counts as one.
type PageStats struct {
	Added, Changed, Removed, Unchanged int
	Fresh                              bool // there was no previous build
}

// pageChanges counts the pages stats shows as added, changed or removed.
func (p *Project) pageChanges(stats output.Stats) PageStats {
	ps := PageStats{Fresh: stats.Fresh}
	// count counts a page by its files, among them own, the file at its
	// own address: a page is new when that is, even if it is served where
	// another page was (a short address numbered again, in a project
	// without a lock).
	count := func(own string, files ...string) {
		changed := false
		for _, f := range files {
			changed = changed || stats.Files[f] == output.Added || stats.Files[f] == output.Changed
		}
		switch {
		case stats.Files[own] == output.Added:
			ps.Added++
		case changed:
			ps.Changed++
		default:
			ps.Unchanged++
		}
	}
	var files []string
	for _, pg := range p.Site.Pages {
		files = files[:0]
		for _, f := range p.files(pg) {
			files = append(files, f.at(pg))
		}
		count(pg.Path+IndexFile, files...) // the page, or the redirect to it (stubFile)
	}
	for _, rd := range p.Site.Redirects {
		count(rd.From+IndexFile, rd.From+IndexFile)
	}
	for f, c := range stats.Files {
		if c == output.Removed && path.Base(f) == IndexFile && !isShort(path.Dir(f)) {
			ps.Removed++ // by its own address: where it was served is not another page
		}
	}
	return ps
}

// isShort reports whether dir is a short address's folder ("12").
func isShort(dir string) bool {
	return dir != "" && strings.Trim(dir, "0123456789") == ""
}

func (p *Project) writeRedirect(out sink, rd site.Redirect) error {
	html, err := p.redirect(rd)
	if err != nil {
		return err
	}
	return out.Write(rd.From+IndexFile, html)
}

// redirect renders the page left at rd's old address.
func (p *Project) redirect(rd site.Redirect) ([]byte, error) {
	html, err := p.Renderer.Redirect(rd)
	if err != nil {
		return nil, fmt.Errorf("rendering the redirect /%s: %w", rd.From, err)
	}
	return html, nil
}

func (p *Project) writeSiteFiles(out sink) error {
	files, err := p.siteFiles()
	if err != nil {
		return err
	}
	for name, data := range files {
		if err := out.Write(name, data); err != nil {
			return err
		}
	}
	return p.writeForms(out)
}

// siteFiles makes the files of the site's root that are not a page's, by
// name.
func (p *Project) siteFiles() (map[string][]byte, error) {
	notFound, err := p.Renderer.NotFound()
	if err != nil {
		return nil, fmt.Errorf("rendering 404.html: %w", err)
	}
	files := map[string][]byte{
		"404.html":           notFound,
		"sitemap.xml":        render.Sitemap(p.Site),
		"robots.txt":         render.Robots(p.Site),
		"_headers":           p.Renderer.Headers(),
		"headers.nginx.conf": p.Renderer.NginxHeaders(),
	}
	if len(p.Site.Redirects) > 0 {
		files["_redirects"] = render.Redirects(p.Site)
	}
	return files, nil
}
