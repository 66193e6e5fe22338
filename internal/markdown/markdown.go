// Package markdown renders the long text fields of procedure files
// (steps, notes, conditions) from Markdown to HTML that is safe to put in
// a page: raw HTML is left out, images are replaced by their text, and a
// link survives only if safeurl accepts it. Whatever is dropped is
// reported as a warning so staff can see it.
//
// Single line breaks are kept as line breaks, because staff write "Bước 1
// … / Bước 2 …" on separate lines and expect them to stay there.
//
// Links inside the site are written from the site's root, "/dang-ky-ket-hon/";
// they are rendered with RootMarker in front, and each rendered page
// replaces the marker with its own relative path to the root (Relocate),
// so one rendering works at any depth, under any sub-path and from disk.
package markdown

import (
	"bufio"
	"bytes"
	"html"
	"html/template"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"qrboard/internal/msg"
	"qrboard/internal/safeurl"
)

// RootMarker stands for the relative path from a page to the site root in
// rendered internal links. It uses a scheme safeurl refuses, so it cannot
// come from the source text.
const RootMarker = "qrboard-root:"

var md = goldmark.New(
	goldmark.WithExtensions(
		extension.Linkify,
		extension.Strikethrough,
		// Column alignment as an align attribute, not style="…", which the
		// pages' Content-Security-Policy would block.
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
	),
	goldmark.WithRendererOptions(gmhtml.WithHardWraps()),
)

// writers are the buffers goldmark writes through. Given any other
// writer, it wraps it in a new 4 KB bufio.Writer on every call: that was
// a third of the bytes that loading a procedure allocated.
var writers = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

// Render converts src to HTML and returns, with it, one warning for each
// thing it left out. A text that is a single paragraph renders without the
// <p> around it, so it fits in a list item or a table cell.
func Render(src string) (template.HTML, []msg.Text) {
	if strings.TrimSpace(src) == "" {
		return "", nil
	}
	source := []byte(src)
	doc := md.Parser().Parse(text.NewReader(source))
	warnings := sanitize(doc, source)
	var buf bytes.Buffer
	w := writers.Get().(*bufio.Writer)
	w.Reset(&buf)
	if err := md.Renderer().Render(w, source, doc); err != nil {
		// The HTML renderer only fails when its writer does; a bytes.Buffer does not.
		panic(err)
	}
	w.Reset(nil)
	writers.Put(w)
	out := bytes.TrimSpace(buf.Bytes())
	if single, ok := unwrapParagraph(doc, out); ok {
		out = single
	}
	return template.HTML(out), warnings
}

// unwrapParagraph strips <p>…</p> from a document of one paragraph.
func unwrapParagraph(doc ast.Node, out []byte) ([]byte, bool) {
	if doc.ChildCount() != 1 || doc.FirstChild().Kind() != ast.KindParagraph {
		return nil, false
	}
	if !bytes.HasPrefix(out, []byte("<p>")) || !bytes.HasSuffix(out, []byte("</p>")) {
		return nil, false
	}
	return out[len("<p>") : len(out)-len("</p>")], true
}

// sanitize removes from doc what a page must not carry and rewrites
// internal links, returning a warning for each removal.
func sanitize(doc ast.Node, source []byte) []msg.Text {
	var warnings []msg.Text
	var unwrap, drop, plain []ast.Node
	sawHTML := false
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(n.Level+2, 6) // page sections are <h2>; text goes below them
		case *ast.RawHTML, *ast.HTMLBlock:
			if !sawHTML { // one warning for all the HTML of a text
				warnings = append(warnings, msg.New(msg.MarkdownHTML))
				sawHTML = true
			}
			drop = append(drop, n)
			return ast.WalkSkipChildren, nil
		case *ast.Image:
			warnings = append(warnings, msg.New(msg.MarkdownImage, string(n.Destination)))
			unwrap = append(unwrap, n)
		case *ast.Link:
			dest, ok := checkLink(string(n.Destination), &warnings)
			if !ok {
				unwrap = append(unwrap, n)
				break
			}
			n.Destination = []byte(dest)
		case *ast.AutoLink:
			url := string(n.URL(source))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(url, "mailto:") {
				url = "mailto:" + url
			}
			if _, ok := checkLink(url, &warnings); !ok {
				plain = append(plain, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unwrap {
		parent := n.Parent()
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
	for _, n := range drop {
		n.Parent().RemoveChild(n.Parent(), n)
	}
	for _, n := range plain {
		label := n.(*ast.AutoLink).Label(source)
		n.Parent().ReplaceChild(n.Parent(), n, ast.NewString(label))
	}
	return warnings
}

// checkLink accepts a link destination or explains why not. Internal links
// get RootMarker in front, and a folder link gets index.html after it so it
// also opens from disk.
func checkLink(dest string, warnings *[]msg.Text) (string, bool) {
	// Check the address as a browser would read it, with entities such as
	// &#106; ("j") decoded, so a scheme cannot hide behind them.
	dest = html.UnescapeString(dest)
	kind, problem := safeurl.Check(dest, true)
	if problem != safeurl.OK {
		*warnings = append(*warnings, msg.New(msg.MarkdownLink, dest, problem.Message()))
		return "", false
	}
	if kind == safeurl.Internal && strings.HasPrefix(dest, "/") {
		path, frag, _ := strings.Cut(dest[1:], "#")
		if path == "" || strings.HasSuffix(path, "/") {
			path += "index.html"
		}
		if frag != "" {
			path += "#" + frag
		}
		return RootMarker + path, true
	}
	return dest, true
}

// Relocate returns a copy of a rendered page with RootMarker replaced by
// root, the relative path from the page to the site root ("../../" or
// ""). The marker cannot come from content (safeurl refuses its scheme),
// so replacing it everywhere in the page is safe.
func Relocate(page []byte, root string) []byte {
	return bytes.ReplaceAll(page, []byte(RootMarker), []byte(root))
}

// PlainText returns rendered Markdown as one line of plain text, for
// places that take no markup: meta descriptions and sharing previews.
// Tags are dropped (block tags leave a space), entities decoded and runs
// of white space joined.
func PlainText(h template.HTML) string {
	var b strings.Builder
	rest := string(h)
	for {
		i := strings.IndexByte(rest, '<')
		if i < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		j := strings.IndexByte(rest[i:], '>')
		if j < 0 {
			break
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(rest[i+1:i+j], "/"), " ")
		if !inlineTags[strings.ToLower(name)] {
			b.WriteByte(' ')
		}
		rest = rest[i+j+1:]
	}
	return joinSpaces(html.UnescapeString(b.String()))
}

// joinSpaces returns s without white space at either end and with each
// run of it inside replaced by one space: strings.Join(strings.Fields(s),
// " ") without the slice of words.
func joinSpaces(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// inlineTags are the tags Render writes inside a line of text.
var inlineTags = map[string]bool{"a": true, "strong": true, "em": true, "code": true, "del": true}
