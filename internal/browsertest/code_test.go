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
// installed, zbarimg — to exactly the page's canonical address: where it
// is served, for a page with a poster its short address (whose scheme and
// host the code may hold upper-cased: see codeReads).
func TestPageCodeScans(t *testing.T) {
	e := setup(t)
	tb := e.newTab(t)
	dir := t.TempDir()
	for _, pg := range pages[:4] { // home, office, procedure, overview: the pages with a code
		tb.do(t, chromedp.Navigate(e.url(pg.path)), chromedp.ScrollIntoView("svg.qr"))
		data, err := chromedp.Run(tb.ctx, chromedp.Screenshot("svg.qr"))
		if err != nil {
			t.Fatalf("%s: %v", pg.name, err)
		}
		want, short := e.canonical(t, pg.path), e.served(pg.path) != pg.path
		if short && !strings.HasSuffix(want, "/"+e.served(pg.path)) {
			t.Errorf("%s: canonical address %s, want its short address %s", pg.name, want, e.served(pg.path))
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", pg.name, err)
		}
		if got, err := qrscan.Cut(img); err != nil || !codeReads(got, want, short) {
			t.Errorf("%s: the code on screen reads %q (%v), want %q", pg.name, got, err, want)
		}
		file := filepath.Join(dir, "code.png")
		os.WriteFile(file, data, 0o644)
		switch got, err := qrscan.Zbar(file); {
		case err == exec.ErrNotFound:
		case err != nil || len(got) != 1 || !codeReads(got[0], want, short):
			t.Errorf("%s: zbarimg reads the code on screen as %q (%v), want %q", pg.name, got, err, want)
		}
	}
}

// codeReads reports whether a code reading got holds the address want: the
// same, or, for a short address, the same with the scheme and host
// upper-cased, which lets the code hold it in alphanumeric mode.
func codeReads(got, want string, short bool) bool {
	if got == want {
		return true
	}
	scheme, rest, _ := strings.Cut(want, "://")
	host, path, _ := strings.Cut(rest, "/")
	return short && got == strings.ToUpper(scheme+"://"+host)+"/"+path
}
