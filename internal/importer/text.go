package importer

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// The texts of a record are typed into the national database by hand:
// long, with "\n", "-" and "+" bullets and "(i)" sub-items, double
// spaces, non-breaking spaces, invisible marks (a left-to-right mark sits
// inside "đăng k‎ý" in several records), and sometimes HTML tags and
// entities. This file turns them into clean one-line text and into
// Markdown that renders as the text meant.

// htmlRE finds what makes a text HTML: a tag or an entity.
var htmlRE = regexp.MustCompile(`<[a-zA-Z/!][^>]*>|&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);`)

// textLines returns the lines of s, cleaned: HTML turned into text (block
// tags and <br> end lines, <li> starts a "- " line), Unicode NFC,
// invisible characters dropped, runs of spaces as one, each line trimmed,
// empty lines dropped.
func textLines(s string) []string {
	if strings.ContainsAny(s, "<&") && htmlRE.MatchString(s) {
		s = fromHTML(s)
	}
	s = norm.NFC.String(s)
	var out []string
	for line := range strings.SplitSeq(strings.ReplaceAll(s, "\r", "\n"), "\n") {
		if line = squeeze(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// oneLine returns s as one line of clean text.
func oneLine(s string) string { return strings.Join(textLines(s), " ") }

// squeeze drops invisible characters and control characters, turns every
// kind of space into one plain space and trims the result.
func squeeze(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u00a0':
			space = true
			continue
		case unicode.Is(unicode.Cf, r) || unicode.IsControl(r):
			continue // left-to-right marks, zero-width spaces, soft hyphens
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// fromHTML returns the text of an HTML fragment with its structure as
// line breaks and "- " bullets; entities are decoded and scripts dropped.
func fromHTML(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0 // inside <script> or <style>
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case "li":
				if tt == html.StartTagToken {
					b.WriteString("\n- ")
				}
			case "br", "p", "div", "tr", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6":
				b.WriteByte('\n')
			case "td", "th":
				b.WriteByte(' ')
			}
		}
	}
}

// Bullets. Records mark the items of a text with "-" (also "–", "•",
// "*"), their sub-items with "+", and alternatives with "(i)", "(ii)",
// "a)", "b)".
type marker int

const (
	noMarker marker = iota
	topMarker
	subMarker
)

var (
	topRE = regexp.MustCompile(`^[-–•*]\s*`)
	subRE = regexp.MustCompile(`^\+\s*`)
	// altRE matches "(i) ", "(iv) ", "a) ": kept in the text, which names them.
	altRE = regexp.MustCompile(`^(?:\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)|[a-zđ]\))\s`)
)

// bullet returns the kind of item a line starts and its text without
// the bullet.
func bullet(line string) (marker, string) {
	switch {
	case subRE.MatchString(line):
		return subMarker, subRE.ReplaceAllString(line, "")
	case altRE.MatchString(line):
		return subMarker, line
	case topRE.MatchString(line) && !strings.HasPrefix(line, "--"):
		text := topRE.ReplaceAllString(line, "")
		if subRE.MatchString(text) { // "- + …": an HTML list item written as a sub-item
			return subMarker, subRE.ReplaceAllString(text, "")
		}
		return topMarker, text
	}
	return noMarker, line
}

// stripBullet returns line without a leading "-", "+" or "•".
func stripBullet(line string) string {
	if m, text := bullet(line); m != noMarker && !altRE.MatchString(line) {
		return text
	}
	return line
}

// item is one entry of a text: its first line, then paragraphs and lists
// of sub-items, in order.
type item struct {
	text   string
	blocks []block
}

// block is a paragraph (text) or a list of sub-items (subs).
type block struct {
	text string
	subs []string
}

// outline splits a text into its items. When the text has "-" bullets,
// each starts an item, a line before the first makes its own item and
// other plain lines continue the item above as paragraphs. Without
// bullets, each plain line is an item. "+" and "(i)" lines are sub-items
// of the item above in both cases.
func outline(lines []string) []item {
	hasTop := false
	for _, l := range lines {
		if m, _ := bullet(l); m == topMarker {
			hasTop = true
		}
	}
	var items []item
	for _, l := range lines {
		m, text := bullet(l)
		if text == "" {
			continue
		}
		last := len(items) - 1
		switch {
		case last < 0 || m == topMarker || (m == noMarker && !hasTop):
			items = append(items, item{text: text})
		case m == subMarker:
			it := &items[last]
			if n := len(it.blocks); n > 0 && it.blocks[n-1].subs != nil {
				it.blocks[n-1].subs = append(it.blocks[n-1].subs, text)
			} else {
				it.blocks = append(it.blocks, block{subs: []string{text}})
			}
		default:
			items[last].blocks = append(items[last].blocks, block{text: text})
		}
	}
	return items
}

// markdown returns the item as Markdown: its text, then its paragraphs
// and its sub-items as a list, separated by blank lines.
func (it item) markdown() string {
	parts := []string{escape(it.text)}
	for _, b := range it.blocks {
		if b.subs == nil {
			parts = append(parts, escape(b.text))
			continue
		}
		var l []string
		for _, s := range b.subs {
			l = append(l, "- "+escape(s))
		}
		parts = append(parts, strings.Join(l, "\n"))
	}
	return strings.Join(parts, "\n\n")
}

// markdownText returns a whole text as Markdown: one item as its
// Markdown, several as a list.
func markdownText(s string) string {
	items := outline(textLines(s))
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0].markdown()
	}
	var l []string
	for _, it := range items {
		l = append(l, "- "+indent(it.markdown()))
	}
	return strings.Join(l, "\n")
}

// indent indents the lines after the first by two spaces, so that they
// stay inside a list item.
func indent(s string) string {
	return strings.ReplaceAll(s, "\n", "\n  ")
}

var (
	// mdPunct are the characters Markdown would read as formatting.
	mdPunct = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`)
	// entityRE is text Markdown would read as an HTML entity.
	entityRE = regexp.MustCompile(`&([#a-zA-Z0-9]+;)`)
	// lineStartRE is the start of a line Markdown would read as a
	// heading, a quote, a list or a rule.
	lineStartRE = regexp.MustCompile(`^(#|>|[-+=]|\d+[.)])`)
)

// escape makes one line of plain text safe to use as Markdown: it reads
// as the same text, with no formatting, link or HTML of its own.
func escape(s string) string {
	s = mdPunct.Replace(s)
	s = entityRE.ReplaceAllString(s, `\&$1`)
	if m := lineStartRE.FindStringIndex(s); m != nil {
		s = s[:m[1]-1] + `\` + s[m[1]-1:]
	}
	return s
}

// cut shortens s to at most max characters at a word boundary, adding
// "…", and reports whether it had to.
func cut(s string, max int) (string, bool) {
	r := []rune(s)
	if len(r) <= max {
		return s, false
	}
	r = r[:max-1]
	if i := lastSpace(r); i > max/2 {
		r = r[:i]
	}
	return strings.TrimRight(string(r), " ,;:-–") + "…", true
}

func lastSpace(r []rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if r[i] == ' ' {
			return i
		}
	}
	return -1
}
