package qr

import (
	"bytes"
	"fmt"
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

// TestSVGSide checks the SVG's geometry: a viewBox of the code and its
// quiet zone in modules, a white square under the whole of it, and, drawn
// at 8 pixels a module, a picture 8 times as wide.
func TestSVGSide(t *testing.T) {
	c, _ := Encode(sampleURL, M)
	side := c.Size() + 2*QuietZone
	svg := string(c.SVG())
	if want := fmt.Sprintf(`viewBox="0 0 %d %d"`, side, side); !strings.Contains(svg, want) {
		t.Errorf("no %s in %.120s", want, svg)
	}
	if want := fmt.Sprintf(`<rect width="%d" height="%d" fill="#fff"/>`, side, side); !strings.Contains(svg, want) {
		t.Errorf("no white background %s in %.200s", want, svg)
	}
	img, err := qrscan.RasterizeSVG([]byte(svg), 8)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != side*8 || b.Dy() != side*8 {
		t.Errorf("drawn at scale 8: %v, want %d × %d", b, side*8, side*8)
	}
}

// TestSVGOnePath checks that the SVG draws all dark modules as one path
// of merged runs, with no seams: there is exactly one <path>, and its
// rectangles cover exactly the dark modules (TestSVGPixels).
func TestSVGOnePath(t *testing.T) {
	c, _ := Encode(sampleURL, M)
	if n := strings.Count(string(c.SVG()), "<path"); n != 1 {
		t.Errorf("%d paths, want 1", n)
	}
}

// TestZbar reads the SVG with zbarimg, an independent decoder, drawn at 4
// pixels a module and saved as a PNG file: zbarimg reads images through
// ImageMagick, whose SVG support depends on how it was built.
func TestZbar(t *testing.T) {
	c, _ := Encode(sampleURL, M)
	img, err := qrscan.RasterizeSVG(c.SVG(), 4)
	if err != nil {
		t.Fatal(err)
	}
	var data bytes.Buffer
	if err := png.Encode(&data, img); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "qr.png")
	if err := os.WriteFile(path, data.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	codes, err := qrscan.Zbar(path)
	if err == exec.ErrNotFound {
		if os.Getenv("CI") != "" {
			t.Fatalf("zbarimg must run in CI: %v", err)
		}
		t.Skipf("zbarimg not available (apt-get install zbar-tools): %v", err)
	}
	if err != nil || len(codes) != 1 || codes[0] != sampleURL {
		t.Errorf("zbarimg read %q (%v), want %q", codes, err, sampleURL)
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

// TestSVGPixels draws the SVG at several scales, for codes of several
// versions, and compares every pixel with the modules: the path's
// rectangles cover exactly the dark modules, the quiet zone is light.
func TestSVGPixels(t *testing.T) {
	for _, content := range []string{"https://a.example/", sampleURL, sampleURL + strings.Repeat("x", 100)} {
		c, err := Encode(content, M)
		if err != nil {
			t.Fatal(err)
		}
		for _, scale := range []int{1, 3, 8} {
			img, err := qrscan.RasterizeSVG(c.SVG(), scale)
			if err != nil {
				t.Fatalf("version %d scale %d: %v", c.Version, scale, err)
			}
			side := (c.Size() + 2*QuietZone) * scale
			if b := img.Bounds(); b.Dx() != side || b.Dy() != side {
				t.Fatalf("version %d scale %d: %v, want %d × %d", c.Version, scale, b, side, side)
			}
			for py := range side {
				for px := range side {
					drawn := img.GrayAt(px, py).Y < 128
					if dark := c.Dark(px/scale-QuietZone, py/scale-QuietZone); dark != drawn {
						t.Fatalf("version %d scale %d: pixel %d,%d dark=%v, module dark=%v", c.Version, scale, px, py, drawn, dark)
					}
				}
			}
		}
	}
}

// TestBrowserSVG shows the SVG inline in a page, as a poster carries it,
// in headless Chromium, takes a screenshot and decodes the code from it —
// with gozxing and, where installed, zbarimg: what a browser draws scans.
func TestBrowserSVG(t *testing.T) {
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
	side := (c.Size() + 2*QuietZone) * 8
	page := fmt.Sprintf(`<!doctype html><html><body style="margin:0;background:#fff"><div style="width:%dpx;height:%dpx">%s</div></body></html>`, side, side, c.SVG())
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
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := qrscan.Cut(img); err != nil || got != sampleURL {
		t.Errorf("the screenshot decodes to %q (%v), want %q", got, err, sampleURL)
	}
	switch got, err := qrscan.Zbar(shot); {
	case err == exec.ErrNotFound:
	case err != nil || len(got) != 1 || got[0] != sampleURL:
		t.Errorf("zbarimg reads the screenshot as %q (%v), want %q", got, err, sampleURL)
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
