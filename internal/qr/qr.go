// Package qr makes the QR codes of pages: it encodes an address once into
// a grid of modules and draws that grid as SVG, for pages and print.
//
// Levels are named as in ISO/IEC 18004 — L, M, Q, H. Note that
// github.com/skip2/go-qrcode calls Q "High" and H "Highest".
package qr

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"

	qrcode "github.com/skip2/go-qrcode"
)

// QuietZone is the light margin around a code, in modules, that the
// standard requires for reliable scanning.
const QuietZone = 4

// Level is an error-correction level.
type Level byte

// Error-correction levels: the share of the code that may be damaged.
const (
	L Level = 'L' // about 7 %
	M Level = 'M' // about 15 %
	Q Level = 'Q' // about 25 %
	H Level = 'H' // about 30 %
)

// ParseLevel reads "L", "M", "Q" or "H".
func ParseLevel(s string) (Level, error) {
	if len(s) == 1 {
		switch l := Level(s[0]); l {
		case L, M, Q, H:
			return l, nil
		}
	}
	return 0, fmt.Errorf("unknown QR error-correction level %q (want L, M, Q or H)", s)
}

func (l Level) recovery() qrcode.RecoveryLevel {
	switch l {
	case L:
		return qrcode.Low
	case Q:
		return qrcode.High
	case H:
		return qrcode.Highest
	}
	return qrcode.Medium
}

// Code is an encoded QR code.
type Code struct {
	Content string
	Level   Level
	Version int      // 1–40; each step adds 4 modules per side
	Mask    int      // 0–7, the mask pattern applied to the data
	modules [][]bool // dark modules, without the quiet zone

	svgOnce sync.Once
	svg     []byte // SVG's result: a page shows its code twice, in qr.svg and on its poster
}

// Encode encodes content at level l, with the mask that reads best (see
// mask.go).
func Encode(content string, l Level) (*Code, error) {
	c, err := encodeAsIs(content, l)
	if err != nil {
		return nil, err
	}
	c.modules, c.Mask = chooseMask(content, c.modules, c.Version, l)
	return c, nil
}

// encodeAsIs encodes content with the mask skip2/go-qrcode chooses.
func encodeAsIs(content string, l Level) (*Code, error) {
	q, err := qrcode.New(content, l.recovery())
	if err != nil {
		return nil, fmt.Errorf("encoding %q as a QR code: %v", content, err)
	}
	q.DisableBorder = true
	return &Code{Content: content, Level: l, Version: q.VersionNumber, modules: q.Bitmap()}, nil
}

// Size returns the number of modules per side, without the quiet zone.
func (c *Code) Size() int { return len(c.modules) }

// Dark reports whether the module at column x, row y is dark. Positions
// outside the code (in the quiet zone) are light.
func (c *Code) Dark(x, y int) bool {
	if y < 0 || y >= len(c.modules) || x < 0 || x >= len(c.modules) {
		return false
	}
	return c.modules[y][x]
}

// Runs calls f for each horizontal run of dark modules, row by row, with
// the run's first column, its row and its length. Drawing runs instead of
// single modules leaves no seams between neighbours in any renderer.
func (c *Code) Runs(f func(x, y, n int)) {
	for y, row := range c.modules {
		for start, end := nextRun(row, 0); start < end; start, end = nextRun(row, end) {
			f(start, y, end-start)
		}
	}
}

// nextRun returns the first run of dark modules in row at or after x, as
// [start, end); start == end when there is none.
func nextRun(row []bool, x int) (start, end int) {
	for x < len(row) && !row[x] {
		x++
	}
	start = x
	for x < len(row) && row[x] {
		x++
	}
	return start, x
}

// SVG returns the code as a standalone SVG image: one path of merged
// runs, a viewBox in modules that includes the quiet zone, and a white
// background so the code also scans on a dark page. It is made once per
// Code: callers must not change it.
func (c *Code) SVG() []byte {
	c.svgOnce.Do(func() { c.svg = c.makeSVG() })
	return c.svg
}

func (c *Code) makeSVG() []byte {
	total := strconv.Itoa(c.Size() + 2*QuietZone)
	b := make([]byte, 0, 256+12*c.Size()*c.Size()/4)
	b = append(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `...)
	b = append(b, total+" "+total+`" shape-rendering="crispEdges"><title>`...)
	b = append(b, escapeXML(c.Content)...)
	b = append(b, `</title><rect width="`+total+`" height="`+total+`" fill="#fff"/><path fill="#000" d="`...)
	b = c.appendPath(b, QuietZone)
	return append(b, "\"/></svg>\n"...)
}

// PathData returns SVG path data drawing every dark run as a rectangle one
// module high, offset by off modules, in module units.
func (c *Code) PathData(off int) string { return string(c.appendPath(nil, off)) }

func (c *Code) appendPath(b []byte, off int) []byte {
	for y, row := range c.modules {
		for start, end := nextRun(row, 0); start < end; start, end = nextRun(row, end) {
			n := itoa(end - start)
			b = append(b, 'M')
			b = append(b, itoa(start+off)...)
			b = append(b, ' ')
			b = append(b, itoa(y+off)...)
			b = append(b, 'h')
			b = append(b, n...)
			b = append(b, "v1h-"...)
			b = append(b, n...)
			b = append(b, 'z')
		}
	}
	return b
}

// smallInts holds the decimal forms of the numbers a path uses most: a
// path has hundreds of them, and a table lookup beats formatting each.
var smallInts = func() (t [256]string) {
	for i := range t {
		t[i] = strconv.Itoa(i)
	}
	return t
}()

func itoa(i int) string {
	if i >= 0 && i < len(smallInts) {
		return smallInts[i]
	}
	return strconv.Itoa(i)
}

func escapeXML(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
