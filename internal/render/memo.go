package render

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"

	"qrboard/internal/poster"
	"qrboard/internal/procedure"
	"qrboard/internal/site"
	"qrboard/internal/version"
)

// A large site is mostly the same text again and again: every page
// carries the site's header, style and script, every page of an office
// its contact details, every office's page of a procedure the
// procedure's documents and steps. Executing a template costs about a
// microsecond per action, so a part that is the same on many pages is
// rendered once: "memo NAME DATA" executes the template NAME with DATA
// the first time it is asked for that pair and returns the same text
// every later time. DATA must be comparable — a struct of strings,
// numbers and pointers, such as Frame, Place, Facts or PosterStyle — and
// is all the part sees, so it cannot show anything that differs between
// the pages that reuse it. The part is escaped for HTML text: call memo
// between elements, never inside an attribute or a script.

// memoKey names a part: the template set it comes from (a page file can
// redefine a partial for its own pages), the template and its data.
type memoKey struct {
	set  *template.Template
	name string
	data any
}

// memoIn returns the memo function of the template set set.
func (r *Renderer) memoIn(set *template.Template) func(name string, data any) (template.HTML, error) {
	return func(name string, data any) (template.HTML, error) {
		if data == nil || !reflect.TypeOf(data).Comparable() {
			return "", fmt.Errorf("memo %q: its data (%T) must be comparable", name, data)
		}
		key := memoKey{set, name, data}
		if v, ok := r.parts.Load(key); ok {
			return v.(template.HTML), nil
		}
		// Two pages rendered at once may both render it, with the same result.
		var b strings.Builder
		if err := set.ExecuteTemplate(&b, name, data); err != nil {
			return "", err
		}
		h := template.HTML(b.String())
		r.parts.Store(key, h)
		return h, nil
	}
}

// Frame is the data of the parts every page of a kind shares at one
// depth of the site: the top of the document with its style and script,
// the site's header and footer.
type Frame struct {
	r      *Renderer
	Root   string // relative path from the page to the site root
	Style  bool   // the page carries style.css
	Script bool   // the page carries page.js
}

// Site returns the site.
func (f Frame) Site() *site.Site { return f.r.site }

// Lang returns the site's language, for <html lang>.
func (f Frame) Lang() string { return f.r.lang }

// CSS returns the inline style, style.css.
func (f Frame) CSS() template.CSS { return f.r.css }

// JS returns the inline script, page.js, or "" on pages without it.
func (f Frame) JS() template.JS {
	if !f.Script {
		return ""
	}
	return f.r.js
}

// CSP returns the Content-Security-Policy allowing exactly CSS and JS.
func (f Frame) CSP() string {
	switch {
	case !f.Style:
		return f.r.cspBare
	case !f.Script:
		return f.r.cspPlain
	}
	return f.r.csp
}

// Link returns the relative link to the page at path; see Data.Link.
func (f Frame) Link(path string) string { return link(f.Root, f.r.site.Where(path)) }

// Host returns the site's domain.
func (f Frame) Host() string { return f.r.site.Config.ShownHost() }

// Generator returns the program and its version, "qrboard 1.2.0", for the
// generator meta tag: which qrboard made a page, for support.
func (f Frame) Generator() string { return version.Generator() }

// HostBreaks returns the site's domain with a line break allowed after
// each dot, so that in large text on a narrow phone the header's domain
// wraps between its parts ("thutuc.phuctho." / "gov.vn") rather than
// overflowing or breaking inside a word.
func (f Frame) HostBreaks() template.HTML {
	return template.HTML(strings.ReplaceAll(template.HTMLEscapeString(f.Host()), ".", ".<wbr>"))
}

// ImageWidth and ImageHeight return the size of every sharing picture.
func (f Frame) ImageWidth() int  { return imageWidth }
func (f Frame) ImageHeight() int { return imageHeight }

// Place is the data of the parts every page of one office shares at one
// depth: the way back to the office's board, its contact details.
type Place struct {
	Frame
	Office *site.Office
}

// Facts is the data of the parts every office's page of a procedure
// shares: the site and the procedure, no office and no page.
type Facts struct {
	Site      *site.Site
	Procedure *procedure.Procedure
}

// PosterStyle is the data of a poster's stylesheet: the paper and the
// sizes the layout chose.
type PosterStyle struct {
	Paper   poster.Paper
	Measure poster.Measure
	QRWidth float64      // mm, quiet zone not included
	Quiet   float64      // mm
	Sizes   poster.Sizes // type and spacing on A4, from package poster
}
