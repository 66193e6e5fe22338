package build

import (
	"context"
	"fmt"
	"runtime"
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
// goroutines as there are cores. Problems of the project found on the
// way — a code too dense to print, a name too long for a poster — come
// back in the diag.List.
func (p *Project) write(ctx context.Context, out *output.Dir, res *Result) (diag.List, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan func() error)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for job := range jobs {
				if err := job(); err != nil {
					cancel(err)
				}
			}
		})
	}
	var mu sync.Mutex
	var problems problems
	send := func(job func() error) bool {
		select {
		case jobs <- job:
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

// pageInput is what the files of one page are made from.
type pageInput struct {
	page    *site.Page
	code    *qr.Code
	poster  *poster.Poster // its words
	measure poster.Measure // its layout on the configured paper
}

// pageFile makes one file of a page's folder.
type pageFile struct {
	name string
	make func(p *Project, in *pageInput) ([]byte, error)
}

// pageFiles are the files written into every page's folder.
var pageFiles = []pageFile{
	{IndexFile, func(p *Project, in *pageInput) ([]byte, error) {
		html, err := p.Renderer.Page(in.page)
		if err == nil {
			p.weigh(in.page, html)
		}
		return html, err
	}},
	{QRSVGFile, func(_ *Project, in *pageInput) ([]byte, error) { return in.code.SVG(), nil }},
	{QRPNGFile, func(_ *Project, in *pageInput) ([]byte, error) { return in.code.PNG(PNGScale), nil }},
	{OGImageFile, func(p *Project, in *pageInput) ([]byte, error) {
		return ogimage.Draw(p.Renderer.Card(in.page), in.code), nil
	}},
	{PosterFile, func(p *Project, in *pageInput) ([]byte, error) {
		return p.Renderer.Poster(in.page, in.poster, p.Paper, in.measure)
	}},
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
		data, err := f.make(p, in)
		if err != nil {
			return 0, nil, fmt.Errorf("making /%s%s: %w", pg.Path, f.name, err)
		}
		if err := out.Write(pg.Path+f.name, data); err != nil {
			return 0, nil, err
		}
	}
	return in.code.Version, nil, nil
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
