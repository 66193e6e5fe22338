package build

import (
	"bytes"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"qrboard/internal/lock"
	"qrboard/internal/msg"
	"qrboard/internal/qrscan"
	"qrboard/internal/value"
)

// formFixture is a small real PDF that says it is a test form; no source
// of the sample gives an official form as a file.
const formFixture = "../../testdata/forms/to-khai-mau-thu.pdf"

// withForm copies the sample with the test form in forms/, named by the
// death registration's form, and returns the project and the form's line.
func withForm(t *testing.T) (src string) {
	t.Helper()
	src = copyProject(t, repoRoot)
	writeFile(t, filepath.Join(src, "forms", "to-khai-mau-thu.pdf"), readFile(t, formFixture))
	replaceIn(t, filepath.Join(src, "procedures", "dang-ky-khai-tu.yaml"),
		"      name: Tờ khai đăng ký khai tử (mẫu ban hành kèm Thông tư 04/2020/TT-BTP)\n",
		"      name: Tờ khai đăng ký khai tử (mẫu ban hành kèm Thông tư 04/2020/TT-BTP)\n      file: forms/to-khai-mau-thu.pdf\n")
	return src
}

// formLink returns the text and target of the form's download link on
// page rel, the target as a path in the site.
func formLink(t *testing.T, out, rel string) (text, target string) {
	t.Helper()
	rel, data := served(t, out, rel)
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.DataAtom == atom.A && attr(n, "class") == "dl" {
			u, err := url.Parse(attr(n, "href"))
			if err != nil {
				t.Fatal(err)
			}
			return textOf(n), path.Join(path.Dir(rel), u.Path)
		}
	}
	return "", ""
}

// TestFormFiles attaches a form file to a document of the sample: the
// build publishes it once, at forms/, and every page of the procedure
// links to it from the document's line with its kind and size. A new
// version of the file changes the size on the pages of a rebuild; an
// unchanged one is not written again.
func TestFormFiles(t *testing.T) {
	src := withForm(t)
	out := filepath.Join(t.TempDir(), "site")
	mustBuild(t, Options{Src: src, Out: out, Now: testNow})
	pdf := readFile(t, formFixture)
	for _, rel := range []string{"phuc-loc/dang-ky-khai-tu/index.html", "phuc-tho/dang-ky-khai-tu/index.html"} {
		text, target := formLink(t, out, rel)
		if text != "Tải mẫu (PDF, 1 KB)" || target != "forms/to-khai-mau-thu.pdf" {
			t.Errorf("%s: form link %q to %s, want \"Tải mẫu (PDF, 1 KB)\" to forms/to-khai-mau-thu.pdf", rel, text, target)
		}
	}
	if got := readFile(t, filepath.Join(out, "forms", "to-khai-mau-thu.pdf")); !bytes.Equal(got, pdf) {
		t.Error("the published form differs from the project's")
	}
	if text, _ := formLink(t, out, "phuc-loc/dang-ky-ket-hon/index.html"); text != "" {
		t.Errorf("a procedure without a form file links to %q", text)
	}
	copies := 0
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && filepath.Ext(p) == ".pdf" {
			copies++
		}
		return nil
	})
	if copies != 1 {
		t.Errorf("the site holds %d PDF files: the form is published once, at forms/", copies)
	}

	// Unchanged: not written again. A new version: the pages say its size.
	st, _ := os.Stat(filepath.Join(out, "forms", "to-khai-mau-thu.pdf"))
	mustBuild(t, Options{Src: src, Out: out, Now: testNow})
	if st2, _ := os.Stat(filepath.Join(out, "forms", "to-khai-mau-thu.pdf")); !st2.ModTime().Equal(st.ModTime()) {
		t.Error("an unchanged form was written again")
	}
	writeFile(t, filepath.Join(src, "forms", "to-khai-mau-thu.pdf"), append(pdf, bytes.Repeat([]byte("\n"), 2000)...))
	mustBuild(t, Options{Src: src, Out: out, Now: testNow})
	if text, _ := formLink(t, out, "phuc-loc/dang-ky-khai-tu/index.html"); text != "Tải mẫu (PDF, 3 KB)" {
		t.Errorf("after a new version of the form: %q, want its new size", text)
	}
}

