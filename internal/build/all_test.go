package build

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"qrboard/internal/projecttest"
	"qrboard/internal/qrscan"
	"qrboard/internal/site"
	"qrboard/internal/value"
	"qrboard/internal/version"
)

// repoRoot is the project at the root of the repository: the real sample.
const repoRoot = "../.."

// testNow is the build date of tests, so results do not depend on the day.
var testNow = time.Date(2026, 11, 27, 12, 0, 0, 0, value.Vietnam)

// buildSample copies the sample project to a temporary folder (so the
// repository's lock file is never touched), builds it, and returns the
// project and output folders.
func buildSample(t *testing.T) (src, out string, res *Result) {
	t.Helper()
	src = copyProject(t, repoRoot)
	out = filepath.Join(t.TempDir(), "site")
	res = mustBuild(t, Options{Src: src, Out: out, Now: testNow})
	return src, out, res
}

// copyProject copies the project in dir to a temporary folder.
func copyProject(t testing.TB, dir string) string { return projecttest.Copy(t, dir) }

// snapshot records the files under dir (see projecttest.Snapshot).
func snapshot(t *testing.T, dir string) map[string]string { return projecttest.Snapshot(t, dir) }

func writeFile(t *testing.T, name string, data []byte) { projecttest.WriteFile(t, name, data) }

func mustBuild(t *testing.T, opts Options) *Result {
	t.Helper()
	res, diags, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if res == nil || diags.HasErrors() {
		var b strings.Builder
		diags.Print(&b, "en", "", 0)
		t.Fatalf("build failed:\n%s", b.String())
	}
	return res
}

// TestAll builds the sample and checks the whole output: every page
// parses, every link inside the site resolves, every QR code decodes to
// its page's address, and the counts match the input.
func TestAll(t *testing.T) {
	src, out, res := buildSample(t)
	s := res.Site
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o755 {
		t.Errorf("the output folder: %v, %v; want mode 0755, readable by a web server", st.Mode(), err)
	}
	// The three communes of today; the 21 units of 2023, the three of
	// 1 January 2025 and the district office are past.
	if got, want := len(s.Offices), 3; got != want {
		t.Errorf("%d offices, want %d", got, want)
	}
	if got, want := len(s.Past), 21+3+1; got != want {
		t.Errorf("%d past offices, want %d", got, want)
	}
	if got, want := len(s.Procedures), 5; got != want {
		t.Errorf("%d procedures, want %d", got, want)
	}
	// Home, 3 boards, 3 communes × 5 procedures, 5 procedure overviews.
	if got, want := res.Pages, 1+3+3*5+5; got != want {
		t.Errorf("%d pages, want %d", got, want)
	}
	if res.MaxQRVersion > MaxVersion {
		t.Errorf("QR version %d, want ≤ %d", res.MaxQRVersion, MaxVersion)
	}
	lk := readLock(t, src)
	proj, diags := Load(Options{Src: src, Now: testNow})
	if proj == nil {
		t.Fatal(diags.Err())
	}
	for _, p := range s.Pages {
		checkPage(t, out, p.Served()+IndexFile)
		want := codeURL(s, p) // the short address of a page with a poster
		if short := shortPath(lk, p); short != p.At {
			t.Errorf("/%s is served at /%s, want its short address /%s", p.Path, p.At, short)
		}
		data := readFile(t, filepath.Join(out, filepath.FromSlash(p.Served()+IndexFile)))
		if got, err := qrscan.SVG(inlineSVG(data), 4); err != nil || got != want {
			t.Errorf("/%s%s: its code decodes to %q (%v), want %q", p.Served(), IndexFile, got, err, want)
		}
		if p.At != "" {
			checkStub(t, out, p)
		}
		checkFiles(t, out, p)
		in, diags, err := proj.preparePage(proj.Site.Page(p.Path))
		if err != nil || diags.HasErrors() {
			t.Fatal(err, diags.Err())
		}
		poster, err := posterFile.make(proj, in)
		if err != nil {
			t.Fatal(err)
		}
		checkPoster(t, out, s, p, poster, want, s.URL(p.Served()))
	}
	for _, name := range []string{"404.html", "sitemap.xml", "robots.txt"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
	}
	checkPage(t, out, "404.html")
	for _, r := range s.Redirects {
		checkPage(t, out, r.From+IndexFile)
	}
	for _, sh := range lk.Shorts() {
		checkPage(t, out, strconv.Itoa(sh.N)+"/"+IndexFile)
	}
	base := s.Config.Base.String()
	sitemap := string(readFile(t, filepath.Join(out, "sitemap.xml")))
	for _, p := range s.Pages {
		if !strings.Contains(sitemap, "<loc>"+base+p.Served()+"</loc>") {
			t.Errorf("sitemap.xml lacks %s", base+p.Served())
		}
		if p.At != "" && strings.Contains(sitemap, "<loc>"+base+p.Path+"</loc>") {
			t.Errorf("sitemap.xml lists %s, a redirect", base+p.Path)
		}
	}
}

