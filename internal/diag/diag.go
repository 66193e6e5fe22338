// Package diag collects the problems found in a project — errors that stop
// a build and warnings that do not — each with the file, line and column it
// is about, so that a run reports every problem at once.
//
// Output rule (the one place it is written down): everything qrboard says
// about a run goes to standard error, one problem per line, as
//
//	qrboard: FILE:LINE:COL: LEVEL: MESSAGE
//	qrboard: HINT-LEVEL: HINT
//
// with the position first (omitted when there is none), LEVEL one of
// lỗi/cảnh báo/gợi ý (error/warning/hint in English), messages in lower
// case without a final period, and a hint line only where a likely mistake
// is obvious. Lines that report rather than complain — a command's
// summary, "qrboard serve" saying where it listens and what each rebuild
// did — have the prefix and no level. Standard output carries only what a
// command was asked to print (a schema, the version, help).
//
// Messages are in the staff's language: -lang, else QRBOARD_LANG, else
// the language of the site in qrboard.yaml, else Vietnamese. Every
// sentence is in internal/msg.
//
// Progress is shown only on a terminal, and only once a build has run for
// a second: one line, "qrboard: đang tạo trang N/M…", rewritten in place
// and erased before the summary. When standard error is a file or a pipe
// (logs, CI), nothing but the lines above is written.
package diag

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"qrboard/internal/msg"
)

// Pos is a place in a project file. File is slash-separated and relative
// to the project root; Line and Col count from 1 and are 0 when unknown.
type Pos struct {
	File      string
	Line, Col int
}

// String formats p as file:line:col, leaving out unknown parts.
func (p Pos) String() string { return p.display("") }

func (p Pos) display(root string) string {
	if p.File == "" {
		return ""
	}
	// In the user's separators (\ on Windows), joined to the project folder
	// as they typed it, so that the path works from where they are.
	s := filepath.FromSlash(p.File)
	if root != "" && root != "." && !filepath.IsAbs(s) {
		s = filepath.Join(root, s)
	}
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
		if p.Col > 0 {
			s += ":" + strconv.Itoa(p.Col)
		}
	}
	return s
}

// Severity says whether a problem stops the build.
type Severity uint8

// Severities, most severe first.
const (
	Error Severity = iota
	Warning
)

// Diagnostic is one problem.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Text     msg.Text
	Hint     msg.Text // zero when there is nothing to suggest
}

// Format renders d in language l, with file paths joined to root (the
// project directory as the user typed it) so they can be clicked.
func (d Diagnostic) Format(l msg.Lang, root string) string {
	var b strings.Builder
	b.WriteString("qrboard: ")
	if p := d.Pos.display(root); p != "" {
		b.WriteString(p)
		b.WriteString(": ")
	}
	level := msg.LevelError
	if d.Severity == Warning {
		level = msg.LevelWarning
	}
	b.WriteString(msg.New(level).In(l))
	b.WriteString(": ")
	b.WriteString(d.Text.In(l))
	if !d.Hint.IsZero() {
		b.WriteString("\nqrboard: ")
		b.WriteString(msg.New(msg.LevelHint).In(l))
		b.WriteString(": ")
		b.WriteString(d.Hint.In(l))
	}
	return b.String()
}

// List is the problems of one run.
type List []Diagnostic

// Add appends an error at pos.
func (l *List) Add(pos Pos, id msg.ID, args ...any) *Diagnostic {
	return l.add(pos, Error, msg.New(id, args...))
}

// Warn appends a warning at pos.
func (l *List) Warn(pos Pos, id msg.ID, args ...any) *Diagnostic {
	return l.add(pos, Warning, msg.New(id, args...))
}

func (l *List) add(pos Pos, s Severity, t msg.Text) *Diagnostic {
	*l = append(*l, Diagnostic{Pos: pos, Severity: s, Text: t})
	return &(*l)[len(*l)-1]
}

// WithHint sets the hint of d and returns d.
func (d *Diagnostic) WithHint(id msg.ID, args ...any) *Diagnostic {
	d.Hint = msg.New(id, args...)
	return d
}

// HasErrors reports whether any problem in l stops the build.
func (l List) HasErrors() bool { return l.Count(Error) > 0 }

// Count returns how many problems in l have severity s.
func (l List) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Sort orders l by file, line and column, errors before warnings at the
// same place; it keeps the order of problems found at the same position.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
		)
	})
}

// Print writes every problem of l with severity at most max (Error prints
// only errors, Warning prints both) to w in language l.
func (l List) Print(w io.Writer, lang msg.Lang, root string, max Severity) {
	for _, d := range l {
		if d.Severity <= max {
			fmt.Fprintln(w, d.Format(lang, root))
		}
	}
}

// Err returns l as an error if it has errors, and nil otherwise, so that
// callers that only need to know can treat it as one.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &ListError{List: l}
}

// ListError carries a List of problems through an error return.
type ListError struct{ List List }

func (e *ListError) Error() string {
	n := e.List.Count(Error)
	for _, d := range e.List {
		if d.Severity == Error {
			s := d.Format(msg.En, "")
			if n > 1 {
				s += fmt.Sprintf(" (and %d more)", n-1)
			}
			return s
		}
	}
	return "no errors"
}
