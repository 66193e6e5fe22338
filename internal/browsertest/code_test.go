package browsertest

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"qrboard/internal/qrscan"
)

// TestPageCodeScans screenshots the QR code that every kind of page draws
// inline (its own address, for print and for checking), as Chromium
// shows it at a phone's width, and decodes it — with gozxing and, where
// installed, zbarimg — to exactly the page's address, or, for a page with
// a poster, to its short address, whose copy names the page as canonical.
func TestPageCodeScans(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	dir := t.TempDir()
	for _, pg := range pages[:4] { // home, office, procedure, overview: the pages with a code
		tb.do(t, chromedp.Navigate(e.http+pg.path), chromedp.ScrollIntoView("svg.qr"))
		data, err := chromedp.Run(tb.ctx, chromedp.Screenshot("svg.qr"))
		if err != nil {
			t.Fatalf("%s: %v", pg.name, err)
		}
		want := e.canonical(t, pg.path)
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", pg.name, err)
		}
		if got, err := qrscan.Cut(img); err == nil && got != want {
			want = e.short(t, got, want)
		}
		if got, err := qrscan.Cut(img); err != nil || got != want {
			t.Errorf("%s: the code on screen reads %q (%v), want %q", pg.name, got, err, want)
		}
		file := filepath.Join(dir, "code.png")
		os.WriteFile(file, data, 0o644)
		switch got, err := qrscan.Zbar(file); {
		case err == exec.ErrNotFound:
		case err != nil || len(got) != 1 || got[0] != want:
			t.Errorf("%s: zbarimg reads the code on screen as %q (%v), want %q", pg.name, got, err, want)
		}
	}
}

// short returns code, a short address ("HTTPS://HOST/12/"), when the copy
// served there names canonical as its page; else canonical.
func (e *env) short(t *testing.T, code, canonical string) string {
	t.Helper()
	i := strings.LastIndex(strings.TrimSuffix(code, "/"), "/")
	n := code[i+1:]
	if n == "" || strings.Trim(n, "0123456789/") != "" || !strings.EqualFold(code[:i+1], canonical[:strings.Index(canonical[8:], "/")+9]) {
		return canonical
	}
	if e.canonical(t, n) != canonical {
		return canonical
	}
	return code
}
