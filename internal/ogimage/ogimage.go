// Package ogimage draws the sharing picture of a page: the image Zalo and
// Facebook show when someone shares its address (og:image). It carries
// what a citizen needs to recognise the page in a chat — the procedure's
// short name, the office, the site and its domain — and the page's QR
// code, so the picture itself can be scanned from another phone.
//
// A build draws one per page, so drawing is cheap: text goes straight
// into a 16-colour paletted image (glyph coverage mapped onto a few
// shades between two colours, no full-colour canvas to quantise), the QR
// code's modules are copied from the code already encoded for the page,
// and the PNG encoder writes 4 bits per pixel at its fastest setting.
package ogimage

import (
	"bytes"
	"image"
	"image/color"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"qrboard/internal/fonts"
	"qrboard/internal/palpng"
	"qrboard/internal/qr"
)

// The size of the picture: the 1.91:1 shape Facebook and Zalo show in
// full width, and large enough for both (at least 600 px wide).
const (
	Width  = 1200
	Height = 630
)

// Card is the text of one picture. Empty fields are left out.
type Card struct {
	Site     string // the site's name, in the band at the top
	Host     string // the site's domain, beside it: a citizen can tell a fake
	Title    string // the big line: a procedure's short name, an office's name
	Subtitle string // under it: the office, or what the page lists
	Badge    string // a highlighted note: "Không chờ, không giấy hẹn"
	Warning  bool   // draw the badge as a warning (a repealed procedure)
	Address  string // the page's address, at the bottom
}

// Colours of the page's stylesheet.
var (
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
	ink   = color.RGBA{0x1b, 0x1b, 0x1b, 0xff}
	blue  = color.RGBA{0x0b, 0x57, 0xa4, 0xff}
	green = color.RGBA{0x0b, 0x6b, 0x35, 0xff}
	red   = color.RGBA{0x8a, 0x1c, 0x1c, 0xff}
)

// A ramp is the palette indices from a background colour (level 0) to a
// text colour (the last level): anti-aliased text takes the level nearest
// its glyph's coverage.
type ramp []uint8

var (
	palette                  color.Palette
	inkOnWhite, whiteOnBlue  ramp
	whiteOnGreen, whiteOnRed ramp
	paletteOnce              sync.Once
)

func initPalette() {
	add := func(bg, fg color.RGBA, steps int) ramp {
		r := make(ramp, steps+1)
		for i := range r {
			c := mix(bg, fg, i, steps)
			j := indexOf(c)
			if j < 0 {
				j = len(palette)
				palette = append(palette, c)
			}
			r[i] = uint8(j)
		}
		return r
	}
	inkOnWhite = add(white, ink, 5)
	whiteOnBlue = add(blue, white, 4)
	whiteOnGreen = add(green, white, 3)
	whiteOnRed = add(red, white, 3)
}

func mix(a, b color.RGBA, i, n int) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8((int(x)*(n-i) + int(y)*i + n/2) / n) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 0xff}
}

func indexOf(c color.RGBA) int {
	for i, p := range palette {
		if p == c {
			return i
		}
	}
	return -1
}

// Layout, in pixels.
const (
	margin   = 56
	bandH    = 100
	qrRight  = 40  // space right of the code
	qrMaxPx  = 470 // the code's side, quiet zone included, at most
	textTop  = bandH + 40
	bottomY  = Height - 44 // baseline of the address
	lineGap  = 1.18        // line height as a multiple of the font size
	maxLines = 3
)

// Draw returns the picture of card with code as a PNG.
func Draw(card Card, code *qr.Code) []byte {
	paletteOnce.Do(initPalette)
	c := canvasPool.Get().(*canvas)
	defer canvasPool.Put(c)
	c.clear()

	c.fill(image.Rect(0, 0, Width, bandH), whiteOnBlue[0])
	qrLeft := c.drawQR(code)
	textW := qrLeft - margin - 24

	site := c.fit(card.Site, fonts.Bold(), 34, 24, Width-2*margin-textWidthOf(c, card.Host, 28)-32)
	c.text(site, margin, 62, whiteOnBlue)
	if card.Host != "" {
		f := c.face(fonts.Regular(), 28)
		c.text(line{card.Host, f}, Width-margin-font.MeasureString(f, card.Host).Ceil(), 62, whiteOnBlue)
	}

	y := textTop
	y = c.paragraph(card.Title, fonts.Bold(), []float64{68, 60, 52, 44}, textW, y, maxLines)
	y = c.paragraph(card.Subtitle, fonts.Regular(), []float64{40, 34}, textW, y+8, 2)
	if card.Badge != "" {
		r := whiteOnGreen
		if card.Warning {
			r = whiteOnRed
		}
		l := c.fit(card.Badge, fonts.Bold(), 30, 22, textW-32)
		w := font.MeasureString(l.face, l.s).Ceil()
		box := image.Rect(margin, y+22, margin+w+32, y+22+52)
		if box.Max.Y < bottomY-40 {
			c.fill(box, r[0])
			c.text(l, margin+16, box.Max.Y-15, r)
		}
	}
	if card.Address != "" {
		c.text(c.fit(card.Address, fonts.Regular(), 28, 18, textW), margin, bottomY, inkOnWhite)
	}
	return c.encode()
}

