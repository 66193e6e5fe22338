package config

import "qrboard/internal/value"

// JSONSchema describes the languages, for editor schemas (package schema).
func (Language) JSONSchema() map[string]any { return value.EnumSchema("vi", "en") }

// JSONSchema describes the kinds of office, for editor schemas (package schema).
func (Kind) JSONSchema() map[string]any {
	return value.EnumSchema(string(Commune), string(Town), string(District))
}

// JSONSchema describes the paper sizes, for editor schemas (package schema).
func (Paper) JSONSchema() map[string]any { return value.EnumSchema("A4", "A3", "A5") }
