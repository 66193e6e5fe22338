package build

import (
	"bufio"
	"bytes"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"qrboard/internal/lock"
	"qrboard/internal/site"
)

// lock2023 is qrboard.lock as the sample committed it before the 2025
// mergers were recorded (git show a9a84dd:qrboard.lock): every address
// printed on the posters of the 21 communes and the district.
const lock2023 = "testdata/qrboard-2023.lock"

// TestAddressesOf2023 follows every address of 2023 through the built
// sample as a phone would — pages, redirects (their refresh) and notices
// (their first button) — and expects each to end on a page that exists
// and belongs to a current office: a procedure's address on the same
// procedure, an office's on a board. Every notice on the way names the
// old office, the office it leads to and the date.
func TestAddressesOf2023(t *testing.T) {
	src, out, res := buildSample(t)
	old := lockPaths(t, lock2023)
	if len(old) != 1+5+22+21*5 {
		t.Fatalf("%s holds %d addresses, want the 133 of 2023", lock2023, len(old))
	}
	kept := lockPaths(t, filepath.Join(src, lock.File))
	notices := 0
	for _, p := range old {
		if !slices.Contains(kept, p) {
			t.Errorf("qrboard.lock no longer records %s", p)
		}
		notices += follow(t, out, res.Site, strings.TrimPrefix(p, "/"))
	}
	// Every address of the 19 communes and the district whose id no
	// current office took over passes one notice.
	if want := 19*6 + 1; notices != want {
		t.Errorf("%d notices on the way, want %d", notices, want)
	}
}

// follow follows the address start to the page it ends on, checking
// that page and every notice on the way, and returns how many notices
// it passed.
func follow(t *testing.T, out string, s *site.Site, start string) (notices int) {
	t.Helper()
	parts := strings.Split(strings.TrimSuffix(start, "/"), "/")
	rel := start
	for hop := 0; ; hop++ {
		if hop == 5 {
			t.Errorf("/%s: more than 5 hops", start)
			return notices
		}
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel), IndexFile))
		if err != nil {
			t.Errorf("/%s: /%s is not there (a 404): %v", start, rel, err)
			return notices
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		var next string
		switch {
		case refresh(doc) != "":
			next = refresh(doc)
		case find(doc, "notice") != nil:
			notices++
			if btn := find(doc, "btn"); btn != nil {
				next = attr(btn, "href")
			}
			to := servedAt(s, strings.TrimSuffix(path.Join(rel, next), IndexFile))
			checkNotice(t, s, start, textOf(find(doc, "notice")), to)
		default:
			checkEnd(t, s, start, parts, rel)
			return notices
		}
		if next == "" {
			t.Errorf("/%s: /%s leads nowhere", start, rel)
			return notices
		}
		rel = strings.TrimSuffix(path.Join(rel, next), IndexFile) // "phuc-loc/dang-ky-ket-hon/"
	}
}

// checkNotice checks that a notice on the way from start names the old
// office, the office of the page its button leads to (to, nil if none),
// and the day the old office's land passed to it.
func checkNotice(t *testing.T, s *site.Site, start, text string, to *site.Page) {
	t.Helper()
	old := s.PastOffice(strings.Split(start, "/")[0])
	if old == nil {
		t.Errorf("/%s: a notice, but no past office has the id", start)
		return
	}
	last := old.Steps[len(old.Steps)-1]
	for _, want := range []string{unitName(old.Name), last.Date.Vietnamese()} {
		if !strings.Contains(text, want) {
			t.Errorf("/%s: the notice %q does not say %q", start, text, want)
		}
	}
	for _, o := range old.Successors {
		if to != nil && to.Office == o && !strings.Contains(text, unitName(o.Name)) {
			t.Errorf("/%s: the notice %q leads to %s without naming it", start, text, o.Name)
		}
	}
}

// checkEnd checks the page an address of 2023 ends on.
func checkEnd(t *testing.T, s *site.Site, start string, parts []string, rel string) {
	t.Helper()
	pg := servedAt(s, rel)
	switch {
	case pg == nil:
		t.Errorf("/%s ends on /%s, which is no page", start, rel)
	case len(parts) == 2 && (pg.Kind != site.ProcedurePage || pg.Procedure.ID != parts[1]):
		t.Errorf("/%s ends on /%s, not on its procedure", start, rel)
	case pg.Office != nil && !slices.Contains(s.Offices, pg.Office):
		t.Errorf("/%s ends on /%s, a page of an office that closed", start, rel)
	case len(parts) == 1 && s.Config.Office(parts[0]) != nil && pg.Kind != site.Board:
		t.Errorf("/%s, an office's address, ends on /%s", start, rel)
	}
}

