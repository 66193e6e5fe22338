package build

import (
	"context"
	"fmt"
	"path"
	"runtime"
	"runtime/debug"
	"sync"

	"qrboard/internal/diag"
	"qrboard/internal/ogimage"
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
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan func() error)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for job := range jobs {
				if err := safely(job); err != nil {
					cancel(err)
				}
			}
		})
	}
	var mu sync.Mutex
	var problems problems
	total, done := len(p.Site.Pages)+len(p.Site.Redirects)+1, 0
	send := func(job func() error) bool {
		counted := func() error {
			err := job()
			if progress != nil {
				mu.Lock()
				done++
				progress(done, total)
				mu.Unlock()
			}
			return err
		}
		select {
		case jobs <- counted:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, pg := range p.Site.Pages {
		ok := send(func() error {
			version, diags, err := p.writePage(out, pg)
			mu.Lock()
			res.MaxQRVersion = max(res.MaxQRVersion, version)
			problems.add(diags)
			mu.Unlock()
			return err
		})
		if !ok {
			break
		}
	}
	for _, rd := range p.Site.Redirects {
		if !send(func() error { return p.writeRedirect(out, rd) }) {
			break
		}
	}
	send(func() error { return p.writeSiteFiles(out) })
	close(jobs)
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	res.Pages = len(p.Site.Pages)
	res.Redirects = len(p.Site.Redirects)
	res.QRCodes = len(p.Site.Pages)
	return problems.list(), nil
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
	code    *qr.Code
	cached  *qrEntry       // the code's files kept between builds, or nil
	poster  *poster.Poster // its words
	measure poster.Measure // its layout on the configured paper
}

// pageFile makes one file of a page's folder.
type pageFile struct {
	name string
	make func(p *Project, in *pageInput) ([]byte, error)
	// fromCode is true for a file made from the QR code alone, which a
	// QRCache keeps between builds.
	fromCode bool
}

// pageFiles are the files written into every page's folder.
var pageFiles = []pageFile{
	{IndexFile, func(p *Project, in *pageInput) ([]byte, error) {
		html, err := p.Renderer.Page(in.page)
		if err == nil {
			p.weigh(in.page, html)
		}
		return html, err
	}, false},
	{QRSVGFile, func(_ *Project, in *pageInput) ([]byte, error) { return in.code.SVG(), nil }, true},
	{QRPNGFile, func(_ *Project, in *pageInput) ([]byte, error) { return in.code.PNG(PNGScale), nil }, true},
	{OGImageFile, func(p *Project, in *pageInput) ([]byte, error) {
		return ogimage.Draw(p.Renderer.Card(in.page), in.code), nil
	}, false},
	{PosterFile, func(p *Project, in *pageInput) ([]byte, error) {
		return p.Renderer.Poster(in.page, in.poster, p.Paper, in.measure)
	}, false},
}

// writePage writes a page's files, returning the version of its QR code
// and the problems that keep it from being printed.
func (p *Project) writePage(out *output.Dir, pg *site.Page) (int, diag.List, error) {
	in, diags, err := p.preparePage(pg)
	if err != nil {
		return 0, nil, err
	}
	if diags.HasErrors() {
		return in.code.Version, diags, nil
	}
	for _, f := range pageFiles {
		data, err := in.cached.file(f.name, f.fromCode, func() ([]byte, error) { return f.make(p, in) })
		if err != nil {
			return 0, nil, fmt.Errorf("making /%s%s: %w", pg.Path, f.name, err)
		}
		if err := out.Write(pg.Path+f.name, data); err != nil {
			return 0, nil, err
		}
	}
	return in.code.Version, nil, nil
}

// QRCache keeps QR codes, and the page files made from them alone,
// between the builds of one process (qrboard serve). A code depends only
// on its address and error-correction level, and encoding the codes and
// their PNGs is most of the work of a rebuild after a one-file change.
// The zero QRCache is ready to use; a nil *QRCache keeps nothing.
type QRCache struct{ entries sync.Map } // qrKey → *qrEntry

type qrKey struct {
	content string
	level   qr.Level
}

// qrEntry is one code and its files, by file name.
type qrEntry struct {
	code  *qr.Code
	files sync.Map // string → []byte
}

// code returns the code for content at level l, from c when it has it.
func (c *QRCache) code(content string, l qr.Level) (*qr.Code, *qrEntry, error) {
	key := qrKey{content, l}
	if c != nil {
		if e, ok := c.entries.Load(key); ok {
			return e.(*qrEntry).code, e.(*qrEntry), nil
		}
	}
	code, err := qr.Encode(content, l)
	if err != nil {
		return nil, nil, err
	}
	e := &qrEntry{code: code}
	if c != nil {
		c.entries.Store(key, e)
		return code, e, nil
	}
	return code, nil, nil
}

// file returns the file name made by make, from e when keep allows and
// it has it. A nil entry keeps nothing.
func (e *qrEntry) file(name string, keep bool, make func() ([]byte, error)) ([]byte, error) {
	if e == nil || !keep {
		return make()
	}
	if data, ok := e.files.Load(name); ok {
		return data.([]byte), nil
	}
	data, err := make()
	if err == nil {
		e.files.Store(name, data)
	}
	return data, err
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
	for _, pg := range p.Site.Pages {
		files := make([]string, len(pageFiles))
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
	html, err := p.Renderer.Redirect(rd)
	if err != nil {
		return fmt.Errorf("rendering the redirect /%s: %w", rd.From, err)
	}
	return out.Write(rd.From+IndexFile, html)
}

func (p *Project) writeSiteFiles(out *output.Dir) error {
	notFound, err := p.Renderer.NotFound()
	if err != nil {
		return fmt.Errorf("rendering 404.html: %w", err)
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
	for name, data := range files {
		if err := out.Write(name, data); err != nil {
			return err
		}
	}
	return nil
}
