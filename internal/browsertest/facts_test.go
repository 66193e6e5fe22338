package browsertest

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Where the key facts must be on a procedure's page at 360×800, in CSS
// pixels from the top of the page: within a screen and a half; with the
// phone's text at 200 %, the fee within three screens.
const (
	factsTop      = 1200
	largeFeeTop   = 2400
	largeFontSize = 32 // Chromium's default font size at 200 % text (normally 16)
)

// largeText sets the tab's default font size, as a phone's text size
// setting does: 32 px is 200 %, 16 px the normal size.
func largeText(size int64) chromedp.Action[chromedp.Void] {
	return devtools(page.SetFontSizes, page.SetFontSizesParams{FontSizes: &page.FontSizes{Standard: size}})
}

// procedurePages returns the paths of the sample's procedure pages at
// offices ("phuc-loc/dang-ky-ket-hon/"), from the built site: the
// folders of offices' folders whose page, where it is served, has the
// box of key facts and is no redirect.
func (e *env) procedurePages(t *testing.T) []string {
	t.Helper()
	var paths []string
	offices, err := os.ReadDir(e.out)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range offices {
		procs, _ := os.ReadDir(filepath.Join(e.out, o.Name()))
		for _, p := range procs {
			path := o.Name() + "/" + p.Name() + "/"
			html, err := os.ReadFile(filepath.Join(e.out, filepath.FromSlash(e.served(path)), "index.html"))
			if err == nil && strings.Contains(string(html), `<dl class="facts key">`) && !strings.Contains(string(html), `http-equiv="refresh"`) {
				paths = append(paths, path)
			}
		}
	}
	return paths
}

// keyTops measures where the fee, the time and the place to go start on
// the page in the tab, in CSS pixels from its top (-1: not there).
const keyTops = `['le-phi', 'thoi-gian', 'noi-nop'].map(id => {
	const el = document.getElementById(id);
	return el ? Math.round(el.getBoundingClientRect().top + scrollY) : -1;
})`

// TestKeyFactsOnFirstScreen loads every procedure page of the sample at
// 360×800 and measures the tops of the fee, the time and where to go:
// all within 1,200 px. With the text at 200 % the fee is within 2,400
// px. The box also says how many papers to bring and names the first.
// It logs, per procedure, the largest of each over its offices' pages.
func TestKeyFactsOnFirstScreen(t *testing.T) {
	e := setup(t)
	byProc := map[string][]string{}
	for _, p := range e.procedurePages(t) {
		proc := strings.Split(p, "/")[1]
		byProc[proc] = append(byProc[proc], p)
	}
	if len(byProc) != 5 {
		t.Fatalf("%d procedures, want 5", len(byProc))
	}
	for _, proc := range slices.Sorted(maps.Keys(byProc)) {
		paths := byProc[proc]
		t.Run(proc, func(t *testing.T) {
			if len(paths) != 3 {
				t.Errorf("%d pages, want one at each of the 3 communes", len(paths))
			}
			tb := e.newTab(t) // a tab per procedure: 42 pages fit its time
			worst := measureKeyFacts(t, tb, e, paths, nil)
			t.Logf("fee %4d px, time %4d px, where %4d px; at 200 %% text the fee %4d px (largest of its %d pages)",
				worst[0], worst[1], worst[2], worst[3], len(paths))
		})
	}
}

// measureKeyFacts loads each page of paths, from e's server where it is
// served, in tb at 360×800, with normal text and with 200 % text: the fee, the time
// and the place to go must start within factsTop, the fee at 200 % text
// within largeFeeTop, and the box must say what it should of the papers.
// each, if not nil, checks more of each page at normal text. It returns
// the largest tops: of the fee, the time, the place; of the fee at 200 %.
func measureKeyFacts(t *testing.T, tb *tab, e *env, paths []string, each func(p string)) [4]int {
	t.Helper()
	tb.do(t, chromedp.EmulateViewport(360, 800))
	var worst [4]int
	for _, size := range []int64{16, largeFontSize} {
		tb.do(t, largeText(size))
		for _, p := range paths {
			tb.do(t, chromedp.Navigate(e.url(p)))
			tops := eval[[]int](t, tb, keyTops)
			if size == largeFontSize {
				if tops[0] < 0 || tops[0] > largeFeeTop {
					t.Errorf("/%s at 200 %% text: the fee starts at %d px, want ≤ %d", p, tops[0], largeFeeTop)
				}
				worst[3] = max(worst[3], tops[0])
				continue
			}
			for i, name := range []string{"fee", "time", "where to go"} {
				if tops[i] < 0 || tops[i] > factsTop {
					t.Errorf("/%s: %s starts at %d px, want ≤ %d", p, name, tops[i], factsTop)
				}
				worst[i] = max(worst[i], tops[i])
			}
			checkPapers(t, tb, p)
			if each != nil {
				each(p)
			}
		}
	}
	return worst
}

