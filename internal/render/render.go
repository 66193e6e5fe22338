// Package render turns the planned site into files: an HTML page for each
// site.Page from the templates, redirect and notice pages, 404.html,
// sitemap.xml, robots.txt and _redirects.
//
// # Templates
//
// Templates are read from an fs.FS — the embedded defaults with a
// project's own templates/ laid over them file by file — and parsed once.
// layout.html defines "layout", the frame of every page, and partials.html
// the pieces several pages share; each page file
// (home.html, office.html, procedure.html, overview.html, redirect.html,
// notice.html, 404.html) defines "title" and "content". style.css is
// inlined into every page, and page.js into every page but redirects,
// notices and 404.html, so a page loads in one request; each page has one
// <style> and at most one <script>, and no inline event handlers or style
// attributes. The top of every page names the qrboard that made it in a
// generator meta tag (Frame.Generator, from package version).
//
// notice.html is the page left at an address of an office that closed
// (see package site, "Offices that closed"): its data has .Notice, and
// .Steps and .Where give its sentences, made from the interface strings
// notice_* with the names of the offices and the dates.
//
// poster.html defines "poster", a whole document of its own: the page's
// printable poster, one sheet of paper with print CSS and the code as
// inline SVG. It sees a *PosterData.
//
// Template data is a *Data. Besides its fields, templates may call:
//
//	t KEY ARGS…     the interface string KEY in the site's language (lang/<lang>.yaml),
//	                formatted with ARGS as by fmt.Sprintf
//	groups PROCS    procedures grouped by field ([]site.Group)
//	searchkey X     what the search matches for a procedure or office: its
//	                names, then its code and keywords (see search.go)
//	plain HTML      rendered Markdown as one line of plain text (a Markdown
//	                field has it ready as .Text)
//	tel PHONE       a phone number as a tel: link wants it (digits and +)
//	fee CHANNEL     what a channel costs, as pages and posters say it: its fee,
//	                or while the amount a local council sets is not entered,
//	                who sets it and to ask the staff (never a number or "free")
//	sitelink PATH   a link to PATH inside the site ("forms/to-khai.pdf"), made
//	                relative to each page once it is rendered
//	filesize N      a size in bytes as pages show it ("120 KB", "1,5 MB")
//	fold TEXT       TEXT as the search compares it (Fold): "Vân Hà" → "van ha"
//	memo NAME DATA  the template NAME executed with DATA once per build
//	                and reused: the parts of pages that many pages share
//	                (see memo.go and below); DATA is .Frame, .Place,
//	                .Facts or a poster's .Style
//	shared NAME F   the same as memo, under the name it first had
//	.Link PATH      relative link from this page to the page at PATH ("van-ha/"),
//	                where it is served (its short address "12/", if it has one)
//	.Here ID        relative link to the page ID below this one (on a board, "dang-ky-ket-hon")
//	.Abs PATH       absolute address of PATH, for canonical and sharing links
//	.Host           the site's domain, shown on every page against fake copies
//	.ShownURL       the page's address as people read it (phúcthọ.vn, not xn--…)
//	.Updated        the day the page's content last changed
//	.Report         on a procedure's page at an office: the link to report
//	                wrong information on it, "" when the office gave none
//	.Facts.Papers   the papers to bring, for the box of key facts (facts.go)
//	.Place.Missing  what is not known of the office's address, hours, phone
//
// # Shared parts
//
// A procedure is published at every office that handles it — a hundred
// pages in a province that differ only in the office — and every page
// carries the same header, style and script. Rendering the parts that
// are the same once and reusing them (memo) makes a page about twice as
// cheap to render. Each shared part sees only what it may depend on: a
// Frame (the site, the page's depth, whether it has the script), a Place
// (a Frame and an office), Facts (the site and a procedure, no office
// and no page) or a PosterStyle, so it cannot show anything that differs
// between the pages that reuse it.
//
// A Markdown field is shown with its .HTML; internal links in it are made
// relative to the page after the page is rendered (markdown.Relocate).
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"strconv"
	"strings"
	"sync"

	"qrboard/internal/config"
	"qrboard/internal/diag"
	"qrboard/internal/markdown"
	"qrboard/internal/msg"
	"qrboard/internal/ogimage"
	"qrboard/internal/procedure"
	"qrboard/internal/qr"
	"qrboard/internal/site"
	"qrboard/internal/value"
)

