package poster

import (
	"fmt"
	"strings"
)

const mmPerPt = 25.4 / 72

// block is text broken into lines, in one face and size.
type block struct {
	lines []string
	face  Font
	size  float64 // pt
	lead  float64 // line height as a multiple of size
}

// height returns the height of b in mm.
func (b block) height() float64 { return float64(len(b.lines)) * b.lineHeight() }

func (b block) lineHeight() float64 { return b.size * b.lead * mmPerPt }

// wrap breaks s into lines no wider than width mm at size pt, between
// words only. It reports false when a single word is wider than width:
// a word is never cut.
func wrap(m *metrics, s string, size, width float64) ([]string, bool) {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		line := ""
		for _, w := range words {
			if m.width(w, size) > width {
				return nil, false
			}
			switch try := line + " " + w; {
			case line == "":
				line = w
			case m.width(try, size) <= width:
				line = try
			default:
				lines = append(lines, line)
				line = w
			}
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	return lines, true
}

// style says how a piece of text may be set: its face, the largest and
// smallest sizes in pt, and its line height.
type style struct {
	face     Font
	max, min float64
	lead     float64
}

// scaled returns st with its sizes multiplied by k, for larger paper.
func (st style) scaled(k float64) style {
	st.max *= k
	st.min *= k
	return st
}

// TooLong is the error for text that does not fit its place on a poster
// even in the smallest type allowed.
type TooLong struct {
	Text string
	What string // which part of the poster: "title", "address"…
}

func (e *TooLong) Error() string {
	return fmt.Sprintf("%s %q does not fit on the poster", e.What, e.Text)
}

// fit sets s in the largest size of st, in half-point steps, at which it
// fits width × height mm in at most maxLines lines (0: any number)
// without cutting a word.
func (f *fonts) fit(s string, st style, width, height float64, maxLines int) (block, bool) {
	m := &f.metrics[st.face]
	for size := st.max; size >= st.min-1e-9; size -= 0.5 {
		lines, ok := wrap(m, s, size, width)
		if !ok || maxLines > 0 && len(lines) > maxLines {
			continue
		}
		b := block{lines: lines, face: st.face, size: size, lead: st.lead}
		if b.height() <= height+1e-9 {
			return b, true
		}
	}
	return block{}, false
}
