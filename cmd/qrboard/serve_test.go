package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"qrboard/internal/projecttest"
)

// wait is the longest any step of a preview may take: a rebuild of the
// sample takes well under a second, polling a quarter of one.
const wait = 15 * time.Second

// TestServe runs qrboard serve on a free port as a member of staff would
// use it: a page and its event stream are open, a procedure is edited,
// broken and fixed, and after each save the event reaches the client and
// the page shows the change — or the errors — within a bounded wait. On
// interruption it stops, leaving no site/ and no qrboard.lock.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	if err := writeSample(dir); err != nil {
		t.Fatal(err)
	}
	stderr := startServe(t, []string{"serve", "-src", dir, "-port", "0", "-now", "2026-11-27"})

	stderr.expect(t, `^qrboard: đã tạo 24 trang trong .*, vào một thư mục tạm: site/ và qrboard.lock giữ nguyên$`)
	addr := stderr.expect(t, `xem trước tại (http://127\.0\.0\.1:\d+/) — trang tự tải lại khi lưu tệp`)
	events := subscribe(t, addr)
	v0 := events.next(t)
	page := servedURL(t, addr+"phuc-loc/dang-ky-ket-hon/") // at its short address
	if status, body := get(t, page); status != 200 || !strings.Contains(body, "reload.js?v="+v0) {
		t.Fatalf("GET %s: %d, without the script of version %s", page, status, v0)
	}

	file := filepath.Join(dir, "procedures", "dang-ky-ket-hon.yaml")
	good, _ := os.ReadFile(file)
	edit := func(data string) {
		t.Helper()
		if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	saved := time.Now()
	edit(strings.Replace(string(good), "short_name: Đăng ký kết hôn\n", "short_name: Kết hôn (xem thử)\n", 1))
	v1 := events.next(t)
	t.Logf("save → reload event: %v", time.Since(saved).Round(time.Millisecond))
	stderr.expect(t, `procedures/dang-ky-ket-hon.yaml đã thay đổi: tạo lại trong .*; so với lần trước: 0 trang mới, 8 trang thay đổi, 0 trang bỏ`)
	if status, body := get(t, page); status != 200 || !strings.Contains(body, "Kết hôn (xem thử)") || v1 == v0 {
		t.Fatalf("after the edit: %d, version %s → %s, change shown: %v", status, v0, v1, strings.Contains(body, "xem thử"))
	}

	edit(string(good) + "  - tab\n\tbroken: true\n")
	v2 := events.next(t)
	stderr.expect(t, `^qrboard: .*dang-ky-ket-hon.yaml:\d+:1: lỗi: dùng phím Tab để thụt lề`)
	stderr.expect(t, `^qrboard: có 1 lỗi; trình duyệt hiện danh sách lỗi cho đến khi sửa xong$`)
	status, body := get(t, page)
	if status != 500 || !strings.Contains(body, "dang-ky-ket-hon.yaml:") || !strings.Contains(body, "lỗi: dùng phím Tab để thụt lề") || !strings.Contains(body, "reload.js?v="+v2) {
		t.Fatalf("error page %d:\n%s", status, body)
	}

	edit(string(good))
	v3 := events.next(t)
	if status, body := get(t, page); status != 200 || strings.Contains(body, "xem thử") || v3 == v2 {
		t.Fatalf("after the fix: %d", status)
	}

	stderr.stop()
	stderr.expect(t, `^qrboard: đã dừng xem trước$`)
	if code := stderr.exit(t); code != exitOK {
		t.Errorf("exit %d", code)
	}
	for _, name := range []string{"site", "qrboard.lock"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("serve wrote %s", name)
		}
	}
}

// TestServeOpen runs serve -open as the launcher of the release archives
// does: the browser is sent to the preview's address, which answers with
// the home page; a browser that cannot be started gets a warning, and the
// preview goes on.
func TestServeOpen(t *testing.T) {
	dir := t.TempDir()
	if err := writeSample(dir); err != nil {
		t.Fatal(err)
	}
	opened := make(chan string, 2)
	fail := false
	defer func(f func(string) error) { openBrowser = f }(openBrowser)
	openBrowser = func(url string) error {
		opened <- url
		if fail {
			return errors.New("no browser here")
		}
		return nil
	}
	for _, fail = range []bool{false, true} {
		stderr := startServe(t, []string{"serve", "-src", dir, "-port", "0", "-open"})
		addr := stderr.expect(t, `xem trước tại (http://127\.0\.0\.1:\d+/)`)
		select {
		case url := <-opened:
			if url != addr {
				t.Errorf("opened %s, want %s", url, addr)
			}
			if status, body := get(t, url); status != 200 || !strings.Contains(body, "Phúc Thọ") {
				t.Errorf("GET %s: %d", url, status)
			}
		case <-time.After(wait):
			t.Fatal("serve -open opened no browser")
		}
		if fail {
			stderr.expect(t, `^qrboard: cảnh báo: không mở được trình duyệt \(no browser here\): hãy tự mở địa chỉ trên$`)
		}
		stderr.stop()
		if code := stderr.exit(t); code != exitOK {
			t.Errorf("exit %d", code)
		}
	}
}

