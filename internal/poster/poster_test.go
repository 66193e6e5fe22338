package poster

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"qrboard/internal/qr"
	"qrboard/internal/qrscan"
)

var testDate = time.Date(2026, 11, 27, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600))

const testURL = "https://phuctho.example/trach-my-loc/chung-thuc-chu-ky/"

// testPoster is a poster with the sample's words for chứng thực chữ ký.
func testPoster(t testing.TB, title string) *Poster {
	t.Helper()
	code, err := qr.Encode(testURL, qr.M)
	if err != nil {
		t.Fatal(err)
	}
	return &Poster{
		Authority:   "UBND huyện Phúc Thọ",
		Office:      "Xã Trạch Mỹ Lộc – Bộ phận Một cửa",
		Title:       title,
		Badge:       "Nộp trước 15:00 – nhận kết quả trong ngày",
		Rule:        "Nộp sau 15:00: nhận kết quả ngày làm việc tiếp theo",
		Check:       "Trang chính thức chỉ có địa chỉ phuctho.example – hãy kiểm tra trước khi khai thông tin",
		WidthCheck:  "Mã rộng 13,3 cm: nếu đo thấy nhỏ hơn, hãy in lại ở tỷ lệ 100 %",
		Stamp:       "Dấu của cơ quan",
		Code:        code,
		Address:     testURL,
		Facts:       []Fact{{"Thời gian giải quyết", "Trong ngày"}, {"Lệ phí", "2.000 đồng/trang; từ trang thứ ba 1.000 đồng/trang; tối đa 200.000 đồng/bản"}},
		Instruction: "Quét để xem giấy tờ cần mang, lệ phí, mẫu tờ khai",
		FooterLeft:  "In ngày 27/11/2026",
		FooterRight: "Mã thủ tục 2.000884 · Thông tin cập nhật ngày 27/11/2026",
	}
}

// testSheet is a board sheet of n cells, each leading to its own address.
func testSheet(t testing.TB, n int) (*Sheet, []string) {
	t.Helper()
	names := []string{"Chứng thực bản sao từ bản chính", "Chứng thực chữ ký", "Đăng ký kết hôn", "Đăng ký khai tử", "Cấp bản sao trích lục hộ tịch"}
	s := &Sheet{Authority: "UBND huyện Phúc Thọ", Office: "Xã Trạch Mỹ Lộc", Title: "Danh sách thủ tục hành chính",
		Intro: "Quét mã của thủ tục để xem giấy tờ cần mang, thời gian và lệ phí", FooterLeft: "In ngày 27/11/2026",
		FooterRight: "phuctho.example/trach-my-loc/", PageLabel: "trang %d/%d"}
	var urls []string
	for i := range n {
		url := "https://phuctho.example/trach-my-loc/thu-tuc-" + string(rune('a'+i)) + "/"
		code, err := qr.Encode(url, qr.M)
		if err != nil {
			t.Fatal(err)
		}
		s.Cells = append(s.Cells, Cell{Title: names[i%len(names)], Note: "Không chờ, không giấy hẹn", Code: code})
		urls = append(urls, url)
	}
	return s, urls
}

