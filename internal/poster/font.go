package poster

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/signintech/gopdf"
	"github.com/signintech/gopdf/fontmaker/core"

	qrfonts "qrboard/internal/fonts"
)

// Font is one of the two faces posters use.
type Font int

// The faces.
const (
	Regular Font = iota
	Bold
)

// Liberation Sans is metric-compatible with Arial, which Windows has, so
// the HTML posters wrap like the PDFs; it covers every Vietnamese letter
// (TestVietnameseCoverage checks), which the Go fonts do not. The names
// carry a subset tag (six capitals and "+"), which PDF requires of a
// subsetted font and which pdffonts reads to report "sub yes".
var faces = [...]struct {
	name string
	ttf  []byte
}{
	Regular: {"QRBRDA+LiberationSans", qrfonts.RegularTTF},
	Bold:    {"QRBRDB+LiberationSans-Bold", qrfonts.BoldTTF},
}

// fonts are the parsed faces: the container gopdf copies into each
// document, and the metrics layout measures text with.
type fonts struct {
	container gopdf.FontContainer
	metrics   [len(faces)]metrics
	fitted    sync.Map // fitKey → fitResult, see fit
	fittedN   atomic.Int64
}

// metrics are the parts of a face that text layout needs, in the
// 1/1000-em units PDF widths use.
type metrics struct {
	glyph           map[int]uint // rune → glyph index
	widths          []uint       // glyph index → advance width, font units
	unitsPerEm      uint
	ascent, descent float64 // per 1 pt of font size, in pt
	// dense holds 1 + the advance of every rune below denseRunes the
	// face has, 0 for the others: Vietnamese text and its punctuation
	// are measured without map lookups.
	dense []uint16
}

// denseRunes covers Latin, Vietnamese (up to U+1EF9) and the general
// punctuation and currency signs (– … “ ” ₫).
const denseRunes = 0x20B0

// loadFonts parses the embedded faces once per process: parsing costs
// milliseconds, far more than laying out a poster.
var loadFonts = sync.OnceValues(func() (*fonts, error) {
	f := new(fonts)
	for i, face := range faces {
		if err := f.container.AddTTFFontData(face.name, face.ttf); err != nil {
			return nil, fmt.Errorf("loading font %s: %v", face.name, err)
		}
		var p core.TTFParser
		if err := p.ParseFontData(face.ttf); err != nil {
			return nil, fmt.Errorf("loading font %s: %v", face.name, err)
		}
		upem := float64(p.UnitsPerEm())
		m := &f.metrics[i]
		*m = metrics{
			glyph: p.Chars(), widths: p.Widths(), unitsPerEm: p.UnitsPerEm(),
			ascent: float64(p.TypoAscender()) / upem, descent: -float64(p.TypoDescender()) / upem,
		}
		m.dense = make([]uint16, denseRunes)
		for r := range rune(denseRunes) {
			if w, ok := m.lookup(r); ok {
				m.dense[r] = uint16(w + 1)
			}
		}
	}
	return f, nil
})

// advance returns the advance width of r in 1/1000 em, as gopdf writes it
// into the PDF, and whether the face has a glyph for r.
func (m *metrics) advance(r rune) (uint, bool) {
	if r >= 0 && r < denseRunes {
		w := m.dense[r]
		return uint(w) - 1, w != 0
	}
	return m.lookup(r)
}

func (m *metrics) lookup(r rune) (uint, bool) {
	g, ok := m.glyph[int(r)]
	if !ok || g == 0 {
		return 0, false
	}
	if n := uint(len(m.widths)); g >= n {
		g = n - 1
	}
	return m.widths[g] * 1000 / m.unitsPerEm, true
}

// width returns the width of s set in size pt, in mm. Runes the face
// lacks count as nothing; Missing finds them first.
func (m *metrics) width(s string, size float64) float64 {
	var sum uint
	for _, r := range s {
		w, _ := m.advance(r)
		sum += w
	}
	return float64(sum) * size / 1000 * mmPerPt
}

// Missing returns the first rune of s that the poster font cannot draw,
// so that text is refused with a clear message instead of printed with a
// blank in it.
func Missing(s string) (rune, bool) {
	f, err := loadFonts()
	if err != nil {
		return 0, false
	}
	for _, r := range s {
		if r == '\n' {
			continue
		}
		for i := range f.metrics {
			if _, ok := f.metrics[i].advance(r); !ok {
				return r, true
			}
		}
	}
	return 0, false
}

// Width returns the width in mm of s set in face f at size pt.
func Width(f Font, s string, size float64) float64 {
	fs, err := loadFonts()
	if err != nil {
		return 0
	}
	return fs.metrics[f].width(s, size)
}
