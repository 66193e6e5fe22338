package qr

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"qrboard/internal/qrscan"
)

const sampleURL = "https://phuctho.example/trach-my-loc/chung-thuc-ban-sao/"

func TestRoundTrip(t *testing.T) {
	for _, level := range []Level{L, M, Q, H} {
		c, err := Encode(sampleURL, level)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := qrscan.PNG(c.PNG(4)); err != nil || got != sampleURL {
			t.Errorf("level %c: PNG decodes to %q, %v", level, got, err)
		}
		if got, err := qrscan.SVG(c.SVG(), 4); err != nil || got != sampleURL {
			t.Errorf("level %c: SVG decodes to %q, %v", level, got, err)
		}
	}
}

// TestVersions records the QR versions of the sample's longest address:
// version 4 at level M is the target for posters.
func TestVersions(t *testing.T) {
	want := map[Level]int{L: 4, M: 4, Q: 5, H: 6}
	for level, v := range want {
		c, err := Encode(sampleURL, level)
		if err != nil {
			t.Fatal(err)
		}
		if c.Version != v {
			t.Errorf("level %c: version %d, want %d", level, c.Version, v)
		}
		if c.Size() != 17+4*v {
			t.Errorf("level %c: size %d, want %d", level, c.Size(), 17+4*v)
		}
	}
}

func TestPNGIsOneBit(t *testing.T) {
	c, _ := Encode(sampleURL, M)
	data := c.PNG(8)
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if side := (c.Size() + 2*QuietZone) * 8; img.Bounds().Dx() != side {
		t.Errorf("width %d, want %d", img.Bounds().Dx(), side)
	}
	// IHDR: bit depth at byte 24, colour type at byte 25 (3 = paletted).
	if data[24] != 1 || data[25] != 3 {
		t.Errorf("bit depth %d colour type %d, want 1-bit paletted", data[24], data[25])
	}
	if len(data) > 2000 {
		t.Errorf("PNG is %d bytes; a 1-bit code should be well under 2000", len(data))
	}
}

// TestSVGOnePath checks that the SVG draws all dark modules as one path
// of merged runs, with no seams: there is exactly one <path>, and its
// rectangles cover exactly the dark modules.
func TestSVGOnePath(t *testing.T) {
	c, _ := Encode(sampleURL, M)
	svg := string(c.SVG())
	if n := strings.Count(svg, "<path"); n != 1 {
		t.Errorf("%d paths, want 1", n)
	}
	img, err := qrscan.RasterizeSVG([]byte(svg), 1)
	if err != nil {
		t.Fatal(err)
	}
	for y := -QuietZone; y < c.Size()+QuietZone; y++ {
		for x := -QuietZone; x < c.Size()+QuietZone; x++ {
			dark := img.GrayAt(x+QuietZone, y+QuietZone).Y < 128
			if dark != c.Dark(x, y) {
				t.Fatalf("module %d,%d: drawn dark=%v, code dark=%v", x, y, dark, c.Dark(x, y))
			}
		}
	}
}

func TestZbar(t *testing.T) {
	c, _ := Encode(sampleURL, M)
	path := filepath.Join(t.TempDir(), "qr.png")
	os.WriteFile(path, c.PNG(4), 0o644)
	codes, err := qrscan.Zbar(path)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("zbarimg must run in CI: %v", err)
		}
		t.Skipf("zbarimg not available (apt-get install zbar-tools): %v", err)
	}
	if len(codes) != 1 || codes[0] != sampleURL {
		t.Errorf("zbarimg read %q, want %q", codes, sampleURL)
	}
}

func BenchmarkEncode(b *testing.B) {
	for b.Loop() {
		Encode(sampleURL, M)
	}
}

func BenchmarkSVG(b *testing.B) {
	c, _ := Encode(sampleURL, M)
	for b.Loop() {
		c.SVG()
	}
}

func BenchmarkPNG(b *testing.B) {
	c, _ := Encode(sampleURL, M)
	for b.Loop() {
		c.PNG(8)
	}
}

