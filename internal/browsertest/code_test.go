package browsertest

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"qrboard/internal/qrscan"
)

// TestPageCodeScans screenshots the QR code that every kind of page draws
// inline (its own address, for print and for checking), as Chromium
// shows it at a phone's width, and decodes it — with gozxing and, where
// installed, zbarimg — to exactly the page's address.
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