// canvas is one picture being drawn, with the faces used so far; canvases
// are reused, since faces are not safe for concurrent use and pictures
// are drawn on every core.
type canvas struct {
	img    *image.Paletted
	faces  map[faceKey]font.Face
	glyphs map[glyphKey]*glyph
	buf    bytes.Buffer
	rows   []byte
	png    *palpng.Encoder
}

// glyph is a rasterized glyph, kept because the same names and letters
// come back on every page of a site.
type glyph struct {
	off  image.Point // of the mask's top left from the dot
	mask *image.Alpha
	adv  fixed.Int26_6
	ok   bool
}

// glyphKey names a glyph at a sub-pixel position, in quarter pixels.
type glyphKey struct {
	face font.Face
	r    rune
	frac int
}

type faceKey struct {
	f    *opentype.Font
	size float64
}

var canvasPool = sync.Pool{New: func() any {
	return &canvas{
		img:    image.NewPaletted(image.Rect(0, 0, Width, Height), palette),
		faces:  map[faceKey]font.Face{},
		glyphs: map[glyphKey]*glyph{},
		rows:   make([]byte, palpng.RowLen(Width, 4)*Height),
		png:    palpng.NewEncoder(),
	}
}}

// maxGlyphs bounds the glyph cache of a canvas.
const maxGlyphs = 4000

// glyph returns the glyph of ch at dot, rasterizing it once per quarter
// pixel position.
func (c *canvas) glyph(face font.Face, dot fixed.Point26_6, ch rune) *glyph {
	frac := int(dot.X&63) >> 4
	k := glyphKey{face, ch, frac}
	if g, ok := c.glyphs[k]; ok {
		return g
	}
	at := fixed.Point26_6{X: fixed.Int26_6(frac << 4), Y: 0}
	dr, mask, mp, adv, ok := face.Glyph(at, ch)
	g := &glyph{adv: adv, ok: ok}
	if ok {
		g.off = dr.Min
		g.mask = image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
		for y := 0; y < dr.Dy(); y++ {
			for x := 0; x < dr.Dx(); x++ {
				_, _, _, a := mask.At(mp.X+x, mp.Y+y).RGBA()
				g.mask.Pix[y*g.mask.Stride+x] = uint8(a >> 8)
			}
		}
	}
	if len(c.glyphs) >= maxGlyphs {
		clear(c.glyphs)
	}
	c.glyphs[k] = g
	return g
}

func (c *canvas) clear() {
	c.img.Palette = palette
	clear(c.img.Pix) // index 0 is white
}

func (c *canvas) face(f *opentype.Font, size float64) font.Face {
	k := faceKey{f, size}
	face, ok := c.faces[k]
	if !ok {
		face = fonts.Face(f, size)
		c.faces[k] = face
	}
	return face
}

func (c *canvas) fill(r image.Rectangle, index uint8) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := c.img.Pix[y*c.img.Stride:]
		for x := r.Min.X; x < r.Max.X; x++ {
			row[x] = index
		}
	}
}

// QRBounds returns where Draw puts code in the picture, quiet zone
// included, and the size of one module in pixels.
func QRBounds(code *qr.Code) (image.Rectangle, int) {
	modules := code.Size() + 2*qr.QuietZone
	scale := min(qrMaxPx, Height-bandH-40) / modules
	side := modules * scale
	left, top := Width-qrRight-side, bandH+(Height-bandH-side)/2
	return image.Rect(left, top, left+side, top+side), scale
}

// drawQR draws the code at the right, centred below the band, and returns
// its left edge.
func (c *canvas) drawQR(code *qr.Code) int {
	r, scale := QRBounds(code)
	dark := inkOnWhite[len(inkOnWhite)-1]
	code.Runs(func(x, y, n int) {
		x0, y0 := r.Min.X+(x+qr.QuietZone)*scale, r.Min.Y+(y+qr.QuietZone)*scale
		c.fill(image.Rect(x0, y0, x0+n*scale, y0+scale), dark)
	})
	return r.Min.X
}

