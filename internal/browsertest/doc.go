// Package browsertest checks the built pages in a real browser: it builds
// the sample, serves it from a local HTTP server under a sub-path (and
// opens it from disk), and drives headless Chromium through the DevTools
// protocol (github.com/chromedp/chromedp) to check what a citizen meets —
// accessibility with axe-core, the search, the checklist, the layout at
// 320 px and 200 % zoom, printing, and a console free of errors.
//
// It has only tests. They need Chromium (Debian's chromium package; the
// browser never downloads itself) and axe-core (npm ci in testdata/).
// Where either is missing they skip, saying so, except under CI=1, where
// they fail. Screenshots of the pages at 360×800 are written with
//
//	go test ./internal/browsertest -shots DIR
package browsertest
