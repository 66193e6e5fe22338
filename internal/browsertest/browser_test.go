package browsertest

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"qrboard/internal/build"
	"qrboard/internal/projecttest"
	"qrboard/internal/site"
	"qrboard/internal/value"
)

var shots = flag.String("shots", "", "write screenshots of the pages into this folder")

// notFoundPath is a path the site does not have.
const notFoundPath = "khong-co-trang-nay/"

// subPath is where the test server serves the site: pages must work
// below the domain root.
const subPath = "/phuc-tho/"

// env is the built site, its server and the browser, shared by all tests:
// one browser, one tab per test.
type env struct {
	out     string     // the built site
	site    *site.Site // its model: where each page is served (served)
	http    string     // its address on the test server, ending in subPath
	browser context.Context
	axe     string // axe.min.js
}

var (
	shared  *env
	skipMsg string // why the tests skip; "" when they run
	failMsg string // why they fail: the environment is there but broken
)

func TestMain(m *testing.M) {
	flag.Parse()
	var stop func()
	shared, stop, skipMsg = start()
	if shared == nil && strings.HasPrefix(skipMsg, "!") {
		failMsg, skipMsg = skipMsg[1:], ""
	}
	code := m.Run()
	if stop != nil {
		stop()
	}
	os.Exit(code)
}

// setup returns the shared environment, or skips the test — or fails it
// under CI, where Chromium and axe-core must be there.
func setup(t *testing.T) *env {
	t.Helper()
	if shared == nil {
		if failMsg != "" {
			t.Fatal(failMsg)
		}
		if os.Getenv("CI") != "" {
			t.Fatalf("browser tests must run in CI: %s", skipMsg)
		}
		t.Skip(skipMsg)
	}
	return shared
}

// start builds the sample, serves it and starts Chromium. It returns why
// not, starting with "!" for a failure rather than a missing tool.
func start() (*env, func(), string) {
	chromium := findChromium()
	if chromium == "" {
		return nil, nil, "Chromium not found (apt-get install chromium, or set QRBOARD_CHROMIUM)"
	}
	axe, err := os.ReadFile(filepath.Join("testdata", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		return nil, nil, "axe-core not installed (run npm ci in internal/browsertest/testdata): " + err.Error()
	}
	tmp, err := os.MkdirTemp("", "qrboard-browsertest-")
	if err != nil {
		return nil, nil, "!" + err.Error()
	}
	out, model, err := buildSite(tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, nil, "!building the sample: " + err.Error()
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		os.RemoveAll(tmp)
		return nil, nil, "!" + err.Error()
	}
	srv := &http.Server{Handler: handler(out)}
	go srv.Serve(ln)

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(chromium),
			chromedp.UserDataDir(filepath.Join(tmp, "profile")),
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("allow-file-access-from-files", false),
			chromedp.WindowSize(360, 800),
		)...)
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(browser); err != nil { // start it now, not inside a test's timeout
		cancelBrowser()
		cancelAlloc()
		srv.Close()
		os.RemoveAll(tmp)
		return nil, nil, "!starting Chromium: " + err.Error()
	}
	e := &env{out: out, site: model, http: "http://" + ln.Addr().String() + subPath, browser: browser, axe: string(axe)}
	stop := func() {
		cancelBrowser()
		cancelAlloc()
		srv.Close()
		os.RemoveAll(tmp)
	}
	return e, stop, ""
}