// TestFormFileMissing removes the form file a procedure names: check
// fails, naming the file where the procedure names it.
func TestFormFileMissing(t *testing.T) {
	src := withForm(t)
	os.Remove(filepath.Join(src, "forms", "to-khai-mau-thu.pdf"))
	p, diags := Load(Options{Src: src, Now: testNow, Check: true})
	if p != nil || len(diags) == 0 {
		t.Fatal("check passed without the form file")
	}
	var found bool
	for _, d := range diags {
		if d.Text.ID() == msg.FormMissing {
			found = true
			if d.Pos.File != "procedures/dang-ky-khai-tu.yaml" || d.Pos.Line != 29 || d.Pos.Col != 13 {
				t.Errorf("reported at %s, want procedures/dang-ky-khai-tu.yaml:29:13", d.Pos)
			}
		}
	}
	if !found {
		t.Errorf("no missing-file error in %v", diags.Err())
	}
}

// feedbackOffice gives Xã Phúc Lộc the test addresses of a rating form
// and of where to report wrong information.
func feedbackOffice(t *testing.T, src, reportTo string) {
	t.Helper()
	addToOffice(t, src, "Phúc Lộc", "    survey_url: https://forms.example/danh-gia/phuc-loc\n    report_to: "+reportTo+"\n")
}

// addToOffice adds fields to the entry of the current Xã <name> in the
// project's qrboard.yaml, after its address, the one line that no past
// office's entry shares.
func addToOffice(t *testing.T, src, name, fields string) {
	t.Helper()
	line := "    address: \"TODO: địa chỉ Điểm Phục vụ hành chính công xã " + name + "\"\n"
	replaceIn(t, filepath.Join(src, "qrboard.yaml"), line, line+fields)
}

// reportLink returns the href of page rel's "report wrong information"
// link, "" when it has none.
func reportLink(t *testing.T, out, rel string) string {
	t.Helper()
	for n := range parse(t, out, rel).Descendants() {
		if n.DataAtom == atom.A && textOf(n) == "Báo thông tin sai trên trang này" {
			return attr(n, "href")
		}
	}
	return ""
}

// TestReportLink gives one office an e-mail address, another a form, for
// reports of wrong information: their procedure pages link to it — the
// e-mail with the page's address and the procedure's code filled in —
// and the pages of offices that gave neither have no such link. The
// board of the office with a rating form links to it.
func TestReportLink(t *testing.T) {
	src := copyProject(t, repoRoot)
	feedbackOffice(t, src, "motcua.phucloc@example.gov.vn")
	addToOffice(t, src, "Hát Môn", "    report_to: https://forms.example/bao-sai/hat-mon\n")
	out := filepath.Join(t.TempDir(), "site")
	res := mustBuild(t, Options{Src: src, Out: out, Now: testNow})

	link := reportLink(t, out, "phuc-loc/dang-ky-ket-hon/index.html")
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "mailto" || u.Opaque != "motcua.phucloc@example.gov.vn" {
		t.Fatalf("report link %q (%v), want a mailto: link to Phúc Lộc's address", link, err)
	}
	q := u.Query()
	if subject := q.Get("subject"); subject != "Báo thông tin sai: Đăng ký kết hôn – Xã Phúc Lộc" {
		t.Errorf("subject %q", subject)
	}
	addr := res.Site.URL(res.Site.Where("phuc-loc/dang-ky-ket-hon/")) // where it is served
	if body := q.Get("body"); !strings.Contains(body, "Trang: "+addr+"\n") || !strings.Contains(body, "1.000894") {
		t.Errorf("body %q lacks the page's address or the procedure's code", body)
	}
	if strings.Contains(u.RawQuery, "+") {
		t.Errorf("spaces written as + in %q: mail programs show them as +", u.RawQuery)
	}
	if got := reportLink(t, out, "hat-mon/dang-ky-khai-tu/index.html"); got != "https://forms.example/bao-sai/hat-mon" {
		t.Errorf("Hát Môn's report link %q, want its form", got)
	}
	// Nor on the notices at the addresses of the offices Phúc Lộc took
	// over: they are not its pages.
	for _, rel := range []string{"phuc-tho/dang-ky-ket-hon/index.html", "dang-ky-ket-hon/index.html", "index.html", "vong-xuyen/index.html", "vong-xuyen/dang-ky-ket-hon/index.html"} {
		if got := reportLink(t, out, rel); got != "" {
			t.Errorf("%s: report link %q where none is configured", rel, got)
		}
	}
	// The office's board links to its rating form; others have none.
	for rel, want := range map[string]string{"phuc-loc/index.html": "https://forms.example/danh-gia/phuc-loc", "hat-mon/index.html": "", "vong-xuyen/index.html": ""} {
		var got string
		for n := range parse(t, out, rel).Descendants() {
			if n.DataAtom == atom.A && textOf(n) == "Đánh giá sự phục vụ" {
				got = attr(n, "href")
			}
		}
		if got != want {
			t.Errorf("%s: rating link %q, want %q", rel, got, want)
		}
	}
}

