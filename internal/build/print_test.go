package build

import (
	"bytes"
	"cmp"
	"context"
	"encoding/xml"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"qrboard/internal/msg"
	"qrboard/internal/poster"
	"qrboard/internal/procedure"
	"qrboard/internal/qr"
	"qrboard/internal/qrscan"
	"qrboard/internal/site"
	"qrboard/internal/version"
)

// realBase is the address posters are printed with in tests: the
// sample's own, phuctho.example, is refused by print.
const realBase = "https://phuctho.hanoi.gov.vn/"

// printSample prints the sample's packs into a new folder, with realBase
// unless opts says otherwise.
func printSample(t *testing.T, src string, opts PrintOptions) (string, *PrintResult) {
	t.Helper()
	opts.Src, opts.Now = src, testNow
	opts.BaseURL = cmp.Or(opts.BaseURL, realBase)
	if opts.Out == "" {
		opts.Out = filepath.Join(t.TempDir(), "print")
	}
	res, diags, err := Print(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if res == nil {
		var b strings.Builder
		diags.Print(&b, msg.En, "", 0)
		t.Fatalf("print failed:\n%s", b.String())
	}
	return opts.Out, res
}

// TestPrint prints the sample's packs and reads them back as a print
// shop and a citizen would: every poster page, every door poster and
// every board sheet is rasterized by poppler, and each code decodes —
// with zbarimg and with gozxing — to exactly the address of its page.
// The fonts are embedded as subsets, the short names come back out of
// the PDF exactly (NFC), and no placeholder is printed. The sample's
// offices have their reception hours still TODO: Phúc Lộc's are filled
// in here, and only it gets a door poster.
func TestPrint(t *testing.T) {
	for _, tool := range []string{"pdftoppm", "pdftotext", "pdffonts", "pdfinfo", "zbarimg"} {
		qrscan.Need(t, tool)
	}
	src := copyProject(t, repoRoot)
	fillHours(t, src, "phuc-loc")
	out, res := printSample(t, src, PrintOptions{})
	p, _ := Load(Options{Src: src, Now: testNow, BaseURL: realBase})
	s := p.Site
	// Only the 3 current communes: no posters for the offices that closed.
	if res.Offices != 3 || res.Doors != 1 || res.Posters != 3*5 || res.Sheets != 3 || res.Paper != poster.A4 {
		t.Errorf("printed %+v, want 3 offices, 1 door, 15 posters, 3 sheet pages on A4", res)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 1+len(s.Offices) {
		t.Errorf("print folder holds %d entries, want the marker and the 3 current offices", len(entries))
	}
	for _, o := range s.Offices {
		t.Run(o.ID, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(out, o.ID)
			if o.ID == "phuc-loc" {
				checkPDF(t, filepath.Join(dir, DoorFile), o.Name, []string{p.codeURL(s.Page(o.ID + "/"))})
			} else if _, err := os.Stat(filepath.Join(dir, DoorFile)); err == nil {
				t.Errorf("%s, with its hours still TODO, has a door poster", o.ID)
			}
			if len(o.Procedures) == 0 {
				for _, f := range []string{PostersFile, SheetFile} {
					if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
						t.Errorf("%s without procedures has %s", o.ID, f)
					}
				}
				return
			}
			var urls []string
			for _, pr := range o.Procedures {
				urls = append(urls, p.codeURL(s.Page(o.ID+"/"+pr.ID+"/")))
			}
			texts := checkPDF(t, filepath.Join(dir, PostersFile), o.Name, urls)
			for i, pr := range o.Procedures {
				checkPosterText(t, texts[i], pr, s.URL(s.Page(o.ID+"/"+pr.ID+"/").Served()))
			}
			checkSheet(t, filepath.Join(dir, SheetFile), o, urls)
			if o.ID == "phuc-loc" {
				for i, pr := range o.Procedures {
					checkPDF(t, filepath.Join(dir, SinglesDir, pr.ID+".pdf"), o.Name, urls[i:i+1])
				}
			}
		})
	}
}

