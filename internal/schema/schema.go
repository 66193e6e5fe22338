// Package schema generates JSON Schemas for the files staff write by
// hand — procedure files and qrboard.yaml — from the Go types that decode
// them, so that VS Code's YAML extension (redhat.vscode-yaml) completes
// field names, shows what each field is for in Vietnamese, and underlines
// an unknown field, a list where text belongs or a malformed date while
// the file is being typed. A file opts in with its first line:
//
//	# yaml-language-server: $schema=../schema/procedure.schema.json
//
// The schemas are draft-07, the version that extension implements fully.
// They are generated, never written by hand, so a field added to a Go
// type appears in them (and a test fails until the committed copies in
// schema/ are regenerated with -update).
//
// # From Go types to schemas
//
// A struct becomes an object whose properties are its fields with a
// `yaml` tag; unknown properties are refused (additionalProperties:
// false), as the decoder refuses unknown fields. Each field's description
// is its `doc` tag, in Vietnamese, followed by what its `check` tag
// requires and its `example` tag. A field without a `doc` tag is a
// mistake that TestEveryFieldDocumented reports.
//
// Text accepts any scalar (the decoder reads 2024 or true as text); lists
// become arrays, whole numbers non-negative integers, *T is T. A type that
// decodes itself (a strictyaml.Unmarshaler such as a date or a link) says
// what it accepts with a JSONSchema method (see Describer); the decoder's
// own rules stay the reference, and a test compares the two on good and
// broken files. A field that is not required also accepts an empty value
// ("decision:" with nothing after it), as the decoder does. In procedure
// files, text that still says TODO is underlined as not filled in.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"qrboard/internal/config"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
	"qrboard/internal/strictyaml"
	"qrboard/internal/value"
)

// Draft is the JSON Schema version of the generated schemas.
const Draft = "http://json-schema.org/draft-07/schema#"

// Describer is implemented by types that decode themselves, to describe
// what they accept as a JSON Schema.
type Describer interface {
	JSONSchema() map[string]any
}

// File is one generated schema file.
type File struct {
	Name string // file name inside the schema folder
	Data []byte
}

// Dir is the folder of a project that holds the schema files; the
// yaml-language-server lines of the sample files point into it.
const Dir = "schema"

// Files returns the schema files of a project: one for procedure files,
// one for qrboard.yaml.
func Files() []File {
	return []File{
		// Procedure files refuse TODO (strictyaml.RefusePlaceholders);
		// qrboard.yaml uses it for contact details not published yet.
		{"procedure.schema.json", Generate(reflect.TypeFor[procedure.Procedure](), msg.New(msg.SchemaProcedure), true)},
		{"qrboard.schema.json", Generate(reflect.TypeFor[config.Config](), msg.New(msg.SchemaConfig), false)},
	}
}

// Line returns the comment that opens a YAML file and links it to the
// schema file name, for a file in the folder depth levels below the
// project root (procedures/ is 1).
func Line(name string, depth int) string {
	return "# yaml-language-server: $schema=" + strings.Repeat("../", depth) + Dir + "/" + name
}

// Generate returns the schema of root, a struct type, as indented JSON.
// With refuseTODO, text starting with TODO is underlined as not filled in.
func Generate(root reflect.Type, title msg.Text, refuseTODO bool) []byte {
	s := typeSchema(root)
	if refuseTODO {
		walk(s, refusePlaceholder)
	}
	s["$schema"] = Draft
	s["title"] = title.In(msg.Vi)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		panic(err) // maps of strings, numbers and slices always encode
	}
	return b.Bytes()
}

var (
	describerType   = reflect.TypeFor[Describer]()
	unmarshalerType = reflect.TypeFor[strictyaml.Unmarshaler]()
)

// typeSchema returns the schema of values of type t.
func typeSchema(t reflect.Type) map[string]any {
	if t.Implements(describerType) {
		return reflect.Zero(t).Interface().(Describer).JSONSchema()
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) && len(strictyaml.Fields(t)) == 0 {
		panic(fmt.Sprintf("schema: %v decodes itself: give it a JSONSchema method", t))
	}
	switch t.Kind() {
	case reflect.Pointer:
		return typeSchema(t.Elem())
	case reflect.Struct:
		return object(t)
	case reflect.Slice:
		return map[string]any{"type": "array", "items": typeSchema(t.Elem()),
			"errorMessage": msg.New(msg.SchemaList).In(msg.Vi)}
	case reflect.String:
		return value.TextSchema()
	case reflect.Bool:
		return map[string]any{"type": "boolean", "errorMessage": msg.New(msg.SchemaBool).In(msg.Vi)}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return map[string]any{"type": "integer", "minimum": 0, "errorMessage": msg.New(msg.SchemaNumber).In(msg.Vi)}
	}
	panic(fmt.Sprintf("schema: no schema for %v", t))
}

// object returns the schema of a struct decoded field by field.
func object(t reflect.Type) map[string]any {
	fields := strictyaml.Fields(t)
	props := map[string]any{}
	var required, either []any
	for _, f := range fields {
		props[f.Name] = fieldSchema(f)
		switch {
		case f.Required && f.Unless != "":
			// Either field will do, given and not empty, as the decoder accepts.
			either = append(either, given(f.Name), given(f.Unless))
		case f.Required:
			required = append(required, f.Name)
		}
	}
	// No errorMessage here: the YAML extension would show it instead of
	// "Missing property" and "Property … is not allowed" too.
	s := map[string]any{
		"type":                 "object",
		"properties":           props,
		"additionalProperties": false,
	}
	if len(required) > 0 {
		s["required"] = required
	}
	if len(either) > 0 {
		s["anyOf"] = either
	}
	return s
}

