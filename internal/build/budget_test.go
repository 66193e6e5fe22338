package build

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/projecttest"
)

// TestBudget weighs every page of the sample, gzip-compressed with its
// inlined style and script, against the 14 KB budget, and checks that no
// page loads anything from another host: no script, stylesheet, font or
// image from elsewhere. It also holds every page to what a strict
// Content-Security-Policy allows: one <style>, at most one <script>, no
// event-handler or style attributes, no javascript: links.
func TestBudget(t *testing.T) {
	_, out, res := buildSample(t)
	heaviest := Weight{}
	pages := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		data := readFile(t, p)
		n := gzipLen(t, data)
		if n > Budget {
			t.Errorf("%s: %d bytes gzip-compressed, over the budget of %d by %d", rel, n, Budget, n-Budget)
		}
		if n > heaviest.Gzip {
			heaviest = Weight{rel, n}
		}
		checkLoads(t, rel, data)
		pages++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < len(res.Site.Pages) {
		t.Fatalf("weighed %d pages, the site has %d", pages, len(res.Site.Pages))
	}
	t.Logf("heaviest page: /%s, %d bytes gzip-compressed (budget %d)", heaviest.Path, heaviest.Gzip, Budget)
	if res.Heaviest.Gzip == 0 || res.Heaviest.Gzip > heaviest.Gzip {
		t.Errorf("the build reports its heaviest page as %+v; this test found %+v", res.Heaviest, heaviest)
	}
}

// loaders are the elements and attributes through which a page loads
// something; <a> and the canonical <link> only name addresses.
var loaders = map[atom.Atom][]string{
	atom.Script: {"src"}, atom.Link: {"href"}, atom.Img: {"src", "srcset"},
	atom.Source: {"src", "srcset"}, atom.Video: {"src", "poster"}, atom.Audio: {"src"},
	atom.Iframe: {"src"}, atom.Embed: {"src"}, atom.Object: {"data"}, atom.Input: {"src"},
	atom.Image: {"href"},
}

var cssURL = regexp.MustCompile(`(?i)url\(|@import|@font-face`)

func checkLoads(t *testing.T, rel string, data []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	styles, scripts := 0, 0
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Style:
			styles++
			if css := n.FirstChild; css != nil && cssURL.MatchString(css.Data) {
				t.Errorf("%s: the stylesheet loads something: %q", rel, cssURL.FindString(css.Data))
			}
		case atom.Script:
			scripts++
		case atom.Link:
			switch r := attr(n, "rel"); {
			case r == "icon" && attr(n, "href") == "data:,": // no icon, and no request for /favicon.ico
			case r != "canonical":
				t.Errorf("%s: <link rel=%q> loads something", rel, r)
			}
			continue
		}
		for _, key := range loaders[n.DataAtom] {
			if v := attr(n, key); v != "" && elsewhere(v) {
				t.Errorf("%s: <%s %s=%q> loads from another host", rel, n.Data, key, v)
			}
		}
		for _, a := range n.Attr {
			switch {
			case strings.HasPrefix(a.Key, "on"):
				t.Errorf("%s: <%s %s> is an inline event handler", rel, n.Data, a.Key)
			case a.Key == "style":
				t.Errorf("%s: <%s style=%q>: styles belong in style.css", rel, n.Data, a.Val)
			case strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:"):
				t.Errorf("%s: <%s %s=%q>", rel, n.Data, a.Key, a.Val)
			}
		}
	}
	switch {
	case projecttest.StubTarget(data) != "": // the redirect left at the own address of a page served at its short one
		if styles+scripts != 0 {
			t.Errorf("%s: a redirect with %d <style> and %d <script>, want none", rel, styles, scripts)
		}
	case styles != 1 || scripts > 1:
		t.Errorf("%s: %d <style> and %d <script>, want one and at most one", rel, styles, scripts)
	}
}

// elsewhere reports whether a src or href value points to another host.
func elsewhere(v string) bool {
	for _, part := range strings.Split(v, ",") { // srcset lists
		u, err := url.Parse(strings.Fields(part + " x")[0])
		if err != nil || u.Host != "" || u.Scheme != "" && u.Scheme != "data" {
			return true
		}
	}
	return false
}

// TestBudgetWarning makes one procedure's result far too long: build and
// check both warn once, at its file, naming the heaviest page and by how
// much — and so does a rebuild that keeps every page without making it,
// from the weights noted by the build before.
func TestBudgetWarning(t *testing.T) {
	src := copyProject(t, repoRoot)
	var long strings.Builder
	syllables := strings.Fields("giấy tờ bản sao chính xã huyện hộ tịch khai tử kết hôn chứng thực trích lục ngày tháng năm ký tên đóng dấu cán bộ người dân nộp nhận")
	x := uint32(1)
	for range 3000 { // random words and numbers: text that does not compress away
		x = x*1664525 + 1013904223
		fmt.Fprintf(&long, "%s %d ", syllables[x>>16%uint32(len(syllables))], x>>8)
	}
	replaceIn(t, filepath.Join(src, "procedures", "dang-ky-khai-tu.yaml"), "result: Trích lục khai tử.", "result: >-\n  "+long.String())
	cache, kept := t.TempDir(), filepath.Join(t.TempDir(), "site")
	var first string
	var heaviest Weight
	for _, mode := range []string{"build", "check", "first build with a cache", "rebuild keeping every page"} {
		opts := Options{Src: src, Out: filepath.Join(t.TempDir(), "site"), Now: testNow}
		var diags diag.List
		switch mode {
		case "check":
			opts.Check = true
			_, diags = Load(opts)
		default:
			if strings.Contains(mode, "cache") || strings.Contains(mode, "keeping") {
				opts.Out, opts.Cache = kept, cache
			}
			res, d, err := Run(t.Context(), opts)
			if err != nil || res == nil {
				t.Fatal(err, d.Err())
			}
			diags = d
			switch {
			case mode == "build":
				heaviest = res.Heaviest
			case res.Heaviest != heaviest:
				t.Errorf("%s: heaviest page %+v, the build said %+v", mode, res.Heaviest, heaviest)
			}
			if all := pageFileCount(res.Site) + shortCopies(t, opts.Out); mode == "rebuild keeping every page" && res.Files.Kept != all {
				t.Errorf("%s: %d files kept, want every page's %d", mode, res.Files.Kept, all)
			}
		}
		var got []string
		for _, d := range diags {
			if d.Text.ID() == msg.PageOverBudget {
				got = append(got, d.Format(msg.En, ""))
			}
		}
		if len(got) != 1 {
			t.Fatalf("%s: %d budget warnings, want 1: %q", mode, len(got), got)
		}
		for _, want := range []string{"qrboard: procedures/dang-ky-khai-tu.yaml: warning: 3 page(s) weigh more than 14 KB gzip-compressed, the heaviest /", "/dang-ky-khai-tu/: ", " KB over"} {
			if !strings.Contains(got[0], want) {
				t.Errorf("%s: warning %q lacks %q", mode, got[0], want)
			}
		}
		if first == "" {
			first = got[0]
		} else if got[0] != first {
			t.Errorf("%s: warning %q, the build said %q", mode, got[0], first)
		}
	}
}

// gzipLen compresses data as a web server would, at gzip's default level,
// and returns its size: the test's own measure, not the build's.
func gzipLen(t *testing.T, data []byte) int {
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Len()
}
