package build

import (
	"context"
	"fmt"
	"iter"
	"path"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"

	"qrboard/internal/diag"
	"qrboard/internal/output"
	"qrboard/internal/poster"
	"qrboard/internal/qr"
	"qrboard/internal/render"
	"qrboard/internal/site"
)

// PNGScale is the size of a module in the PNG codes, in pixels: a
// version 4 code with its quiet zone is 41 × 8 = 328 pixels wide.
const PNGScale = 8

// Page files, inside each page's folder.
const (
	IndexFile   = "index.html"
	QRSVGFile   = "qr.svg"
	QRPNGFile   = "qr.png"
	OGImageFile = render.ImageFile // the sharing picture (og:image)
	PosterFile  = "poster.html"
)

// write renders every page, redirect and site file into out, on as many
// goroutines as there are cores, calling progress (if set) after each.
// Problems of the project found on the way — a code too dense to print, a
// name too long for a poster — come back in the diag.List.
func (p *Project) write(ctx context.Context, out *output.Dir, res *Result, progress func(done, total int)) (diag.List, error) {
	var mu sync.Mutex
	var problems problems
	total, done := len(p.Site.Pages)+len(p.Site.Redirects)+len(p.Lock.Shorts())+1, 0
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
		for _, sh := range p.Lock.Shorts() {
			if !yield(counted(func() error { return p.writeShort(out, strconv.Itoa(sh.N)+"/", sh.Path[1:]) })) {
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
// goroutines as there are cores, a panic turned into its error (safely).
// After a failure, or when ctx ends, it hands out no more and returns the
// error of the failed job that comes first in that order, or ctx's.
func onAllCores(ctx context.Context, jobs iter.Seq[func() error]) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		n   int // its place in the order jobs are handed out
		run func() error
	}
	queue := make(chan job)
	var failed firstFailure
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for j := range queue {
				if err := safely(j.run); err != nil {
					failed.add(j.n, err)
					cancel()
				}
			}
		})
	}
	n := 0
	for run := range jobs {
		select {
		case queue <- job{n, run}:
			n++
			continue
		case <-ctx.Done():
		}
		break
	}
	close(queue)
	wg.Wait()
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

// pageQR is a page's QR code, encoded (or read from the cache) when a
// file first needs it, and shared by every file that shows it.
type pageQR struct {
	p    *Project
	url  string
	code *qr.Code
	png  []byte // the code as PNG at PNGScale
}

func (c *pageQR) get() (*qr.Code, error) {
	if c.code == nil {
		code, png, err := c.p.qrCache.Encode(c.url, c.p.Level, PNGScale)
		if err != nil {
			return nil, err
		}
		c.code, c.png = code, png
	}
	return c.code, nil
}

// pageInput is what the files of one page are made from.
type pageInput struct {
	page    *site.Page
	qr      *pageQR        // its code, encoded before any file is made
	poster  *poster.Poster // its words
	measure poster.Measure // its layout on the configured paper
	weight  int            // its HTML gzip-compressed, once made
}

// pageFile makes one file of a page's folder.
type pageFile struct {
	name string
	// qrOnly is true for files made from the page's QR code alone: they
	// change only with the page's address, so a rebuild after an edit
	// keeps them (see inputs.go).
	qrOnly bool
	make   func(p *Project, in *pageInput) ([]byte, error)
}

// pageFiles are the files written into every page's folder.
var pageFiles = []pageFile{
	{IndexFile, false, func(p *Project, in *pageInput) ([]byte, error) {
		html, err := p.Renderer.Page(in.page)
		if err == nil {
			in.weight = p.weigh(in.page, html)
		}
		return html, err
	}},
	{QRSVGFile, true, func(_ *Project, in *pageInput) ([]byte, error) { return in.qr.code.SVG(), nil }},
	{QRPNGFile, true, func(_ *Project, in *pageInput) ([]byte, error) { return in.qr.png, nil }},
	{OGImageFile, false, func(p *Project, in *pageInput) ([]byte, error) {
		return p.ogCache.Draw(p.Renderer.Card(in.page), in.qr.code), nil
	}},
	{PosterFile, false, func(p *Project, in *pageInput) ([]byte, error) {
		return p.Renderer.Poster(in.page, in.poster, p.Paper, in.measure)
	}},
}

