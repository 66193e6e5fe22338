package poster

import (
	"fmt"
	"strconv"
	"time"

	"github.com/signintech/gopdf"

	"qrboard/internal/qr"
)

// Info is a document's metadata.
type Info struct {
	Title     string
	Author    string // the issuing authority
	Subject   string
	Created   time.Time // from the build date, never the clock: same input, same bytes
	Generator string    // the program and its version, "qrboard 1.2.0" (Creator and Producer)
}

// Doc is a PDF being written: posters and board sheets, one page each
// (a sheet may take several).
type Doc struct {
	pdf   *gopdf.GoPdf
	paper Paper
	fonts *fonts
	pages int
}

// New starts a document on paper p.
func New(p Paper, info Info) (*Doc, error) {
	f, err := loadFonts()
	if err != nil {
		return nil, err
	}
	pdf := new(gopdf.GoPdf)
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: p.W, H: p.H}, Unit: gopdf.UnitMM})
	pdf.SetInfo(gopdf.PdfInfo{
		Title: info.Title, Author: info.Author, Subject: info.Subject,
		Creator: info.Generator, Producer: info.Generator, CreationDate: info.Created,
	})
	for _, face := range faces {
		if err := pdf.AddTTFFontFromFontContainer(face.name, &f.container); err != nil {
			return nil, err
		}
	}
	return &Doc{pdf: pdf, paper: p, fonts: f}, nil
}

// Pages returns the number of pages so far.
func (d *Doc) Pages() int { return d.pages }

// Bytes finishes the document.
func (d *Doc) Bytes() ([]byte, error) {
	if d.pages == 0 {
		return nil, fmt.Errorf("empty document")
	}
	b, err := d.pdf.GetBytesPdfReturnErr()
	if err != nil {
		return nil, err
	}
	return printAt100(b)
}

func (d *Doc) addPage() {
	d.pdf.AddPage()
	d.pages++
}

// rgb is a colour.
type rgb struct{ r, g, b uint8 }

// The colours of posters: near-black text, the blue of the site's
// header, the green of its "no waiting" badge.
var (
	ink    = rgb{0x1b, 0x1b, 0x1b}
	muted  = rgb{0x4a, 0x4a, 0x4a}
	accent = rgb{0x0b, 0x57, 0xa4}
	green  = rgb{0x0b, 0x6b, 0x35}
	line   = rgb{0xb0, 0xb0, 0xb0}
	white  = rgb{0xff, 0xff, 0xff}
)

// align places a line within its box.
type align int

const (
	left align = iota
	center
	right
)

// text draws one line with its baseline at y, placed within [x, x+width].
func (d *Doc) text(s string, face Font, size float64, c rgb, x, y, width float64, a align) error {
	w := d.fonts.metrics[face].width(s, size)
	switch a {
	case center:
		x += (width - w) / 2
	case right:
		x += width - w
	}
	if err := d.pdf.SetFont(faces[face].name, "", size); err != nil {
		return err
	}
	d.pdf.SetTextColor(c.r, c.g, c.b)
	d.pdf.SetXY(x, y)
	return d.pdf.Text(s)
}

// block draws b's lines from top y down, and returns the y below them.
func (d *Doc) block(b block, c rgb, x, y, width float64, a align) (float64, error) {
	ascent := d.fonts.metrics[b.face].ascent * b.size * mmPerPt
	for _, l := range b.lines {
		// The line's box is lineHeight high; the glyphs sit centred in it.
		base := y + (b.lineHeight()-b.size*mmPerPt)/2 + ascent
		if err := d.text(l, b.face, b.size, c, x, base, width, a); err != nil {
			return y, err
		}
		y += b.lineHeight()
	}
	return y, nil
}

// rect fills a rectangle, with rounded corners when radius > 0.
func (d *Doc) rect(c rgb, x, y, w, h, radius float64) error {
	d.pdf.SetFillColor(c.r, c.g, c.b)
	if radius <= 0 {
		d.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "F")
		return nil
	}
	return d.pdf.Rectangle(x, y, x+w, y+h, "F", radius, 6)
}

// frame strokes a thin rectangle: a cell's border, which is also where
// the sheet is cut.
func (d *Doc) frame(c rgb, x, y, w, h float64) {
	d.pdf.SetStrokeColor(c.r, c.g, c.b)
	d.pdf.SetLineWidth(0.3)
	d.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "D")
}

// code draws a QR code with its top-left module at x, y, symbol mm wide,
// on a white square that includes the quiet zone.
//
// Every dark run of every row becomes a rectangle of a single path that
// is filled once. Separate shapes that touch leave hairline seams in
// anti-aliasing viewers and on some printers; one path has no inner
// edges to show. gopdf draws one shape per call and has no path
// builder, but writes a rectangle's paint operator verbatim: the
// rectangle given to it is empty and its "operator" is the path of
// runs followed by the fill "f". TestCodeIsOnePath reads the page's
// content stream back to hold gopdf to this.
func (d *Doc) code(c *qr.Code, x, y, symbol float64) error {
	m := symbol / float64(c.Size())
	quiet := qr.QuietZone * m
	if err := d.rect(white, x-quiet, y-quiet, symbol+2*quiet, symbol+2*quiet, 0); err != nil {
		return err
	}
	const k = 72 / 25.4 // mm → pt
	pageH := d.paper.H * k
	// Edges are computed from module indices, so neighbouring runs share
	// exactly the same coordinates.
	edgeX := func(i int) []byte { return strconv.AppendFloat(nil, (x+float64(i)*m)*k, 'f', 3, 64) }
	edgeY := func(j int) []byte { return strconv.AppendFloat(nil, pageH-(y+float64(j)*m)*k, 'f', 3, 64) }
	path := []byte{'n', '\n'}
	c.Runs(func(cx, cy, n int) {
		x0, x1 := edgeX(cx), edgeX(cx+n)
		y0, y1 := edgeY(cy), edgeY(cy+1)
		// A closed rectangle as moveto/lineto, so that both edges of a
		// run come from the same rounded numbers.
		path = appendPoint(path, x0, y0, " m ")
		path = appendPoint(path, x1, y0, " l ")
		path = appendPoint(path, x1, y1, " l ")
		path = appendPoint(path, x0, y1, " l h\n")
	})
	path = append(path, 'f')
	d.pdf.SetFillColor(0, 0, 0)
	return d.pdf.RectFromUpperLeftWithOpts(gopdf.DrawableRectOptions{
		X: x, Y: y, Rect: gopdf.Rect{W: 0, H: 0},
		PaintStyle: gopdf.PaintStyle(path),
	})
}

// appendPoint appends the PDF path operator op at point (x, y), both
// already formatted.
func appendPoint(path, x, y []byte, op string) []byte {
	path = append(path, x...)
	path = append(path, ' ')
	path = append(path, y...)
	return append(path, op...)
}
