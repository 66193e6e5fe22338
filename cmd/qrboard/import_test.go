package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"qrboard/internal/procedure"
	"qrboard/internal/qrscan"
)

// runOK runs a qrboard command and returns what it said, failing the
// test if it fails.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var out, errs bytes.Buffer
	if code := run(context.Background(), args, &out, &errs); code != exitOK {
		t.Fatalf("qrboard %s: exit %d\n%s", strings.Join(args, " "), code, errs.String())
	}
	return errs.String()
}

// zeroFee is a fee of nothing: "0 đồng", but not "8.000 đồng".
var zeroFee = regexp.MustCompile(`(^|[^0-9.,])0 đồng`)

// TestImportBuildPrint imports the fixture records into a new project,
// builds and prints it, and reads what citizens would: every page of an
// imported procedure shows the record's code; no note ("Lưu ý") is a
// paper of the checklist; a fee a council sets shows who sets it and to
// ask, and neither "Miễn" nor "0 đồng", on pages (in the box of key
// facts too), printable posters and PDF posters; check names each such
// fee; every page keeps to the 14 KB budget.
func TestImportBuildPrint(t *testing.T) {
	proj := filepath.Join(t.TempDir(), "proj")
	runOK(t, "init", proj)
	runOK(t, "import", "-src", proj, "-now", "2026-07-20", fixtures+"/khai-sinh.json")
	runOK(t, "build", "-src", proj, "-now", "2026-07-20")
	checked := runOK(t, "check", "-src", proj, "-now", "2026-07-20")

	procs, diags := procedure.LoadDir(os.DirFS(proj), procedure.Dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	imported := 0
	for _, p := range procs {
		if p.Imported == nil {
			continue
		}
		imported++
		t.Run(p.ID, func(t *testing.T) {
			pages := pagesOf(t, filepath.Join(proj, "site"), p.ID)
			if len(pages) != 4 { // the pages of the three communes, and the overview
				t.Fatalf("%d pages", len(pages))
			}
			local := p.MainChannel().FeeAwaited()
			for _, page := range pages {
				checkPage(t, page, p, local)
			}
			if local && !strings.Contains(checked, p.File+":") {
				t.Errorf("check says nothing about %s", p.File)
			}
		})
	}
	if imported != 9 {
		t.Fatalf("%d imported procedures, want 9", imported)
	}
	if !strings.Contains(checked, "chưa có mức thu do HĐND cấp tỉnh quy định") {
		t.Error("check does not warn about fees awaiting their local amount")
	}
	if i := strings.Index(checked, "KB khi nén gzip"); i >= 0 { // msg.PageOverBudget
		t.Errorf("pages over the 14 KB budget: %s", checked[strings.LastIndex(checked[:i], "\n")+1:])
	}
	checkPosterPDF(t, proj, "dang-ky-khai-sinh-yeu-to-nuoc-ngoai")
}

// pagesOf returns the pages of procedure id: its page at each office, and
// its overview.
func pagesOf(t *testing.T, site, id string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Name() == "index.html" && filepath.Base(filepath.Dir(p)) == id {
			pages = append(pages, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// checkPage reads one page of p, and the printable poster beside it.
func checkPage(t *testing.T, page string, p *procedure.Procedure, local bool) {
	t.Helper()
	data, err := readServed(page)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	text := textOf(doc)
	if !strings.Contains(text, p.Code) {
		t.Errorf("%s does not show the code %s", page, p.Code)
	}
	checkFactsBox(t, page, doc, p)
	items := checklist(doc)
	if strings.Contains(page, string(filepath.Separator)+"phuc-tho"+string(filepath.Separator)) {
		if len(items) == 0 {
			t.Errorf("%s has no papers to bring", page)
		}
		if len(p.Notes) > 0 && !strings.Contains(text, "Lưu ý") {
			t.Errorf("%s does not show its notes", page)
		}
	}
	for _, item := range items {
		for _, n := range p.Notes {
			if note := firstWords(n.Text); note != "" && strings.Contains(item, note) {
				t.Errorf("%s: a note is a checklist item: %q", page, item)
			}
		}
		if strings.HasPrefix(item, "Lưu ý") {
			t.Errorf("%s: checklist item %q", page, item)
		}
	}
	if !local {
		return
	}
	poster, _ := os.ReadFile(filepath.Join(filepath.Dir(page), "poster.html"))
	for _, s := range []string{text, string(poster)} {
		if strings.Contains(s, "Miễn") || zeroFee.MatchString(s) {
			t.Errorf("%s says the fee is free or nothing", page)
		}
	}
	if !strings.Contains(text, "Theo mức do HĐND cấp tỉnh quy định — hỏi cán bộ") {
		t.Errorf("%s does not say who sets the fee", page)
	}
}

// checkFactsBox reads the box of key facts at the top of a page of p:
// its fee is the main channel's, or for a fee a council sets who sets it
// and to ask (never "Miễn" or "0 đồng"), and it counts and names the
// papers every filing needs, never the notes.
func checkFactsBox(t *testing.T, page string, doc *html.Node, p *procedure.Procedure) {
	t.Helper()
	box := find(doc, func(n *html.Node) bool { return n.Data == "dl" && hasClass(n, "key") })
	if box == nil {
		t.Errorf("%s has no box of key facts", page)
		return
	}
	c := p.MainChannel()
	want := c.Fee
	if c.FeeAwaited() {
		want = "Theo mức do " + c.FeeSetBy + " quy định — hỏi cán bộ"
	}
	fee := find(box, func(n *html.Node) bool { return attr(n, "id") == "le-phi" })
	if fee == nil {
		t.Errorf("%s: the box has no fee", page)
	} else if got := textOf(find(fee, func(n *html.Node) bool { return n.Data == "dd" })); got != want {
		t.Errorf("%s: the box says the fee is %q, want %q", page, got, want)
	}
	required := 0
	for _, d := range p.Documents {
		if !d.Optional {
			required++
		}
	}
	papers := textOf(find(box, func(n *html.Node) bool { return n.Data == "dd" }))
	if required > 0 && !strings.HasPrefix(papers, fmt.Sprintf("%d giấy tờ: ", required)) {
		t.Errorf("%s: the box says %q of the %d papers every filing needs", page, papers, required)
	}
	for _, n := range p.Notes {
		if note := firstWords(n.Text); note != "" && strings.Contains(papers, note) {
			t.Errorf("%s: the box names a note as a paper: %q", page, papers)
		}
	}
}

// find returns the first element under n, n included, that match
// accepts, or nil.
func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n == nil {
		return nil
	}
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, match); f != nil {
			return f
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// checklist returns the texts of the papers on a page: the items of its
// lists of documents, which the page's script turns into a checklist.
func checklist(n *html.Node) []string {
	var items []string
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inDocs bool) {
		if n.Type == html.ElementNode && n.Data == "ul" && hasClass(n, "docs") {
			inDocs = true
		}
		if inDocs && n.Type == html.ElementNode && n.Data == "li" {
			items = append(items, textOf(n))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inDocs)
		}
	}
	walk(n, false)
	return items
}

func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && strings.Contains(" "+a.Val+" ", " "+class+" ") {
			return true
		}
	}
	return false
}

