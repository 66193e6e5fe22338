package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// pages are one page of each type, by site path (opened where it is
// served: env.url, env.fileURL).
var pages = []struct{ name, path string }{
	{"home", ""},
	{"office", "phuc-loc/"},
	{"procedure", "phuc-loc/dang-ky-ket-hon/"},
	{"overview", "dang-ky-ket-hon/"},
	{"notice", "van-ha/dang-ky-ket-hon/"}, // an address of an office that closed
	{"notice of a district", "huyen/"},
	{"redirect", "ket-hon/?norefresh"},
	{"404", notFoundPath},
}

// pagesOnDisk is how many of pages, from the first, work opened from disk
// and are laid out for reading.
const pagesOnDisk = 6

// axeTags are the rule sets run: WCAG 2.0, 2.1 and 2.2 at levels A and AA,
// and axe's best practices.
const axeRun = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
	.then(r => r.violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', ')))`

// TestAxe runs axe-core on a page of every type, served under a sub-path
// and opened from disk, at a phone's width: zero violations.
func TestAxe(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	tb.do(t, chromedp.EmulateViewport(360, 800))
	check := func(name, url string) {
		tb.do(t, chromedp.Navigate(url))
		eval[bool](t, tb, e.axe+";true")
		violations := eval[[]string](t, tb, axeRun)
		for _, v := range violations {
			t.Errorf("%s (%s): %s", name, url, v)
		}
		if len(violations) == 0 {
			t.Logf("%s: axe-core found no violations", name)
		}
	}
	for _, p := range pages {
		check(p.name, e.url(p.path))
	}
	for _, p := range pages[:pagesOnDisk] {
		check(p.name+" from disk", e.fileURL(p.path))
	}
	// With results found, with none, and with the address shown to share
	// (a list of offices searching: TestCommunePicker).
	for _, tc := range []struct{ name, url, q string }{
		{"home, searching", e.http, "ket hon"},
		{"home, finding nothing", e.http, "khong co gi"},
		{"home, finding an office by a former unit's name", e.http, "vong xuyen"},
	} {
		tb.do(t, chromedp.Navigate(tc.url), chromedp.SendKeys(chromedp.CSS("#q"), tc.q))
		eval[bool](t, tb, e.axe+";true")
		for _, v := range eval[[]string](t, tb, axeRun) {
			t.Errorf("%s: %s", tc.name, v)
		}
	}
	tb.do(t, chromedp.Navigate(e.url("phuc-loc/dang-ky-ket-hon/")))
	eval[bool](t, tb, `navigator.share = undefined; document.getElementById('share').click(); true`)
	eval[bool](t, tb, e.axe+";true")
	for _, v := range eval[[]string](t, tb, axeRun) {
		t.Errorf("procedure, address shown to share: %s", v)
	}
	// axe really checks: a button without a name is caught.
	eval[bool](t, tb, `document.querySelector('main').insertAdjacentHTML('beforeend', '<button type=button></button>'); true`)
	if v := eval[[]string](t, tb, axeRun); len(v) != 1 || !strings.HasPrefix(v[0], "button-name:") {
		t.Errorf("axe-core missed a button without a name: %q", v)
	}
}

// TestChecklist ticks a document, reloads, and finds it still ticked;
// the reset clears it. Served under a sub-path and opened from disk.
func TestChecklist(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	for _, open := range []func(string) string{e.url, e.fileURL} {
		url := open("phuc-loc/dang-ky-ket-hon/")
		ticked := func() []bool {
			return eval[[]bool](t, tb, `Array.from(document.querySelectorAll('ul.docs input[type=checkbox]')).map(b => b.checked)`)
		}
		progress := func() string { return eval[string](t, tb, `document.getElementById('docs-progress').textContent`) }
		tb.do(t, chromedp.Navigate(url))
		boxes := ticked()
		if len(boxes) != 3 || slices.Contains(boxes, true) {
			t.Fatalf("%s: checkboxes %v, want 3 unticked", url, boxes)
		}
		if p := progress(); p != "Đã chuẩn bị 0/3 giấy tờ" {
			t.Errorf("%s: progress %q", url, p)
		}
		// Tick by tapping the document's name, as a citizen would.
		tb.do(t, chromedp.Click(chromedp.CSS(`ul.docs li:nth-child(2) label .dn`)))
		tb.do(t, chromedp.Reload())
		if got := ticked(); !slices.Equal(got, []bool{false, true, false}) {
			t.Errorf("%s: after reload %v, want the second ticked", url, got)
		}
		if p := progress(); p != "Đã chuẩn bị 1/3 giấy tờ" {
			t.Errorf("%s: progress %q after reload", url, p)
		}
		// Ticks belong to the page: another procedure starts unticked.
		other := open("phuc-loc/dang-ky-khai-tu/")
		tb.do(t, chromedp.Navigate(other))
		if got := ticked(); slices.Contains(got, true) {
			t.Errorf("%s: ticks %v carried over from another page", other, got)
		}
		tb.do(t, chromedp.Navigate(url), chromedp.Click(chromedp.CSS("#docs-reset")), chromedp.Reload())
		if got := ticked(); slices.Contains(got, true) {
			t.Errorf("%s: after reset and reload %v", url, got)
		}
	}
}

// TestStorageRefused loads the procedure page where localStorage throws,
// as in some in-app browsers: the checklist still works, without errors.
func TestStorageRefused(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	tb.do(t, devtools(page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError') }})`,
	}))
	tb.do(t, chromedp.Navigate(e.url("phuc-loc/dang-ky-ket-hon/")), chromedp.Click(chromedp.CSS(`ul.docs li:first-child label`)))
	if p := eval[string](t, tb, `document.getElementById('docs-progress').textContent`); p != "Đã chuẩn bị 1/3 giấy tờ" {
		t.Errorf("progress %q with storage refused", p)
	}
}

