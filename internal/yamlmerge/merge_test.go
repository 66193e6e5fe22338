package yamlmerge

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

var rules = Rules{
	Keys:  map[string]string{"channels": "method", "documents": "name"},
	Whole: map[string]bool{"steps": true},
}

func parse(t *testing.T, s string) *yaml.Node {
	t.Helper()
	if s == "-" {
		return nil
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(s), &n); err != nil {
		t.Fatal(err)
	}
	return &n
}

func render(t *testing.T, n *yaml.Node) string {
	t.Helper()
	if n == nil {
		return ""
	}
	var b bytes.Buffer
	e := yaml.NewEncoder(&b)
	e.SetIndent(2)
	if err := e.Encode(n); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(b.String())
}

func TestMerge(t *testing.T) {
	for _, tc := range []struct {
		name, base, ours, theirs, want string
		changed, conflicts             []string
	}{
		{"nobody changed", "a: 1\nb: 2", "a: 1\nb: 2", "a: 1\nb: 2", "a: 1\nb: 2", nil, nil},
		{"theirs changed", "a: 1\nb: 2", "a: 1\nb: 2", "a: 1\nb: 3", "a: 1\nb: 3", []string{"b"}, nil},
		{"ours changed", "a: 1\nb: 2", "a: 9\nb: 2", "a: 1\nb: 3", "a: 9\nb: 3", []string{"b"}, nil},
		{"both changed alike", "a: 1", "a: 2", "a: 2", "a: 2", []string{"a"}, nil},
		{"both changed: ours kept", "a: 1", "a: 2", "a: 3", "a: 2", []string{"a"}, []string{"a"}},
		{"theirs added after its neighbour", "a: 1\nc: 3", "a: 1\nc: 3", "a: 1\nb: 2\nc: 3", "a: 1\nb: 2\nc: 3", []string{"b"}, nil},
		{"ours added stays", "a: 1", "a: 1\nz: 9", "a: 2", "a: 2\nz: 9", []string{"a"}, nil},
		{"ours deleted stays deleted", "a: 1\nb: 2", "a: 1", "a: 3\nb: 2", "a: 3", []string{"a"}, nil},
		{"ours deleted, theirs changed", "a: 1\nb: 2", "a: 1", "a: 1\nb: 5", "a: 1", []string{"b"}, []string{"b"}},
		{"theirs deleted", "a: 1\nb: 2", "a: 1\nb: 2", "a: 1", "a: 1", []string{"b"}, nil},
		{"empty counts as absent", "a: 1", "a: 1\nb:", "a: 2", "a: 2", []string{"a"}, nil},
		{"keyed items", "channels:\n  - {method: x, fee: ''}\n  - {method: y, fee: '1'}",
			"channels:\n  - {method: x, fee: '8'}\n  - {method: y, fee: '1'}",
			"channels:\n  - {method: x, fee: '', time: '2'}\n  - {method: y, fee: '1'}\n  - {method: z, fee: '3'}",
			"channels:\n  - {method: x, fee: '8', time: '2'}\n  - {method: y, fee: '1'}\n  - {method: z, fee: '3'}",
			[]string{"channels[x].time", "channels[z]"}, nil},
		{"keyed item removed by theirs", "documents:\n  - name: A\n  - name: B", "documents:\n  - name: A\n  - name: B", "documents:\n  - name: B",
			"documents:\n  - name: B", []string{"documents[A]"}, nil},
		{"set of words", "k: [a, b, c]", "k: [a, c, mine]", "k: [a, b, d]", "k: [a, d, mine]", []string{"k"}, nil},
		{"whole list: conflict", "steps: [a, b]", "steps: [a, b, c]", "steps: [a, x]", "steps: [a, b, c]", []string{"steps"}, []string{"steps"}},
		{"no base: both differ", "-", "a: 1\nb: 2", "a: 1\nb: 3\nc: 4", "a: 1\nb: 2\nc: 4", []string{"a", "b", "c"}, []string{"b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Merge(parse(t, tc.base), parse(t, tc.ours), parse(t, tc.theirs), rules)
			want := render(t, parse(t, tc.want))
			if got := render(t, r.Node); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
			if !slices.Equal(r.Changed, tc.changed) {
				t.Errorf("changed %q, want %q", r.Changed, tc.changed)
			}
			var conflicts []string
			for _, c := range r.Conflicts {
				conflicts = append(conflicts, c.Path)
			}
			if !slices.Equal(conflicts, tc.conflicts) {
				t.Errorf("conflicts %q, want %q", conflicts, tc.conflicts)
			}
		})
	}
}

// TestKeepsComments keeps the comments of ours.
func TestKeepsComments(t *testing.T) {
	base := parse(t, "a: 1\nb: 2\n")
	ours := parse(t, "# about a\na: 1 # the first\nb: 2\n")
	theirs := parse(t, "a: 5\nb: 2\n")
	got := render(t, Merge(base, ours, theirs, rules).Node)
	if !strings.Contains(got, "# about a") || !strings.Contains(got, "a: 5") {
		t.Errorf("comments lost or value not merged:\n%s", got)
	}
}

func TestEqual(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"a: 1\nb: 2", "b: 2\na: 1", true},
		{"a: '1'", "a: 1", true},
		{"a: 1\nb:", "a: 1", true},
		{"a: [1, 2]", "a: [2, 1]", false},
		{"a: x", "a: y", false},
	} {
		if got := Equal(parse(t, tc.a), parse(t, tc.b)); got != tc.want {
			t.Errorf("Equal(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

func TestFill(t *testing.T) {
	ours := parse(t, "# mine\na: 1\nk: [x]\nc: 3\n")
	theirs := parse(t, "a: 2\nb: 5\nk: [y, z]\nc: 4\nd: 6\n")
	got, added := Fill(ours, theirs)
	want := render(t, parse(t, "# mine\na: 1\nb: 5\nk: [x]\nc: 3\nd: 6\n"))
	if r := render(t, got); r != want {
		t.Errorf("got:\n%s\nwant:\n%s", r, want)
	}
	if !slices.Equal(added, []string{"b", "d"}) {
		t.Errorf("added %v", added)
	}
}
