package ogimage

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"qrboard/internal/qr"
	"qrboard/internal/qrscan"
)

const pageURL = "https://phuctho.example/trach-my-loc/chung-thuc-ban-sao/"

var card = Card{
	Site:     "Thủ tục hành chính huyện Phúc Thọ",
	Host:     "phuctho.example",
	Title:    "Chứng thực bản sao từ bản chính",
	Subtitle: "Xã Trạch Mỹ Lộc",
	Badge:    "Không chờ, không giấy hẹn",
	Address:  "phuctho.example/trach-my-loc/chung-thuc-ban-sao/",
}

func encode(t testing.TB) *qr.Code {
	code, err := qr.Encode(pageURL, qr.M)
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// TestDraw checks the picture Zalo and Facebook will show: the size they
// want, a small 4-bit PNG, and a QR code a phone can read from it.
func TestDraw(t *testing.T) {
	data := Draw(card, encode(t))
	if update := os.Getenv("OGIMAGE_OUT"); update != "" {
		os.WriteFile(filepath.Join(update, "og.png"), data, 0o644)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
		t.Errorf("size %v, want %d×%d", b.Size(), Width, Height)
	}
	// IHDR: bit depth at byte 24, colour type at byte 25 (3 = paletted).
	if data[24] > 4 || data[25] != 3 {
		t.Errorf("bit depth %d, colour type %d; want a paletted PNG of at most 4 bits", data[24], data[25])
	}
	if len(data) > 40<<10 {
		t.Errorf("%d bytes; a sharing picture should stay under 40 KB", len(data))
	}
	checkCode(t, img, encode(t))
	// Text is drawn in the left part: the title's lines hold dark pixels,
	// with grey shades at their edges (anti-aliasing).
	dark, shades := 0, 0
	p := img.(*image.Paletted)
	for y := textTop; y < textTop+150; y++ {
		for x := margin; x < 600; x++ {
			switch p.ColorIndexAt(x, y) {
			case inkOnWhite[len(inkOnWhite)-1]:
				dark++
			case 0:
			default:
				shades++
			}
		}
	}
	if dark < 2000 || shades < 500 {
		t.Errorf("title area has %d dark and %d grey pixels: is the text drawn?", dark, shades)
	}
}

// TestLongTextStaysInside draws the longest title a procedure file allows:
// it is wrapped and cut, and never runs over the QR code.
func TestLongTextStaysInside(t *testing.T) {
	long := card
	long.Title = "Cấp bản sao trích lục hộ tịch, bản sao Giấy khai sinh, Giấy chứng nhận kết hôn đã đăng ký"
	long.Subtitle = "Ủy ban nhân dân xã Trạch Mỹ Lộc, huyện Phúc Thọ, thành phố Hà Nội — Bộ phận Một cửa"
	long.Site = "Cổng thông tin thủ tục hành chính của Ủy ban nhân dân huyện Phúc Thọ, thành phố Hà Nội"
	code := encode(t)
	data := Draw(long, code)
	img, _ := png.Decode(bytes.NewReader(data))
	checkCode(t, img, code)
	// The code's quiet zone and a gap left of it stay white: text never
	// runs into the code.
	p := img.(*image.Paletted)
	r, scale := QRBounds(code)
	for y := bandH; y < Height; y++ {
		for x := r.Min.X - 20; x < r.Min.X+qr.QuietZone*scale; x++ {
			if i := p.ColorIndexAt(x, y); i != 0 {
				t.Fatalf("pixel (%d,%d) left of the code is not white: text runs into the code", x, y)
			}
		}
	}
}

// checkCode reads the code back from the picture: gozxing from the code's
// place, and zbarimg, an independent decoder, from the whole picture as a
// phone's "scan from image" would.
func checkCode(t *testing.T, img image.Image, code *qr.Code) {
	t.Helper()
	r, _ := QRBounds(code)
	sub := img.(*image.Paletted).SubImage(r)
	if got, err := qrscan.Image(sub); err != nil || got != pageURL {
		t.Errorf("the picture's QR code reads %q (%v), want %q", got, err, pageURL)
	}
	path := filepath.Join(t.TempDir(), "og.png")
	var b bytes.Buffer
	png.Encode(&b, img)
	os.WriteFile(path, b.Bytes(), 0o644)
	codes, err := qrscan.Zbar(path)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("zbarimg must run in CI: %v", err)
		}
		t.Logf("zbarimg not available (apt-get install zbar-tools): %v", err)
		return
	}
	if len(codes) != 1 || codes[0] != pageURL {
		t.Errorf("zbarimg reads %q from the whole picture, want %q", codes, pageURL)
	}
}

func TestDrawConcurrent(t *testing.T) {
	code := encode(t)
	want := Draw(card, code)
	done := make(chan []byte)
	for range 8 {
		go func() { done <- Draw(card, code) }()
	}
	for range 8 {
		if got := <-done; !bytes.Equal(got, want) {
			t.Error("concurrent draws differ")
		}
	}
}

// BenchmarkDraw measures one sharing picture: text, QR code and PNG.
func BenchmarkDraw(b *testing.B) {
	code := encode(b)
	b.ReportAllocs()
	var n int
	for b.Loop() {
		n = len(Draw(card, code))
	}
	b.ReportMetric(float64(n), "bytes/png")
}