// ImageFile is the sharing picture (og:image) in the folder of every page
// but a procedure's page at an office, which shares its procedure's
// (ImagePath): one picture per procedure, not one per office.
const ImageFile = "og.png"

// HasImage reports whether page p has a sharing picture of its own.
func HasImage(p *site.Page) bool { return p.Kind != site.ProcedurePage }

// ImagePath returns the path of page p's sharing picture: in its own
// folder, or for a procedure's page at an office, in the procedure's
// folder (its overview, "<procedure>/").
func ImagePath(p *site.Page) string {
	if HasImage(p) {
		return p.Path + ImageFile
	}
	return p.Procedure.ID + "/" + ImageFile
}

// The size of every sharing picture.
const (
	imageWidth  = ogimage.Width
	imageHeight = ogimage.Height
)

// pageFiles maps page kinds to their template files.
var pageFiles = map[site.Kind]string{
	site.Home:          "home.html",
	site.Board:         "office.html",
	site.ProcedurePage: "procedure.html",
	site.Overview:      "overview.html",
}

// Renderer renders pages of one site. It is safe for concurrent use.
type Renderer struct {
	site     *site.Site
	lang     string
	strings  *Strings
	css      template.CSS
	js       template.JS
	csp      string // policy of pages with the script
	cspPlain string // policy of pages without it (redirects, 404.html)
	cspBare  string // policy of pages with no style either (Stub)
	pages    map[site.Kind]*template.Template
	extras   map[string]*template.Template // redirect.html, 404.html
	poster   *template.Template            // poster.html
	parts    sync.Map                      // memoKey → template.HTML (see memo.go)
	keys     sync.Map                      // procedure or office → its SearchKey
}

// New parses the templates in fsys for s.
func New(fsys fs.FS, s *site.Site) (*Renderer, diag.List) {
	var diags diag.List
	lang := string(s.Config.Language)
	strings_, d := loadStrings(fsys, lang)
	diags = append(diags, d...)
	read := func(name string) string {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			diags.Add(diag.Pos{File: "templates/" + name}, msg.ReadFailed, msg.Explain(err))
		}
		return string(data)
	}
	r := &Renderer{site: s, lang: lang, strings: strings_, css: template.CSS(read("style.css")), js: template.JS(trimScript(read("page.js"))),
		pages: map[site.Kind]*template.Template{}, extras: map[string]*template.Template{}}
	r.csp, r.cspPlain, r.cspBare = policy(string(r.css), string(r.js)), policy(string(r.css)), policy("")
	base := template.New("").Funcs(template.FuncMap{
		"t":         strings_.translate,
		"groups":    site.ByField,
		"searchkey": r.searchKey,
		"plain":     markdown.PlainText,
		"tel":       tel,
		"fee":       strings_.Fee,
		"sitelink":  siteLink,
		"filesize":  r.fileSize,
		"fold":      Fold,
		"memo":      noMemo, // replaced in each set below
		"shared":    noMemo,
	})
	if _, err := base.ParseFS(fsys, "layout.html", "partials.html"); err != nil {
		diags = append(diags, templateError(err))
		return nil, diags
	}
	parse := func(file string) *template.Template {
		t, err := template.Must(base.Clone()).ParseFS(fsys, file)
		if err != nil {
			diags = append(diags, templateError(err))
			return nil
		}
		memo := r.memoIn(t)
		return t.Funcs(template.FuncMap{"memo": memo, "shared": memo})
	}
	for kind, file := range pageFiles {
		r.pages[kind] = parse(file)
	}
	for _, file := range []string{"redirect.html", "notice.html", "404.html"} {
		r.extras[file] = parse(file)
	}
	r.poster = parse("poster.html")
	if diags.HasErrors() {
		return nil, diags
	}
	return r, diags
}

// noMemo stands for memo until each template set has its own.
func noMemo(string, any) (template.HTML, error) { return "", fmt.Errorf("memo: no template set") }

// Data is what a template sees.
type Data struct {
	Site  *site.Site
	Page  *site.Page
	Lang  string
	CSS   template.CSS // the inline style, style.css
	JS    template.JS  // the inline script, page.js; empty on redirects and 404.html
	CSP   string       // the Content-Security-Policy allowing exactly CSS and JS
	URL   string       // the absolute address this page is served at, its canonical one
	Root  string       // relative path from this page to the site root
	Image *Image       // the sharing picture; nil on redirects and 404.html
	QR    *QR          // the page's code, shown inline; nil on redirects and 404.html

	// On redirect pages: where to go.
	Target, TargetURL string
	// On notice pages: what became of an office that closed.
	Notice *site.Notice

	r *Renderer
}

