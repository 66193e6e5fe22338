package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"qrboard"
	"qrboard/internal/config"
	"qrboard/internal/diag"
	"qrboard/internal/procedure"
	"qrboard/internal/strictyaml"
)

var update = flag.Bool("update", false, "rewrite the committed schema files in schema/ from the Go types")

// repoSchemaDir is the schema folder of the sample project at the
// repository root.
const repoSchemaDir = "../../" + Dir

// TestCommitted fails when the schema files committed in schema/ are not
// what the Go types generate, so that a field added to a type cannot be
// missing from the editors' schemas. Run with -update to rewrite them.
func TestCommitted(t *testing.T) {
	for _, f := range Files() {
		file := filepath.Join(repoSchemaDir, f.Name)
		if *update {
			if err := os.WriteFile(file, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/schema -update)", err)
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("%s is out of date: run go test ./internal/schema -update", file)
		}
	}
}

// compile returns the schema file name compiled by a real JSON Schema
// validator, which also checks that it is a valid draft-07 schema.
func compile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	for _, f := range Files() {
		if f.Name != name {
			continue
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(f.Data))
		if err != nil {
			t.Fatal(err)
		}
		c := jsonschema.NewCompiler()
		if err := c.AddResource(name, doc); err != nil {
			t.Fatal(err)
		}
		s, err := c.Compile(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return s
	}
	t.Fatalf("no schema %s", name)
	return nil
}

