// Package msg holds every sentence qrboard says to a person, in Vietnamese
// and in English, so that messages are written, reviewed and translated in
// one place (catalog.go) and printed in the staff's language.
//
// Code that reports something builds a Text from an ID and arguments; the
// language is chosen only when the Text is printed. Arguments that are
// themselves Texts (or IDs) are printed in the same language, so a message
// can name a YAML kind ("a list", "một danh sách") without knowing the
// language.
package msg

import (
	"fmt"
	"strings"
)

// Lang is a language for messages: "vi" or "en".
type Lang string

// The languages qrboard speaks.
const (
	Vi Lang = "vi"
	En Lang = "en"
)

// ParseLang reads a language name such as "vi", "en", "en_US.UTF-8" or
// "vi-VN". It reports false for anything else.
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "vi" || strings.HasPrefix(s, "vi_") || strings.HasPrefix(s, "vi-"):
		return Vi, true
	case s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-"):
		return En, true
	}
	return "", false
}

// ID names one sentence of the catalog.
type ID uint16

// Text is a message with its arguments, printable in any language.
// The zero Text is empty.
type Text struct {
	id   ID
	args []any
}

// New returns the message id with args.
func New(id ID, args ...any) Text { return Text{id: id, args: args} }

// IsZero reports whether t is the empty message.
func (t Text) IsZero() bool { return t.id == 0 }

// ID returns the message's identifier, for tests and callers that branch on it.
func (t Text) ID() ID { return t.id }

// In formats t in language l.
func (t Text) In(l Lang) string {
	if t.id == 0 {
		return ""
	}
	e, ok := catalog[t.id]
	if !ok {
		return fmt.Sprintf("message %d", t.id)
	}
	format := e.vi
	if l == En {
		format = e.en
	}
	if len(t.args) == 0 {
		return format
	}
	args := make([]any, len(t.args))
	for i, a := range t.args {
		switch a := a.(type) {
		case Text:
			args[i] = a.In(l)
		case ID:
			args[i] = New(a).In(l)
		default:
			args[i] = a
		}
	}
	return fmt.Sprintf(format, args...)
}

// String formats t in English, for logs and test failures.
func (t Text) String() string { return t.In(En) }

// Error lets a Text travel as an error; it prints in English unless the
// receiver unwraps it with errors.As and prints it in the staff's language.
type Error struct{ Text Text }

func (e *Error) Error() string { return e.Text.In(En) }

// Errorf returns an error carrying the message id with args.
func Errorf(id ID, args ...any) error { return &Error{New(id, args...)} }

// entry is one sentence in both languages.
type entry struct{ vi, en string }