// Frame returns the data of the parts of the page that every page of its
// kind shares at its depth (see memo.go).
func (d *Data) Frame() Frame {
	return Frame{r: d.r, Root: d.Root, Style: d.CSS != "", Script: d.JS != ""}
}

// Place returns the data of the parts of the page that every page of its
// office shares at its depth.
func (d *Data) Place() Place { return Place{Frame: d.Frame(), Office: d.Page.Office} }

// Link returns the relative link from this page to the page at path. It
// names index.html so that links also work when the site is opened from
// disk, where a folder does not open its index.
func (d *Data) Link(path string) string { return link(d.Root, d.Site.Where(path)) }

func link(root, path string) string { return root + path + "index.html" }

// Abs returns the absolute address of path.
func (d *Data) Abs(path string) string { return d.Site.URL(path) }

// Host returns the site's domain, as the browser's address bar shows it.
func (d *Data) Host() string { return d.Site.Config.ShownHost() }

// ShownURL returns the page's address as people read it: an
// internationalised domain in its own letters.
func (d *Data) ShownURL() string { return config.ShowURL(d.URL) }

// Updated returns the day the page's content last changed.
func (d *Data) Updated() value.Date { return LastChanged(d.Site, d.Page) }

// QR is a page's code, for drawing inline as SVG, so that a page is one
// file: <svg viewBox="0 0 {{.Side}} {{.Side}}">{{.Drawing}}</svg>.
type QR struct{ code *qr.Code }

// Side returns the code's width in modules, quiet zone included.
func (c *QR) Side() int { return c.code.Size() + 2*qr.QuietZone }

// Drawing returns the code's SVG elements: a white square, so it also
// scans on a dark page, and one path of dark runs, in modules.
func (c *QR) Drawing() template.HTML {
	side := strconv.Itoa(c.Side())
	return template.HTML(`<rect width="` + side + `" height="` + side + `" fill="#fff"/><path d="` +
		c.code.PathData(qr.QuietZone) + `"/>`)
}

// Image is a page's sharing picture.
type Image struct {
	URL           string // absolute: sharing sites fetch it from elsewhere
	Secure        bool   // served over https (og:image:secure_url)
	Width, Height int
}

// Here returns the relative link from this page to the page id below
// it: on an office's board, the office's page of procedure id. Lists call
// it once per entry, so it spares the template building the path.
func (d *Data) Here(id string) string { return d.Link(d.Page.Path + id + "/") }

// Facts returns the data of the parts of the page that every office's
// page of its procedure shares.
func (d *Data) Facts() Facts { return Facts{Site: d.Site, Procedure: d.Page.Procedure} }

// MainChannel returns the channel the page describes first.
func (d *Data) MainChannel() *procedure.Channel { return d.Facts().MainChannel() }

// OtherChannels returns the channels other than MainChannel.
func (d *Data) OtherChannels() []procedure.Channel { return d.Facts().OtherChannels() }

// Repealed reports whether the page's procedure is no longer in force.
func (d *Data) Repealed() bool {
	return d.Page != nil && d.Page.Procedure != nil && d.Facts().Repealed()
}

// MainChannel returns the channel described first: filing in person if
// the procedure has it, else its first channel.
func (f Facts) MainChannel() *procedure.Channel { return f.Procedure.MainChannel() }

// OtherChannels returns the channels other than MainChannel.
func (f Facts) OtherChannels() []procedure.Channel {
	main := f.MainChannel()
	var out []procedure.Channel
	for _, c := range f.Procedure.Channels {
		if c.Method != main.Method {
			out = append(out, c)
		}
	}
	return out
}

// Repealed reports whether the procedure is no longer in force.
func (f Facts) Repealed() bool { return f.Procedure.Repealed(f.Site.Now) }

// CSP returns the Content-Security-Policy of every page, for header files.
func (r *Renderer) CSP() string { return r.csp }

// data returns the template data of a page without script: pages add it.
func (r *Renderer) data(p *site.Page, url, root string) *Data {
	return &Data{Site: r.site, Page: p, Lang: r.lang, CSS: r.css, CSP: r.cspPlain, URL: url, Root: root, r: r}
}

