package build

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"sync"

	"qrboard/internal/output"
	"qrboard/internal/qr"
	"qrboard/internal/render"
	"qrboard/internal/site"
)

// PNGScale is the size of a module in the PNG codes, in pixels: a
// version 4 code with its quiet zone is 41 × 8 = 328 pixels wide.
const PNGScale = 8

// Page files, inside each page's folder.
const (
	IndexFile = "index.html"
	QRSVGFile = "qr.svg"
	QRPNGFile = "qr.png"
)

// write renders every page, redirect and site file into out, on as many
// goroutines as there are cores.
func (p *Project) write(ctx context.Context, out *output.Dir, res *Result) error {
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
			version, err := p.writePage(out, pg)
			mu.Lock()
			res.MaxQRVersion = max(res.MaxQRVersion, version)
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
		return err
	}
	res.Pages = len(p.Site.Pages)
	res.Redirects = len(p.Site.Redirects)
	res.QRCodes = len(p.Site.Pages)
	return nil
}

// pageQR is a page's QR code, encoded (or read from the cache) when a
// file first needs it, and shared by every file that shows it.
type pageQR struct {
	p    *Project
	url  string
	code *qr.Code
	png  []byte // the code as PNG at PNGScale
}

func (c *pageQR) get() (*pageQR, error) {
	if c.code == nil {
		code, png, err := c.p.qrCache.Encode(c.url, c.p.Level, PNGScale)
		if err != nil {
			return nil, err
		}
		c.code, c.png = code, png
	}
	return c, nil
}

// pageFile makes one file of a page's folder.
type pageFile struct {
	name string
	// qrOnly is true for files made from the page's QR code alone: they
	// change only with the page's address, so a rebuild after an edit
	// keeps them (see inputs.go).
	qrOnly bool
	make   func(p *Project, pg *site.Page, code *pageQR) ([]byte, error)
}

// pageFiles are the files written into every page's folder.
var pageFiles = []pageFile{
	{IndexFile, false, func(p *Project, pg *site.Page, _ *pageQR) ([]byte, error) { return p.Renderer.Page(pg) }},
	{QRSVGFile, true, func(_ *Project, _ *site.Page, code *pageQR) ([]byte, error) {
		c, err := code.get()
		if err != nil {
			return nil, err
		}
		return c.code.SVG(), nil
	}},
	{QRPNGFile, true, func(_ *Project, _ *site.Page, code *pageQR) ([]byte, error) {
		c, err := code.get()
		if err != nil {
			return nil, err
		}
		return c.png, nil
	}},
}

// writePage writes a page's files, returning the version of its QR code.
// Its files come in two sets, each with its own key (see inputs.go): the
// files made from the QR code alone, and the others. A set whose key did
// not change since the previous build into the same folder keeps its
// files; the version of the code is noted with the QR set.
func (p *Project) writePage(out *output.Dir, pg *site.Page) (int, error) {
	code := &pageQR{p: p, url: p.Site.URL(pg.Path)}
	version := -1
	for _, qrOnly := range []bool{true, false} {
		group, key := pg.Path, p.inputs.key(pg)
		if qrOnly {
			group, key = pg.Path+"#qr", p.inputs.qrKey()
		}
		var files []pageFile
		var rels []string
		for _, f := range pageFiles {
			if f.qrOnly == qrOnly {
				files = append(files, f)
				rels = append(rels, pg.Path+f.name)
			}
		}
		if note, ok := out.Keep(group, key, rels); ok {
			if qrOnly {
				version, _ = strconv.Atoi(note) // written by Record below
			}
			continue
		}
		for i, f := range files {
			data, err := f.make(p, pg, code)
			if err != nil {
				return 0, fmt.Errorf("making /%s: %w", rels[i], err)
			}
			if err := out.Write(rels[i], data); err != nil {
				return 0, err
			}
		}
		note := ""
		if qrOnly {
			if _, err := code.get(); err != nil {
				return 0, err
			}
			version = code.code.Version
			note = strconv.Itoa(version)
		}
		out.Record(group, key, note)
	}
	return version, nil
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
		"404.html":    notFound,
		"sitemap.xml": render.Sitemap(p.Site),
		"robots.txt":  render.Robots(p.Site),
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
