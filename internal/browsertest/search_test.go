package browsertest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"qrboard/internal/build"
	"qrboard/internal/lock"
	"qrboard/internal/projecttest"
	"qrboard/internal/render"
	"qrboard/internal/value"
)

// results types q into the page's search box (emptied first) and returns
// the links the results list shows, best first, as the sites' paths
// they lead to: where the pages are served ("dang-ky-ket-hon/", "10/").
func results(t *testing.T, tb *tab, q string) []string {
	t.Helper()
	eval[bool](t, tb, `(() => { const q = document.getElementById('q'); q.value = ''; q.dispatchEvent(new Event('input')); return true })()`)
	tb.do(t, chromedp.SendKeys(chromedp.CSS("#q"), q))
	return eval[[]string](t, tb, `Array.from(document.querySelectorAll('#q-results a')).filter(a => a.offsetParent !== null)
		.map(a => a.pathname.replace(/^.*?\/phuc-tho\//, '').replace(/^.*\/site\//, '').replace(/index\.html$/, ''))`)
}

// TestSearch types what citizens type into the search box of the home
// page (served under a sub-path) and of an office's board (opened from
// disk): with and without Vietnamese marks, with the other spelling of
// ký, in capitals, codes with and without dots. The right procedure
// comes first, the status line counts what was found, and Enter opens
// the first result.
func TestSearch(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	const (
		marriage  = "dang-ky-ket-hon/"
		death     = "dang-ky-khai-tu/"
		signature = "chung-thuc-chu-ky/"
		copies    = "chung-thuc-ban-sao/"
		extract   = "trich-luc-ho-tich/"
	)
	cases := []struct {
		q     string
		first string
		only  bool // nothing else is found
		not   []string
	}{
		{q: "ket hon", first: marriage, not: []string{death, signature, copies}},
		{q: "kết hôn", first: marriage, not: []string{death, signature, copies}},
		{q: "đăng kí kết hôn", first: marriage, only: true},
		{q: "dang ky ket hon", first: marriage, only: true},
		{q: "KẾT HÔN", first: marriage},
		{q: "KHAI TU", first: death, not: []string{marriage, signature, copies}},
		{q: "Khai Tử", first: death},
		{q: "2000815", first: copies, only: true},
		{q: "2.000815", first: copies, only: true},
		{q: "1.000894", first: marriage, only: true},
		{q: "sao y", first: copies, only: true},
		{q: "hôn thú", first: marriage, only: true},
		{q: "chứng thực chữ kí", first: signature},
		{q: "trich luc", first: extract},
		{q: "ho tich", not: []string{signature, copies}},
	}
	for _, page := range []struct{ name, url, prefix string }{
		{"home", e.http, ""},
		{"office from disk", e.fileURL("phuc-loc/"), "phuc-loc/"},
	} {
		tb.do(t, chromedp.Navigate(page.url))
		if eval[bool](t, tb, `document.querySelector('.nojs').offsetParent !== null`) {
			t.Errorf("%s: the words for browsers without script show", page.name)
		}
		for _, tc := range cases {
			got := results(t, tb, tc.q)
			if first := e.served(page.prefix + tc.first); tc.first != "" && (len(got) == 0 || got[0] != first) {
				t.Errorf("%s: %q shows %q first, want %s (%s)", page.name, tc.q, got, first, page.prefix+tc.first)
			}
			if tc.only && len(got) != 1 {
				t.Errorf("%s: %q shows %q, want only %s", page.name, tc.q, got, tc.first)
			}
			for _, n := range tc.not {
				if slices.Contains(got, e.served(page.prefix+n)) {
					t.Errorf("%s: %q shows %s", page.name, tc.q, n)
				}
			}
			status := eval[string](t, tb, `document.getElementById('q-status').textContent`)
			if want := strconv.Itoa(len(got)) + " thủ tục"; !strings.HasPrefix(status, want) {
				t.Errorf("%s: %q: status %q, want %q", page.name, tc.q, status, want)
			}
		}
		if got := results(t, tb, "không có thủ tục này"); len(got) != 0 {
			t.Errorf("%s: a search for nothing shows %q", page.name, got)
		}
		if !eval[bool](t, tb, `document.getElementById('q-none').offsetParent !== null`) {
			t.Errorf("%s: no 'nothing found' message", page.name)
		}
		results(t, tb, "")
		if n := eval[int](t, tb, `document.querySelectorAll('li[data-k]').length - Array.from(document.querySelectorAll('li[data-k]')).filter(li => li.offsetParent !== null).length`); n != 0 {
			t.Errorf("%s: an empty search hides %d items", page.name, n)
		}
	}
	if *shots != "" {
		tb.do(t, chromedp.EmulateViewport(360, 800), chromedp.Navigate(e.http))
		results(t, tb, "đăng kí kết hôn")
		shot(t, tb, "search-home-360", 360, 800)
	}
	// The home page also finds offices, by name with or without marks
	// and by the name of a former unit they took over (Vân Hà and Võng
	// Xuyên are now in Xã Phúc Lộc), and counts them apart. An office's
	// own name ranks above the former units of another: "phuc loc" also
	// finds Xã Phúc Thọ, which took over Tích Lộc and Thọ Lộc.
	tb.do(t, chromedp.Navigate(e.http))
	for _, q := range []string{"Phúc Lộc", "phuc loc", "Vân Hà", "van ha", "Võng Xuyên", "vong-xuyen"} {
		got := results(t, tb, q)
		if len(got) == 0 || got[0] != e.served("phuc-loc/") || slices.Contains(got, marriage) || slices.Contains(got, e.served("hat-mon/")) {
			t.Errorf("home: %q shows %q", q, got)
		}
		if status, want := eval[string](t, tb, `document.getElementById('q-status').textContent`), strconv.Itoa(len(got))+" nơi nộp"; status != want {
			t.Errorf("home: %q: status %q, want %q", q, status, want)
		}
	}
	// Enter opens the first result, served and from disk, where the page
	// is served.
	for _, tc := range []struct{ url, q, want string }{
		{e.http, "ket hon", e.url("dang-ky-ket-hon/") + "index.html"},
		{e.http, "đăng kí kết hôn", e.url("dang-ky-ket-hon/") + "index.html"},
		{e.http, "KHAI TU", e.url("dang-ky-khai-tu/") + "index.html"},
		{e.http, "2000815", e.url("chung-thuc-ban-sao/") + "index.html"},
		{e.fileURL("phuc-loc/"), "kết hôn", e.fileURL("phuc-loc/dang-ky-ket-hon/")},
	} {
		tb.do(t, chromedp.Navigate(tc.url))
		results(t, tb, tc.q)
		tb.do(t, chromedp.SendKeys(chromedp.CSS("#q"), "\r"), chromedp.WaitVisible(chromedp.CSS("dl.key")))
		if url := here(t, tb); url != tc.want {
			t.Errorf("Enter after %q on %s opened %s, want %s", tc.q, tc.url, url, tc.want)
		}
	}
	// So does the button.
	tb.do(t, chromedp.Navigate(e.http))
	results(t, tb, "chung thuc chu ky")
	tb.do(t, chromedp.Click(chromedp.CSS(`form.search button`)), chromedp.WaitVisible(chromedp.CSS("dl.key")))
	if url, want := here(t, tb), e.url("chung-thuc-chu-ky/")+"index.html"; url != want {
		t.Errorf("the search button opened %s, want %s", url, want)
	}
}

