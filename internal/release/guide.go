package release

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// GuideHTML turns the staff guide, docs/huong-dan.md, into a web page a
// clerk opens by double-clicking it: one file, its style inline, nothing
// loaded from elsewhere. Headings get the ids GitHub gives them, so the
// guide's links between its sections (#1-cài-đặt) work in both.
func GuideHTML(md []byte) ([]byte, error) {
	gm := goldmark.New(
		goldmark.WithExtensions(extension.Table),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{seen: map[string]int{}}))
	doc := gm.Parser().Parse(text.NewReader(md), parser.WithContext(ctx))
	var body bytes.Buffer
	if err := gm.Renderer().Render(&body, md, doc); err != nil {
		return nil, err
	}
	var page bytes.Buffer
	err := guidePage.Execute(&page, struct {
		Title string
		Body  template.HTML
	}{firstHeading(doc, md), template.HTML(body.String())})
	return page.Bytes(), err
}

// firstHeading returns the text of the document's first heading.
func firstHeading(doc ast.Node, src []byte) string {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			var b strings.Builder
			for i := 0; i < h.Lines().Len(); i++ {
				seg := h.Lines().At(i)
				b.Write(seg.Value(src))
			}
			return b.String()
		}
	}
	return "qrboard"
}

// headingIDs makes heading ids as GitHub does: the heading's text in lower
// case, without punctuation (letters and marks of every script, digits,
// spaces, hyphens and underscores stay), spaces turned into hyphens, and
// -1, -2… after an id already used. goldmark's own ids drop every letter
// outside ASCII, which would leave Vietnamese headings unreachable.
type headingIDs struct{ seen map[string]int }

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(string(value))) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	id := b.String()
	if n, ok := h.seen[id]; ok {
		h.seen[id] = n + 1
		id += "-" + strconv.Itoa(n+1)
	}
	h.seen[id] = 0
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = 0 }

var guidePage = template.Must(template.New("guide").Parse(`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font:17px/1.55 system-ui,"Segoe UI",Arial,sans-serif;color:#1b1b1b;max-width:46em;margin:0 auto;padding:1em 1.2em 4em}
h1{font-size:1.7em;line-height:1.25}h2{margin-top:2em;padding-top:.5em;border-top:1px solid #ccc}
a{color:#0b57a4}
code{font:.92em/1.4 Consolas,"Liberation Mono",monospace;background:#f2f2f2;padding:.1em .25em;border-radius:3px}
pre{background:#f2f2f2;padding:.8em 1em;overflow-x:auto;border-radius:4px}pre code{padding:0;background:none}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:.35em .6em;text-align:left;vertical-align:top}
@media print{body{max-width:none;font-size:12pt}a{color:inherit}pre{white-space:pre-wrap}}
</style>
</head>
<body>
{{.Body}}</body>
</html>
`))