// TestPNGPixels decodes the hand-written PNG with image/png, an
// independent reader, and compares every pixel with the modules, at
// several scales and for codes of several versions.
func TestPNGPixels(t *testing.T) {
	for _, content := range []string{"https://a.example/", sampleURL, sampleURL + strings.Repeat("x", 100)} {
		c, err := Encode(content, M)
		if err != nil {
			t.Fatal(err)
		}
		for _, scale := range []int{1, 3, 8} {
			img, err := png.Decode(bytes.NewReader(c.PNG(scale)))
			if err != nil {
				t.Fatalf("version %d scale %d: %v", c.Version, scale, err)
			}
			side := (c.Size() + 2*QuietZone) * scale
			if b := img.Bounds(); b.Dx() != side || b.Dy() != side {
				t.Fatalf("version %d scale %d: %v, want %d × %d", c.Version, scale, b, side, side)
			}
			for py := range side {
				for px := range side {
					r, _, _, _ := img.At(px, py).RGBA()
					if dark := c.Dark(px/scale-QuietZone, py/scale-QuietZone); dark != (r == 0) {
						t.Fatalf("version %d scale %d: pixel %d,%d dark=%v, module dark=%v", c.Version, scale, px, py, r == 0, dark)
					}
				}
			}
		}
	}
}

// TestBrowserPNG shows the PNG in headless Chromium, takes a screenshot
// and decodes the code from it: what a citizen's browser draws scans.
func TestBrowserPNG(t *testing.T) {
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium must run in CI")
		}
		t.Skip("chromium not available (apt-get install chromium)")
	}
	dir := t.TempDir()
	c, _ := Encode(sampleURL, M)
	os.WriteFile(filepath.Join(dir, "qr.png"), c.PNG(8), 0o644)
	page := `<!doctype html><html><body style="margin:0;background:#fff"><img src="qr.png" width="328" height="328"></body></html>`
	os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644)
	shot := filepath.Join(dir, "shot.png")
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--screenshot="+shot, "--window-size=400,400",
		"file://"+filepath.Join(dir, "index.html"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := qrscan.PNG(data); err != nil || got != sampleURL {
		t.Errorf("the screenshot decodes to %q (%v), want %q", got, err, sampleURL)
	}
}

// TestPNGSameAsImagePNG compares the PNG with what image/png writes for
// the same picture at BestSpeed, which qrboard used before: the files of
// a site stay byte for byte the same, so a rebuild uploads nothing new.
func TestPNGSameAsImagePNG(t *testing.T) {
	for _, content := range []string{"https://a.example/", sampleURL, sampleURL + strings.Repeat("x", 300)} {
		c, err := Encode(content, Q)
		if err != nil {
			t.Fatal(err)
		}
		for _, scale := range []int{1, 8} {
			side := (c.Size() + 2*QuietZone) * scale
			img := image.NewPaletted(image.Rect(0, 0, side, side), color.Palette{color.Gray{Y: 0xff}, color.Gray{Y: 0}})
			for py := range side {
				for px := range side {
					if c.Dark(px/scale-QuietZone, py/scale-QuietZone) {
						img.Pix[py*img.Stride+px] = 1
					}
				}
			}
			var want bytes.Buffer
			if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&want, img); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(c.PNG(scale), want.Bytes()) {
				t.Errorf("version %d scale %d: not the bytes image/png writes", c.Version, scale)
			}
		}
	}
}

// TestAlphanumeric checks that an upper-case short address is encoded in
// QR's alphanumeric mode, 5.5 bits a character: at level M, 32 characters
// fit version 2 (38 alphanumeric characters, only 26 bytes), while the
// same address in lower case needs version 3.
func TestAlphanumeric(t *testing.T) {
	for _, c := range []struct {
		text    string
		version int
	}{
		{"HTTPS://PHUCTHO.HANOI.GOV.VN/12/", 2},
		{"https://phuctho.hanoi.gov.vn/12/", 3},
	} {
		code, err := Encode(c.text, M)
		if err != nil || code.Version != c.version {
			t.Errorf("%s: version %d (%v), want %d", c.text, code.Version, err, c.version)
		}
	}
}
