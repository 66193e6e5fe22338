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

// pages are one page of each type, by site path.
var pages = []struct{ name, path string }{
	{"home", ""},
	{"office", "phuc-loc/"},
	{"procedure", "phuc-loc/dang-ky-ket-hon/"},
	{"overview", "dang-ky-ket-hon/"},
	{"notice", "phuc-loc/dang-ky-ket-hon/"}, // an address of an office that closed
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
		check(p.name, e.http+p.path)
	}
	for _, p := range pages[:pagesOnDisk] {
		check(p.name+" from disk", e.fileURL(p.path))
	}
	// With results filtered, too.
	tb.do(t, chromedp.Navigate(e.http), chromedp.SendKeys(chromedp.CSS("#q"), "ket hon"))
	eval[bool](t, tb, e.axe+";true")
	for _, v := range eval[[]string](t, tb, axeRun) {
		t.Errorf("home, searching: %s", v)
	}
	// axe really checks: a button without a name is caught.
	eval[bool](t, tb, `document.querySelector('main').insertAdjacentHTML('beforeend', '<button type=button></button>'); true`)
	if v := eval[[]string](t, tb, axeRun); len(v) != 1 || !strings.HasPrefix(v[0], "button-name:") {
		t.Errorf("axe-core missed a button without a name: %q", v)
	}
}

// visible returns the links of the list items the search shows.
func visible(t *testing.T, tb *tab) []string {
	return eval[[]string](t, tb, `Array.from(document.querySelectorAll('li[data-k]')).filter(li => li.offsetParent !== null).map(li => li.querySelector('a').getAttribute('href'))`)
}

func search(t *testing.T, tb *tab, q string) []string {
	t.Helper()
	eval[bool](t, tb, `(() => { const q = document.getElementById('q'); q.value = ''; q.dispatchEvent(new Event('input')); return true })()`)
	tb.do(t, chromedp.SendKeys(chromedp.CSS("#q"), q))
	return visible(t, tb)
}

// TestSearch types into the search box of the home page (served under a
// sub-path) and of an office's board (opened from disk), with and without
// Vietnamese marks, and checks which procedures stay on screen.
func TestSearch(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	const (
		marriage   = "dang-ky-ket-hon/"
		death      = "dang-ky-khai-tu/"
		signature  = "chung-thuc-chu-ky/"
		copies     = "chung-thuc-ban-sao/"
		extract    = "trich-luc-ho-tich/"
		everything = "*"
	)
	for _, page := range []struct{ name, url, prefix string }{
		{"home", e.http, ""},
		{"office from disk", e.fileURL("phuc-loc/"), ""},
	} {
		tb.do(t, chromedp.Navigate(page.url))
		all := visible(t, tb)
		if len(all) < 5 {
			t.Fatalf("%s: %d items before searching", page.name, len(all))
		}
		for _, tc := range []struct {
			q         string
			show      []string
			hide      []string
			onlyShown bool
		}{
			{q: "ket hon", show: []string{marriage}, hide: []string{death, signature, copies}},
			{q: "kết hôn", show: []string{marriage}, hide: []string{death, signature, copies}},
			{q: "KẾT HÔN", show: []string{marriage}, hide: []string{death, signature, copies}},
			{q: "dang ky ket hon", show: []string{marriage}, hide: []string{death, signature, copies}},
			{q: "đăng ký kết hôn", show: []string{marriage}, hide: []string{death, signature, copies}},
			{q: "khai tu", show: []string{death}, hide: []string{marriage, signature, copies}},
			{q: "Khai Tử", show: []string{death}, hide: []string{marriage, signature, copies}},
			{q: "1.000894", show: []string{marriage}, onlyShown: true},
			{q: "1000656", show: []string{death}, onlyShown: true},
			{q: "sao y", show: []string{copies}, onlyShown: true},
			{q: "hôn thú", show: []string{marriage}, onlyShown: true},
			{q: "ho tich", show: []string{marriage, death, extract}, hide: []string{signature, copies}},
		} {
			got := search(t, tb, tc.q)
			has := func(suffix string) bool {
				return slices.ContainsFunc(got, func(h string) bool { return strings.HasSuffix(h, suffix+"index.html") })
			}
			for _, s := range tc.show {
				if !has(s) {
					t.Errorf("%s: %q does not show %s; shows %q", page.name, tc.q, s, got)
				}
			}
			for _, s := range tc.hide {
				if has(s) {
					t.Errorf("%s: %q shows %s", page.name, tc.q, s)
				}
			}
			if tc.onlyShown && len(got) != len(tc.show) {
				t.Errorf("%s: %q shows %q, want only %q", page.name, tc.q, got, tc.show)
			}
			if status := eval[string](t, tb, `document.getElementById('q-status').textContent`); !strings.Contains(status, "kết quả") {
				t.Errorf("%s: %q: status %q does not count the results", page.name, tc.q, status)
			}
		}
		if got := search(t, tb, "không có thủ tục này"); len(got) != 0 {
			t.Errorf("%s: a search for nothing shows %q", page.name, got)
		}
		if !eval[bool](t, tb, `document.getElementById('q-none').offsetParent !== null`) {
			t.Errorf("%s: no 'nothing found' message", page.name)
		}
		if got := search(t, tb, ""); len(got) != len(all) {
			t.Errorf("%s: an empty search shows %d of %d items", page.name, len(got), len(all))
		}
	}
	// The home page also finds offices, by name with or without marks,
	// and by the name of a former unit they took over: Vân Hà is now in
	// Xã Phúc Lộc.
	tb.do(t, chromedp.Navigate(e.http))
	for _, q := range []string{"Phúc Lộc", "phuc loc", "Vân Hà", "van ha", "Võng Xuyên"} {
		got := search(t, tb, q)
		if !slices.Contains(got, "phuc-loc/index.html") || slices.Contains(got, "dang-ky-ket-hon/index.html") || slices.Contains(got, "hat-mon/index.html") {
			t.Errorf("home: %q shows %q", q, got)
		}
	}
	// Following a result from disk opens the page.
	tb.do(t, chromedp.Navigate(e.fileURL("phuc-loc/")))
	search(t, tb, "ket hon")
	tb.do(t, chromedp.Click(chromedp.CSS(`li[data-k]:not([hidden]) a[href$="dang-ky-ket-hon/index.html"]`)), chromedp.WaitVisible(chromedp.CSS("ul.docs")))
	if url := eval[string](t, tb, "location.href"); !strings.HasSuffix(url, "/phuc-loc/dang-ky-ket-hon/index.html") {
		t.Errorf("the result opened %s", url)
	}
}

