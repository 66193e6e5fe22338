package poster

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"qrboard/internal/qr"
)

// Paper is a sheet size, portrait, in millimetres.
type Paper struct {
	Name string
	W, H float64
}

// The paper sizes posters are laid out for (ISO 216). A4 is the wall
// poster; A3 is for a corridor or a notice board seen from farther; A5
// is a counter card, read from closer.
var (
	A3 = Paper{"A3", 297, 420}
	A4 = Paper{"A4", 210, 297}
	A5 = Paper{"A5", 148, 210}
)

// Papers lists the sizes in the order messages name them.
var Papers = []Paper{A4, A3, A5}

// ParsePaper reads "A4", "A3" or "A5" (in any case).
func ParsePaper(s string) (Paper, bool) {
	for _, p := range Papers {
		if strings.EqualFold(s, p.Name) {
			return p, true
		}
	}
	return Paper{}, false
}

// Scale is the factor from the A4 design to p for type and spacing. A5
// shrinks with the sheet. A3 is not an A4 poster enlarged by √2: its
// words grow by 1.2, which reads from 2 m, and the room that saves goes
// to the code (codeBox), which is what must be read from farther.
func (p Paper) Scale() float64 {
	if p == A3 {
		return 1.2
	}
	return p.W / A4.W
}

// codeBox is the side, in mm, of the white square a poster's code is
// printed in, quiet zone included: as large as the page allows once the
// words the poster must carry have their room. The code's modules are
// as large as fit in it (see Module): the fewer modules a code has, the
// larger they are printed, and the farther it is read from.
func (p Paper) codeBox() float64 {
	switch p {
	case A5:
		return 100
	case A3:
		return codeBoxA3
	}
	return codeBoxA4
}

// codeBox on A4 and A3: on A4, what the words leave of the height; on
// A3, the width of the column. Measured trade-offs in doc.go.
const (
	codeBoxA4 = 176.0
	codeBoxA3 = 268.0
)

// Module is the side of one module of code on a poster on p, in mm: the
// largest tenth of a millimetre at which the code and its quiet zone fit
// in the code's square.
func (p Paper) Module(code *qr.Code) float64 {
	m := p.codeBox() / float64(code.Size()+2*qr.QuietZone)
	return math.Floor(m*10+1e-9) / 10
}

// QRWidth is the width of code on a poster on p, quiet zone not
// included.
func (p Paper) QRWidth(code *qr.Code) float64 { return p.Module(code) * float64(code.Size()) }

// Distance is how far, in mm, a citizen stands from a poster on p when
// scanning it: a metre from a wall poster, closer to a counter card.
func (p Paper) Distance() float64 {
	if p == A5 {
		return 700
	}
	return 1000
}

// SheetDistance is how far a board sheet is read from, in mm: up close,
// at arm's length.
const SheetDistance = 400

// MinModule is the smallest module, in mm, a phone camera reads from
// distance mm. A cheap phone's scanner looks at a 1280×720 frame with a
// field of view of about 65°: at 1 m a pixel covers about 1 mm. Decoders
// such as ZXing, which most scanner apps and Zalo build on, need about
// two pixels per module; 2.5 leaves room for blur and an angled shot.
func MinModule(distance float64) float64 { return 2.5 * distance / 1000 }

// Density is how a code prints at a given width.
type Density struct {
	Module float64 // module size, mm
	Min    float64 // the smallest module that scans at the reading distance, mm
}

// OK reports whether the code is printed large enough to scan.
func (d Density) OK() bool { return d.Module >= d.Min }

func (d Density) String() string {
	return fmt.Sprintf("module %.2f mm (minimum %.2f mm)", d.Module, d.Min)
}

// PosterDensity is how code prints on a poster on p.
func (p Paper) PosterDensity(code *qr.Code) Density {
	return Density{Module: p.Module(code), Min: MinModule(p.Distance())}
}

// SheetDensity is how code prints in a cell of a board sheet on p.
func (p Paper) SheetDensity(code *qr.Code) Density {
	g := p.grid()
	return Density{Module: g.qrWidth(code) / float64(code.Size()), Min: MinModule(SheetDistance)}
}

// Centimetres writes a length in mm as centimetres the Vietnamese way,
// to one decimal at most: 110 → "11", 155.6 → "15,6".
func Centimetres(mm float64) string {
	s := strconv.FormatFloat(math.Round(mm)/10, 'f', -1, 64)
	return strings.Replace(s, ".", ",", 1)
}