// readPage reads the page at rel in the output ("phuc-loc/index.html")
// as a browser shows it: where a page served at its short address left
// a redirect, the page there.
func readPage(t *testing.T, out, rel string) []byte {
	t.Helper()
	_, data := served(t, out, rel)
	return data
}

// served returns the file readPage reads for rel, and its bytes.
func served(t *testing.T, out, rel string) (string, []byte) {
	t.Helper()
	data := readFile(t, filepath.Join(out, filepath.FromSlash(rel)))
	if to := projecttest.StubTarget(data); to != "" {
		rel = path.Join(path.Dir(rel), to)
		data = readFile(t, filepath.Join(out, filepath.FromSlash(rel)))
	}
	return rel, data
}

// linkTo returns the link from the page at from ("vong-xuyen/") to the
// page at to ("phuc-loc/"), where it is served.
func linkTo(s *site.Site, from, to string) string {
	return strings.Repeat("../", strings.Count(from, "/")) + s.Where(to) + IndexFile
}

// inlineSVG returns the first <svg> element of an HTML page.
func inlineSVG(page []byte) []byte {
	i := bytes.Index(page, []byte("<svg"))
	if i < 0 {
		return nil
	}
	svg := page[i:]
	return svg[:bytes.Index(svg, []byte("</svg>"))+len("</svg>")]
}

// checkFiles checks that the folder page p is served from holds its
// files and nothing else: index.html, and the sharing picture but on a
// procedure's page at an office, which shares its procedure's. A page
// served at its short address has left at its own address the redirect
// there, beside its sharing picture. (The site's root also holds the
// site's own files.)
func checkFiles(t *testing.T, out string, p *site.Page) {
	t.Helper()
	image := p.Kind != site.ProcedurePage
	folders := map[string][]string{p.Served(): {IndexFile}}
	if p.At != "" {
		folders[p.Path] = []string{IndexFile}
	}
	if image {
		folders[p.Path] = append(folders[p.Path], OGImageFile)
	}
	for folder, want := range folders {
		entries, err := os.ReadDir(filepath.Join(out, filepath.FromSlash(folder)))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range entries {
			if !e.IsDir() && (folder != "" || e.Name() == IndexFile || e.Name() == OGImageFile) {
				got = append(got, e.Name())
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("/%s holds %q, want %q", folder, got, want)
		}
	}
}

// checkStub checks the redirect a page served at its short address
// leaves at its own: it refreshes at once to the page and links to it,
// and search engines do not index it.
func checkStub(t *testing.T, out string, p *site.Page) {
	t.Helper()
	data := string(readFile(t, filepath.Join(out, filepath.FromSlash(p.Path+IndexFile))))
	target := strings.Repeat("../", strings.Count(p.Path, "/")) + p.At + IndexFile
	for _, want := range []string{`content="0; url=` + target + `"`, `href="` + target + `"`, `name="robots" content="noindex"`} {
		if !strings.Contains(data, want) {
			t.Errorf("/%s: the redirect to /%s lacks %s", p.Path, p.At, want)
		}
	}
}

// pageFileCount returns how many files the pages of s have.
// shortCopies counts the copies of pages at their short addresses in
// the output folder out ("12/index.html").
func shortCopies(t *testing.T, out string) int {
	copies, err := filepath.Glob(filepath.Join(out, "[0-9]*", IndexFile))
	if err != nil {
		t.Fatal(err)
	}
	return len(copies)
}

func pageFileCount(s *site.Site) int {
	n := 0
	for _, pg := range s.Pages {
		n++
		if pg.Kind != site.ProcedurePage {
			n++
		}
	}
	return n
}

// checkPoster checks a page's poster.html, data: it parses, its title is
// the procedure's short name (or the office's name), its inline code
// decodes to the page's address, which is also printed, and no
// placeholder reaches it.
func checkPoster(t *testing.T, out string, s *site.Site, p *site.Page, data []byte, url, shown string) {
	t.Helper()
	rel := p.Path + PosterFile
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	var h1 []string
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.H1 {
			h1 = append(h1, textOf(n))
		}
		for _, key := range []string{"href", "src"} {
			if v := attr(n, key); v != "" {
				checkLink(t, out, rel, n, v)
			}
		}
	}
	want := s.Config.Title
	switch {
	case p.Procedure != nil:
		want = p.Procedure.ShortName
	case p.Office != nil:
		want = p.Office.Name
	}
	if len(h1) != 1 || h1[0] != want {
		t.Errorf("%s: <h1> %q, want %q", rel, h1, want)
	}
	if got, err := qrscan.SVG(inlineSVG(data), 4); err != nil || got != url {
		t.Errorf("%s: code decodes to %q (%v), want %q", rel, got, err, url)
	}
	if shown := strings.TrimPrefix(shown, "https://"); !bytes.Contains(data, []byte(strings.SplitN(shown, "/", 2)[1])) {
		t.Errorf("%s does not print its address %s", rel, shown)
	}
	if bytes.Contains(data, []byte("TODO")) {
		t.Errorf("%s shows a placeholder", rel)
	}
}

