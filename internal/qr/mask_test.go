package qr

import (
	"fmt"
	"testing"

	"qrboard/internal/qrscan"
)

// TestRemaskRoundTrip re-masks codes with every pattern: each variant
// decodes to the same content, reads back as its mask, and re-masking to
// the original mask gives the original symbol.
func TestRemaskRoundTrip(t *testing.T) {
	for _, content := range []string{sampleURL, "https://phuctho.example/", "https://thu-tuc.example.gov.vn/tinh/xa-rat-dai-ten/thu-tuc-co-ten-rat-dai-nua/"} {
		for _, l := range []Level{L, M, Q, H} {
			c, err := encodeAsIs(content, l)
			if err != nil {
				t.Fatal(err)
			}
			from := maskOf(c.modules, l)
			if from < 0 {
				t.Fatalf("%s %c: mask not readable", content, l)
			}
			for to := range maskPatterns {
				v := remask(c.modules, c.Version, l, from, to)
				if got := maskOf(v, l); got != to {
					t.Errorf("%s %c: remasked to %d reads back as %d", content, l, to, got)
				}
				vc := &Code{Content: content, Level: l, Version: c.Version, modules: v}
				if got, err := qrscan.SVG(vc.SVG(), 4); err != nil || got != content {
					t.Errorf("%s %c mask %d: decodes to %q, %v", content, l, to, got, err)
				}
				if back := remask(v, c.Version, l, to, from); !equalModules(back, c.modules) {
					t.Errorf("%s %c: mask %d and back changes the symbol", content, l, to)
				}
			}
		}
	}
}

// TestChosenMaskReads checks that Encode's code is read by the reader it
// was verified with, and by zbar where installed.
func TestChosenMaskReads(t *testing.T) {
	for i := range 50 {
		content := fmt.Sprintf("https://thutuc.tinh%d.gov.vn/xa-%d/tt-%x/", i%7, i, i*7919)
		c, err := Encode(content, M)
		if err != nil {
			t.Fatal(err)
		}
		if !readable(content, c.modules) {
			t.Errorf("%s: chosen mask %d does not read", content, c.Mask)
		}
		if maskOf(c.modules, M) != c.Mask {
			t.Errorf("%s: format information says mask %d, Code says %d", content, maskOf(c.modules, M), c.Mask)
		}
	}
}

// BenchmarkEncodeAsIs is skip2's encoding alone, to compare with
// BenchmarkEncode, which adds the mask choice.
func BenchmarkEncodeAsIs(b *testing.B) {
	for b.Loop() {
		encodeAsIs(sampleURL, M)
	}
}

// BenchmarkChooseMask is the usual case: skip2's code reads.
func BenchmarkChooseMask(b *testing.B) {
	c, _ := encodeAsIs(sampleURL, M)
	for b.Loop() {
		chooseMask(sampleURL, c.modules, c.Version, M)
	}
}

func BenchmarkReadable(b *testing.B) {
	c, _ := encodeAsIs(sampleURL, M)
	for b.Loop() {
		readable(sampleURL, c.modules)
	}
}

// TestUnreadableCodeIsRemasked takes the sample's address whose skip2 code
// gozxing cannot find and checks that Encode publishes another mask that
// it can.
func TestUnreadableCodeIsRemasked(t *testing.T) {
	const content = "https://phuctho.example/lien-hiep/dang-ky-ket-hon/"
	as, _ := encodeAsIs(content, M)
	if readable(content, as.modules) {
		t.Skip("skip2's code for this address reads now: the example no longer shows the case")
	}
	c, _ := Encode(content, M)
	if c.Mask == maskOf(as.modules, M) || !readable(content, c.modules) {
		t.Errorf("mask %d kept (skip2's %d), readable %v", c.Mask, maskOf(as.modules, M), readable(content, c.modules))
	}
}
