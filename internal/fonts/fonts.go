// Package fonts holds the embedded font qrboard draws and prints text
// with — in the images it makes (each page's sharing picture) and in the
// PDF posters — Liberation Sans, regular and bold. It covers every Vietnamese letter — precomposed
// (U+1EA0–U+1EF9, Ơ, Ư, Đ …) as procedure files store text in NFC — and
// ships with the binary, so images look the same on every machine that
// builds the site, with no font installed.
//
// Liberation Sans (SIL Open Font License) comes from the Go module
// github.com/go-fonts/liberation; it is metric-compatible with Arial, the
// face staff know from their own documents.
package fonts

import (
	"sync"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
)

// RegularTTF and BoldTTF are the font files, for writers that embed the
// font themselves (the PDF posters subset them).
var (
	RegularTTF = liberationsansregular.TTF
	BoldTTF    = liberationsansbold.TTF
)

// Regular and Bold return the parsed fonts. Parsing happens once; the
// fonts are safe for concurrent use, faces made from them are not.
var (
	Regular = sync.OnceValue(func() *opentype.Font { return mustParse(RegularTTF) })
	Bold    = sync.OnceValue(func() *opentype.Font { return mustParse(BoldTTF) })
)

func mustParse(ttf []byte) *opentype.Font {
	f, err := opentype.Parse(ttf)
	if err != nil {
		panic("fonts: embedded font does not parse: " + err.Error()) // fixed data, checked by tests
	}
	return f
}

// Face returns a face of f at size pixels (72 dpi, so points are pixels),
// with full hinting for crisp text in small images. A face is not safe
// for concurrent use: make one per goroutine.
func Face(f *opentype.Font, size float64) font.Face {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic("fonts: " + err.Error()) // only for a size ≤ 0 or a broken font
	}
	return face
}
