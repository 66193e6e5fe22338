package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"qrboard/internal/msg"
)

// progress shows how far a long build has got, on one line of a terminal
// rewritten in place, following the output rule in package diag: nothing
// during the first second (a short build prints only its summary) and
// nothing at all when standard error is not a terminal, so logs and CI
// output stay clean.
type progress struct {
	w     io.Writer
	lang  msg.Lang
	text  msg.ID // what is counted: msg.Progress (pages) when zero
	start time.Time
	now   func() time.Time

	mu    sync.Mutex
	last  time.Time // when the line was last drawn
	width int       // characters on the line, to erase it
}

// Delays of the progress line.
const (
	progressAfter = time.Second            // show nothing before
	progressEvery = 100 * time.Millisecond // redraw at most this often
)

// newProgress returns a progress line on w, or nil if w is not a terminal.
func newProgress(w io.Writer, lang msg.Lang) *progress {
	if !isTerminal(w) {
		return nil
	}
	return &progress{w: w, lang: lang, start: time.Now(), now: time.Now}
}

// isTerminal reports whether w is a terminal (a character device). It
// needs no dependency and errs on the quiet side: a pipe or a file is
// never one. The null device is one, but nobody sees what goes there.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// update draws "qrboard: đang tạo trang done/total" once the build has
// run for a second. A nil progress does nothing.
func (p *progress) update(done, total int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	if now.Sub(p.start) < progressAfter || (now.Sub(p.last) < progressEvery && done < total) {
		return
	}
	p.last = now
	line := "qrboard: " + msg.New(cmp.Or(p.text, msg.Progress), done, total).In(p.lang)
	pad := max(0, p.width-len([]rune(line)))
	fmt.Fprint(p.w, "\r"+line+strings.Repeat(" ", pad))
	p.width = len([]rune(line))
}

// clear erases the line, so the summary that follows starts clean. A
// carriage return and spaces work in every terminal, the old Windows
// console included, where escape sequences may not.
func (p *progress) clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.width > 0 {
		fmt.Fprint(p.w, "\r"+strings.Repeat(" ", p.width)+"\r")
		p.width = 0
	}
}