// servedAt returns the page served at path rel (site.Page.Served), or nil.
func servedAt(s *site.Site, rel string) *site.Page {
	for _, pg := range s.Pages {
		if pg.Served() == rel {
			return pg
		}
	}
	return nil
}

// unitName returns a name without the word for its kind of unit, as a
// sentence may write it in lower case: "Xã Võng Xuyên" → "Võng Xuyên".
func unitName(name string) string {
	for _, w := range []string{"Xã ", "Thị trấn ", "UBND huyện "} {
		name = strings.TrimPrefix(name, w)
	}
	return name
}

// refresh returns the address a page's meta refresh moves to, or "".
func refresh(doc *html.Node) string {
	for n := range doc.Descendants() {
		if n.DataAtom == atom.Meta && attr(n, "http-equiv") == "refresh" {
			_, url, _ := strings.Cut(attr(n, "content"), "url=")
			return url
		}
	}
	return ""
}

// find returns the first element with class c, or nil.
func find(doc *html.Node, c string) *html.Node {
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && slices.Contains(strings.Fields(attr(n, "class")), c) {
			return n
		}
	}
	return nil
}

// lockPaths reads the paths a lock file records.
func lockPaths(t *testing.T, name string) []string {
	t.Helper()
	var paths []string
	sc := bufio.NewScanner(bytes.NewReader(readFile(t, name)))
	for sc.Scan() {
		if line := sc.Text(); strings.HasPrefix(line, "/") {
			paths = append(paths, line)
		}
	}
	return paths
}

// noticesOf counts the notices of s about procedure id, or about any
// procedure when id is "".
func noticesOf(s *site.Site, id string) int {
	n := 0
	for _, r := range s.Redirects {
		if r.Notice != nil && (r.Notice.Procedure != nil || r.Notice.Gone) && (id == "" || r.Notice.Procedure.ID == id) {
			n++
		}
	}
	return n
}

// TestSampleToday checks what the sample says today: three communes,
// each with its Điểm Phục vụ hành chính công and the former units it
// covers; no page sending citizens to the Hà Nội portal, which no longer
// takes filings; and each procedure filed online at its own page of the
// national portal.
func TestSampleToday(t *testing.T) {
	_, out, res := buildSample(t)
	s := res.Site
	var names []string
	for _, o := range s.Offices {
		names = append(names, o.Name+" – "+o.Desk)
	}
	if want := []string{"Xã Phúc Thọ – Điểm Phục vụ hành chính công", "Xã Phúc Lộc – Điểm Phục vụ hành chính công", "Xã Hát Môn – Điểm Phục vụ hành chính công"}; !slices.Equal(names, want) {
		t.Errorf("offices %q, want %q", names, want)
	}
	board := textOf(parse(t, out, "phuc-loc/index.html"))
	for _, want := range []string{"Trước 01/07/2025: Xã Nam Hà, Xã Vân Phúc, Xã Xuân Đình, Xã Sen Phương, Xã Võng Xuyên", "Trước 01/01/2025: Xã Vân Hà, Xã Vân Nam", "Điểm Phục vụ hành chính công"} {
		if !strings.Contains(board, want) {
			t.Errorf("the board of Xã Phúc Lộc lacks %q", want)
		}
	}
	if strings.Contains(board, "huyện") {
		t.Error("the board of a commune lists the district as a former unit")
	}
	online := map[string]string{}
	for _, p := range s.Pages {
		page := string(readFile(t, filepath.Join(out, filepath.FromSlash(p.Served()), IndexFile)))
		if strings.Contains(page, "dichvucong.hanoi.gov.vn") {
			t.Errorf("/%s sends citizens to dichvucong.hanoi.gov.vn", p.Path)
		}
		if p.Kind != site.ProcedurePage {
			continue
		}
		for n := range parse(t, out, p.Path+IndexFile).Descendants() {
			if n.DataAtom == atom.A && textOf(n) == "Nộp hồ sơ trực tuyến" {
				online[p.Procedure.ID] = attr(n, "href")
			}
		}
	}
	for _, p := range s.Procedures {
		if p.OnlineURL == "" {
			continue
		}
		got := online[p.ID]
		if got != string(p.PortalURL) || !strings.HasPrefix(got, "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/") {
			t.Errorf("%s is filed online at %q, want its page of the national portal %q", p.ID, got, p.PortalURL)
		}
	}
	if len(online) != 2 || online["dang-ky-ket-hon"] == online["trich-luc-ho-tich"] {
		t.Errorf("online links %q, want one page of the portal for each of the 2 procedures filed online", online)
	}
}