// writePage writes a page's files, returning the version of its QR code
// and the problems that keep it from being printed. Its files come in
// two sets, each with its own key (see inputs.go): the files made from
// the QR code alone, and the others. A set whose key did not change since
// the previous build into the same folder keeps its files, unmade; what
// the build needs to know of them — the code's version, the page's
// weight — was noted with the set. A set kept had no problem: its key
// covers everything the checks look at, and a build with problems
// records nothing.
func (p *Project) writePage(out *output.Dir, pg *site.Page) (int, diag.List, error) {
	code := &pageQR{p: p, url: p.codeURL(pg)}
	version, err := p.writeQRFiles(out, pg, code)
	if err != nil {
		return 0, nil, err
	}
	key := p.inputs.key(pg) + p.shortPath(pg) // the poster prints the short address
	rels := pageRels(pg, false)
	if note, ok := out.Keep(pg.Path, key, rels); ok {
		w, _ := strconv.Atoi(note) // written by Record below, by this same program (the key says so)
		p.scales.add(pg, Weight{Path: pg.Path, Gzip: w})
		return version, nil, nil
	}
	in, diags, err := p.preparePage(pg, code)
	if err != nil {
		return 0, nil, err
	}
	if diags.HasErrors() {
		return in.qr.code.Version, diags, nil
	}
	if err := p.writeFiles(out, in, rels, false); err != nil {
		return 0, nil, err
	}
	out.Record(pg.Path, key, strconv.Itoa(in.weight))
	return in.qr.code.Version, nil, nil
}

// writeQRFiles writes, or keeps, the files of pg made from its code
// alone, returning the code's version.
func (p *Project) writeQRFiles(out *output.Dir, pg *site.Page, code *pageQR) (int, error) {
	group, key, rels := pg.Path+"#qr", p.inputs.qrKey()+p.shortPath(pg), pageRels(pg, true)
	if note, ok := out.Keep(group, key, rels); ok {
		return strconv.Atoi(note) // written by Record below
	}
	c, err := code.get()
	if err != nil {
		return 0, err
	}
	if err := p.writeFiles(out, &pageInput{page: pg, qr: code}, rels, true); err != nil {
		return 0, err
	}
	out.Record(group, key, strconv.Itoa(c.Version))
	return c.Version, nil
}

// writeFiles makes and writes the files of in's page whose qrOnly is
// qrOnly, at rels.
func (p *Project) writeFiles(out *output.Dir, in *pageInput, rels []string, qrOnly bool) error {
	i := 0
	for _, f := range pageFiles {
		if f.qrOnly != qrOnly {
			continue
		}
		data, err := f.make(p, in)
		if err != nil {
			return fmt.Errorf("making /%s: %w", rels[i], err)
		}
		if err := out.Write(rels[i], data); err != nil {
			return err
		}
		i++
	}
	return nil
}

// pageRels returns the paths of pg's files whose qrOnly is qrOnly, in the
// order of pageFiles.
func pageRels(pg *site.Page, qrOnly bool) []string {
	var rels []string
	for _, f := range pageFiles {
		if f.qrOnly == qrOnly {
			rels = append(rels, pg.Path+f.name)
		}
	}
	return rels
}

// PageStats counts what a build changed, in pages: a page is one address
// of the site — its index.html and, for the pages of offices and
// procedures, its QR codes — and a redirect page counts as one.
type PageStats struct {
	Added, Changed, Removed, Unchanged int
	Fresh                              bool // there was no previous build
}

// pageChanges counts the pages stats shows as added, changed or removed.
func (p *Project) pageChanges(stats output.Stats) PageStats {
	ps := PageStats{Fresh: stats.Fresh}
	count := func(files ...string) {
		added, changed := 0, false
		for _, f := range files {
			switch stats.Files[f] {
			case output.Added:
				added++
			case output.Changed:
				changed = true
			}
		}
		switch {
		case added == len(files):
			ps.Added++
		case changed || added > 0:
			ps.Changed++
		default:
			ps.Unchanged++
		}
	}
	files := make([]string, len(pageFiles))
	for _, pg := range p.Site.Pages {
		for i, f := range pageFiles {
			files[i] = pg.Path + f.name
		}
		count(files...)
	}
	for _, rd := range p.Site.Redirects {
		count(rd.From + IndexFile)
	}
	for f, c := range stats.Files {
		if c == output.Removed && path.Base(f) == IndexFile {
			ps.Removed++
		}
	}
	return ps
}

func (p *Project) writeRedirect(out *output.Dir, rd site.Redirect) error {
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

func (p *Project) writeSiteFiles(out *output.Dir) error {
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