// given requires property name to be present and not empty.
func given(name string) map[string]any {
	return map[string]any{
		"required":   []any{name},
		"properties": map[string]any{name: map[string]any{"not": map[string]any{"enum": []any{nil, ""}}}},
	}
}

// fieldSchema returns the schema of one field: its type's schema with the
// field's limits and description.
func fieldSchema(f strictyaml.Field) map[string]any {
	s := typeSchema(f.Struct.Type)
	typeDesc, _ := s["description"].(string)
	if f.Max > 0 {
		switch {
		case hasType(s, "array"):
			s["maxItems"] = f.Max
		case hasType(s, "integer"):
			s["maximum"] = f.Max
		case hasType(s, "string"):
			s["maxLength"] = f.Max
		}
	}
	if f.Required && f.Unless == "" {
		switch {
		case hasType(s, "array"):
			s["minItems"] = 1
		case hasType(s, "string"):
			s["minLength"] = 1
		}
	} else {
		allowNull(s)
	}
	s["description"] = describe(f, typeDesc)
	return s
}

// Describe returns the description of field f in Vietnamese, as the
// schemas give it: its doc tag, what its type accepts, whether it is
// required, its limit and its example. New procedure files use it for
// their comments.
func Describe(f strictyaml.Field) string {
	typeDesc, _ := typeSchema(f.Struct.Type)["description"].(string)
	return describe(f, typeDesc)
}

func describe(f strictyaml.Field, extra string) string {
	parts := []string{strings.TrimSuffix(f.Struct.Tag.Get("doc"), ".")}
	if extra != "" {
		parts = append(parts, extra)
	}
	var rules []string
	switch {
	case f.Required && f.Unless != "":
		rules = append(rules, msg.New(msg.DescRequiredUnless, f.Unless).In(msg.Vi))
	case f.Required:
		rules = append(rules, msg.New(msg.DescRequired).In(msg.Vi))
	}
	if f.Max > 0 {
		rules = append(rules, limit(f))
	}
	if len(rules) > 0 {
		parts = append(parts, strings.Join(rules, ", "))
	}
	if ex := f.Struct.Tag.Get("example"); ex != "" {
		parts = append(parts, msg.New(msg.DescExample, ex).In(msg.Vi))
	}
	for i := 1; i < len(parts); i++ {
		parts[i] = upperFirst(parts[i])
	}
	return strings.Join(parts, ". ")
}

// limit words the max= rule of f for its kind of value.
func limit(f strictyaml.Field) string {
	t := f.Struct.Type
	switch {
	case t.Kind() == reflect.Slice:
		return msg.New(msg.DescMaxItems, f.Max).In(msg.Vi)
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Int64:
		return msg.New(msg.DescMaxNumber, f.Max).In(msg.Vi)
	}
	return msg.New(msg.DescMaxChars, f.Max).In(msg.Vi)
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// notPlaceholder matches text that does not start with TODO (after
// spaces, in any case), written without look-ahead so that both the
// editor's and Go's regular expressions read it.
const notPlaceholder = `^\s*([^\sTt]|[Tt]([^Oo]|$)|[Tt][Oo]([^Dd]|$)|[Tt][Oo][Dd]([^Oo]|$)|$)`

// refusePlaceholder makes free text in s refuse TODO, as the decoder does
// with strictyaml.RefusePlaceholders. Schemas with their own pattern or
// choices refuse it already.
func refusePlaceholder(s map[string]any) {
	if !hasType(s, "string") || s["pattern"] != nil || s["enum"] != nil {
		return
	}
	s["pattern"] = notPlaceholder
	s["patternErrorMessage"] = msg.New(msg.SchemaUnfilled).In(msg.Vi)
}

// walk calls fn for s and every schema inside it.
func walk(s map[string]any, fn func(map[string]any)) {
	fn(s)
	for _, key := range []string{"items", "properties", "anyOf"} {
		switch v := s[key].(type) {
		case map[string]any:
			if key == "properties" {
				for _, p := range v {
					walk(p.(map[string]any), fn)
				}
			} else {
				walk(v, fn)
			}
		case []any:
			for _, alt := range v {
				walk(alt.(map[string]any), fn)
			}
		}
	}
}

// types returns the JSON types s accepts.
func types(s map[string]any) []any {
	switch t := s["type"].(type) {
	case string:
		return []any{t}
	case []any:
		return t
	}
	return nil
}

func hasType(s map[string]any, name string) bool {
	for _, t := range types(s) {
		if t == name {
			return true
		}
	}
	return false
}

// allowNull lets s also accept an empty value.
func allowNull(s map[string]any) {
	if ts := types(s); ts != nil {
		if !hasType(s, "null") {
			s["type"] = append(append([]any{}, ts...), "null")
		}
		if enum, ok := s["enum"].([]any); ok {
			s["enum"] = append(enum, nil)
		}
		return
	}
	if alts, ok := s["anyOf"].([]any); ok {
		s["anyOf"] = append(alts, map[string]any{"type": "null"})
	}
}