// TestChecklist ticks a document, reloads, and finds it still ticked;
// the reset clears it. Served under a sub-path and opened from disk.
func TestChecklist(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	for _, url := range []string{e.http + "phuc-loc/dang-ky-ket-hon/", e.fileURL("phuc-loc/dang-ky-ket-hon/")} {
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
		other := strings.Replace(url, "dang-ky-ket-hon", "dang-ky-khai-tu", 1)
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
	tb.do(t, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError') }})`,
		})
		return err
	}))
	tb.do(t, chromedp.Navigate(e.http+"phuc-loc/dang-ky-ket-hon/"), chromedp.Click(chromedp.CSS(`ul.docs li:first-child label`)))
	if p := eval[string](t, tb, `document.getElementById('docs-progress').textContent`); p != "Đã chuẩn bị 1/3 giấy tờ" {
		t.Errorf("progress %q with storage refused", p)
	}
}

// TestWithoutScript loads pages with JavaScript off: full lists, a plain
// list of documents, and no control that would not work.
func TestWithoutScript(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	tb.do(t, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	tb.do(t, chromedp.Navigate(e.http))
	if n := len(visible(t, tb)); n != 3+5 {
		t.Errorf("home without script shows %d items, want 8", n)
	}
	for _, sel := range []string{"#q", "#share"} {
		if eval[bool](t, tb, `document.querySelector('`+sel+`').offsetParent !== null`) {
			t.Errorf("home without script shows %s", sel)
		}
	}
	tb.do(t, chromedp.Navigate(e.http+"phuc-loc/dang-ky-ket-hon/"))
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
// 320 px and at 640 px with 200 % zoom (as a 1280 px window zoomed): no
// horizontal scrolling, no layout shift, tap targets of at least 24 px.
func TestLayout(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	for _, p := range pages[:pagesOnDisk] {
		for _, vp := range []struct {
			w, h int64
			zoom float64
		}{{360, 800, 1}, {320, 640, 1}, {1280, 800, 2}} {
			tb.do(t, chromedp.EmulateViewport(vp.w, vp.h), chromedp.Navigate(e.http+p.path))
			where := p.name + " at " + strconv.FormatInt(vp.w, 10) + " px"
			if shift := eval[float64](t, tb, layoutShift); shift > 0 {
				t.Errorf("%s: layout shift %.3f while loading", where, shift)
			}
			if vp.zoom != 1 {
				eval[bool](t, tb, `document.documentElement.style.zoom = '200%'; true`)
				where += ", zoomed 200 %"
			}
			if sw, cw := eval[int](t, tb, `document.documentElement.scrollWidth`), eval[int](t, tb, `document.documentElement.clientWidth`); sw > cw {
				t.Errorf("%s: scrolls sideways (%d px of content in %d)", where, sw, cw)
			}
			for _, small := range eval[[]string](t, tb, smallTargets) {
				t.Errorf("%s: tap target %s", where, small)
			}
			if *shots != "" && vp.zoom == 1 {
				shot(t, tb, fmt.Sprintf("%s-%d", p.name, vp.w))
			}
		}
	}
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

// shot saves a screenshot of the viewport and of the whole page.
func shot(t *testing.T, tb *tab, name string) {
	t.Helper()
	for suffix, action := range map[string]chromedp.Action[[]byte]{"": chromedp.CaptureScreenshot(), "-full": chromedp.FullScreenshot(90)} {
		data, err := chromedp.Run(tb.ctx, action)
		if err != nil {
			t.Fatal(err)
		}
		ext := ".png"
		if suffix != "" {
			ext = ".jpg"
		}
		if err := os.MkdirAll(*shots, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*shots, name+suffix+ext), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

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
		if html, _ := os.ReadFile(filepath.Join(e.out, "phuc-loc", d.Name(), "index.html")); !d.IsDir() || strings.Contains(string(html), `http-equiv="refresh"`) {
			continue // not a page, or a redirect
		}
		path := "phuc-loc/" + d.Name() + "/"
		tb.do(t, chromedp.Navigate(e.http+path))
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
// and the button opens that page.
func TestNotice(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	for _, vp := range [][2]int64{{360, 800}, {320, 640}} {
		tb.do(t, chromedp.EmulateViewport(vp[0], vp[1]), chromedp.Navigate(e.http+"van-ha/dang-ky-ket-hon/"))
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
	if url := strings.TrimSuffix(eval[string](t, tb, "location.href"), "index.html"); !strings.HasSuffix(url, "/phuc-loc/dang-ky-ket-hon/") {
		t.Errorf("the button opened %s", url)
	}
}