func makePDF(t testing.TB, p Paper, add func(d *Doc) error) []byte {
	t.Helper()
	d, err := New(p, Info{Title: "Chứng thực chữ ký", Author: "UBND huyện Phúc Thọ", Created: testDate, Generator: "qrboard"})
	if err != nil {
		t.Fatal(err)
	}
	if err := add(d); err != nil {
		t.Fatal(err)
	}
	data, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// vietnamese lists every letter of Vietnamese, in NFC: the base letters
// with their own shapes, and every letter with a tone mark.
func vietnamese() []rune {
	var rs []rune
	rs = append(rs, []rune("AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYaăâbcdđeêghiklmnoôơpqrstuưvxy")...)
	rs = append(rs, []rune("ÀÁÃÈÉÌÍÒÓÕÙÚÝàáãèéìíòóõùúýĨĩŨũ")...)
	for r := rune(0x1EA0); r <= 0x1EF9; r++ { // Latin Extended Additional: Ạ … ỹ
		rs = append(rs, r)
	}
	return append(rs, []rune("₫–…“”")...)
}

// TestVietnameseCoverage reads the embedded fonts with an independent
// parser (golang.org/x/image/font/sfnt) and checks that every Vietnamese
// letter has a glyph with an outline — not just a cmap entry pointing at
// an empty box — and that Missing agrees.
func TestVietnameseCoverage(t *testing.T) {
	for _, face := range faces {
		f, err := sfnt.Parse(face.ttf)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		for _, r := range vietnamese() {
			g, err := f.GlyphIndex(&buf, r)
			if err != nil || g == 0 {
				t.Errorf("%s has no glyph for %q (%U)", face.name, r, r)
				continue
			}
			segs, err := f.LoadGlyph(&buf, g, fixed.I(100), nil)
			if err != nil || len(segs) == 0 {
				t.Errorf("%s: the glyph for %q (%U) is empty: %v", face.name, r, r, err)
			}
		}
	}
	if r, ok := Missing(string(vietnamese())); ok {
		t.Errorf("Missing reports %q (%U)", r, r)
	}
}

func TestMissingGlyph(t *testing.T) {
	p := testPoster(t, "Chứng thực chữ ký 😀")
	_, err := Layout(p, A4)
	var mg *MissingGlyph
	if !errors.As(err, &mg) || mg.Rune != '😀' || mg.Text != p.Title {
		t.Fatalf("Layout: %v, want a MissingGlyph for the emoji in the title", err)
	}
	d, _ := New(A4, Info{Created: testDate})
	if err := d.AddPoster(p); !errors.As(err, &mg) {
		t.Fatalf("AddPoster: %v, want a MissingGlyph", err)
	}
}

// TestWrap checks that lines break between words only and stay within
// the width, and that a word wider than the line is refused.
func TestWrap(t *testing.T) {
	f, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	m := &f.metrics[Bold]
	for _, tc := range []struct {
		text  string
		width float64
		lines int // 0: refused
	}{
		{"Chứng thực chữ ký", 500, 1},
		{"Chứng thực chữ ký", 60, 2},
		{"Chứng thực bản sao từ bản chính", 100, 2},
		{"Đăng   ký\nkhai tử", 500, 2},
		{"Chứngthựcchữkýkhôngdấucách", 50, 0},
	} {
		lines, ok := wrap(m, tc.text, 24, tc.width)
		if ok != (tc.lines > 0) || ok && len(lines) != tc.lines {
			t.Errorf("wrap(%q, %v mm) = %q, %v; want %d lines", tc.text, tc.width, lines, ok, tc.lines)
		}
		if !ok {
			continue
		}
		if strings.Join(lines, " ") != strings.Join(strings.Fields(tc.text), " ") {
			t.Errorf("wrap(%q) = %q: words changed", tc.text, lines)
		}
		for _, l := range lines {
			if w := m.width(l, 24); w > tc.width {
				t.Errorf("wrap(%q): line %q is %.1f mm wide, more than %v", tc.text, l, w, tc.width)
			}
		}
	}
}

// TestTitleShrinks checks that a long title is set smaller than a short
// one, on every paper, and that a title too long for any size is refused.
func TestTitleShrinks(t *testing.T) {
	long := "Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)"
	for _, p := range Papers {
		short, err := Layout(testPoster(t, "Chứng thực chữ ký"), p)
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		full, err := Layout(testPoster(t, long), p)
		if err != nil {
			t.Fatalf("%s: the full name does not fit: %v", p.Name, err)
		}
		if full.TitleSize >= short.TitleSize || full.TitleSize < titleStyle.min*p.Scale() {
			t.Errorf("%s: title %.1f pt, short title %.1f pt", p.Name, full.TitleSize, short.TitleSize)
		}
	}
	_, err := Layout(testPoster(t, strings.Repeat(long+" ", 4)), A4)
	var tl *TooLong
	if !errors.As(err, &tl) || tl.What != "title" {
		t.Errorf("a title four times the longest name: %v, want TooLong", err)
	}
}

var (
	streamRE = regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)
	pathRE   = regexp.MustCompile(`(?s)re n\n((?:[\d.]+ [\d.]+ m [\d.]+ [\d.]+ l [\d.]+ [\d.]+ l [\d.]+ [\d.]+ l h\n)+)f\n`)
)

// contentStreams returns the decompressed streams of a PDF.
func contentStreams(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	for _, m := range streamRE.FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue // not compressed, or not Flate
		}
		data, err := io.ReadAll(r)
		if err == nil {
			out = append(out, string(data))
		}
	}
	return out
}

// TestCodeIsOnePath reads a poster's page content back and checks that
// the code is drawn as one path, filled once, with one rectangle per dark
// run: no seams between modules.
func TestCodeIsOnePath(t *testing.T) {
	p := testPoster(t, "Chứng thực chữ ký")
	pdf := makePDF(t, A4, func(d *Doc) error { return d.AddPoster(p) })
	runs := 0
	p.Code.Runs(func(x, y, n int) { runs++ })
	found := 0
	for _, s := range contentStreams(t, pdf) {
		for _, m := range pathRE.FindAllStringSubmatch(s, -1) {
			found++
			if n := strings.Count(m[1], " h\n"); n != runs {
				t.Errorf("the code's path has %d rectangles, want %d runs", n, runs)
			}
		}
	}
	if found != 1 {
		t.Errorf("%d code paths on the page, want 1", found)
	}
}