// TestWithoutScript loads pages with JavaScript off: full lists, a plain
// list of documents, and no control that would not work (the search
// form's button leads to the complete list: TestSearchWithoutScript).
func TestWithoutScript(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	tb.do(t, devtools(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}))
	tb.do(t, chromedp.Navigate(e.http))
	// Every procedure, and every office that handles one.
	if n := eval[int](t, tb, `Array.from(document.querySelectorAll('li[data-k]')).filter(li => li.offsetParent !== null).length`); n != 3+5 {
		t.Errorf("home without script shows %d items, want 8", n)
	}
	if eval[bool](t, tb, `document.getElementById('share').offsetParent !== null`) {
		t.Errorf("home without script shows the share button")
	}
	tb.do(t, chromedp.Navigate(e.url("phuc-loc/dang-ky-ket-hon/")))
	if n := eval[int](t, tb, `document.querySelectorAll('ul.docs input').length`); n != 0 {
		t.Errorf("%d checkboxes without script", n)
	}
	if n := eval[int](t, tb, `Array.from(document.querySelectorAll('ul.docs li')).filter(li => li.offsetParent !== null).length`); n != 3 {
		t.Errorf("%d documents shown without script, want 3", n)
	}
	if eval[bool](t, tb, `document.getElementById('docs-reset').offsetParent !== null`) {
		t.Error("the reset button shows without script")
	}
}

