package release

import (
	"bytes"
	"net/url"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestGuideHTML turns the real guide into its web page and follows every
// link in it: each goes to a heading of the page (as on GitHub, where the
// guide's links were written), and nothing is loaded from elsewhere.
func TestGuideHTML(t *testing.T) {
	_, page := realGuide(t)
	ids, links, tables := checkGuide(t, page)
	if tables == 0 {
		t.Error("the guide's tables are not tables")
	}
	if len(links) < 10 {
		t.Errorf("%d links between sections, want the table of contents and more", len(links))
	}
	for _, id := range []string{"1-cài-đặt", "7-soạn-tệp-bằng-vs-code-gợi-ý-và-gạch-chân-lỗi", "mở-cửa-sổ-lệnh"} {
		if !ids[id] {
			t.Errorf("no heading with id %q", id)
		}
	}
}

// realGuide returns the repository's guide and its web page.
func realGuide(t *testing.T) (md, page []byte) {
	t.Helper()
	md, err := os.ReadFile("../../docs/huong-dan.md")
	if err != nil {
		t.Fatal(err)
	}
	page, err = GuideHTML(md)
	if err != nil {
		t.Fatal(err)
	}
	return md, page
}

// checkGuide parses the guide's page and checks its links: every link is
// to an id on the page. It returns the ids, the links and the number of
// tables.
func checkGuide(t *testing.T, page []byte) (ids map[string]bool, links []string, tables int) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	ids = map[string]bool{}
	title := ""
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "id":
				ids[a.Val] = true
			case "href":
				links = append(links, a.Val)
			case "src":
				t.Errorf("<%s src=%q> loads something", n.Data, a.Val)
			}
		}
		switch n.DataAtom {
		case atom.Table:
			tables++
		case atom.Title:
			title = n.FirstChild.Data
		}
	}
	if !strings.HasPrefix(title, "Hướng dẫn sử dụng qrboard") {
		t.Errorf("title %q", title)
	}
	for _, l := range links {
		frag, ok := strings.CutPrefix(l, "#")
		if !ok {
			t.Errorf("link %q leaves the guide", l)
			continue
		}
		if f, err := url.PathUnescape(frag); err != nil || !ids[f] {
			t.Errorf("link %q goes to no heading", l)
		}
	}
	return ids, links, tables
}

func TestHeadingIDs(t *testing.T) {
	h := &headingIDs{seen: map[string]int{}}
	for _, tt := range []struct{ heading, id string }{
		{"1. Cài đặt", "1-cài-đặt"},
		{"Đăng ký `khai tử` (mẫu *TK*)", "đăng-ký-khai-tử-mẫu-tk"},
		{"Lỗi", "lỗi"},
		{"Lỗi", "lỗi-1"},
		{"Lỗi", "lỗi-2"},
		{"snake_case and -dash-", "snake_case-and--dash-"},
	} {
		if got := string(h.Generate([]byte(tt.heading), 0)); got != tt.id {
			t.Errorf("%q: id %q, want %q", tt.heading, got, tt.id)
		}
	}
}