// checkPapers checks what the box says of the papers: their number, that
// of the first list's papers not marked "nếu có" (the first list: the
// pages checked all have documents:), and the first one's name, which
// begins its whole name in the list below (cut with "…" when long).
func checkPapers(t *testing.T, tb *tab, p string) {
	t.Helper()
	got := eval[[]string](t, tb, `(() => { // the script puts the name in a label, with its box
		const optional = li => {
			const n = li.querySelector('.dn'), after = (n.parentNode === li ? n : n.parentNode).nextSibling;
			return (after?.textContent ?? '').startsWith(' (nếu có)');
		};
		const needed = [...document.querySelector('ul.docs').children].filter(li => !optional(li));
		return [document.querySelector('dl.key dd').firstChild.textContent,
			String(needed.length), needed.length ? needed[0].querySelector('.dn').textContent : ''];
	})()`)
	count, names, _ := strings.Cut(got[0], " giấy tờ: ")
	first, _, _ := strings.Cut(names, ";")
	first = strings.TrimSuffix(first, "…")
	if count != got[1] || first == "" || !strings.HasPrefix(got[2], first) {
		t.Errorf("/%s: the box says %q of the papers; the list has %s every filing needs, the first %q", p, got[0], got[1], got[2])
	}
}

// TestBadgeAgrees checks the words about the 15:00 rule on every
// procedure page: the badge says what is true, and nothing beside it says
// "no appointment slip" while the page says there is one.
func TestBadgeAgrees(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	for _, p := range []string{"phuc-loc/dang-ky-ket-hon/", "phuc-loc/chung-thuc-ban-sao/", "phuc-loc/chung-thuc-chu-ky/", "phuc-loc/trich-luc-ho-tich/", "phuc-loc/dang-ky-khai-tu/"} {
		tb.do(t, chromedp.Navigate(e.url(p)))
		badge := eval[string](t, tb, `document.querySelector('.badge').textContent`)
		time := eval[string](t, tb, `document.querySelector('#thoi-gian dd').textContent`)
		body := eval[string](t, tb, `document.body.textContent`)
		if badge != "Nộp trước 15:00 – nhận kết quả trong ngày" {
			t.Errorf("/%s: badge %q", p, badge)
		}
		if !strings.Contains(time, "Nộp sau 15:00: nhận kết quả vào ngày làm việc tiếp theo.") {
			t.Errorf("/%s: the time %q does not say what happens after 15:00", p, time)
		}
		if strings.Contains(strings.ToLower(body), "không giấy hẹn") {
			t.Errorf("/%s still says \"không giấy hẹn\"", p)
		}
	}
}

// TestShareFallback removes both the Web Share and the Clipboard API, as
// in Zalo's in-app browser: the share button shows the page's whole
// address in a read-only field, selected, with what to do — in Zalo, the
// way to its own share menu.
func TestShareFallback(t *testing.T) {
	e := setup(t)
	for _, ua := range []string{"", "Mozilla/5.0 (Linux; Android 10) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 Zalo android/12"} {
		tb := e.newTab(t)
		tb.do(t, devtools(page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `Object.defineProperty(Navigator.prototype, 'share', {value: undefined, configurable: true});
				Object.defineProperty(Navigator.prototype, 'clipboard', {get() { return undefined }, configurable: true});`,
		}))
		if ua != "" {
			tb.do(t, devtools(emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: ua}))
		}
		for _, p := range []string{"phuc-loc/dang-ky-ket-hon/", "", "dang-ky-khai-tu/"} {
			tb.do(t, chromedp.EmulateViewport(320, 640), chromedp.Navigate(e.url(p)))
			if eval[bool](t, tb, `!!(navigator.share || navigator.clipboard)`) {
				t.Fatal("the APIs are still there")
			}
			tb.do(t, chromedp.Click(chromedp.CSS("#share")))
			want := e.canonical(t, p)
			got := eval[[]any](t, tb, `(() => { const f = document.getElementById('share-url');
				return [f.offsetParent !== null, f.readOnly, f.value, document.activeElement === f, f.selectionStart, f.selectionEnd,
					f.scrollHeight <= f.clientHeight + 1, f.getBoundingClientRect().right <= document.documentElement.clientWidth,
					document.getElementById('share-status').textContent] })()`)
			where := fmt.Sprintf("/%s (%s)", p, map[bool]string{true: "Zalo", false: "Chromium"}[ua != ""])
			if got[0] != true || got[1] != true || got[2] != want {
				t.Errorf("%s: field shown %v, read-only %v, holding %q; want the address %q", where, got[0], got[1], got[2], want)
			}
			if got[3] != true || got[4] != 0.0 || got[5] != float64(len(want)) {
				t.Errorf("%s: field focused %v, selection %v–%v; want all of it selected", where, got[3], got[4], got[5])
			}
			if got[6] != true || got[7] != true {
				t.Errorf("%s: the whole address does not show: fits its height %v, its width %v", where, got[6], got[7])
			}
			status := got[8].(string)
			if status == "" || strings.Contains(status, "bấm ⋯") != (ua != "") {
				t.Errorf("%s: says %q", where, status)
			}
			if *shots != "" && ua != "" && p != "" {
				eval[bool](t, tb, `document.getElementById('share-box').scrollIntoView({block: 'center'}); true`)
				shot(t, tb, "share-zalo-320-"+strings.Trim(strings.ReplaceAll(p, "/", "-"), "-"), 320, 640)
			}
		}
	}
}

// canonical returns the address of the page at path as its canonical
// link says, read where the page is served.
func (e *env) canonical(t *testing.T, path string) string {
	t.Helper()
	html, err := os.ReadFile(filepath.Join(e.out, filepath.FromSlash(e.served(path)), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(html), `<link rel="canonical" href="`)
	url, _, _ := strings.Cut(rest, `"`)
	return url
}