// TestLayout loads each page type at 360 px (taking screenshots), at
// 320 px, at 640 px with 200 % zoom (as a 1280 px window zoomed), and at
// 360 and 320 px with the text at 200 % (the phone's text size, which
// makes Chromium's default font 32 px): no horizontal scrolling, not even
// of the long words of the header's domain, no layout shift, tap targets
// of at least 24 px.
func TestLayout(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	for _, p := range pages[:pagesOnDisk] {
		for _, vp := range []struct {
			w, h int64
			zoom float64
			font int64
		}{{360, 800, 1, 16}, {320, 640, 1, 16}, {1280, 800, 2, 16}, {360, 800, 1, largeFontSize}, {320, 640, 1, largeFontSize}} {
			tb.do(t, chromedp.EmulateViewport(vp.w, vp.h), largeText(vp.font), chromedp.Navigate(e.url(p.path)))
			where := p.name + " at " + strconv.FormatInt(vp.w, 10) + " px"
			// A page that moves as it loads scores 0.1 or more (Google
			// counts under 0.1 as good). Under load, a shift of a few
			// thousandths is the emulated viewport settling after the
			// first paint, not the page: 0.01 tells the two apart.
			if shift := eval[float64](t, tb, layoutShift); shift > 0.01 {
				t.Errorf("%s: layout shift %.4f while loading", where, shift)
			}
			if vp.zoom != 1 {
				eval[bool](t, tb, `document.documentElement.style.zoom = '200%'; true`)
				where += ", zoomed 200 %"
			}
			if vp.font != 16 {
				where += ", text 200 %"
			}
			if sw, cw := eval[int](t, tb, `document.documentElement.scrollWidth`), eval[int](t, tb, `document.documentElement.clientWidth`); sw > cw {
				t.Errorf("%s: scrolls sideways (%d px of content in %d)", where, sw, cw)
			}
			if r, cw := eval[int](t, tb, `Math.ceil(document.querySelector('.top .host').getBoundingClientRect().right)`), eval[int](t, tb, `document.documentElement.clientWidth`); r > cw {
				t.Errorf("%s: the domain in the header overflows (%d px in %d)", where, r, cw)
			}
			for _, small := range eval[[]string](t, tb, smallTargets) {
				t.Errorf("%s: tap target %s", where, small)
			}
			if *shots != "" && vp.zoom == 1 {
				name := fmt.Sprintf("%s-%d", p.name, vp.w)
				if vp.font != 16 {
					name += "-text200"
				}
				shot(t, tb, name, vp.w, vp.h)
			}
		}
	}
	tb.do(t, largeText(16))
}

// layoutShift sums the page's layout shifts since it started loading.
const layoutShift = `new Promise(done => {
	let sum = 0;
	new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) sum += e.value }).observe({type: 'layout-shift', buffered: true});
	setTimeout(() => done(sum), 300);
})`

// smallTargets lists the controls smaller than 24×24 CSS pixels, links
// inside running text excepted (WCAG 2.5.8 exempts them).
const smallTargets = `Array.from(document.querySelectorAll('button, input, .btn, .list a, .crumbs a, header a, label'))
	.filter(el => el.offsetParent !== null)
	.map(el => [el, el.getBoundingClientRect()])
	.filter(([el, r]) => r.width < 24 || r.height < 24)
	.map(([el, r]) => el.outerHTML.slice(0, 80) + ' is ' + Math.round(r.width) + '×' + Math.round(r.height))`

// shot saves a screenshot of the viewport (PNG) and of the whole page
// (JPEG). The whole page is taken through a viewport as tall as the page
// (at most maxShot px), then the viewport is put back: Chromium's
// capture beyond the viewport lays the page out again and loses the
// default font size of large text.
func shot(t *testing.T, tb *tab, name string, w, h int64) {
	t.Helper()
	if err := os.MkdirAll(*shots, 0o755); err != nil {
		t.Fatal(err)
	}
	save := func(file string, action chromedp.Action[[]byte]) {
		data, err := chromedp.Run(tb.ctx, action)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*shots, file), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	save(name+".png", chromedp.CaptureScreenshot())
	full := min(int64(eval[int](t, tb, `document.documentElement.scrollHeight`)), maxShot)
	tb.do(t, chromedp.EmulateViewport(w, full))
	save(name+"-full.jpg", func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		q := int64(90)
		r, err := cdp.Call(ctx, tg, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatJpeg, Quality: &q})
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	})
	tb.do(t, chromedp.EmulateViewport(w, h))
}

// maxShot is the tallest screenshot of a whole page taken, in CSS px.
const maxShot = 12000

