package browsertest

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"qrboard/internal/build"
	"qrboard/internal/projecttest"
	"qrboard/internal/value"
)

// hostile is a procedure whose text tries every way of running script
// that staff could paste: each attempt would set window.__pwned.
const hostile = `code: "2.000884"
name: "<script>window.__pwned='name'</script> Chứng thực"
short_name: "<img src=x onerror=\"window.__pwned='title'\"> Chứng thực"
field: Chứng thực
level: commune
summary: "{{ .Site }} {{template \"layout\"}} <b onmouseover=\"window.__pwned='b'\">x</b>"
applicants: [Công dân Việt Nam]
documents:
  - name: Giấy tờ tùy thân
    present: true
    note: "<svg onload=\"window.__pwned='svg'\"></svg>"
channels:
  - method: in_person
    time: Trong ngày
    fee: "<script>window.__pwned='fee'</script>"
steps:
  - "Bước 1 <script>window.__pwned='script'</script> xong"
  - "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>"
  - "Ảnh <img src=x onerror=\"window.__pwned='onerror'\"> lỗi"
  - "[Bấm](javascript:window.__pwned='link') và [đây](&#106;avascript:window.__pwned='entity')"
  - "[x](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0nZGF0YSc8L3NjcmlwdD4=) <javascript:window.__pwned='autolink'>"
  - "<a href=\"javascript:window.__pwned='a'\">a</a> <form action=\"https://evil.example\"><button>gửi</button></form>"
result: "<object data=\"javascript:window.__pwned='object'\"></object>"
legal_basis:
  - number: 23/2015/NĐ-CP
offices: [phuc-loc]
updated: 2026-11-27
sources:
  - title: "<style>body{display:none}</style> Nguồn"
`

// watchViolations records, before any of the page's own code runs, every
// Content-Security-Policy violation the page reports.
const watchViolations = `window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
	window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sample || '')));`

// TestHostileContent builds a page from hostile procedure text and loads it
// in Chromium: no attempt runs and the page's policy reports nothing, since
// the build already removed or escaped everything. Then it plants script
// in the built page itself, as a bug in qrboard might, and checks that the
// Content-Security-Policy stops every piece and reports each.
func TestHostileContent(t *testing.T) {
	e := setup(t)
	src := projecttest.Copy(t, filepath.Join("..", ".."))
	projecttest.WriteFile(t, filepath.Join(src, "procedures", "doc-hai.yaml"), []byte(hostile))
	out := filepath.Join(t.TempDir(), "site")
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, value.Vietnam)
	res, diags, err := build.Run(context.Background(), build.Options{Src: src, Out: out, Now: now})
	if err != nil || res == nil {
		t.Fatalf("build: %v %v", err, diags.Err())
	}
	srv := httptest.NewServer(handler(out))
	defer srv.Close()
	served := res.Site.Where("phuc-loc/doc-hai/") // its short address
	url := srv.URL + subPath + served

	tb := e.newTab(t) // fails the test on any console error, CSP reports included
	watch(t, tb.ctx)
	tb.do(t, chromedp.Navigate(url))
	clickAll(t, tb)
	if got := eval[string](t, tb, `String(window.__pwned)`); got != "undefined" {
		t.Errorf("hostile text ran script: __pwned = %s", got)
	}
	if v := eval[[]string](t, tb, `window.__violations`); len(v) > 0 {
		t.Errorf("the page itself broke its policy: %q", v)
	}
	h1 := eval[string](t, tb, `document.querySelector('h1').textContent`)
	if !strings.Contains(h1, `<img src=x onerror=`) {
		t.Errorf("the title is not shown as text: %q", h1)
	}

	// Defence in depth: plant what the build would never write.
	file := filepath.Join(out, filepath.FromSlash(served), "index.html")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	planted := strings.Replace(string(data), "<main id=\"main\">", `<main id="main">`+
		`<script>window.__pwned='planted script'</script>`+
		`<img src="qr.svg" onerror="window.__pwned='planted handler'" onload="window.__pwned='planted handler'">`+
		`<a id="planted" href="javascript:window.__pwned='planted link'">x</a>`+
		`<p style="display:none">planted style</p>`+
		`<script src="https://evil.example/x.js"></script>`, 1)
	if planted == string(data) {
		t.Fatal("no <main> to plant into")
	}
	if err := os.WriteFile(file, []byte(planted), 0o644); err != nil {
		t.Fatal(err)
	}

	// This tab expects violations: they are read from the page, not the console.
	ctx, cancel := chromedp.NewContext(e.browser)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTimeout()
	watch(t, ctx)
	// Another address for the same file: the browser cached the page
	// before the plant, and a file changed within the same second as its
	// Last-Modified would be revalidated as unchanged (304).
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"?planted")); err != nil {
		t.Fatal(err)
	}
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.getElementById('planted')`)); err != nil || !ok {
		t.Fatalf("the browser did not load the planted page (%v)", err)
	}
	chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#planted")))
	pwned, err := chromedp.Run(ctx, chromedp.Evaluate[string](`String(window.__pwned)`))
	if err != nil {
		t.Fatal(err)
	}
	if pwned != "undefined" {
		t.Errorf("planted script ran despite the policy: __pwned = %s", pwned)
	}
	violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__violations`))
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(violations, "\n")
	for _, want := range []string{"script-src-elem inline", "script-src-attr inline", "style-src-attr inline", "script-src-elem https://evil.example/x.js"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no %q violation reported; got:\n%s", want, joined)
		}
	}
	t.Logf("the policy blocked and reported:\n%s", joined)
}

// watch installs the violation recorder in every document the tab opens.
func watch(t *testing.T, ctx context.Context) {
	t.Helper()
	err := chromedp.Do(ctx, devtools(page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchViolations}))
	if err != nil {
		t.Fatal(err)
	}
}

// clickAll clicks every link and button of the main content, giving any
// javascript: link that survived the chance to run.
func clickAll(t *testing.T, tb *tab) {
	t.Helper()
	eval[bool](t, tb, `(() => {
		for (const el of document.querySelectorAll('main a[href], main button')) {
			if (el.getAttribute('href') && !el.getAttribute('href').startsWith('javascript:') && !el.getAttribute('href').startsWith('#')) continue;
			el.click();
		}
		return true;
	})()`)
}
