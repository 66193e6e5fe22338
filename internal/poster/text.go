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
	return measure(m, s).wrap(size, width)
}

// measured is text split into words, with their widths at 1 pt, so that
// trying many sizes costs no more font lookups: without kerning, widths
// scale with the size and add up.
type measured struct {
	paras  [][]string
	widths [][]float64 // mm at 1 pt
	space  float64
}

func measure(m *metrics, s string) *measured {
	t := &measured{space: m.width(" ", 1)}
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		ws := make([]float64, len(words))
		for i, w := range words {
			ws[i] = m.width(w, 1)
		}
		t.paras = append(t.paras, words)
		t.widths = append(t.widths, ws)
	}
	return t
}

func (t *measured) wrap(size, width float64) ([]string, bool) {
	var lines []string
	ok := t.breaks(size, width, func(words []string) { lines = append(lines, strings.Join(words, " ")) })
	return lines, ok
}

// count returns how many lines wrap would make, without making them.
func (t *measured) count(size, width float64) (int, bool) {
	n := 0
	ok := t.breaks(size, width, func([]string) { n++ })
	return n, ok
}

// breaks calls line with the words of each line, greedily filled.
func (t *measured) breaks(size, width float64, line func([]string)) bool {
	limit := width / size
	for i, words := range t.paras {
		start, lineW := 0, 0.0
		for j, w := range t.widths[i] {
			if w > limit+1e-9 {
				return false
			}
			switch {
			case j == start:
				lineW = w
			case lineW+t.space+w <= limit+1e-9:
				lineW += t.space + w
			default:
				line(words[start:j])
				start, lineW = j, w
			}
		}
		if start < len(words) {
			line(words[start:])
		}
	}
	return true
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
// without cutting a word. Greedy line breaking never needs more lines in
// smaller type, so whether s fits only changes once as the size falls,
// and a binary search finds the size.
//
// A build lays out every page's poster, and most of their texts — the
// authority, the instruction, a procedure's name at each of its offices —
// come back on many posters, so fit remembers what it found.
func (f *fonts) fit(s string, st style, width, height float64, maxLines int) (block, bool) {
	key := fitKey{s, st, width, height, maxLines}
	if r, ok := f.fitted.Load(key); ok {
		r := r.(fitResult)
		return r.b, r.ok
	}
	b, ok := f.fitAnew(s, st, width, height, maxLines)
	if f.fittedN.Add(1) > maxFitted { // a long qrboard serve: start afresh
		f.fitted.Clear()
		f.fittedN.Store(0)
	}
	f.fitted.Store(key, fitResult{b, ok})
	return b, ok
}

// fitKey is what fit decides from; fitResult what it decided. A block's
// lines are never changed, so one can be shared.
type (
	fitKey struct {
		s             string
		st            style
		width, height float64
		maxLines      int
	}
	fitResult struct {
		b  block
		ok bool
	}
)

// maxFitted bounds what fit remembers (a few hundred bytes each).
const maxFitted = 100000

func (f *fonts) fitAnew(s string, st style, width, height float64, maxLines int) (block, bool) {
	t := measure(&f.metrics[st.face], s)
	steps := int((st.max-st.min)/0.5 + 1e-9)
	size := func(k int) float64 { return st.max - 0.5*float64(k) }
	fits := func(k int) bool {
		n, ok := t.count(size(k), width)
		h := float64(n) * size(k) * st.lead * mmPerPt
		return ok && (maxLines == 0 || n <= maxLines) && h <= height+1e-9
	}
	// The smallest k (largest size) that fits, if any does.
	lo, hi := 0, steps+1
	for lo < hi {
		if mid := (lo + hi) / 2; fits(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	if lo > steps {
		return block{}, false
	}
	lines, _ := t.wrap(size(lo), width)
	return block{lines: lines, face: st.face, size: size(lo), lead: st.lead}, true
}
