package poster

import (
	"strings"

	"qrboard/internal/config"
)

// span is a piece of a line in one face.
type span struct {
	face Font
	text string
}

// addressLine is a line of the page address: the domain in bold, so a
// citizen sees at a glance whose site the code leads to, the path in
// regular type.
type addressLine struct {
	spans []span
	size  float64
}

func (f *fonts) spansWidth(spans []span, size float64) float64 {
	w := 0.0
	for _, s := range spans {
		w += f.metrics[s.face].width(s.text, size)
	}
	return w
}

// ShownAddress is the page address as posters print it: without
// "https://", which browsers add by themselves, so there is less to type,
// and an internationalised domain in its own letters (config.ShowHost).
func ShownAddress(url string) string {
	return strings.TrimPrefix(config.ShowURL(url), "https://")
}

// addressSpans splits an address into its domain and its path.
func addressSpans(url string) []span {
	shown := ShownAddress(url)
	scheme := ""
	if i := strings.Index(shown, "://"); i >= 0 {
		scheme, shown = shown[:i+3], shown[i+3:]
	}
	host, path, _ := strings.Cut(shown, "/")
	spans := []span{{Bold, scheme + host}}
	if path != "" || strings.HasSuffix(shown, "/") {
		spans = append(spans, span{Regular, "/" + path})
	}
	return spans
}

// setAddress sets the address on one line, as large as fits; an address
// too long even in the smallest size is broken after a "/".
func (f *fonts) setAddress(url string, st style, width float64) ([]addressLine, error) {
	if url == "" {
		return nil, nil
	}
	spans := addressSpans(url)
	for size := st.max; size >= st.min-1e-9; size -= 0.5 {
		if f.spansWidth(spans, size) <= width {
			return []addressLine{{spans, size}}, nil
		}
	}
	var lines []addressLine
	var cur []span
	for _, s := range spans {
		for _, piece := range splitAfterSlash(s.text) {
			next := append(append([]span(nil), cur...), span{s.face, piece})
			if len(cur) > 0 && f.spansWidth(next, st.min) > width {
				lines = append(lines, addressLine{cur, st.min})
				next = []span{{s.face, piece}}
			}
			if f.spansWidth(next, st.min) > width {
				return nil, &TooLong{Text: url, What: "address"}
			}
			cur = next
		}
	}
	return append(lines, addressLine{cur, st.min}), nil
}

func splitAfterSlash(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '/')
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

func (d *Doc) drawAddress(l *posterLayout, y float64) (float64, error) {
	for _, a := range l.address {
		lh := a.size * addressStyle.lead * mmPerPt
		base := y + (lh-a.size*mmPerPt)/2 + d.fonts.metrics[Regular].ascent*a.size*mmPerPt
		x := l.x + (l.width-d.fonts.spansWidth(a.spans, a.size))/2
		for _, s := range a.spans {
			if err := d.text(s.text, s.face, a.size, ink, x, base, 0, left); err != nil {
				return y, err
			}
			x += d.fonts.metrics[s.face].width(s.text, a.size)
		}
		y += lh
	}
	return y, nil
}

// factTable is the facts set as a two-column table: labels in bold on
// the left, values wrapped on the right.
type factTable struct {
	labels, values []block
	labelWidth     float64
	height         float64
}

// factGap separates the label column from the values, on A4, in mm.
const factGap = 4

// setFacts sets the facts in the largest size at which the whole table
// takes at most two lines per fact.
func (f *fonts) setFacts(facts []Fact, st style, width float64) (factTable, error) {
	if len(facts) == 0 {
		return factTable{}, nil
	}
	for size := st.max; size >= st.min-1e-9; size -= 0.5 {
		if t, ok := f.factsAt(facts, size, st.lead, width, 2); ok {
			return t, nil
		}
	}
	// Long values: allow more lines in the smallest size.
	if t, ok := f.factsAt(facts, st.min, st.lead, width, 4); ok {
		return t, nil
	}
	return factTable{}, &TooLong{Text: facts[0].Value, What: "fact"}
}

func (f *fonts) factsAt(facts []Fact, size, lead, width float64, maxLines int) (factTable, bool) {
	t := factTable{}
	for _, fc := range facts {
		t.labelWidth = max(t.labelWidth, f.metrics[Bold].width(fc.Label, size))
	}
	gapW := factGap * size / factStyle.max
	valueWidth := width - t.labelWidth - gapW
	if valueWidth < width/3 {
		return t, false
	}
	for _, fc := range facts {
		lines, ok := wrap(&f.metrics[Regular], fc.Value, size, valueWidth)
		if !ok || len(lines) > maxLines {
			return t, false
		}
		t.labels = append(t.labels, block{lines: []string{fc.Label}, face: Bold, size: size, lead: lead})
		v := block{lines: lines, face: Regular, size: size, lead: lead}
		t.values = append(t.values, v)
		t.height += v.height()
	}
	return t, true
}

// drawFacts draws the table centred in the column: the label column and
// the widest value together are centred, so short facts do not hang off
// to the left of a centred poster.
func (d *Doc) drawFacts(t factTable, x, y, width float64) (float64, error) {
	if len(t.labels) == 0 {
		return y, nil
	}
	gapW := factGap * t.labels[0].size / factStyle.max
	widest := 0.0
	for _, v := range t.values {
		for _, l := range v.lines {
			widest = max(widest, d.fonts.metrics[Regular].width(l, v.size))
		}
	}
	x += (width - (t.labelWidth + gapW + widest)) / 2
	for i := range t.labels {
		if _, err := d.block(t.labels[i], ink, x, y, t.labelWidth, left); err != nil {
			return y, err
		}
		next, err := d.block(t.values[i], ink, x+t.labelWidth+gapW, y, widest, left)
		if err != nil {
			return y, err
		}
		y = next
	}
	return y, nil
}
