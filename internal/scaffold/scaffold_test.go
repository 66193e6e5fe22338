package scaffold

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v3"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
	"qrboard/internal/schema"
	"qrboard/internal/strictyaml"
)

// TestEveryField checks that a new file names every field of every group
// a procedure file can hold — the commented-out groups included — so a
// field added to the Go types cannot be missing from new files.
func TestEveryField(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal(render("x", true), &doc); err != nil {
		t.Fatalf("the expanded file is not YAML: %v", err)
	}
	seen := map[reflect.Type]map[string]bool{}
	collect(doc.Content[0], reflect.TypeFor[procedure.Procedure](), seen)
	checked := 0
	for typ, names := range wanted(reflect.TypeFor[procedure.Procedure](), nil) {
		for _, name := range names {
			checked++
			if !seen[typ][name] {
				t.Errorf("%v.%s is not in new files", typ, name)
			}
		}
	}
	if checked < 40 {
		t.Fatalf("only %d fields checked", checked)
	}
}

// collect records the keys of mapping n, decoded as struct type t, and
// of the groups inside it.
func collect(n *yaml.Node, t reflect.Type, seen map[reflect.Type]map[string]bool) {
	if n.Kind != yaml.MappingNode {
		return
	}
	if seen[t] == nil {
		seen[t] = map[string]bool{}
	}
	fields := strictyaml.Fields(t)
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i].Value, n.Content[i+1]
		seen[t][key] = true
		for _, f := range fields {
			if f.Name != key {
				continue
			}
			if g := groupType(f.Struct.Type); g != nil {
				if val.Kind == yaml.SequenceNode {
					for _, item := range val.Content {
						collect(item, g, seen)
					}
				} else {
					collect(val, g, seen)
				}
			}
		}
	}
}

// wanted lists the field names of t and of every group type inside it.
func wanted(t reflect.Type, into map[reflect.Type][]string) map[reflect.Type][]string {
	if into == nil {
		into = map[reflect.Type][]string{}
	}
	if _, done := into[t]; done {
		return into
	}
	into[t] = strictyaml.FieldNames(t)
	for _, f := range strictyaml.Fields(t) {
		if g := groupType(f.Struct.Type); g != nil {
			wanted(g, into)
		}
	}
	return into
}

// TestUnfilled loads a new file as it is: it must be valid YAML whose only
// errors are the fields still saying TODO, one each, on their lines.
func TestUnfilled(t *testing.T) {
	data := Procedure("dang-ky-khai-sinh")
	lines := strings.Split(string(data), "\n")
	if lines[0] != schema.Line("procedure.schema.json", 1) {
		t.Errorf("first line %q does not link the schema", lines[0])
	}
	todo := 0
	for _, l := range lines {
		if !strings.HasPrefix(strings.TrimSpace(l), "#") && strings.Contains(l, "TODO") {
			todo++
		}
	}
	diags := load(t, data)
	if len(diags) != todo {
		t.Errorf("%d problems for %d values to fill in:\n%s", len(diags), todo, format(diags))
	}
	for _, d := range diags {
		if d.Text.ID() != msg.Unfilled || d.Severity != diag.Error {
			t.Errorf("unexpected problem: %s", d.Format(msg.En, ""))
			continue
		}
		if line := lines[d.Pos.Line-1]; !strings.Contains(line, "TODO") {
			t.Errorf("%s points at %q", d.Format(msg.En, ""), line)
		}
	}
	if len(diags) < 10 {
		t.Errorf("only %d fields to fill in", len(diags))
	}
}

// filled is what a member of staff writes instead of each TODO.
var filled = map[string]string{
	"code":    `"2.000884"`,
	"level":   "commune",
	"method":  "in_person",
	"offices": "communes",
	"updated": "2026-11-27",
	"date":    "2026-07-20",
}

var todoRE = regexp.MustCompile(`(?m)^(\s*(?:- )?)(?:(\w+): )?TODO$`)

func fill(data []byte) []byte {
	return todoRE.ReplaceAllFunc(data, func(m []byte) []byte {
		sub := todoRE.FindSubmatch(m)
		key := string(sub[2])
		v, ok := filled[key]
		if !ok {
			v = "Thông tin thật"
		}
		if key == "" {
			return append(sub[1], v...)
		}
		return []byte(string(sub[1]) + key + ": " + v)
	})
}

// TestFilled fills in every TODO of a new file — as written, and with the
// commented-out groups brought in — and expects a file without problems.
func TestFilled(t *testing.T) {
	for _, data := range [][]byte{Procedure("x"), render("x", true)} {
		f := fill(data)
		for _, line := range strings.Split(string(f), "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "#") && strings.Contains(line, "TODO") {
				t.Fatalf("a TODO was left: %q", line)
			}
		}
		if diags := load(t, f); len(diags) > 0 {
			t.Errorf("problems in a filled-in file:\n%s\n%s", format(diags), f)
		}
	}
}

func load(t *testing.T, data []byte) diag.List {
	t.Helper()
	var diags diag.List
	fsys := fstest.MapFS{"procedures/x.yaml": {Data: data}}
	procedure.Load(fsys, "procedures/x.yaml", "x", &diags)
	return diags
}

func format(l diag.List) string {
	var b strings.Builder
	l.Print(&b, msg.En, "", diag.Warning)
	return b.String()
}