func findChromium() string {
	if p := os.Getenv("QRBOARD_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// buildSite builds the sample with one alias added, so that the site
// also has redirect pages. It returns the site's folder and its model.
func buildSite(tmp string) (string, *site.Site, error) {
	src := filepath.Join(tmp, "project")
	if err := projecttest.CopyTo(src, filepath.Join("..", "..")); err != nil {
		return "", nil, err
	}
	f, err := os.OpenFile(filepath.Join(src, "procedures", "dang-ky-ket-hon.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return "", nil, err
	}
	fmt.Fprintln(f, "aliases: [ket-hon]")
	f.Close()
	out := filepath.Join(tmp, "site")
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, value.Vietnam)
	res, diags, err := build.Run(context.Background(), build.Options{Src: src, Out: out, Now: now})
	if err != nil {
		return "", nil, err
	}
	if res == nil {
		return "", nil, diags.Err()
	}
	return out, res.Site, nil
}

// handler serves the site under subPath as a static host does: files as
// they are, 404.html for a missing one. "?norefresh" serves a redirect
// page without its refresh, so that it can be checked before it leaves.
func handler(out string) http.Handler {
	files := http.FileServer(http.Dir(out))
	return http.StripPrefix(strings.TrimSuffix(subPath, "/"), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(out, filepath.FromSlash(r.URL.Path))
		st, err := os.Stat(p)
		if err == nil && st.IsDir() {
			p = filepath.Join(p, "index.html")
			_, err = os.Stat(p)
		}
		switch {
		case errors.Is(err, fs.ErrNotExist):
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			data, _ := os.ReadFile(filepath.Join(out, "404.html"))
			w.Write(data)
		case r.URL.Query().Has("norefresh"):
			data, _ := os.ReadFile(p)
			page := string(data)
			if i := strings.Index(page, `<meta http-equiv="refresh"`); i >= 0 {
				page = page[:i] + page[i+strings.Index(page[i:], ">")+1:]
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(page))
		default:
			files.ServeHTTP(w, r)
		}
	}))
}

// tab is one browser tab with what its pages wrote to the console.
type tab struct {
	ctx  context.Context
	mu   sync.Mutex
	errs []string
}

// newTab opens a tab for the test; when the test ends, any error a page
// wrote to the console (an exception, console.error, a failed load, a
// refused script) fails it.
func (e *env) newTab(t *testing.T) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(e.browser)
	tb := &tab{ctx: ctx}
	messages := chromedp.Console(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError && strings.Contains(m.URL, notFoundPath) && strings.Contains(m.Text, "404") {
				continue // the 404 page itself, answered with status 404
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				tb.mu.Lock()
				tb.errs = append(tb.errs, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line))
				tb.mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		<-done
		for _, e := range tb.errs {
			t.Errorf("console: %s", e)
		}
	})
	// A test's actions time out well before the test binary does.
	tctx, tcancel := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(tcancel)
	tb.ctx = tctx
	return tb
}

// devtools returns the action of sending the tab the DevTools command
// cmd with params: disabling scripts, adding a script to every page,
// overriding the user agent, setting the default font size.
func devtools[P, R any](cmd cdp.Command[P, R], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cmd, params)
		return err
	})
}

func (tb *tab) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// Tests name a page by its own, readable address, its path
// ("phuc-loc/dang-ky-ket-hon/"), and open it where it is served: a page
// with a poster is served at its short address ("10/"), and only a
// redirect to it stands at its path (TestLongAddress).

// served returns the path the page at path is served at (site.Page.At),
// or path itself where the site has no page (a redirect, a notice, a
// missing page). A query ("?norefresh") is kept.
func (e *env) served(path string) string {
	path, query, ok := strings.Cut(path, "?")
	path = e.site.Where(path)
	if ok {
		path += "?" + query
	}
	return path
}

// url returns the address on the test server of the page at path,
// where it is served.
func (e *env) url(path string) string { return e.http + e.served(path) }

// fileURL returns the file:// address of the page at path, where it is
// served in the built site.
func (e *env) fileURL(path string) string { return e.diskURL(e.served(path)) }

// diskURL returns the file:// address of the file index.html at path in
// the built site, whatever it holds.
func (e *env) diskURL(path string) string {
	return "file://" + filepath.ToSlash(filepath.Join(e.out, filepath.FromSlash(path), "index.html"))
}
