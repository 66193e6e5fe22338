package build

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"qrboard/internal/markdown"
	"qrboard/internal/ogimage"
	"qrboard/internal/qr"
	"qrboard/internal/qrscan"
	"qrboard/internal/site"
)

// parse reads and parses one page of the output.
func parse(t *testing.T, out, rel string) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(readPage(t, out, rel)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// metas returns the page's <meta property|name=… content=…> as a map.
func metas(doc *html.Node) map[string]string {
	m := map[string]string{}
	for n := range doc.Descendants() {
		if n.DataAtom == atom.Meta {
			m[attr(n, "property")+attr(n, "name")] = attr(n, "content")
		}
	}
	return m
}

// TestOpenGraph checks what Zalo and Facebook read when a page is shared:
// title, description from the procedure's summary, absolute addresses of
// the page and of its picture, which exists, is 1200×630 and carries the
// QR code of its page or, on a procedure's page at an office, of the
// procedure's page, whose picture it shares.
func TestOpenGraph(t *testing.T) {
	_, out, res := buildSample(t)
	s := res.Site
	for _, p := range s.Pages {
		rel := p.Served() + IndexFile
		m := metas(parse(t, out, rel))
		url, image := s.URL(p.Served()), s.URL(p.Path+OGImageFile) // its address is where it is served
		if p.Kind == site.ProcedurePage {
			image = s.URL(p.Procedure.ID + "/" + OGImageFile)
		}
		want := map[string]string{
			"og:url":              url,
			"og:locale":           "vi_VN",
			"og:site_name":        s.Config.Title,
			"og:image":            image,
			"og:image:secure_url": image,
			"og:image:type":       "image/png",
			"og:image:width":      "1200",
			"og:image:height":     "630",
		}
		if p.Procedure != nil {
			want["og:description"] = markdown.PlainText(p.Procedure.Summary.HTML)
			want["description"] = want["og:description"]
			if !strings.HasPrefix(m["og:title"], p.Procedure.ShortName) {
				t.Errorf("/%s: og:title %q does not start with the short name", rel, m["og:title"])
			}
		}
		for k, v := range want {
			if m[k] != v {
				t.Errorf("/%s: %s = %q, want %q", rel, k, m[k], v)
			}
		}
		picture := filepath.Join(out, filepath.FromSlash(p.Path), OGImageFile)
		if p.Kind == site.ProcedurePage {
			if _, err := os.Stat(picture); err == nil {
				t.Errorf("/%s%s exists: a procedure's pages share one picture", p.Path, OGImageFile)
			}
			continue
		}
		data := readFile(t, picture)
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil || cfg.Width != ogimage.Width || cfg.Height != ogimage.Height {
			t.Errorf("/%s%s: %v, %d×%d", p.Path, OGImageFile, err, cfg.Width, cfg.Height)
		}
	}
	// The picture's code leads to its page (a few pages: decoding is slow).
	for _, path := range []string{"", "phuc-loc/", "dang-ky-ket-hon/", "trich-luc-ho-tich/"} {
		data := readFile(t, filepath.Join(out, filepath.FromSlash(path), OGImageFile))
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		want := codeURL(s, s.Page(path))
		code, _ := qr.Encode(want, qr.M)
		r, _ := ogimage.QRBounds(code)
		got, err := qrscan.Image(img.(interface {
			SubImage(image.Rectangle) image.Image
		}).SubImage(r))
		if got != want {
			t.Errorf("/%s%s: code reads %q (%v), want %q", path, OGImageFile, got, err, want)
		}
	}
}

// TestEnglishSite builds the sample in English: pages say so to browsers
// and sharing sites, and use the English interface strings.
func TestEnglishSite(t *testing.T) {
	src := copyProject(t, repoRoot)
	replaceIn(t, filepath.Join(src, "qrboard.yaml"), "language: vi", "language: en")
	out := filepath.Join(t.TempDir(), "site")
	mustBuild(t, Options{Src: src, Out: out, Now: testNow})
	doc := parse(t, out, "phuc-loc/dang-ky-ket-hon/index.html")
	if got := attr(doc.FirstChild.NextSibling, "lang"); got != "en" {
		t.Errorf("<html lang=%q>, want en", got)
	}
	if got := metas(doc)["og:locale"]; got != "en_US" {
		t.Errorf("og:locale %q, want en_US", got)
	}
	page := string(readPage(t, out, "phuc-loc/dang-ky-ket-hon/index.html"))
	for _, want := range []string{"What you need", "Share this page", "Clear all ticks", "The official site of UBND các xã Phúc Thọ, Phúc Lộc và Hát Môn"} {
		if !strings.Contains(page, want) {
			t.Errorf("English page lacks %q", want)
		}
	}
}

// TestContactButtons gives one office a phone number and a map link (test
// values): its pages get a call button and a directions link; offices
// whose phone is unknown get neither, nor a tel: link at all.
func TestContactButtons(t *testing.T) {
	src := copyProject(t, repoRoot)
	replaceIn(t, filepath.Join(src, "qrboard.yaml"), "phone: \"TODO: số điện thoại Điểm Phục vụ hành chính công\"",
		"phone: \"024 0000 0000\"\n    map_url: https://maps.example/phuc-tho")
	out := filepath.Join(t.TempDir(), "site")
	mustBuild(t, Options{Src: src, Out: out, Now: testNow})
	buttons := func(rel string) (tel, maps string) {
		for n := range parse(t, out, rel).Descendants() {
			if n.DataAtom == atom.A && attr(n, "class") == "btn" {
				switch h := attr(n, "href"); {
				case strings.HasPrefix(h, "tel:"):
					tel = h
				default:
					maps = h
				}
			}
		}
		return
	}
	for _, rel := range []string{"phuc-tho/index.html", "phuc-tho/dang-ky-ket-hon/index.html"} {
		tel, maps := buttons(rel)
		if tel != "tel:02400000000" || maps != "https://maps.example/phuc-tho" {
			t.Errorf("%s: call %q, directions %q", rel, tel, maps)
		}
	}
	for _, rel := range []string{"phuc-loc/index.html", "phuc-loc/dang-ky-ket-hon/index.html"} {
		if tel, maps := buttons(rel); tel != "" || maps != "" {
			t.Errorf("%s: office without phone or map has call %q, directions %q", rel, tel, maps)
		}
		if page := string(readPage(t, out, rel)); strings.Contains(page, "tel:") {
			t.Errorf("%s: a tel: link without a phone number", rel)
		}
	}
}

// TestTrust checks what lets a citizen trust a page: the site's name and
// domain at the top of every page, the date the facts were checked and
// their sources, and a clear notice on a repealed procedure.
func TestTrust(t *testing.T) {
	src := copyProject(t, repoRoot)
	replaceIn(t, filepath.Join(src, "procedures", "chung-thuc-ban-sao.yaml"), "updated:", "repealed_on: 2026-07-01\nupdated:")
	out := filepath.Join(t.TempDir(), "site")
	res := mustBuild(t, Options{Src: src, Out: out, Now: testNow})
	for _, p := range res.Site.Pages {
		doc := parse(t, out, p.Path+IndexFile)
		var header, main string
		for n := range doc.Descendants() {
			switch n.DataAtom {
			case atom.Header:
				header = textOf(n)
			case atom.Main:
				main = textOf(n)
			}
		}
		if !strings.Contains(header, "phuctho.example") || !strings.Contains(header, res.Site.Config.Title) {
			t.Errorf("/%s: header %q lacks the site's name or domain", p.Path, header)
		}
		empty := p.Office != nil && p.Procedure == nil && len(p.Office.Procedures) == 0 // the district's board lists nothing yet
		if got := strings.Contains(main, "Cập nhật ngày "); got == empty {
			t.Errorf("/%s: last-updated date shown: %v, want %v", p.Path, got, !empty)
		}
		if p.Procedure != nil && !strings.Contains(main, "Nguồn thông tin") {
			t.Errorf("/%s: no sources", p.Path)
		}
		repealed := p.Procedure != nil && p.Procedure.ID == "chung-thuc-ban-sao"
		if got := strings.Contains(main, "Thủ tục này không còn áp dụng từ ngày 01/07/2026."); got != repealed {
			t.Errorf("/%s: repeal notice shown: %v, want %v", p.Path, got, repealed)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "chung-thuc-ban-sao", OGImageFile)); err != nil {
		t.Error(err)
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