// TestNotices builds the sample with the lock of 2023, a procedure that
// Xã Phúc Lộc does not handle and an address of a procedure no longer
// published, and reads what the notices at the old addresses say.
func TestNotices(t *testing.T) {
	src := copyProject(t, repoRoot)
	writeFile(t, filepath.Join(src, lock.File), append(readFile(t, lock2023), "/vong-xuyen/thu-tuc-cu/\n"...))
	replaceIn(t, filepath.Join(src, "procedures", "dang-ky-khai-tu.yaml"), "offices: communes", "offices: [phuc-tho, hat-mon]")
	out := filepath.Join(t.TempDir(), "site")
	res := mustBuild(t, Options{Src: src, Out: out, Now: testNow})
	for _, tc := range []struct {
		path  string
		says  []string
		links []string // the buttons, then the list
	}{
		{"vong-xuyen/dang-ky-ket-hon/", []string{"Từ 01/07/2025, xã Võng Xuyên thuộc xã Phúc Lộc.", "Thủ tục này nay làm tại Điểm Phục vụ hành chính công xã Phúc Lộc."},
			[]string{"../../phuc-loc/dang-ky-ket-hon/index.html"}},
		{"van-ha/dang-ky-ket-hon/", []string{"Từ 01/01/2025, xã Vân Hà thuộc xã Nam Hà.", "Từ 01/07/2025, xã Nam Hà thuộc xã Phúc Lộc."},
			[]string{"../../phuc-loc/dang-ky-ket-hon/index.html"}},
		{"vong-xuyen/dang-ky-khai-tu/", []string{"Từ 01/07/2025, xã Võng Xuyên thuộc xã Phúc Lộc.", "Xã Phúc Lộc không làm thủ tục này."},
			[]string{"../../phuc-loc/index.html", "../../dang-ky-khai-tu/index.html"}},
		{"vong-xuyen/thu-tuc-cu/", []string{"Thủ tục ở địa chỉ này không còn trên trang."},
			[]string{"../../phuc-loc/index.html"}},
		{"huyen/", []string{"Từ 01/07/2025, không còn cấp huyện: UBND huyện Phúc Thọ không còn tiếp nhận hồ sơ; địa bàn của huyện nay thuộc xã Phúc Thọ, xã Phúc Lộc và xã Hát Môn.", "Hồ sơ nay nộp tại xã Phúc Thọ, xã Phúc Lộc và xã Hát Môn."},
			[]string{"../phuc-tho/index.html", "../phuc-loc/index.html", "../hat-mon/index.html"}},
		{"nam-ha/", []string{"Từ 01/07/2025, xã Nam Hà thuộc xã Phúc Lộc."}, []string{"../phuc-loc/index.html"}},
	} {
		doc := parse(t, out, tc.path+IndexFile)
		text := textOf(find(doc, "notice"))
		for _, want := range tc.says {
			if !strings.Contains(text, want) {
				t.Errorf("/%s says %q, want %q", tc.path, text, want)
			}
		}
		var links []string // the buttons and the list, not the way home
		for n := range doc.Descendants() {
			if n.DataAtom == atom.A && n.Parent.DataAtom != atom.Nav && n.Parent.DataAtom != atom.Header && attr(n, "class") != "skip" {
				links = append(links, attr(n, "href"))
			}
		}
		for i, l := range tc.links { // where the pages are served
			tc.links[i] = linkTo(res.Site, tc.path, strings.TrimSuffix(path.Join(tc.path, l), IndexFile))
		}
		if !slices.Equal(links, tc.links) {
			t.Errorf("/%s links to %q, want %q", tc.path, links, tc.links)
		}
		if refresh(doc) != "" || !strings.Contains(string(readFile(t, filepath.Join(out, tc.path, IndexFile))), `<meta name="robots" content="noindex">`) {
			t.Errorf("/%s moves on by itself, or may be indexed", tc.path)
		}
	}
	if rules := string(readFile(t, filepath.Join(out, "_redirects"))); strings.Contains(rules, "vong-xuyen") {
		t.Errorf("_redirects answers an old office's address with a 301, skipping its notice:\n%s", rules)
	}
}