// line is one line of text in one face.
type line struct {
	s    string
	face font.Face
}

func textWidthOf(c *canvas, s string, size float64) int {
	if s == "" {
		return 0
	}
	return font.MeasureString(c.face(fonts.Regular(), size), s).Ceil()
}

// fit returns s in the largest size from max down to min that fits width,
// cut with "…" if even min does not.
func (c *canvas) fit(s string, f *opentype.Font, max, min float64, width int) line {
	for size := max; ; size -= 2 {
		face := c.face(f, size)
		if font.MeasureString(face, s).Ceil() <= width {
			return line{s, face}
		}
		if size-2 < min {
			return line{ellipsize(face, s, width), face}
		}
	}
}

// ellipsize ends s with "…", shortening it to fit width.
func ellipsize(face font.Face, s string, width int) string {
	rs := []rune(s)
	for n := len(rs); n > 0; n-- {
		t := strings.TrimRight(string(rs[:n]), " ,;:–-") + "…"
		if font.MeasureString(face, t).Ceil() <= width {
			return t
		}
	}
	return "…"
}

// paragraph draws s wrapped to width in at most lines lines, in the first
// of sizes where it fits (cutting it in the last), with its first line's
// top at y. It returns the y below it.
func (c *canvas) paragraph(s string, f *opentype.Font, sizes []float64, width, y, lines int) int {
	if s == "" {
		return y
	}
	var face font.Face
	var ls []string
	for i, size := range sizes {
		face = c.face(f, size)
		var fits bool
		ls, fits = wrap(face, s, width, lines)
		if fits || i == len(sizes)-1 {
			break
		}
	}
	step := int(float64(face.Metrics().Height.Ceil()) * lineGap)
	for _, l := range ls {
		y += face.Metrics().Ascent.Ceil()
		c.text(line{l, face}, margin, y, inkOnWhite)
		y += step - face.Metrics().Ascent.Ceil()
	}
	return y
}

// wrap breaks s into lines of at most width, and reports whether it fits
// in max lines; if not, the last line is cut with "…".
func wrap(face font.Face, s string, width, max int) ([]string, bool) {
	var ls []string
	cur := ""
	for _, w := range strings.Fields(s) {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if cur == "" || font.MeasureString(face, try).Ceil() <= width {
			cur = try
			continue
		}
		ls = append(ls, cur)
		cur = w
	}
	ls = append(ls, cur)
	fits := len(ls) <= max
	if !fits {
		ls = ls[:max]
		ls[max-1] = ellipsize(face, ls[max-1], width)
	}
	for i, l := range ls {
		if font.MeasureString(face, l).Ceil() > width { // one word longer than the line
			ls[i] = ellipsize(face, l, width)
			fits = false
		}
	}
	return ls, fits
}

// text draws l with its baseline at y, mapping glyph coverage onto r.
// Where glyphs overlap, the darker level wins.
func (c *canvas) text(l line, x, y int, r ramp) {
	dot := fixed.P(x, y)
	prev := rune(-1)
	top := len(r) - 1
	// Tables for the loop below: the level of each coverage, and the
	// level of each palette index in r, 0 if not in it.
	var levelOf, inRamp [256]uint8
	for a := range levelOf {
		levelOf[a] = uint8((a*top + 127) / 255)
	}
	for l := 1; l <= top; l++ {
		inRamp[r[l]] = uint8(l)
	}
	for _, ch := range l.s {
		if prev >= 0 {
			dot.X += l.face.Kern(prev, ch)
		}
		g := c.glyph(l.face, dot, ch)
		prev = ch
		origin := image.Pt(dot.X.Floor()+g.off.X, y+g.off.Y)
		dot.X += g.adv
		if !g.ok {
			continue
		}
		dr := g.mask.Rect.Add(origin).Intersect(c.img.Rect)
		for py := dr.Min.Y; py < dr.Max.Y; py++ {
			row := c.img.Pix[py*c.img.Stride:]
			mrow := g.mask.Pix[(py-origin.Y)*g.mask.Stride:]
			for px := dr.Min.X; px < dr.Max.X; px++ {
				if level := levelOf[mrow[px-origin.X]]; level > inRamp[row[px]] {
					row[px] = r[level]
				}
			}
		}
	}
}

func (c *canvas) encode() []byte {
	c.buf.Reset()
	encodePNG4(&c.buf, c.png, c.img, c.rows)
	return bytes.Clone(c.buf.Bytes())
}
