// Package browsertest checks the built pages in a real browser: it builds
// the sample, serves it from a local HTTP server under a sub-path (and
// opens it from disk), and drives headless Chromium through the DevTools
// protocol (github.com/chromedp/chromedp) to check what a citizen meets —
// the key facts within the first screen and a half of every procedure
// page (and the fee near the top with the text at 200 %), accessibility
// with axe-core, the search (best match first, Enter opens it, the same
// folding as Go's), sharing where neither Web Share nor the clipboard
// works, the checklist, the layout at 320 px, at 200 % zoom and at 200 %
// text, printing, the page's own QR code as drawn on screen (it decodes
// to the page's address), the redirect that leads from the long address
// of a page with a poster to its short one, where it is served, and a
// console free of errors.
//
// It has only tests. They need Chromium (Debian's chromium package; the
// browser never downloads itself) and axe-core (npm ci in testdata/).
// Where either is missing they skip, saying so, except under CI=1, where
// they fail. Screenshots of the pages at 360×800 and 320×640, with normal
// and 200 % text, are written with
//
//	go test ./internal/browsertest -shots DIR
package browsertest