// TestSurveyPoster gives Phúc Lộc a rating form: its print pack gets a
// rating poster, naming its desk, whose code reads as the form's address;
// offices without one get none, nor does an office that closed (print
// makes packs for current offices only), and the sample as it is prints
// no rating poster at all.
func TestSurveyPoster(t *testing.T) {
	for _, tool := range []string{"pdftoppm", "pdftotext", "zbarimg"} {
		qrscan.Need(t, tool)
	}
	src := copyProject(t, repoRoot)
	feedbackOffice(t, src, "motcua.phucloc@example.gov.vn")
	replaceIn(t, filepath.Join(src, "qrboard.yaml"), "  - id: vong-xuyen\n", "  - id: vong-xuyen\n    survey_url: https://forms.example/danh-gia/vong-xuyen\n")
	out, res := printSample(t, src, PrintOptions{})
	if res.Surveys != 1 {
		t.Errorf("%d rating posters, want 1", res.Surveys)
	}
	const form = "https://forms.example/danh-gia/phuc-loc"
	texts := checkPDF(t, filepath.Join(out, "phuc-loc", SurveyFile), "Xã Phúc Lộc", []string{form})
	text := strings.Join(strings.Fields(texts[0]), " ")
	for _, want := range []string{"Đánh giá sự phục vụ", "Xã Phúc Lộc – Điểm Phục vụ hành chính công", "Quét mã để đánh giá sự phục vụ của cán bộ", "forms.example/danh-gia/phuc-loc"} {
		if !strings.Contains(text, want) {
			t.Errorf("the rating poster lacks %q:\n%s", want, texts[0])
		}
	}
	for _, o := range []string{"hat-mon", "phuc-tho"} {
		if _, err := os.Stat(filepath.Join(out, o, SurveyFile)); err == nil {
			t.Errorf("%s, without a rating form, has a rating poster", o)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "vong-xuyen")); err == nil {
		t.Error("an office that closed has a print pack")
	}
	_, res = printSample(t, copyProject(t, repoRoot), PrintOptions{Offices: []string{"phuc-loc"}})
	if res.Surveys != 0 {
		t.Errorf("the sample printed %d rating posters", res.Surveys)
	}
}

// TestNoDeadEnds checks the lists of places to go: home lists only the
// current offices that handle a procedure, never one that closed; and the
// board of one that handles none says so and leads to every procedure.
// The sample has no such office today: built as of 2023 (with the lock
// of then), its district office is one.
func TestNoDeadEnds(t *testing.T) {
	_, out, res := buildSample(t)
	home := string(readFile(t, filepath.Join(out, IndexFile)))
	listedOnly(t, home, res)
	for _, o := range res.Site.Past {
		if strings.Contains(home, `href="`+linkTo(res.Site, "", o.ID+"/")+`"`) && res.Site.Office(o.ID) == nil {
			t.Errorf("home lists %s, which closed on %s", o.ID, o.Until)
		}
	}

	src := copyProject(t, repoRoot)
	writeFile(t, filepath.Join(src, lock.File), readFile(t, lock2023))
	out = filepath.Join(t.TempDir(), "site")
	res = mustBuild(t, Options{Src: src, Out: out, Now: time.Date(2024, 12, 1, 12, 0, 0, 0, value.Vietnam)})
	if o := res.Site.Office("huyen"); o == nil || len(o.Procedures) != 0 {
		t.Fatalf("built as of 2023, the district office is %v, want a current office with no procedures", o)
	}
	listedOnly(t, string(readFile(t, filepath.Join(out, IndexFile))), res)
	var links []string
	for n := range parse(t, out, "huyen/index.html").Descendants() {
		if n.DataAtom == atom.A && n.Parent.DataAtom == atom.P {
			links = append(links, attr(n, "href"))
		}
	}
	if len(links) == 0 || links[0] != "../index.html#thu-tuc" {
		t.Errorf("the empty board's links %q, want one to every procedure", links)
	}
}

// listedOnly checks that home lists exactly the current offices that
// handle a procedure.
func listedOnly(t *testing.T, home string, res *Result) {
	t.Helper()
	for _, o := range res.Site.Offices {
		listed := strings.Contains(home, `href="`+linkTo(res.Site, "", o.ID+"/")+`"`)
		if listed != (len(o.Procedures) > 0) {
			t.Errorf("home lists %s: %v, but it handles %d procedures", o.ID, listed, len(o.Procedures))
		}
	}
}