// TestServePortTaken starts serve on a port in use: it says so, suggests
// a free one and exits with 1.
func TestServePortTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	dir := t.TempDir()
	writeSample(dir)
	var out strings.Builder
	code := run(context.Background(), []string{"serve", "-src", dir, "-port", strconv.Itoa(port)}, io.Discard, &out)
	want := regexp.MustCompile(`^qrboard: lỗi: cổng ` + strconv.Itoa(port) + ` trên 127\.0\.0\.1 đang được chương trình khác dùng \(có thể là một qrboard serve khác\)\nqrboard: gợi ý: thử: qrboard serve -port (\d+)\n$`)
	m := want.FindStringSubmatch(out.String())
	if code != exitFailure || m == nil {
		t.Fatalf("exit %d, stderr:\n%s", code, out.String())
	}
	if free, _ := strconv.Atoi(m[1]); free == port {
		t.Error("suggested the port in use")
	}
	for _, args := range [][]string{{"-port", "http"}, {"-port", "70000"}, {"-bind", "my-computer"}} {
		var out strings.Builder
		if code := run(context.Background(), append([]string{"serve", "-src", dir}, args...), io.Discard, &out); code != exitUsage {
			t.Errorf("serve %v: exit %d, %s", args, code, out.String())
		}
	}
}

// lines is the standard error of a running command, line by line.
type lines struct {
	c    chan string
	code chan int
	stop context.CancelFunc // interrupts the command
}

// startServe runs the command until stop is called or the test ends; the
// test waits for it to end, so its temporary folder is always removed.
func startServe(t *testing.T, args []string) *lines {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	l := &lines{c: make(chan string, 1000), code: make(chan int, 1), stop: cancel}
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		l.code <- run(ctx, args, io.Discard, pw)
		pw.Close()
	}()
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			l.c <- sc.Text()
		}
		close(l.c)
		io.Copy(io.Discard, pr)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-ended:
		case <-time.After(wait):
			t.Error("serve did not stop")
		}
	})
	return l
}

// expect waits for a line matching pattern and returns its first group.
func (l *lines) expect(t *testing.T, pattern string) string {
	t.Helper()
	re := regexp.MustCompile(pattern)
	timeout := time.After(wait)
	for {
		select {
		case line, ok := <-l.c:
			if !ok {
				t.Fatalf("serve ended before printing %s", pattern)
			}
			if m := re.FindStringSubmatch(line); m != nil {
				return m[len(m)-1]
			}
			if strings.Contains(line, "lỗi") && !strings.Contains(pattern, "lỗi") {
				t.Logf("stderr: %s", line)
			}
		case <-timeout:
			t.Fatalf("no line matching %s within %v", pattern, wait)
		}
	}
}

func (l *lines) exit(t *testing.T) int {
	t.Helper()
	select {
	case code := <-l.code:
		return code
	case <-time.After(wait):
		t.Fatal("serve did not stop")
		return -1
	}
}

// stream is an open Server-Sent Events connection.
type stream struct{ c chan string }

func subscribe(t *testing.T, addr string) *stream {
	resp, err := http.Get(addr + "__qrboard/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("events: %s", ct)
	}
	s := &stream{c: make(chan string, 100)}
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				s.c <- v
			}
		}
		close(s.c)
	}()
	return s
}

// next waits for the next event.
func (s *stream) next(t *testing.T) string {
	t.Helper()
	select {
	case v, ok := <-s.c:
		if !ok {
			t.Fatal("the event stream closed")
		}
		return v
	case <-time.After(wait):
		t.Fatalf("no reload event within %v", wait)
		return ""
	}
}

// servedURL returns the address the page at addr is served at: addr,
// or where the redirect there (a page served at its short address) leads.
func servedURL(t *testing.T, addr string) string {
	t.Helper()
	_, body := get(t, addr)
	to := projecttest.StubTarget([]byte(body))
	if to == "" {
		return addr
	}
	base, err := url.Parse(addr)
	if err != nil {
		t.Fatal(err)
	}
	return base.ResolveReference(&url.URL{Path: to}).String()
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}