// instance converts a YAML file to the JSON value an editor's YAML
// extension validates: YAML 1.2 core types, so 2026-11-27 is a string and
// 1 a number.
func instance(t *testing.T, data []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Content) == 0 {
		return nil
	}
	js, err := json.Marshal(toJSON(doc.Content[0]))
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func toJSON(n *yaml.Node) any {
	switch n.Kind {
	case yaml.AliasNode:
		return toJSON(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = toJSON(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := []any{}
		for _, c := range n.Content {
			s = append(s, toJSON(c))
		}
		return s
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		return strings.EqualFold(n.Value, "true")
	case "!!int", "!!float":
		if f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil {
			return f
		}
	}
	return n.Value
}

// TestSampleValid validates every file of the sample project against its
// schema.
func TestSampleValid(t *testing.T) {
	proc, cfg := compile(t, "procedure.schema.json"), compile(t, "qrboard.schema.json")
	sample := qrboard.Sample()
	files, _ := fs.Glob(sample, procedure.Dir+"/*.yaml")
	files = append(files, config.File)
	for _, file := range files {
		data, err := fs.ReadFile(sample, file)
		if err != nil {
			t.Fatal(err)
		}
		s := proc
		if file == config.File {
			s = cfg
		}
		if err := s.Validate(instance(t, data)); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
	if len(files) < 2 {
		t.Fatal("no sample files")
	}
}

// TestSampleLinksSchema checks that every sample file opens with the line
// that links it to its schema, so VS Code finds the schema.
func TestSampleLinksSchema(t *testing.T) {
	sample := qrboard.Sample()
	files, _ := fs.Glob(sample, procedure.Dir+"/*.yaml")
	for _, file := range append(files, config.File) {
		data, _ := fs.ReadFile(sample, file)
		want := Line("procedure.schema.json", 1)
		if file == config.File {
			want = Line("qrboard.schema.json", 0)
		}
		if first, _, _ := strings.Cut(string(data), "\n"); strings.TrimSpace(first) != want {
			t.Errorf("%s starts with %q, want %q", file, first, want)
		}
	}
}

// TestAgreesWithDecoder runs changed copies of a sample procedure through
// both the decoder (the reference) and the schema, and expects the same
// verdict: a file qrboard refuses for its shape is underlined in the
// editor, and a file it accepts is not.
func TestAgreesWithDecoder(t *testing.T) {
	s := compile(t, "procedure.schema.json")
	base, err := fs.ReadFile(qrboard.Sample(), procedure.Dir+"/dang-ky-ket-hon.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		edit      func(string) string
		wantValid bool
	}{
		{"unchanged", same, true},
		{"unknown field", appendLine("shortname: Chứng thực"), false},
		{"misspelt nested field", replace("  - method: in_person", "  - methd: in_person"), false},
		{"list for text", replaceLine("short_name:", "short_name: [Đăng ký, kết hôn]"), false},
		{"text for list", replaceLine("applicants:", "applicants: Công dân Việt Nam"), false},
		{"date day first", replace("updated: 2026-12-02", "updated: 02/12/2026"), false},
		{"unknown level", replace("level: commune", "level: xa"), false},
		{"negative number", replace("originals: 1", "originals: -1"), false},
		{"number too large", replace("originals: 1", "originals: 21"), false},
		{"name too long", replaceLine("short_name:", "short_name: "+strings.Repeat("x", 81)), false},
		{"missing required", removeLine("result:"), false},
		{"empty optional", replace("decision: 163/QĐ-BTP", "decision:"), true},
		{"empty optional list", appendLine("aliases:"), true},
		{"unquoted code", replace(`code: "1.000894"`, `code: 1.000894`), true},
		{"number as text", replace("decision: 163/QĐ-BTP", "decision: 2024"), true},
		{"office list", replace("offices: communes", "offices: [phuc-loc, phuc-tho]"), true},
		{"one office", replace("offices: communes", "offices: phuc-loc"), true},
		{"alias with accents", appendLine("aliases: [Kết hôn]"), false},
		{"bad link", replaceLine("online_url:", "online_url: javascript:alert(1)"), false},
		{"yes for true", replace("no_wait: true", "no_wait: yes"), false},
		{"empty optional number", replace("originals: 1", "originals:"), true},
		{"fee not filled in", replace("fee: Miễn lệ phí", "fee: TODO"), false},
		{"step not filled in", replace("  - Nhận Giấy chứng nhận kết hôn.", "  - \"todo: bước cuối\""), false},
		{"name starting like TODO", replaceLine("short_name:", "short_name: Tổ dân phố"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.edit(string(base))
			if data == string(base) && tt.name != "unchanged" {
				t.Fatal("the edit changed nothing")
			}
			var diags diag.List
			fsys := fstest.MapFS{"procedures/x.yaml": {Data: []byte(data)}}
			decoded := procedure.Load(fsys, "procedures/x.yaml", "x", &diags) != nil
			schemaErr := s.Validate(instance(t, []byte(data)))
			if decoded != tt.wantValid {
				t.Errorf("decoder accepts: %v, want %v; problems: %v", decoded, tt.wantValid, diags)
			}
			if (schemaErr == nil) != tt.wantValid {
				t.Errorf("schema accepts: %v, want %v: %v", schemaErr == nil, tt.wantValid, schemaErr)
			}
		})
	}
}

func same(s string) string { return s }

func appendLine(line string) func(string) string {
	return func(s string) string { return s + "\n" + line + "\n" }
}

func replace(old, new string) func(string) string {
	return func(s string) string { return strings.Replace(s, old, new, 1) }
}

// replaceLine replaces the line starting with prefix and the indented or
// list lines under it.
func replaceLine(prefix, new string) func(string) string {
	return func(s string) string {
		var out []string
		skipping := false
		for _, line := range strings.Split(s, "\n") {
			switch {
			case strings.HasPrefix(line, prefix):
				out = append(out, new)
				skipping = true
			case skipping && (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "-")):
			default:
				skipping = false
				out = append(out, line)
			}
		}
		return strings.Join(out, "\n")
	}
}

func removeLine(prefix string) func(string) string { return replaceLine(prefix, "") }

// TestRejectsUnknownField shows the schema of qrboard.yaml refusing an
// unknown field, at the top and inside an office.
func TestRejectsUnknownField(t *testing.T) {
	s := compile(t, "qrboard.schema.json")
	data, err := fs.ReadFile(qrboard.Sample(), config.File)
	if err != nil {
		t.Fatal(err)
	}
	for _, edit := range []func(string) string{
		appendLine("titel: Thủ tục"),
		replace("    kind: district", "    kind: district\n    adress: Phúc Thọ"),
	} {
		err := s.Validate(instance(t, []byte(edit(string(data)))))
		if err == nil || !strings.Contains(err.Error(), "additional propert") {
			t.Errorf("unknown field accepted or refused for another reason: %v", err)
		}
	}
}

// TestEveryFieldDocumented walks every type the schemas describe and
// fails for a field without a Vietnamese description (doc tag), so a new
// field cannot reach the editors unexplained.
func TestEveryFieldDocumented(t *testing.T) {
	for _, root := range roots {
		walkFields(root, "", func(name string, f strictyaml.Field) {
			if strings.TrimSpace(f.Struct.Tag.Get("doc")) == "" {
				t.Errorf("%s (%v): no doc tag", name, root)
			}
		})
	}
}

var roots = []reflect.Type{reflect.TypeFor[procedure.Procedure](), reflect.TypeFor[config.Config]()}

// walkFields calls fn for every YAML field reachable from struct type t.
func walkFields(t reflect.Type, prefix string, fn func(name string, f strictyaml.Field)) {
	for _, f := range strictyaml.Fields(t) {
		name := path.Join(prefix, f.Name)
		fn(name, f)
		ft := f.Struct.Type
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && !ft.Implements(describerType) {
			walkFields(ft, name, fn)
		}
	}
}

// TestEnumsMatchDecoder decodes every word an enum of the schemas offers,
// which must be accepted, and a word that is not offered, which must be
// refused: the editor offers exactly the choices qrboard accepts.
func TestEnumsMatchDecoder(t *testing.T) {
	checked := 0
	for _, root := range roots {
		walkFields(root, "", func(name string, f strictyaml.Field) {
			ft := f.Struct.Type
			for ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			s := typeSchema(ft)
			enums := [][]any{}
			if e, ok := s["enum"].([]any); ok {
				enums = append(enums, e)
			}
			for _, alt := range anyOf(s) {
				if e, ok := alt["enum"].([]any); ok {
					enums = append(enums, e)
				}
			}
			for _, enum := range enums {
				checked++
				for _, w := range enum {
					if err := decodeWord(ft, fmt.Sprint(w)); err != "" {
						t.Errorf("%s: the schema offers %q, the decoder refuses it: %s", name, w, err)
					}
				}
				if name != "offices" { // a single office id is accepted there
					if decodeWord(ft, "not-a-choice") == "" {
						t.Errorf("%s: the decoder accepts a word the schema does not offer", name)
					}
				}
			}
		})
	}
	if checked < 4 {
		t.Fatalf("only %d enums found", checked)
	}
}

func anyOf(s map[string]any) []map[string]any {
	var out []map[string]any
	alts, _ := s["anyOf"].([]any)
	for _, a := range alts {
		if m, ok := a.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// decodeWord decodes "v: word" into a value of type t and returns the
// first error, or "".
func decodeWord(t reflect.Type, word string) string {
	holder := reflect.New(reflect.StructOf([]reflect.StructField{{Name: "V", Type: t, Tag: `yaml:"v"`}}))
	var diags diag.List
	strictyaml.Decode("x.yaml", []byte("v: "+word+"\n"), holder.Interface(), &diags)
	if diags.HasErrors() {
		return diags[0].Text.String()
	}
	return ""
}