// fillHours gives office id reception hours in the project in src (the
// sample's are still TODO).
func fillHours(t *testing.T, src, id string) {
	t.Helper()
	name := filepath.Join(src, "qrboard.yaml")
	data := string(readFile(t, name))
	i := strings.Index(data, "  - id: "+id+"\n")
	j := strings.Index(data[i:], `hours: "TODO`)
	if i < 0 || j < 0 {
		t.Fatalf("no TODO hours for %s", id)
	}
	end := i + j + strings.IndexByte(data[i+j:], '\n')
	writeFile(t, name, []byte(data[:i+j]+"hours: Thứ Hai đến thứ Sáu, 8:00–17:00 (giờ thử)"+data[end:]))
}

// checkPDF checks a PDF of posters, one per page in the order of want:
// its metadata, its fonts, and each page's code read by zbarimg and by
// gozxing. It returns the text of each page.
func checkPDF(t *testing.T, path, office string, want []string) []string {
	t.Helper()
	info := run(t, "pdfinfo", path)
	for _, line := range []string{"Author:          UBND các xã Phúc Thọ, Phúc Lộc và Hát Môn (Hà Nội)", "Pages:           " + strconv.Itoa(len(want)), "(A4)", "CreationDate:    Thu Nov 26 17:00:00 2026 UTC", "Producer:        " + version.Generator()} {
		if !strings.Contains(info, line) {
			t.Errorf("%s: pdfinfo lacks %q:\n%s", path, line, info)
		}
	}
	if !regexp.MustCompile(`Title: .*` + regexp.QuoteMeta(office)).MatchString(info) {
		t.Errorf("%s: the title does not name %s:\n%s", path, office, info)
	}
	checkFonts(t, path)
	pages, err := qrscan.RenderPDF(path, 72, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for i, png := range pages {
		codes, err := qrscan.Zbar(png)
		if err != nil || len(codes) != 1 || codes[0] != want[i] {
			t.Errorf("%s page %d: zbarimg read %q (%v), want %q", path, i+1, codes, err, want[i])
		}
		if got, err := qrscan.File(png); err != nil || got != want[i] {
			t.Errorf("%s page %d: gozxing read %q (%v), want %q", path, i+1, got, err, want[i])
		}
		texts = append(texts, run(t, "pdftotext", "-f", strconv.Itoa(i+1), "-l", strconv.Itoa(i+1), path, "-"))
	}
	return texts
}

// checkFonts checks with pdffonts that every font is embedded, a subset
// and mapped back to Unicode.
func checkFonts(t *testing.T, path string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", path)), "\n")
	if len(lines) != 4 { // two header lines, two faces
		t.Errorf("%s: pdffonts:\n%s", path, strings.Join(lines, "\n"))
		return
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if n := len(f); n < 7 || f[n-5] != "yes" || f[n-4] != "yes" || f[n-3] != "yes" || !strings.Contains(f[0], "+") {
			t.Errorf("%s: font not embedded, subset and Unicode-mapped: %s", path, l)
		}
	}
}

// checkPosterText checks what pdftotext reads on a procedure's poster.
func checkPosterText(t *testing.T, text string, pr *procedure.Procedure, url string) {
	t.Helper()
	oneLine := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{pr.ShortName, strings.TrimPrefix(url, "https://"), "Quét để xem giấy tờ cần mang, lệ phí, mẫu tờ khai",
		"In ngày 27/11/2026", "Mã thủ tục " + pr.Code, "Nộp trước 15:00 – nhận kết quả trong ngày",
		"Nộp sau 15:00: nhận kết quả ngày làm việc tiếp theo", "Trang chính thức chỉ có địa chỉ phuctho.hanoi.gov.vn", "Mã rộng 13,3 cm"} {
		if !strings.Contains(oneLine, want) {
			t.Errorf("%s: the poster's text lacks %q:\n%s", url, want, text)
		}
	}
	// The badge and the rule must agree: a poster never promises "no
	// appointment slip" while saying there is one.
	if lower := strings.ToLower(oneLine); strings.Contains(lower, "không giấy hẹn") && strings.Contains(lower, "phiếu hẹn") {
		t.Errorf("%s: the poster says %q and mentions an appointment:\n%s", url, "không giấy hẹn", text)
	}
	if !norm.NFC.IsNormalString(text) {
		t.Errorf("%s: the poster's text is not NFC", url)
	}
	if strings.Contains(text, "TODO") || strings.Contains(text, "\ufffd") {
		t.Errorf("%s: the poster shows a placeholder or a broken character:\n%s", url, text)
	}
}

// checkSheet checks an office's board sheet: zbarimg finds exactly the
// office's codes on its pages, and gozxing reads each code cut out of its
// cell.
func checkSheet(t *testing.T, path string, o *site.Office, urls []string) {
	t.Helper()
	checkFonts(t, path)
	const dpi = 150
	pages, err := qrscan.RenderPDF(path, dpi, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, png := range pages {
		codes, err := qrscan.Zbar(png)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, codes...)
	}
	slices.Sort(all)
	sorted := slices.Sorted(slices.Values(urls))
	if !slices.Equal(all, sorted) {
		t.Errorf("%s: zbarimg read %q, want %q", path, all, sorted)
	}
	cells := poster.A4.SheetCells()
	codes := make([]*qr.Code, len(urls))
	for i, url := range urls {
		codes[i], _ = qr.Encode(url, qr.M)
	}
	for i, url := range urls {
		img := qrscan.ReadImage(t, pages[i/len(cells)])
		c := poster.A4.SheetCode(cells[i%len(cells)], codes[i])
		px := func(mm float64) int { return int(mm / 25.4 * dpi) }
		cell := img.SubImage(image.Rect(px(c.X), px(c.Y), px(c.X+c.W), px(c.Y+c.H)))
		if got, err := qrscan.Cut(cell); err != nil || got != url {
			t.Errorf("%s cell %d: gozxing read %q (%v), want %q", path, i, got, err, url)
		}
	}
	text := run(t, "pdftotext", path, "-")
	for _, pr := range o.Procedures {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), pr.ShortName) {
			t.Errorf("%s lacks %q", path, pr.ShortName)
		}
	}
}

