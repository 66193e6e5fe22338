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

// pageQR is a page's QR code, encoded once per page (or read from the
// cache) and shared by every file that shows it.
type pageQR struct {
	*qr.Code
	png []byte // the code as PNG at PNGScale
}

// pageFile makes one file of a page's folder from the page and its QR code.
type pageFile struct {
	name string
	make func(p *Project, pg *site.Page, code pageQR) ([]byte, error)
}

// pageFiles are the files written into every page's folder.
var pageFiles = []pageFile{
	{IndexFile, func(p *Project, pg *site.Page, _ pageQR) ([]byte, error) { return p.Renderer.Page(pg) }},
	{QRSVGFile, func(_ *Project, _ *site.Page, code pageQR) ([]byte, error) { return code.SVG(), nil }},
	{QRPNGFile, func(_ *Project, _ *site.Page, code pageQR) ([]byte, error) { return code.png, nil }},
}

// pageFileNames are the names of pageFiles.
var pageFileNames = func() []string {
	var names []string
	for _, f := range pageFiles {
		names = append(names, f.name)
	}
	return names
}()

// writePage writes a page's files, returning the version of its QR code.
// A page whose inputs did not change since the previous build into the
// same folder keeps its files (see inputs.go); the version of its code
// comes back from the manifest.
func (p *Project) writePage(out *output.Dir, pg *site.Page) (int, error) {
	key := p.inputs.key(pg)
	if note, ok := out.Keep(pg.Path, key, pageFileNames); ok {
		version, _ := strconv.Atoi(note) // written by Record below
		return version, nil
	}
	c, png, err := p.qrCache.Encode(p.Site.URL(pg.Path), p.Level, PNGScale)
	if err != nil {
		return 0, err
	}
	code := pageQR{c, png}
	for _, f := range pageFiles {
		data, err := f.make(p, pg, code)
		if err != nil {
			return 0, fmt.Errorf("making /%s%s: %w", pg.Path, f.name, err)
		}
		if err := out.Write(pg.Path+f.name, data); err != nil {
			return 0, err
		}
	}
	out.Record(pg.Path, key, strconv.Itoa(code.Version))
	return code.Version, nil
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