// here returns the page's address, naming index.html where the test
// server (as most do) answered a link to it with its folder.
func here(t *testing.T, tb *tab) string {
	t.Helper()
	url := eval[string](t, tb, "location.href")
	if strings.HasSuffix(url, "/") {
		url += "index.html"
	}
	return url
}

// waitFor waits until expr is true in the tab, across the navigation
// that a click may start, even with the page's scripts off (where
// chromedp.Poll, which runs in the page, would wait for ever).
func waitFor(t *testing.T, tb *tab, expr string) {
	t.Helper()
	for {
		ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		select {
		case <-tb.ctx.Done():
			t.Fatalf("waiting for %s: %v", expr, tb.ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// TestCommunePicker searches the list of communes on a procedure's
// overview. The list has a search box when more than five offices handle
// the procedure: in the sample as of 2023, when its 21 communes and town
// did (today three communes do, listed without one). Its examples are
// communes, typing one finds it, Enter opens it, and axe-core finds no
// violation while it searches. Opened from disk.
func TestCommunePicker(t *testing.T) {
	e := sampleOf2023(t, setup(t))
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(e.fileURL("dang-ky-ket-hon/")))
	if ph := eval[string](t, tb, `document.getElementById('q').placeholder`); ph != "Ví dụ: Thị trấn Phúc Thọ, thi tran phuc tho" {
		t.Errorf("placeholder %q, want communes as examples", ph)
	}
	for _, tc := range []struct{ q, first string }{
		{"van ha", "van-ha/dang-ky-ket-hon/"},
		{"Vân Hà", "van-ha/dang-ky-ket-hon/"},
		{"phung thuong", "phung-thuong/dang-ky-ket-hon/"},
		{"09718", "van-ha/dang-ky-ket-hon/"},
	} {
		got := results(t, tb, tc.q)
		if len(got) != 1 || got[0] != e.served(tc.first) {
			t.Errorf("%q finds %q, want %s (%s)", tc.q, got, e.served(tc.first), tc.first)
		}
		if status := eval[string](t, tb, `document.getElementById('q-status').textContent`); status != "1 nơi nộp" {
			t.Errorf("%q: status %q", tc.q, status)
		}
	}
	results(t, tb, "van")
	eval[bool](t, tb, e.axe+";true")
	for _, v := range eval[[]string](t, tb, axeRun) {
		t.Errorf("overview, searching: %s", v)
	}
	results(t, tb, "van ha")
	tb.do(t, chromedp.SendKeys(chromedp.CSS("#q"), "\r"), chromedp.WaitVisible(chromedp.CSS("dl.key")))
	if url, want := here(t, tb), e.fileURL("van-ha/dang-ky-ket-hon/"); url != want {
		t.Errorf("Enter opened %s, want %s", url, want)
	}
}

// sampleOf2023 returns e with, instead of today's site, the sample built
// as of 1 December 2024, before the mergers of 2025, to open from disk.
// Today's lock, which records addresses of offices that did not exist
// yet, is left out.
func sampleOf2023(t *testing.T, e *env) *env {
	t.Helper()
	src := projecttest.Copy(t, filepath.Join("..", ".."))
	if err := os.Remove(filepath.Join(src, lock.File)); err != nil {
		t.Fatal(err)
	}
	old := *e
	old.out = filepath.Join(t.TempDir(), "site")
	now := time.Date(2024, 12, 1, 12, 0, 0, 0, value.Vietnam)
	res, diags, err := build.Run(context.Background(), build.Options{Src: src, Out: old.out, Now: now})
	if err != nil || res == nil {
		t.Fatalf("building the sample as of %s: %v %v", now.Format(time.DateOnly), err, diags.Err())
	}
	old.site = res.Site
	return &old
}

// TestSearchWithoutScript submits the search form with JavaScript off:
// the button, which can do nothing with what was typed on a static
// site, leads to the complete list.
func TestSearchWithoutScript(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	tb.do(t, devtools(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}))
	for _, url := range []string{e.http, e.fileURL("phuc-loc/")} {
		tb.do(t, chromedp.Navigate(url))
		if !eval[bool](t, tb, `document.querySelector('form.search button').offsetParent !== null && document.querySelector('.nojs').offsetParent !== null`) {
			t.Errorf("%s: no search button or no word on what it does without script", url)
		}
		tb.do(t, chromedp.SendKeys(chromedp.CSS("#q"), "ket hon"), chromedp.Click(chromedp.CSS("form.search button")))
		waitFor(t, tb, `location.hash === '#thu-tuc' && document.readyState === 'complete'`)
		if n := eval[int](t, tb, `Array.from(document.querySelectorAll('li[data-k]')).filter(li => li.offsetParent !== null).length`); n < 5 {
			t.Errorf("%s: the button without script shows %d items", url, n)
		}
	}
}

// TestFoldAgrees checks that the page's script folds text as
// render.Fold, which makes the keys it searches, does.
func TestFoldAgrees(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	tb.do(t, chromedp.Navigate(e.http))
	for _, s := range []string{
		"Đăng ký kết hôn", "đăng kí kết hôn", "KHAI TỬ", "Chứng thực chữ ký trong các giấy tờ, văn bản",
		"Mỹ Đức, Lý Nhân, Kỳ Anh, Quy Nhơn, tay, Y tế, Thủy", "2.000815", "…1.000894.", "Điều 24–26 (NĐ 23/2015/NĐ-CP)",
		"Giấy tờ tùy thân: Căn cước công dân; Hộ chiếu…", "  nhiều   dấu  cách\t", "Ưu tiên ƯỚC ĐOÁN", "Ａ１ ß ǅ İ K",
		"x.y..z", "...", "",
	} {
		want := render.Fold(s)
		got := eval[string](t, tb, `qrboardFold(`+jsString(s)+`)`)
		if got != want {
			t.Errorf("fold(%q) = %q in page.js, %q in Go", s, got, want)
		}
	}
}

// jsString returns s as a JavaScript string literal: JSON, with
// U+2028 and U+2029 escaped as Go writes them.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