// TestLongestTitleFits sets the longest procedure name of the sample —
// chứng thực chữ ký's full name — as a poster's title on every paper and
// measures, with pdftotext, that each of its words lies within the
// margins and above the badge, and that it reads back whole.
func TestLongestTitleFits(t *testing.T) {
	qrscan.Need(t, "pdftotext")
	src := copyProject(t, repoRoot)
	p, diags := Load(Options{Src: src, Now: testNow})
	if p == nil {
		t.Fatal(diags.Err())
	}
	var longest *site.Page
	for _, pg := range p.Site.Pages {
		if pg.Kind == site.ProcedurePage && (longest == nil || len(pg.Procedure.Name) > len(longest.Procedure.Name)) {
			longest = pg
		}
	}
	if longest.Procedure.ID != "chung-thuc-chu-ky" {
		t.Errorf("the longest name is %s's", longest.Procedure.ID)
	}
	for _, paper := range poster.Papers {
		t.Run(paper.Name, func(t *testing.T) {
			p.Paper = paper
			in, diags, err := p.preparePage(longest)
			if err != nil || diags.HasErrors() {
				t.Fatal(err, diags.Err())
			}
			in.poster.Title = longest.Procedure.Name
			data, err := p.pdf("test", func(d *poster.Doc) error { return d.AddPoster(in.poster) })
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "poster.pdf")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			checkTitleBox(t, path, paper, longest.Procedure.Name, "Nộp")
		})
	}
}