var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestPrint prints every procedure page of an office on A4: each fits on
// one or two sheets, a handout a citizen can take home.
func TestPrint(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	entries, err := os.ReadDir(filepath.Join(e.out, "phuc-loc"))
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, d := range entries {
		path := "phuc-loc/" + d.Name() + "/"
		if html, _ := os.ReadFile(filepath.Join(e.out, filepath.FromSlash(e.served(path)), "index.html")); !d.IsDir() || strings.Contains(string(html), `http-equiv="refresh"`) {
			continue // not a page, or a redirect
		}
		tb.do(t, chromedp.Navigate(e.url(path)))
		pdf, err := chromedp.Run(tb.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
		if err != nil {
			t.Fatal(err)
		}
		n := len(pdfPage.FindAll(pdf, -1))
		pages++
		if n < 1 || n > 2 {
			t.Errorf("%s prints on %d pages, want 1 or 2", path, n)
		}
		t.Logf("%s prints on %d page(s)", path, n)
		if *shots != "" {
			os.WriteFile(filepath.Join(*shots, "print-"+d.Name()+".pdf"), pdf, 0o644)
		}
	}
	if pages != 5 {
		t.Errorf("printed %d procedure pages, want 5", pages)
	}
}

// TestNotice opens the address a 2023 poster of Xã Vân Hà carries, on a
// small phone: the notice and the button to the page of Xã Phúc Lộc are
// on the first screen, without script and without moving on by itself,
// and the button opens that page, where it is served.
func TestNotice(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	for _, vp := range [][2]int64{{360, 800}, {320, 640}} {
		tb.do(t, chromedp.EmulateViewport(vp[0], vp[1]), chromedp.Navigate(e.url("van-ha/dang-ky-ket-hon/")))
		for _, sel := range []string{".notice", "a.btn"} {
			if !eval[bool](t, tb, `(() => { const r = document.querySelector('`+sel+`').getBoundingClientRect(); return r.height > 0 && r.bottom <= innerHeight })()`) {
				t.Errorf("%d×%d: %s is not on the first screen", vp[0], vp[1], sel)
			}
		}
		if n := eval[int](t, tb, `document.scripts.length`); n != 0 {
			t.Errorf("the notice page has %d scripts", n)
		}
	}
	text := eval[string](t, tb, `document.querySelector('.notice').innerText`)
	for _, want := range []string{"Từ 01/01/2025, xã Vân Hà thuộc xã Nam Hà.", "Từ 01/07/2025, xã Nam Hà thuộc xã Phúc Lộc."} {
		if !strings.Contains(text, want) {
			t.Errorf("the notice says %q, want %q", text, want)
		}
	}
	tb.do(t, chromedp.Sleep(300*time.Millisecond))
	if url := eval[string](t, tb, "location.href"); !strings.HasSuffix(url, "/van-ha/dang-ky-ket-hon/") {
		t.Errorf("the notice moved on by itself to %s", url)
	}
	tb.do(t, chromedp.Click(chromedp.CSS("a.btn")), chromedp.WaitVisible(chromedp.CSS("ul.docs")))
	if url, want := here(t, tb), e.url("phuc-loc/dang-ky-ket-hon/")+"index.html"; url != want {
		t.Errorf("the button opened %s, want %s", url, want)
	}
}

// TestLongAddress opens the pages that have a poster at their own, long
// address, served and from disk: the redirect left there, without
// script, brings the browser to the page where it is served, its short
// address. Held there, the redirect links to that address, is kept out
// of search engines and has no violation axe-core finds.
func TestLongAddress(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	tb.do(t, chromedp.EmulateViewport(360, 800))
	for _, tc := range []struct{ path, sel string }{
		{"phuc-loc/", "#q"},
		{"phuc-loc/dang-ky-ket-hon/", "dl.key"},
	} {
		if e.served(tc.path) == tc.path {
			t.Fatalf("/%s is served at its own address, want its short address", tc.path)
		}
		for _, at := range []struct{ long, want string }{
			{e.http + tc.path, e.url(tc.path) + "index.html"},
			{e.diskURL(tc.path), e.fileURL(tc.path)},
		} {
			tb.do(t, chromedp.Navigate(at.long))
			waitFor(t, tb, `location.href.replace(/\/$/, '/index.html') === `+jsString(at.want)+` && document.readyState === 'complete'`)
			tb.do(t, chromedp.WaitVisible(chromedp.CSS(tc.sel)))
		}
		tb.do(t, chromedp.Navigate(e.http+tc.path+"?norefresh"))
		got := eval[[]string](t, tb, `[document.querySelector('main a').href, document.querySelector('meta[name=robots]')?.content ?? '']`)
		if want := e.url(tc.path) + "index.html"; got[0] != want || got[1] != "noindex" {
			t.Errorf("/%s: the redirect links to %s, robots %q; want %s, noindex", tc.path, got[0], got[1], want)
		}
		eval[bool](t, tb, e.axe+";true")
		for _, v := range eval[[]string](t, tb, axeRun) {
			t.Errorf("/%s, the redirect: %s", tc.path, v)
		}
	}
}
