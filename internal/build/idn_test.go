package build

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"qrboard/internal/msg"
	"qrboard/internal/qrscan"
)

// TestInternationalDomain builds the sample at a domain with Vietnamese
// letters: the QR codes, links and sitemap carry its ASCII form (xn--),
// which every phone reads, and pages show people its own letters.
func TestInternationalDomain(t *testing.T) {
	src := copyProject(t, repoRoot)
	out := filepath.Join(t.TempDir(), "site")
	res, diags, err := Run(context.Background(), Options{Src: src, Out: out, Now: testNow, BaseURL: "https://PhúcThọ.vn/thu-tuc/"})
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags)
	}
	const ascii, shown = "https://xn--phcth-8ua2654c.vn/thu-tuc/", "https://phúcthọ.vn/thu-tuc/"
	page := "phuc-loc/dang-ky-ket-hon/"
	html := string(readPage(t, out, page+"index.html"))
	// The page shows its poster's code: the short address (see short.go).
	code, err := qrscan.SVG(inlineSVG([]byte(html)), 4)
	if err != nil || !regexp.MustCompile(`^`+regexp.QuoteMeta(ascii)+`[0-9]+/$`).MatchString(code) {
		t.Errorf("the code reads %q (%v), want %q and a number", code, err, ascii)
	}
	served := res.Site.Where(page) // its short address
	for _, want := range []string{`href="` + ascii + served + `"`, "Địa chỉ trang này: " + shown + served, "phúcthọ.vn"} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(html, "%C3") || strings.Contains(html, "%c3") {
		t.Error("the page holds a percent-encoded domain")
	}
	if sitemap := string(readFile(t, filepath.Join(out, "sitemap.xml"))); !strings.Contains(sitemap, "<loc>"+ascii+served+"</loc>") {
		t.Error("the sitemap lacks the ASCII address")
	}
	for _, bad := range []string{"https://phuctho.vn/a/../b/", "https://phuctho.vn/./"} {
		_, diags, _ := Run(context.Background(), Options{Src: src, Out: out + "2", Now: testNow, BaseURL: bad})
		if !hasMessage(diags, msg.BaseDotDot) {
			t.Errorf("%s: accepted", bad)
		}
	}
	if _, err := os.Stat(out + "2"); err == nil {
		t.Error("a refused build wrote a site")
	}
}