// bboxWord is a word as pdftotext -bbox places it, in pt from the top
// left of the page.
type bboxWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// checkTitleBox finds title's words in the PDF, in order, and checks that
// they lie within the side margins and end above the word next.
func checkTitleBox(t *testing.T, path string, paper poster.Paper, title, next string) {
	t.Helper()
	var doc struct {
		Words []bboxWord `xml:"body>doc>page>word"`
	}
	if err := xml.Unmarshal([]byte(run(t, "pdftotext", "-bbox", path, "-")), &doc); err != nil {
		t.Fatal(err)
	}
	want := strings.Fields(title)
	start := -1
	for i := range doc.Words {
		if i+len(want) <= len(doc.Words) && slices.EqualFunc(doc.Words[i:i+len(want)], want, func(w bboxWord, s string) bool { return w.Text == s }) {
			start = i
			break
		}
	}
	if start < 0 {
		t.Fatalf("the title does not read back whole from the PDF")
	}
	const pt = 72 / 25.4
	sz, k := poster.A4Sizes(), paper.Scale()
	left := sz.Margin * k * pt
	right := paper.W*pt - (sz.Margin+sz.Stamp+sz.Gap)*k*pt // the stamp box is beside the title
	words := doc.Words[start : start+len(want)]
	bottom := 0.0
	for _, w := range words {
		if w.XMin < left-0.5 || w.XMax > right+0.5 {
			t.Errorf("%q at x %.1f–%.1f pt: outside the margins %.1f–%.1f", w.Text, w.XMin, w.XMax, left, right)
		}
		bottom = max(bottom, w.YMax)
	}
	for _, after := range doc.Words[start+len(want):] {
		if after.Text == next {
			if after.YMin < bottom {
				t.Errorf("the title ends at %.1f pt, and %q starts at %.1f pt", bottom, after.Text, after.YMin)
			}
			return
		}
	}
	t.Errorf("no %q after the title", next)
}

