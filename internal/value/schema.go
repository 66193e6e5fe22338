package value

import (
	"strings"

	"qrboard/internal/msg"
	"qrboard/internal/slug"
)

// The JSONSchema methods below describe, as JSON Schema (draft-07), what
// each type that decodes itself accepts, for the editor schemas that
// package schema generates. Descriptions and messages are in Vietnamese,
// the staff's language; editors show them while typing.

// TextSchema describes text. The decoder reads any scalar as text, so a
// number or true written without quotes is text too.
func TextSchema() map[string]any {
	return map[string]any{
		"type":         []any{"string", "number", "boolean"},
		"errorMessage": msg.New(msg.SchemaText).In(msg.Vi),
	}
}

// EnumSchema describes a word that must be one of words, as Choose decodes it.
func EnumSchema(words ...string) map[string]any {
	enum := make([]any, len(words))
	for i, w := range words {
		enum[i] = w
	}
	return map[string]any{
		"type":         "string",
		"enum":         enum,
		"errorMessage": msg.New(msg.SchemaChoose, strings.Join(words, ", ")).In(msg.Vi),
	}
}

// IDSchema describes an id (an alias, an office in a list).
func IDSchema() map[string]any {
	return map[string]any{
		"type":                "string",
		"pattern":             `^[a-z0-9]+(-[a-z0-9]+)*$`,
		"maxLength":           slug.MaxLen,
		"patternErrorMessage": msg.New(msg.SchemaID).In(msg.Vi),
		"description":         msg.New(msg.DescID).In(msg.Vi),
	}
}

// JSONSchema describes a date.
func (Date) JSONSchema() map[string]any {
	return map[string]any{
		"type":                "string",
		"pattern":             `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`,
		"patternErrorMessage": msg.New(msg.SchemaDate).In(msg.Vi),
		"errorMessage":        msg.New(msg.SchemaDate).In(msg.Vi),
		"description":         msg.New(msg.DescDate).In(msg.Vi),
	}
}

// JSONSchema describes a link to another site.
func (URL) JSONSchema() map[string]any {
	return map[string]any{
		"type":                "string",
		"pattern":             `^(https?://[^\s\\/]|tel:|mailto:)[^\s\\]*$`,
		"patternErrorMessage": msg.New(msg.SchemaURL).In(msg.Vi),
		"description":         msg.New(msg.DescURL).In(msg.Vi),
	}
}

// JSONSchema describes a Markdown text.
func (Markdown) JSONSchema() map[string]any {
	s := TextSchema()
	s["description"] = msg.New(msg.DescMarkdown).In(msg.Vi)
	return s
}

// JSONSchema describes an id written in a file.
func (Ref) JSONSchema() map[string]any { return IDSchema() }