// textOf returns the text of a node, its script and style left out; ""
// for none.
func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func firstWords(s string) string {
	r := []rune(s)
	return string(r[:min(len(r), 50)])
}

// checkPosterPDF prints phuc-tho's posters and reads the PDF poster of a
// procedure whose fee a council sets.
func checkPosterPDF(t *testing.T, proj, id string) {
	qrscan.Need(t, "pdftotext")
	runOK(t, "print", "-src", proj, "-base-url", "https://phuctho.hanoi.gov.vn/", "-now", "2026-07-20", "-office", "phuc-tho")
	out, err := exec.Command("pdftotext", filepath.Join(proj, "print", "phuc-tho", "posters", id+".pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	if !strings.Contains(text, "Theo mức do HĐND cấp tỉnh quy định — hỏi cán bộ") || strings.Contains(text, "Miễn") || zeroFee.MatchString(text) {
		t.Errorf("the poster says: %s", text)
	}
}

// TestReimportSummary imports a record, lets staff enter the local fee,
// then imports a newer version of it: the summary names the national
// facts that changed and the offices whose posters to print again, and
// the local fee stays.
func TestReimportSummary(t *testing.T) {
	proj := filepath.Join(t.TempDir(), "proj")
	runOK(t, "init", proj)
	rec := fixtureRecord(t, "2.000528")
	write := func(name string, v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(proj, "..", name)
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return file
	}
	runOK(t, "import", "-src", proj, "-now", "2026-07-20", write("old.json", rec))

	file := filepath.Join(proj, "procedures", "dang-ky-khai-sinh-yeu-to-nuoc-ngoai.yaml")
	text, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(text), "    fee_set_by: HĐND cấp tỉnh\n", "    fee: 75.000 đồng\n    fee_set_by: HĐND cấp tỉnh\n", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, m := range rec["executionMethods"].([]any) {
		m.(map[string]any)["processingTime"], m.(map[string]any)["processingTimeUnit"] = 3, "WORKING_DAY"
	}
	rec["updatedAt"] = rec["updatedAt"].(float64) + 30*86_400_000
	said := runOK(t, "import", "-src", proj, "-now", "2026-08-20", write("new.json", map[string]any{"code": "OK", "data": rec}))
	for _, want := range []string{
		"qrboard: cập nhật: procedures" + string(filepath.Separator) + "dang-ky-khai-sinh-yeu-to-nuoc-ngoai.yaml — 2.000528: đổi channels[in_person].time, channels[online].time, channels[post].time, unverified\n",
		"dang-ky-khai-sinh-yeu-to-nuoc-ngoai.yaml: điều in trên áp phích đã đổi — in lại áp phích của 3 cơ quan: Xã Phúc Thọ, Xã Phúc Lộc, Xã Hát Môn\n",
		"qrboard: nhập xong: 0 mới, 1 cập nhật, 0 không đổi, 0 bỏ qua",
	} {
		if !strings.Contains(said, want) {
			t.Errorf("the summary does not say %q:\n%s", want, said)
		}
	}
	after, _ := os.ReadFile(file)
	if !strings.Contains(string(after), "fee: 75.000 đồng") || !strings.Contains(string(after), "time: 3 ngày làm việc") {
		t.Errorf("merged badly:\n%s", after)
	}
	t.Log(said)
}

// fixtureRecord returns a fixture record as generic JSON, to change.
func fixtureRecord(t *testing.T, code string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(fixtures + "/khai-sinh.json")
	if err != nil {
		t.Fatal(err)
	}
	var capture struct {
		Records []struct {
			Detail map[string]any `json:"detail"`
		} `json:"records"`
	}
	if err := json.Unmarshal(data, &capture); err != nil {
		t.Fatal(err)
	}
	for _, r := range capture.Records {
		if r.Detail["code"] == code {
			return r.Detail
		}
	}
	t.Fatalf("no fixture record %s", code)
	return nil
}

// TestSkippedCounted counts the records an import skips as asked — of
// another level, internal — and lists them one by one with -v; records
// skipped for a reason staff must act on are always listed.
func TestSkippedCounted(t *testing.T) {
	proj := filepath.Join(t.TempDir(), "proj")
	runOK(t, "init", proj)
	province, internal := fixtureRecord(t, "1.001193"), fixtureRecord(t, "1.003583")
	province["isWard"], province["isProvince"] = false, true
	internal["type"] = "STANDARD_INTERNAL"
	data, err := json.Marshal([]any{province, internal})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(proj, "..", "records.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	said := runOK(t, "import", "-src", proj, "-dry-run", file)
	for _, want := range []string{
		"qrboard: bỏ qua 1 thủ tục: thủ tục nội bộ giữa các cơ quan nhà nước (STANDARD_INTERNAL); nhập cả loại này bằng -internal (-v: từng thủ tục)\n",
		"qrboard: bỏ qua 1 thủ tục: không thực hiện ở cấp xã; nhập cả loại này bằng -all-levels (-v: từng thủ tục)\n",
		"qrboard: nhập xong: 0 mới, 0 cập nhật, 0 không đổi, 2 bỏ qua",
		"qrboard: chạy thử (-dry-run): không ghi tệp nào\n",
	} {
		if !strings.Contains(said, want) {
			t.Errorf("no %q in:\n%s", want, said)
		}
	}
	said = runOK(t, "import", "-src", proj, "-v", "-all-levels", file)
	if !strings.Contains(said, "qrboard: bỏ qua 1.003583 Thủ tục đăng ký khai sinh lưu động: thủ tục nội bộ") ||
		!strings.Contains(said, "qrboard: mới: procedures"+string(filepath.Separator)+"dang-ky-khai-sinh.yaml — 1.001193") {
		t.Errorf("-v, -all-levels:\n%s", said)
	}
}