// TestPrintDeterministic prints twice: the same bytes in every file.
func TestPrintDeterministic(t *testing.T) {
	src := copyProject(t, repoRoot)
	a, _ := printSample(t, src, PrintOptions{Offices: []string{"phuc-loc", "hat-mon"}})
	b, _ := printSample(t, src, PrintOptions{Offices: []string{"phuc-loc", "hat-mon"}})
	ca, cb := contents(t, a), contents(t, b)
	if len(ca) != len(cb) || len(ca) < 9 {
		t.Fatalf("%d files, then %d", len(ca), len(cb))
	}
	for name, data := range ca {
		if !bytes.Equal(data, cb[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

// TestPrintOptions covers the choices of a print run: a paper size, a
// subset of offices, a misspelt office, an office that closed, and a
// folder that is not ours.
func TestPrintOptions(t *testing.T) {
	src := copyProject(t, repoRoot)
	out, res := printSample(t, src, PrintOptions{Options: Options{Paper: "A3"}, Offices: []string{"phuc-loc"}})
	if res.Offices != 1 || res.Paper != poster.A3 {
		t.Errorf("%+v, want one office on A3", res)
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{".qrboard-print", "phuc-loc"}) {
		t.Errorf("print folder holds %q, want only phuc-loc", names)
	}
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		if info := run(t, "pdfinfo", filepath.Join(out, "phuc-loc", PostersFile)); !strings.Contains(info, "(A3)") {
			t.Errorf("not A3:\n%s", info)
		}
	}

	_, diags, err := Print(context.Background(), PrintOptions{Options: Options{Src: src, Now: testNow, BaseURL: realBase}, Offices: []string{"phuc-locc"}})
	if err != nil || !hasMessage(diags, msg.UnknownOffice) || diags[len(diags)-1].Hint.In(msg.En) != `did you mean "phuc-loc"?` {
		t.Errorf("a misspelt office: %v %v", diags, err)
	}
	_, diags, err = Print(context.Background(), PrintOptions{Options: Options{Src: src, Now: testNow, BaseURL: realBase}, Offices: []string{"vong-xuyen"}})
	if d := diags[len(diags)-1]; err != nil || d.Text.ID() != msg.PastOfficePrinted || d.Hint.In(msg.En) != "write -office phuc-loc" {
		t.Errorf("an office that closed: %v %v", diags, err)
	}
	_, diags, err = Print(context.Background(), PrintOptions{Options: Options{Src: src, Now: testNow, BaseURL: realBase, Out: src}})
	if err != nil || !hasMessage(diags, msg.OutDirIsProject) {
		t.Errorf("printing into the project folder: %v %v", diags, err)
	}
}

// TestPrintRefusesPlaceholders checks that print refuses a base address
// a poster must not carry, writing nothing, and that it warns about one
// outside .gov.vn and about door posters it leaves out.
func TestPrintRefusesPlaceholders(t *testing.T) {
	src := copyProject(t, repoRoot)
	for base, want := range map[string]msg.ID{
		"":                             msg.PrintPlaceholderBase, // the sample's phuctho.example
		"https://phuctho.test/":        msg.PrintPlaceholderBase,
		"https://thu-tuc.invalid/":     msg.PrintPlaceholderBase,
		"https://localhost:8080/":      msg.PrintPlaceholderBase,
		"https://192.168.1.10/":        msg.PrintPlaceholderBase,
		"https://[::1]/":               msg.PrintPlaceholderBase,
		"http://phuctho.hanoi.gov.vn/": msg.PrintInsecureBase,
	} {
		out := filepath.Join(t.TempDir(), "print")
		res, diags, err := Print(context.Background(), PrintOptions{Options: Options{Src: src, Now: testNow, BaseURL: base, Out: out}})
		if err != nil || res != nil || !hasMessage(diags, want) {
			t.Errorf("%q: printed %v (%v), want %v: %v", base, res, err, want, diags)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%q: the print folder was made", base)
		}
	}
	out := filepath.Join(t.TempDir(), "print")
	res, diags, err := Print(context.Background(), PrintOptions{Options: Options{Src: src, Now: testNow, BaseURL: "https://thutuc-phuctho.vn/", Out: out}, Offices: []string{"hat-mon"}})
	if err != nil || res == nil || !hasMessage(diags, msg.BaseNotGov) || !hasMessage(diags, msg.DoorNotPrinted) || res.Doors != 0 {
		t.Errorf("a domain outside .gov.vn: %+v %v %v", res, diags, err)
	}
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}

// TestPosterOrigins checks that a poster knows where each of its texts
// was written, so that one that does not fit is reported there: the
// procedure's file for its name, papers, time and fee, the office's entry
// in qrboard.yaml for its hours; interface strings have no origin.
func TestPosterOrigins(t *testing.T) {
	src := copyProject(t, repoRoot)
	fillHours(t, src, "phuc-loc")
	p, diags := Load(Options{Src: src, Now: testNow, BaseURL: realBase})
	if p == nil {
		t.Fatal(diags.Err())
	}
	in, _, err := p.preparePage(p.Site.Page("phuc-loc/dang-ky-ket-hon/"))
	if err != nil {
		t.Fatal(err)
	}
	pc := in.poster
	for _, c := range []struct{ text, file, field string }{
		{pc.Title, "procedures/dang-ky-ket-hon.yaml", "short_name"},
		{pc.Facts[0].Value, "procedures/dang-ky-ket-hon.yaml", "documents"},
		{pc.Facts[1].Value, "procedures/dang-ky-ket-hon.yaml", "channels: time"},
		{pc.Facts[3].Value, "qrboard.yaml", "hours"},
		{pc.Authority, "qrboard.yaml", "authority"},
	} {
		o, ok := pc.Origins.Of(c.text)
		if !ok || o.Pos.File != c.file || o.Field != c.field {
			t.Errorf("%q comes from %+v (%v), want %s, %s", c.text, o, ok, c.file, c.field)
		}
	}
	if o, ok := pc.Origins.Of(pc.Instruction); ok {
		t.Errorf("the instruction, an interface string, has an origin: %+v", o)
	}
	if pos := p.textPos(pc.Origins, pc.Instruction); pos.File != "templates/lang/vi.yaml" {
		t.Errorf("an interface string is reported at %v", pos)
	}
}
