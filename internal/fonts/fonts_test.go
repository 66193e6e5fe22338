package fonts

import (
	"testing"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// vietnamese lists every letter Vietnamese text can contain besides
// ASCII, precomposed as in NFC.
func vietnamese() []rune {
	var rs []rune
	for r := rune(0x1EA0); r <= 0x1EF9; r++ { // Ạ … ỹ: letters with tones and marks
		rs = append(rs, r)
	}
	rs = append(rs, []rune("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư–…“”‘’·›")...)
	return rs
}

func TestVietnameseCoverage(t *testing.T) {
	for name, f := range map[string]*opentype.Font{"regular": Regular(), "bold": Bold()} {
		var buf sfnt.Buffer
		missing := 0
		for _, r := range vietnamese() {
			i, err := f.GlyphIndex(&buf, r)
			if err != nil || i == 0 {
				t.Errorf("%s: no glyph for %q (U+%04X)", name, r, r)
				missing++
			}
		}
		if missing == 0 {
			t.Logf("%s: all %d Vietnamese letters present", name, len(vietnamese()))
		}
	}
}

// TestFaceDraws checks that a face really draws a marked letter: the
// glyph of "Ử" is taller than that of "U", since it carries a horn and a
// hook above.
func TestFaceDraws(t *testing.T) {
	face := Face(Bold(), 40)
	height := func(r rune) int {
		b, _, ok := face.GlyphBounds(r)
		if !ok {
			t.Fatalf("no bounds for %q", r)
		}
		return (b.Max.Y - b.Min.Y).Ceil()
	}
	if hu, hm := height('U'), height('Ử'); hm <= hu {
		t.Errorf("Ử is %d px tall, U %d px: the marks are not drawn", hm, hu)
	}
}
