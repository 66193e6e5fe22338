package procedure

import "qrboard/internal/value"

// JSONSchema describes the levels, for editor schemas (package schema).
func (Level) JSONSchema() map[string]any {
	return value.EnumSchema(string(Commune), string(District), string(Province))
}

// JSONSchema describes the methods, for editor schemas (package schema).
func (Method) JSONSchema() map[string]any {
	return value.EnumSchema(string(InPerson), string(Online), string(Post))
}

// JSONSchema describes the ways to name offices: a group word, one
// office id, or a list of office ids.
func (Offices) JSONSchema() map[string]any {
	return map[string]any{"anyOf": []any{
		value.EnumSchema(string(AllCommunes), string(DistrictOff), string(AllOffices)),
		value.IDSchema(),
		map[string]any{"type": "array", "items": value.IDSchema(), "minItems": 1, "maxItems": 1000},
	}}
}
