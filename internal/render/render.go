// Package render turns the planned site into files: an HTML page for each
// site.Page from the templates, redirect pages, 404.html, sitemap.xml,
// robots.txt and _redirects.
//
// # Templates
//
// Templates are read from an fs.FS — the embedded defaults with a
// project's own templates/ laid over them file by file — and parsed once.
// layout.html defines "layout", the frame of every page, and partials.html
// the pieces several pages share; each page file
// (home.html, office.html, procedure.html, overview.html, redirect.html,
// 404.html) defines "title" and "content". style.css is inlined into every
// page so a page loads in one request.
//
// Template data is a *Data. Besides its fields, templates may call:
//
//	t KEY ARGS…     the interface string KEY in the site's language (lang/<lang>.yaml),
//	                formatted with ARGS as by fmt.Sprintf
//	groups PROCS    procedures grouped by field ([]site.Group)
//	shared NAME F   the template NAME executed with F, a *Facts, once per
//	                procedure and build: the parts of a procedure's page that
//	                are the same at every office (see below)
//	.Link PATH      relative link from this page to the page at PATH ("van-ha/")
//	.Here ID        relative link to the page ID below this one (on a board, "dang-ky-ket-hon")
//	.Abs PATH       absolute address of PATH, for canonical and sharing links
//
// # Shared parts
//
// A procedure is published at every office that handles it — a hundred
// pages that differ only in the office. Rendering its documents, steps and
// legal basis once and reusing them makes a page about five times cheaper
// to render. The shared templates see a *Facts (the site and the
// procedure, no office and no page), so they cannot show anything that
// differs between the pages that reuse them.
//
// A Markdown field is shown with its .HTML; internal links in it are made
// relative to the page after the page is rendered (markdown.Relocate).
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"sync"

	"qrboard/internal/diag"
	"qrboard/internal/markdown"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
	"qrboard/internal/site"
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
	site   *site.Site
	lang   string
	css    template.CSS
	pages  map[site.Kind]*template.Template
	extras map[string]*template.Template // redirect.html, 404.html
	base   *template.Template            // layout and partials, for shared parts
	parts  sync.Map                      // partKey → template.HTML
}

// partKey names a shared part: a template and the procedure it shows.
type partKey struct {
	name string
	proc *procedure.Procedure
}

// Facts is the data of shared parts: a procedure without an office.
type Facts struct {
	Site      *site.Site
	Procedure *procedure.Procedure
}

// New parses the templates in fsys for s.
func New(fsys fs.FS, s *site.Site) (*Renderer, diag.List) {
	var diags diag.List
	lang := string(s.Config.Language)
	strings_, d := loadStrings(fsys, lang)
	diags = append(diags, d...)
	css, err := fs.ReadFile(fsys, "style.css")
	if err != nil {
		diags.Add(diag.Pos{File: "templates/style.css"}, msg.ReadFailed, err.Error())
	}
	r := &Renderer{site: s, lang: lang, css: template.CSS(css), pages: map[site.Kind]*template.Template{}, extras: map[string]*template.Template{}}
	base := template.New("").Funcs(template.FuncMap{
		"t":      strings_.translate,
		"groups": site.ByField,
		"shared": r.shared,
	})
	r.base = base
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
		return t
	}
	for kind, file := range pageFiles {
		r.pages[kind] = parse(file)
	}
	for _, file := range []string{"redirect.html", "404.html"} {
		r.extras[file] = parse(file)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return r, diags
}

// Data is what a template sees.
type Data struct {
	Site *site.Site
	Page *site.Page
	Lang string
	CSS  template.CSS
	URL  string // this page's absolute address
	Root string // relative path from this page to the site root

	// On redirect pages: where to go.
	Target, TargetURL string
}

// Link returns the relative link from this page to the page at path. It
// names index.html so that links also work when the site is opened from
// disk, where a folder does not open its index.
func (d *Data) Link(path string) string { return d.Root + path + "index.html" }

// Here returns the relative link from this page to the page id below
// it: on an office's board, the office's page of procedure id. Lists call
// it once per entry, so it saves the template the cost of building the
// path itself.
func (d *Data) Here(id string) string { return d.Link(d.Page.Path + id + "/") }

// Abs returns the absolute address of path.
func (d *Data) Abs(path string) string { return d.Site.URL(path) }

// Facts returns the shared-part data of the page's procedure.
func (d *Data) Facts() *Facts { return &Facts{Site: d.Site, Procedure: d.Page.Procedure} }

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
func (f *Facts) MainChannel() *procedure.Channel {
	p := f.Procedure
	if c := p.Channel(procedure.InPerson); c != nil {
		return c
	}
	return &p.Channels[0]
}

// OtherChannels returns the channels other than MainChannel.
func (f *Facts) OtherChannels() []procedure.Channel {
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
func (f *Facts) Repealed() bool { return f.Procedure.Repealed(f.Site.Now) }

// shared renders the template name with f once per procedure; later
// calls return the first rendering. Two pages rendered at once may both
// render it, with the same result.
func (r *Renderer) shared(name string, f *Facts) (template.HTML, error) {
	key := partKey{name, f.Procedure}
	if v, ok := r.parts.Load(key); ok {
		return v.(template.HTML), nil
	}
	var b strings.Builder
	if err := r.base.ExecuteTemplate(&b, name, f); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	r.parts.Store(key, h)
	return h, nil
}

// Page renders p.
func (r *Renderer) Page(p *site.Page) ([]byte, error) {
	d := &Data{Site: r.site, Page: p, Lang: r.lang, CSS: r.css, URL: r.site.URL(p.Path), Root: p.Root()}
	return r.exec(r.pages[p.Kind], d)
}

// Redirect renders the page left at an old address.
func (r *Renderer) Redirect(rd site.Redirect) ([]byte, error) {
	from := &site.Page{Path: rd.From}
	d := &Data{Site: r.site, Page: from, Lang: r.lang, CSS: r.css, URL: r.site.URL(rd.To), Root: from.Root(),
		Target: from.Root() + rd.To + "index.html", TargetURL: r.site.URL(rd.To)}
	return r.exec(r.extras["redirect.html"], d)
}

// NotFound renders 404.html. Hosts serve it at any depth, so its links
// are absolute.
func (r *Renderer) NotFound() ([]byte, error) {
	d := &Data{Site: r.site, Page: &site.Page{Path: ""}, Lang: r.lang, CSS: r.css, URL: r.site.URL(""), Root: r.site.URL("")}
	return r.exec(r.extras["404.html"], d)
}

func (r *Renderer) exec(t *template.Template, d *Data) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(16 << 10)
	if err := t.ExecuteTemplate(&b, "layout", d); err != nil {
		return nil, err
	}
	return markdown.Relocate(b.Bytes(), d.Root), nil
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
