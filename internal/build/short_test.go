package build

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"qrboard/internal/lock"
	"qrboard/internal/qrscan"
	"qrboard/internal/site"
	"qrboard/internal/value"
)

// TestShortAddresses follows every short address the lock records to
// the page it stands for: the page itself, served there at once (its
// canonical link names the short address), and the page's own address
// leads there through a redirect. Each page with a poster has one, and
// its code holds it, upper-cased, as a version 2 code.
func TestShortAddresses(t *testing.T) {
	src, out, res := buildSample(t)
	lk := readLock(t, src)
	shorts := lk.Shorts()
	if want := len(posterPaths(res.Site)); len(shorts) != want {
		t.Errorf("%d short addresses, want %d, one per page with a poster", len(shorts), want)
	}
	for _, sh := range shorts {
		short := strconv.Itoa(sh.N) + "/"
		doc := parseFile(t, filepath.Join(out, short, IndexFile))
		if doc == nil {
			continue
		}
		if refresh(doc) != "" {
			t.Errorf("/%s redirects: a scan would take a second round trip", short)
		}
		if got := landing(t, out, res.Site, short); got != short {
			t.Errorf("/%s lands on /%s, want the page itself", short, got)
		}
		if got := landing(t, out, res.Site, sh.Path[1:]); got != short {
			t.Errorf("%s lands on /%s, want /%s", sh.Path, got, short)
		}
		if pg := res.Site.Page(sh.Path[1:]); pg == nil || pg.At != short {
			t.Errorf("%s: the page %v, want it served at /%s", sh.Path, pg, short)
		}
	}
	pg := "phuc-loc/dang-ky-ket-hon/"
	n := lk.Short("/" + pg)
	got, err := qrscan.SVG(inlineSVG(readPage(t, out, pg+IndexFile)), 4)
	if want := "HTTPS://PHUCTHO.EXAMPLE/" + strconv.Itoa(n) + "/"; err != nil || got != want {
		t.Errorf("/%s: the code reads %q (%v), want %q", pg, got, err, want)
	}
}

// TestShortAddressesMove builds the sample as of December 2024, when 21
// communes had posters, and then as of today with the lock of then: the
// short addresses of the communes that merged lead, like their own
// addresses, through the notice to the same procedure at the office that
// took over.
func TestShortAddressesMove(t *testing.T) {
	src := copyProject(t, repoRoot)
	writeFile(t, filepath.Join(src, lock.File), readFile(t, lock2023))
	mustBuild(t, Options{Src: src, Out: filepath.Join(t.TempDir(), "site"), Now: time.Date(2024, 12, 1, 12, 0, 0, 0, value.Vietnam)})
	then := readLock(t, src).Shorts()
	if len(then) < 21*6 {
		t.Fatalf("%d short addresses as of 2024, want at least 126", len(then))
	}
	out := filepath.Join(t.TempDir(), "site")
	res := mustBuild(t, Options{Src: src, Out: out, Now: testNow})
	moved := 0
	for _, sh := range then {
		short := strconv.Itoa(sh.N) + "/"
		end, want := landing(t, out, res.Site, short), landing(t, out, res.Site, sh.Path[1:])
		if end != want {
			t.Errorf("/%s (%s) lands on /%s, its page's address on /%s", short, sh.Path, end, want)
		}
		if end != res.Site.Where(sh.Path[1:]) { // not its page, where it is served
			moved++
		}
	}
	if moved < 18*6 {
		t.Errorf("%d short addresses moved, want at least 108", moved)
	}
}

func readLock(t *testing.T, src string) *lock.Lock {
	t.Helper()
	lk, diags := lock.Open(src)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return lk
}

// landing follows rel through redirects and notices (their first button)
// to a page and returns the path its canonical link names.
func landing(t *testing.T, out string, s *site.Site, rel string) string {
	t.Helper()
	for range 5 {
		doc := parseFile(t, filepath.Join(out, filepath.FromSlash(rel), IndexFile))
		if doc == nil {
			return ""
		}
		next := refresh(doc)
		if btn := find(doc, "btn"); next == "" && find(doc, "notice") != nil && btn != nil {
			next = attr(btn, "href")
		}
		if next == "" {
			return strings.TrimPrefix(canonical(doc), s.URL(""))
		}
		rel = strings.TrimSuffix(path.Join(rel, next), IndexFile)
		rel = strings.TrimPrefix(rel+"/", "./")
	}
	t.Errorf("/%s: more than 5 hops", rel)
	return ""
}

// links returns the relative href and src values of doc, in order.
func links(doc *html.Node) []string {
	var out []string
	if doc == nil {
		return nil
	}
	for n := range doc.Descendants() {
		for _, k := range []string{"href", "src"} {
			if v := attr(n, k); v != "" && !strings.Contains(v, ":") && !strings.HasPrefix(v, "#") {
				out = append(out, v)
			}
		}
	}
	return out
}

func canonical(doc *html.Node) string {
	for n := range doc.Descendants() {
		if n.DataAtom == atom.Link && attr(n, "rel") == "canonical" {
			return attr(n, "href")
		}
	}
	return ""
}

func parseFile(t *testing.T, name string) *html.Node {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Errorf("%v (a 404)", err)
		return nil
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
