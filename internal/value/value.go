// Package value defines the typed values that project files share —
// dates, links, Markdown text and one-of-a-list words — each decoding
// itself from YAML with positioned, plain-language errors.
package value

import (
	"html/template"
	"regexp"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"qrboard/internal/diag"
	"qrboard/internal/markdown"
	"qrboard/internal/msg"
	"qrboard/internal/safeurl"
	"qrboard/internal/strictyaml"
)

// Vietnam is the time zone of every date qrboard reads or prints. It is a
// fixed offset (Vietnam has no daylight saving time) so that no time zone
// database is needed on Windows.
var Vietnam = time.FixedZone("ICT", 7*60*60)

// Date is a calendar day, written YYYY-MM-DD in YAML. The zero Date means
// "not given".
type Date struct{ t time.Time }

// NewDate returns the day of t in Vietnam.
func NewDate(t time.Time) Date {
	t = t.In(Vietnam)
	return Date{time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, err
	}
	return Date{t}, nil
}

// IsZero reports whether d was not given.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// Compare returns -1, 0 or +1 as d is before, the same day as, or after e.
func (d Date) Compare(e Date) int { return d.t.Compare(e.t) }

// Time returns midnight UTC of d, for metadata such as PDF creation dates.
func (d Date) Time() time.Time { return d.t }

// String returns YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// Vietnamese returns DD/MM/YYYY, the way dates are read in Vietnam.
func (d Date) Vietnamese() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("02/01/2006")
}

var dmy = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (d *Date) UnmarshalStrict(dec *strictyaml.Decoder, n *yaml.Node) {
	s, ok := dec.Text(n)
	if !ok || s == "" {
		return
	}
	if t, err := ParseDate(s); err == nil {
		*d = t
		return
	}
	if m := dmy.FindStringSubmatch(s); m != nil {
		iso := m[3] + "-" + pad2(m[2]) + "-" + pad2(m[1])
		e := dec.Error(n, msg.DateFormat, s)
		if _, err := ParseDate(iso); err == nil {
			e.WithHint(msg.HintDate, iso)
		}
		return
	}
	if len(s) == len("2006-01-02") && s[4] == '-' && s[7] == '-' {
		dec.Error(n, msg.DateInvalid, s)
		return
	}
	dec.Error(n, msg.DateFormat, s)
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// URL is an address to another site (http or https), or a tel: or mailto:
// link. Anything else is refused when the file is read.
type URL string

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (u *URL) UnmarshalStrict(dec *strictyaml.Decoder, n *yaml.Node) {
	s, ok := dec.Text(n)
	if !ok || s == "" {
		return
	}
	if _, p := safeurl.Check(s, false); p != safeurl.OK {
		dec.Error(n, msg.BadURL, s, p.Message())
		return
	}
	*u = URL(s)
}

// Markdown is a long text field. It keeps its source and position and is
// rendered to safe HTML when read, so every page that shows it shares one
// rendering and `check` reports what rendering dropped.
type Markdown struct {
	Source string
	HTML   template.HTML
	Text   string // HTML as one line of plain text, for meta descriptions and sharing previews
	Pos    diag.Pos
}

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (m *Markdown) UnmarshalStrict(dec *strictyaml.Decoder, n *yaml.Node) {
	s, ok := dec.Text(n)
	if !ok {
		return
	}
	html, warnings := markdown.Render(s)
	for _, w := range warnings {
		dec.Warn(n, msg.MarkdownDropped, w)
	}
	*m = Markdown{Source: s, HTML: html, Text: markdown.PlainText(html), Pos: dec.Pos(n)}
}

// IsZero reports whether the text is empty.
func (m Markdown) IsZero() bool { return strings.TrimSpace(m.Source) == "" }

// Choose decodes a scalar that must be one of words into *w.
func Choose(dec *strictyaml.Decoder, n *yaml.Node, w *string, words ...string) {
	s, ok := dec.Text(n)
	if !ok || s == "" {
		return
	}
	if slices.Contains(words, s) {
		*w = s
		return
	}
	e := dec.Error(n, msg.NotOneOf, s, strings.Join(words, ", "))
	if near := strictyaml.Suggest(s, words); near != "" {
		e.WithHint(msg.HintDidYouMean, near)
	}
}

// Placeholder is the word that marks a value an office still has to fill
// in, such as "TODO: số điện thoại". A placeholder is never shown to
// citizens or printed: qrboard.yaml's contact details that still say TODO
// are left out and listed by `check`, and in procedure files a TODO is an
// error (strictyaml.RefusePlaceholders).
const Placeholder = strictyaml.Placeholder

// IsPlaceholder reports whether s marks a value still to be filled in.
func IsPlaceholder(s string) bool { return strictyaml.IsPlaceholder(s) }

// Ref is an id written in a file — an alias, an office in a list — kept
// with its position so that a problem found later, when all files are
// known, can be reported where it was written.
type Ref struct {
	ID  string
	Pos diag.Pos
}

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (r *Ref) UnmarshalStrict(dec *strictyaml.Decoder, n *yaml.Node) {
	if s, ok := dec.Text(n); ok {
		*r = Ref{ID: s, Pos: dec.Pos(n)}
	}
}
