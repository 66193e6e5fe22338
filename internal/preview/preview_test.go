package preview

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qrboard"
	"qrboard/internal/build"
	"qrboard/internal/msg"
	"qrboard/internal/site"
	"qrboard/internal/value"
)

var testNow = time.Date(2026, 11, 27, 12, 0, 0, 0, value.Vietnam)

// sample copies the sample project into a new folder.
func sample(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, qrboard.Sample()); err != nil {
		t.Fatal(err)
	}
	return dir
}

// start builds the sample and serves it on a test server.
func start(t *testing.T) (*Server, *httptest.Server, string) {
	t.Helper()
	src := sample(t)
	s, err := New(Config{Build: build.Options{Src: src, Now: testNow}, Lang: msg.Vi, LangFromSite: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if rep := s.Build(context.Background(), nil); rep.Result == nil {
		t.Fatalf("the sample does not build: %v %v", rep.Diags.Err(), rep.Err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts, src
}

// raw sends a request line as written, without any client cleaning the
// path, and returns the status code and body.
func raw(t *testing.T, ts *httptest.Server, method, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: preview\r\nConnection: close\r\n\r\n", method, target)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestPaths requests pages, folders and every way of climbing out of the
// site: a path outside it is refused before any file is opened, and no
// response ever carries a project file.
func TestPaths(t *testing.T) {
	_, ts, src := start(t)
	secret, _ := os.ReadFile(filepath.Join(src, "qrboard.yaml"))
	tests := []struct {
		target string
		status int
	}{
		{"/", 200},
		{"/index.html", 200},
		{"/phuc-loc/dang-ky-ket-hon/", 200},
		{"/phuc-loc/dang-ky-ket-hon/index.html", 200},
		{"/phuc-loc/dang-ky-ket-hon/poster.html", 200},
		{"/dang-ky-ket-hon/og.png", 200},
		{"/phuc-loc/dang-ky-ket-hon/qr.svg", 404},
		{"/phuc-loc", 301},
		{"/khong-co/", 404},
		{"/../qrboard.yaml", 400},
		{"/../../../../etc/passwd", 400},
		{"/phuc-loc/../../qrboard.yaml", 400},
		{"/%2e%2e/qrboard.yaml", 400},
		{"/%2E%2E/%2E%2E/qrboard.yaml", 400},
		{"/phuc-loc/%2e%2e%2f%2e%2e%2fqrboard.yaml", 400},
		{"/..%2fqrboard.yaml", 400},
		{"/..%5cqrboard.yaml", 400},
		{"/phuc-loc/..\\..\\qrboard.yaml", 400},
		{"/%5c%5cserver%5cshare", 400},
		{"/C:/Windows/win.ini", 400},
		{"/phuc-loc/index.html%00.png", 400},
		{"/./index.html", 400},
		{"//qrboard.yaml", 400},
		{"/.qrboard-site", 400},
		{"/%252e%252e/qrboard.yaml", 404},
		{"/con/", 404},
		{"/__qrboard/reload.js", 200},
	}
	for _, tt := range tests {
		status, body := raw(t, ts, "GET", tt.target)
		if status != tt.status {
			t.Errorf("GET %s: %d, want %d", tt.target, status, tt.status)
		}
		if strings.Contains(body, string(secret[:200])) {
			t.Errorf("GET %s served qrboard.yaml", tt.target)
		}
	}
	if status, _ := raw(t, ts, "POST", "/"); status != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", status)
	}
	if status, body := raw(t, ts, "HEAD", "/"); status != 200 || body != "" {
		t.Errorf("HEAD: %d %q", status, body)
	}
}

// TestInjected checks that served pages carry the reload script and the
// built files do not.
func TestInjected(t *testing.T) {
	s, ts, _ := start(t)
	_, body := raw(t, ts, "GET", "/phuc-loc/dang-ky-ket-hon/")
	tag := `<script src="/__qrboard/reload.js?v=` + s.id + `.1"></script>`
	if !strings.Contains(body, tag+"\n</body>") {
		t.Errorf("the page lacks %s before </body>", tag)
	}
	status, body := raw(t, ts, "GET", "/khong-co/")
	if status != 404 || !strings.Contains(body, tag) {
		t.Errorf("the 404 page (%d) lacks the script", status)
	}
	err := filepath.WalkDir(s.Dir(), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if strings.Contains(string(data), "__qrboard") {
			t.Errorf("%s: the built file carries the preview's script", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestErrorPage breaks a file: pages show its errors, with positions, in
// the site's language; files other than pages still come from the last
// good build; fixing the file brings the site back.
func TestErrorPage(t *testing.T) {
	s, ts, src := start(t)
	file := filepath.Join(src, "procedures", "dang-ky-ket-hon.yaml")
	good, _ := os.ReadFile(file)
	os.WriteFile(file, append(good, "shortname: x\n"...), 0o644)
	rep := s.Build(context.Background(), []string{"procedures/dang-ky-ket-hon.yaml"})
	if rep.Result != nil || !rep.Reload {
		t.Fatalf("a broken project built, or tabs were not told: %+v", rep)
	}
	status, body := raw(t, ts, "GET", "/phuc-loc/dang-ky-ket-hon/")
	line := strings.Count(string(good), "\n") + 1
	want := fmt.Sprintf("%s:%d:1</code> lỗi: không có trường &#34;shortname&#34;", file, line)
	if status != 500 || !strings.Contains(body, want) || !strings.Contains(body, "gợi ý: có phải ý bạn là") {
		t.Errorf("error page %d:\n%s\nwant %s", status, body, want)
	}
	if !strings.Contains(body, `<script src="/__qrboard/reload.js?v=`+s.id+`.2">`) {
		t.Error("the error page does not reload")
	}
	if status, _ := raw(t, ts, "GET", "/dang-ky-ket-hon/og.png"); status != 200 {
		t.Errorf("og.png of the last good build: %d", status)
	}
	if rep := s.Build(context.Background(), nil); rep.Reload {
		t.Error("a rebuild with the same errors reloaded the tabs")
	}
	os.WriteFile(file, good, 0o644)
	if rep := s.Build(context.Background(), nil); rep.Result == nil || !rep.Reload {
		t.Fatalf("fixed project: %+v", rep)
	}
	if status, _ := raw(t, ts, "GET", "/phuc-loc/dang-ky-ket-hon/"); status != 200 {
		t.Errorf("after the fix: %d", status)
	}
}

func TestAllowPreview(t *testing.T) {
	tests := []struct{ policy, want string }{
		{"default-src 'none'; style-src 'sha256-abc'", "default-src 'none'; style-src 'sha256-abc'; script-src 'self'; connect-src 'self'"},
		{"default-src 'self' 'sha256-x'", "default-src 'self' 'sha256-x'; script-src 'self' 'sha256-x'; connect-src 'self' 'sha256-x'"},
		{"script-src 'sha256-x'; img-src data:", "script-src 'sha256-x' 'self'; img-src data:"},
		{"script-src 'none'; connect-src 'none'", "script-src 'self'; connect-src 'self'"},
		{"SCRIPT-SRC 'self'", "script-src 'self'"},
		{"img-src 'self'", "img-src 'self'"},
		{"script-src 'sha256-x'; script-src-elem 'sha256-y'", "script-src 'sha256-x' 'self'; script-src-elem 'sha256-y' 'self'"},
	}
	for _, tt := range tests {
		if got := addSelf(tt.policy); got != tt.want {
			t.Errorf("addSelf(%q)\n = %q\nwant %q", tt.policy, got, tt.want)
		}
	}
	page := `<!doctype html><html><head><meta charset="utf-8"><META content="default-src 'none'" HTTP-EQUIV="content-security-policy"><title>x</title></head><body><meta http-equiv="Content-Security-Policy" content="img-src 'none'"></body></html>`
	got := string(allowPreview([]byte(page)))
	want := `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;self&#39;; connect-src &#39;self&#39;"><title>x</title></head><body><meta http-equiv="Content-Security-Policy" content="img-src 'none'"></body></html>`
	if got != want {
		t.Errorf("allowPreview:\n got %s\nwant %s", got, want)
	}
	if plain := `<html><body>x</body></html>`; string(allowPreview([]byte(plain))) != plain {
		t.Error("a page without a policy was changed")
	}
}

// TestClose checks that stopping the preview removes its folder and ends
// open event streams.
func TestClose(t *testing.T) {
	s, ts, _ := start(t)
	resp, err := http.Get(ts.URL + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	s.Close()
	if _, err := os.Stat(s.Dir()); !os.IsNotExist(err) {
		t.Errorf("the preview folder is still there: %v", err)
	}
	done := make(chan error)
	go func() { _, err := io.ReadAll(resp.Body); done <- err }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Error("the event stream stayed open")
	}
}

// TestRebuildKeepsPages edits one procedure: the rebuild makes only its
// pages again, keeping the others and every QR code from the build before,
// serves the new text, and leaves the project as it was — no site/, the
// same qrboard.lock, nothing of the preview's own.
func TestRebuildKeepsPages(t *testing.T) {
	s, ts, src := start(t)
	lock := filepath.Join(src, "qrboard.lock")
	lockBefore, _ := os.ReadFile(lock)
	file := filepath.Join(src, "procedures", "chung-thuc-chu-ky.yaml")
	good, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(good), "fee: 10.000 đồng/trường hợp", "fee: 12.000 đồng/trường hợp", 1)), 0o644)
	rep := s.Build(context.Background(), []string{"procedures/chung-thuc-chu-ky.yaml"})
	if rep.Result == nil {
		t.Fatalf("rebuild failed: %v %v", rep.Diags.Err(), rep.Err)
	}
	res := rep.Result
	// The procedure's 3 office pages and its overview are made again;
	// every other page's files (index.html, poster.html and, on the
	// pages but a procedure's at an office, og.png) are kept.
	if pc := res.PageChanges; pc.Changed != 4 || pc.Added+pc.Removed != 0 || !rep.Reload {
		t.Errorf("rebuild changed %+v, want the procedure's 4 pages; reload %v", pc, rep.Reload)
	}
	want := 0
	for _, pg := range res.Site.Pages {
		if pg.Procedure == nil || pg.Procedure.ID != "chung-thuc-chu-ky" {
			want += 2 // index.html, poster.html
			if pg.Kind != site.ProcedurePage {
				want++ // og.png
			}
			if pg.At != "" {
				want++ // the redirect left at its own address, served at its short one
			}
		}
	}
	if res.Files.Kept != want || res.QREncoded != 0 {
		t.Errorf("rebuild kept %d files (want %d), encoded %d codes (want 0)", res.Files.Kept, want, res.QREncoded)
	}
	if _, body := raw(t, ts, "GET", "/"+res.Site.Where("phuc-loc/chung-thuc-chu-ky/")); !strings.Contains(body, "12.000 đồng/trường hợp") {
		t.Error("the page served does not show the new fee")
	}
	if _, err := os.Stat(filepath.Join(src, "site")); err == nil {
		t.Error("the preview wrote site/")
	}
	if lockAfter, _ := os.ReadFile(lock); string(lockAfter) != string(lockBefore) {
		t.Error("the preview wrote qrboard.lock")
	}
	entries, _ := os.ReadDir(src)
	for _, e := range entries {
		if name := e.Name(); name != "qrboard.yaml" && name != "qrboard.lock" && name != "procedures" && name != "schema" && name != "templates" {
			t.Errorf("the preview left %s in the project", name)
		}
	}
}

// BenchmarkRebuildOneFile measures what staff wait for after saving one
// procedure of the sample in qrboard serve: a rebuild that keeps the pages
// and QR codes the edit does not touch (the polling interval comes on
// top).
//
//	go test ./internal/preview -run XXX -bench RebuildOneFile -count 7
func BenchmarkRebuildOneFile(b *testing.B) {
	src := sample(b)
	s, err := New(Config{Build: build.Options{Src: src, Now: testNow}, Lang: msg.Vi})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	s.Build(context.Background(), nil)
	file := filepath.Join(src, "procedures", "dang-ky-ket-hon.yaml")
	good, _ := os.ReadFile(file)
	i := 0
	for b.Loop() {
		i++
		b.StopTimer()
		edited := strings.Replace(string(good), "short_name: Đăng ký kết hôn\n", fmt.Sprintf("short_name: Đăng ký kết hôn %d\n", i), 1)
		os.WriteFile(file, []byte(edited), 0o644)
		b.StartTimer()
		if rep := s.Build(context.Background(), []string{"procedures/dang-ky-ket-hon.yaml"}); rep.Result == nil || rep.Result.PageChanges.Changed != 44 {
			b.Fatalf("rebuild: %+v", rep)
		}
	}
}