// TestDeterministic makes the same document twice: the bytes are equal
// and the creation date is the one given, not the clock's.
func TestDeterministic(t *testing.T) {
	make := func() []byte {
		sheet, _ := testSheet(t, 8)
		return makePDF(t, A4, func(d *Doc) error {
			if err := d.AddPoster(testPoster(t, "Chứng thực chữ ký")); err != nil {
				return err
			}
			return d.AddSheet(sheet)
		})
	}
	a, b := make(), make()
	if !bytes.Equal(a, b) {
		t.Error("two documents from the same input differ")
	}
	if !bytes.Contains(a, []byte("/CreationDate(D:20261127000000+07'00')")) {
		t.Error("the creation date is not the one given")
	}
}

// TestScan rasterizes posters and sheets on every paper with poppler,
// then reads every code back with gozxing and with zbarimg: each must
// decode to exactly its address. Sheet codes are also cut out of the
// page image by the grid's geometry and read one by one.
func TestScan(t *testing.T) {
	qrscan.Need(t, "pdftoppm")
	qrscan.Need(t, "zbarimg")
	const dpi = 100
	for _, p := range Papers {
		t.Run(p.Name, func(t *testing.T) {
			sheet, urls := testSheet(t, p.grid().cols*p.grid().rows+1)
			pdf := makePDF(t, p, func(d *Doc) error {
				if err := d.AddPoster(testPoster(t, "Chứng thực chữ ký")); err != nil {
					return err
				}
				return d.AddSheet(sheet)
			})
			dir := t.TempDir()
			path := filepath.Join(dir, "test.pdf")
			if err := os.WriteFile(path, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			pages, err := qrscan.RenderPDF(path, dpi, dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) != 3 {
				t.Fatalf("%d pages, want a poster and two sheet pages", len(pages))
			}
			checkScan(t, pages[0], []string{testURL})
			if got, err := qrscan.File(pages[0]); err != nil || got != testURL {
				t.Errorf("poster: gozxing read %q (%v), want %q", got, err, testURL)
			}
			checkScan(t, pages[1], urls[:len(urls)-1])
			checkScan(t, pages[2], urls[len(urls)-1:])
			checkCells(t, p, pages[1:], urls, dpi)
		})
	}
}

// checkScan reads the page image with zbarimg, which reports every code
// in an image.
func checkScan(t *testing.T, png string, want []string) {
	t.Helper()
	got, err := qrscan.Zbar(png)
	if err != nil {
		t.Fatal(err)
	}
	if !sameSet(got, want) {
		t.Errorf("%s: zbarimg read %q, want %q", filepath.Base(png), got, want)
	}
}

// checkCells cuts each code out of its cell and decodes it alone with
// gozxing, module by module.
func checkCells(t *testing.T, p Paper, pages []string, urls []string, dpi float64) {
	t.Helper()
	cells := p.SheetCells()
	px := func(mm float64) int { return int(mm / 25.4 * dpi) }
	for i, url := range urls {
		img := qrscan.ReadImage(t, pages[i/len(cells)])
		code, _ := qr.Encode(url, qr.M)
		c := p.SheetCode(cells[i%len(cells)], code)
		cell := img.SubImage(image.Rect(px(c.X), px(c.Y), px(c.X+c.W), px(c.Y+c.H)))
		got, err := qrscan.Cut(cell)
		if err != nil || got != url {
			t.Errorf("cell %d: gozxing read %q (%v), want %q", i, got, err, url)
		}
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		if seen[s] == 0 {
			return false
		}
		seen[s]--
	}
	return true
}

// BenchmarkPoster makes one poster's PDF, as `qrboard print` does for
// each procedure alone: the rate of posters per second and the size of
// one.
func BenchmarkPoster(b *testing.B) {
	p := testPoster(b, "Chứng thực chữ ký")
	var size int
	for b.Loop() {
		size = len(makePDF(b, A4, func(d *Doc) error { return d.AddPoster(p) }))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posters/s")
	b.ReportMetric(float64(size), "bytes/poster")
}

// BenchmarkLayout lays a poster out without drawing it, as every build
// does for poster.html.
func BenchmarkLayout(b *testing.B) {
	p := testPoster(b, "Chứng thực bản sao từ bản chính")
	for b.Loop() {
		if _, err := Layout(p, A4); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDigitsSameWidth checks that every digit has the same advance in
// every face: a date set on a poster ("27/11/2026") then has the same
// width every day, so a poster laid out on one day is laid out the same on
// any other. Incremental builds rely on it (see package build, inputs.go):
// the print date is not part of a page's key.
func TestDigitsSameWidth(t *testing.T) {
	f, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for i := range f.metrics {
		m := &f.metrics[i]
		zero, ok := m.advance('0')
		for r := '1'; r <= '9' && ok; r++ {
			if w, _ := m.advance(r); w != zero {
				t.Errorf("face %d: %q is %d wide, %q %d", i, r, w, '0', zero)
			}
		}
		if !ok {
			t.Errorf("face %d has no digits", i)
		}
	}
}

// TestPrintAt100 checks that documents ask viewers to print at 100 %,
// and that every object the cross-reference table points to, and the
// table itself, are still where it says once the entry is inserted.
func TestPrintAt100(t *testing.T) {
	d, err := New(A4, Info{Title: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.AddPoster(testPoster(t, "Đăng ký kết hôn")); err != nil {
		t.Fatal(err)
	}
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("/ViewerPreferences << /PrintScaling /None >>")) {
		t.Error("no /PrintScaling /None in the catalog")
	}
	start := bytes.LastIndex(b, []byte("startxref\n"))
	var xref int
	fmt.Sscanf(string(b[start+len("startxref\n"):]), "%d", &xref)
	if !bytes.HasPrefix(b[xref:], []byte("xref\n")) {
		t.Fatalf("startxref %d does not point at the table", xref)
	}
	rows := strings.Split(string(b[xref:]), "\n")[3:] // "xref", "0 N", the free entry
	for i, r := range rows {
		if !strings.HasSuffix(r, " n ") {
			break
		}
		var off int
		fmt.Sscanf(r, "%d", &off)
		if want := fmt.Sprintf("%d 0 obj", i+1); !bytes.HasPrefix(b[off:], []byte(want)) {
			t.Errorf("object %d: offset %d points at %q", i+1, off, b[off:min(off+12, len(b))])
		}
	}
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		path := filepath.Join(t.TempDir(), "p.pdf")
		os.WriteFile(path, b, 0o644)
		if out, err := exec.Command("pdfinfo", path).CombinedOutput(); err != nil || bytes.Contains(out, []byte("rror")) {
			t.Errorf("pdfinfo: %v\n%s", err, out)
		}
	}
}

// TestSheetFields checks that a long board sheet is grouped by field,
// each field from a new page headed with its name, and that a short one
// keeps its order without headings.
func TestSheetFields(t *testing.T) {
	var cells []Cell
	for i := range 14 {
		cells = append(cells, Cell{Field: []string{"Hộ tịch", "Chứng thực"}[i%2], Title: strconv.Itoa(i)})
	}
	s := &Sheet{Cells: cells}
	var got []string
	for _, page := range s.pages(6) {
		var titles []string
		for _, c := range page {
			titles = append(titles, c.Field+":"+c.Title)
		}
		got = append(got, strings.Join(titles, " "))
	}
	want := []string{
		"Hộ tịch:0 Hộ tịch:2 Hộ tịch:4 Hộ tịch:6 Hộ tịch:8 Hộ tịch:10", "Hộ tịch:12",
		"Chứng thực:1 Chứng thực:3 Chứng thực:5 Chứng thực:7 Chứng thực:9 Chứng thực:11", "Chứng thực:13",
	}
	if !slices.Equal(got, want) {
		t.Errorf("long sheet pages:\n%q\nwant\n%q", got, want)
	}
	short := &Sheet{Cells: cells[:7]}
	if p := short.pages(6); len(p) != 2 || p[0][1].Title != "1" || p[0][0].Field != "" {
		t.Errorf("a short sheet: %v", p)
	}
	long, _ := testSheet(t, 14)
	for i := range long.Cells {
		long.Cells[i].Field = cells[i].Field
	}
	pdf := makePDF(t, A4, func(d *Doc) error { return d.AddSheet(long) })
	if _, err := exec.LookPath("pdftotext"); err == nil {
		path := filepath.Join(t.TempDir(), "s.pdf")
		os.WriteFile(path, pdf, 0o644)
		out, _ := exec.Command("pdftotext", "-f", "3", "-l", "3", path, "-").Output()
		if !strings.Contains(string(out), "– Chứng thực") {
			t.Errorf("page 3 is not headed with its field:\n%s", out)
		}
	}
}