// checkPage parses one HTML page and checks that it is a page citizens
// can use: the language set, one h1, no element loaded from elsewhere, and
// every relative link and asset present in the output; and that it names
// the qrboard that made it.
func checkPage(t *testing.T, out, rel string) {
	t.Helper()
	data := readFile(t, filepath.Join(out, filepath.FromSlash(rel)))
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	h1, generators := 0, []string(nil)
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Html:
			if attr(n, "lang") != "vi" {
				t.Errorf("%s: <html lang=%q>, want vi", rel, attr(n, "lang"))
			}
		case atom.H1:
			h1++
		case atom.Meta:
			if attr(n, "name") == "generator" {
				generators = append(generators, attr(n, "content"))
			}
		case atom.Script:
			if attr(n, "src") != "" {
				t.Errorf("%s: external script %q", rel, attr(n, "src"))
			}
		case atom.Link:
			if r := attr(n, "rel"); r == "icon" && attr(n, "href") == "data:," {
				continue // no icon, and no request for /favicon.ico
			} else if r != "canonical" {
				t.Errorf("%s: <link rel=%q> loads something", rel, r)
			}
		}
		for _, key := range []string{"href", "src"} {
			if v := attr(n, key); v != "" {
				checkLink(t, out, rel, n, v)
			}
		}
	}
	if h1 != 1 {
		t.Errorf("%s: %d <h1>, want 1", rel, h1)
	}
	if want := []string{version.Generator()}; !slices.Equal(generators, want) {
		t.Errorf("%s: generator meta tags %q, want %q", rel, generators, want)
	}
}

// checkLink checks that a relative link from page rel resolves to a file
// in the output. Absolute links are allowed only on <a> (links away) and
// on the canonical <link>; 404.html links home absolutely.
func checkLink(t *testing.T, out, rel string, n *html.Node, v string) {
	t.Helper()
	u, err := url.Parse(v)
	if err != nil {
		t.Errorf("%s: bad link %q", rel, v)
		return
	}
	if u.Scheme != "" || u.Host != "" {
		if n.DataAtom != atom.A && n.DataAtom != atom.Link && n.DataAtom != atom.Meta {
			t.Errorf("%s: <%s> loads %q from elsewhere", rel, n.Data, v)
		}
		if !slices.Contains([]string{"https", "http", "tel", "mailto"}, u.Scheme) {
			t.Errorf("%s: link %q has scheme %q", rel, v, u.Scheme)
		}
		return
	}
	if u.Path == "" {
		return // a fragment on the same page
	}
	target := path.Join(path.Dir(rel), u.Path)
	if strings.HasPrefix(target, "..") {
		t.Errorf("%s: link %q leaves the site", rel, v)
		return
	}
	if st, err := os.Stat(filepath.Join(out, filepath.FromSlash(target))); err != nil || st.IsDir() {
		t.Errorf("%s: link %q: no file %s", rel, v, target)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