// T returns the interface string key in the site's language, formatted
// with args: the words of PDFs, which are made without templates.
func (r *Renderer) T(key string, args ...any) string { return r.strings.T(key, args...) }

// Page renders p, showing code, the code of its address, as served at
// p.Served().
func (r *Renderer) Page(p *site.Page, code *qr.Code) ([]byte, error) {
	d := r.data(p, r.site.URL(p.Served()), p.Root())
	d.JS, d.CSP = r.js, r.csp
	d.Image = &Image{URL: r.site.URL(ImagePath(p)), Secure: r.site.Config.Base.Scheme == "https",
		Width: imageWidth, Height: imageHeight}
	d.QR = &QR{code: code}
	return r.exec(r.pages[p.Kind], d)
}

// Redirect renders the page left at an old address: a notice where an
// office closed, else a redirect to where the page at rd.To is served.
func (r *Renderer) Redirect(rd site.Redirect) ([]byte, error) {
	if rd.Notice != nil {
		from := &site.Page{Path: rd.From}
		d := r.data(from, r.site.URL(rd.From), from.Root())
		d.Notice = rd.Notice
		return r.exec(r.extras["notice.html"], d)
	}
	return r.exec(r.extras["redirect.html"], r.redirect(rd.From, r.site.Where(rd.To)))
}

// Stub renders the redirect left at page p's own address when it is
// served elsewhere (site.Page.At): redirect.html's "stub", a document
// without style.
func (r *Renderer) Stub(p *site.Page) ([]byte, error) {
	d := r.redirect(p.Path, p.At)
	d.CSS = ""
	return r.execNamed(r.extras["redirect.html"], "stub", d)
}

// redirect returns the data of a redirect page at from to the page
// served at to.
func (r *Renderer) redirect(from, to string) *Data {
	page := &site.Page{Path: from}
	d := r.data(page, r.site.URL(to), page.Root())
	d.Target, d.TargetURL = link(d.Root, to), r.site.URL(to)
	return d
}

// NotFound renders 404.html. Hosts serve it at any depth, so its links
// are absolute.
func (r *Renderer) NotFound() ([]byte, error) {
	return r.exec(r.extras["404.html"], r.data(&site.Page{Path: ""}, r.site.URL(""), r.site.URL("")))
}

func (r *Renderer) exec(t *template.Template, d *Data) ([]byte, error) {
	return r.execNamed(t, "layout", d)
}

// execNamed executes the template name of t's set with d.
func (r *Renderer) execNamed(t *template.Template, name string, d *Data) ([]byte, error) {
	b := getBuffer()
	defer putBuffer(b)
	if err := t.ExecuteTemplate(b, name, d); err != nil {
		return nil, err
	}
	return markdown.Relocate(b.Bytes(), d.Root), nil // a copy, of the page's size
}

// Pages are rendered into buffers kept from page to page, so that a page
// costs one allocation of its own size rather than a buffer grown twice.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer { return buffers.Get().(*bytes.Buffer) }

func putBuffer(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 { // a home page listing thousands of procedures is not kept
		b.Reset()
		buffers.Put(b)
	}
}

// trimScript drops the comment lines and indentation of page.js, which
// every page carries inline: the source stays readable, pages stay small.
// Only lines that are wholly a // comment go; the script has no others
// that could be mistaken for one (a line inside a template literal).
func trimScript(js string) string {
	var b strings.Builder
	for line := range strings.Lines(js) {
		line = strings.TrimLeft(line, " \t")
		if strings.HasPrefix(line, "//") || strings.TrimSpace(line) == "" {
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// templateError positions a template parse error ("template: office.html:12: …").
func templateError(err error) diag.Diagnostic {
	text := strings.TrimPrefix(err.Error(), "template: ")
	pos := diag.Pos{File: "templates"}
	if file, rest, ok := strings.Cut(text, ":"); ok && strings.HasSuffix(file, ".html") {
		pos.File = "templates/" + file
		var line int
		if _, err := fmt.Sscanf(rest, "%d:", &line); err == nil {
			pos.Line = line
			_, text, _ = strings.Cut(rest, ": ")
		}
	}
	return diag.Diagnostic{Pos: pos, Severity: diag.Error, Text: msg.New(msg.TemplateError, text)}
}
