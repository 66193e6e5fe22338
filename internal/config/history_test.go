package config

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
)

// header is the start of every qrboard.yaml below; offices follow it,
// the first on line 5.
const header = "title: T\nauthority: A\nbase_url: https://x.example/\noffices:\n"

// office writes one entry of offices: its id and, as "key: value" pairs,
// its other fields; name and kind are filled in.
func office(id string, fields ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  - id: %s\n    name: Xã %s\n    kind: commune\n", id, id)
	for _, f := range fields {
		fmt.Fprintf(&b, "    %s\n", f)
	}
	return b.String()
}

func load(t *testing.T, offices ...string) (*Config, diag.List) {
	t.Helper()
	data := header + strings.Join(offices, "")
	return Load(fstest.MapFS{File: {Data: []byte(data)}})
}

// errorLines formats the errors of diags as "line: message (hint: …)" in English.
func errorLines(diags diag.List) []string {
	var out []string
	for _, d := range diags {
		if d.Severity != diag.Error {
			continue
		}
		s := fmt.Sprintf("%d: %s", d.Pos.Line, d.Text.In(msg.En))
		if !d.Hint.IsZero() {
			s += " (hint: " + d.Hint.In(msg.En) + ")"
		}
		out = append(out, s)
	}
	return out
}

// TestHistory checks the rules for offices through time: each case is a
// list of offices and the errors expected, by line.
func TestHistory(t *testing.T) {
	for _, tc := range []struct {
		name    string
		offices []string
		want    []string
	}{
		{
			name: "two-step chain",
			offices: []string{
				office("van-ha", "until: 2025-01-01", "successor: nam-ha"),
				office("van-nam", "until: 2025-01-01", "successor: nam-ha"),
				office("nam-ha", "from: 2025-01-01", "until: 2025-07-01", "successor: phuc-loc"),
				office("phuc-loc", "from: 2025-07-01"),
			},
		},
		{
			name: "reused id, code and name",
			offices: []string{
				office("hat-mon", `code: "09751"`, "until: 2025-07-01", "successor: hat-mon"),
				office("tam-thuan", `code: "09772"`, "until: 2025-07-01", "successor: hat-mon"),
				office("hat-mon", `code: "09772"`, "from: 2025-07-01"),
			},
		},
		{
			name: "several successors",
			offices: []string{
				office("huyen", "until: 2025-07-01", "successor: [a, b]"),
				office("a", "from: 2025-07-01"),
				office("b"),
			},
		},
		{
			name: "a successor that existed before",
			offices: []string{
				office("a", "until: 2025-07-01", "successor: b"),
				office("b", "from: 2020-01-01"),
			},
		},
		{
			name: "cycle",
			offices: []string{
				office("a", "until: 2025-07-01", "successor: b"),
				office("b", "until: 2025-07-01", "successor: a"),
			},
			want: []string{`9: the successors go round in a circle: a → b → a (hint: a successor is the office that takes over after this one closes, never one before it)`},
		},
		{
			name:    "cycle of one",
			offices: []string{office("a", "until: 2025-07-01", "successor: a")},
			want:    []string{`9: the successors go round in a circle: a → a (hint: a successor is the office that takes over after this one closes, never one before it)`},
		},
		{
			name: "unknown successor",
			offices: []string{
				office("vong-xuyen", "until: 2025-07-01", "successor: phuc-locc"),
				office("phuc-loc", "from: 2025-07-01"),
			},
			want: []string{`9: there is no office "phuc-locc" in qrboard.yaml (successor of "vong-xuyen") (hint: did you mean "phuc-loc"?)`},
		},
		{
			name: "gap",
			offices: []string{
				office("vong-xuyen", "until: 2025-07-01", "successor: phuc-loc"),
				office("phuc-loc", "from: 2025-09-01"),
			},
			want: []string{`9: successor "phuc-loc" of "vong-xuyen" only starts on 2025-09-01, after "vong-xuyen" closed (2025-07-01): its old addresses would lead nowhere in between (hint: correct the from of "phuc-loc" or the until of "vong-xuyen": the successor must be serving on the day the old office closes)`},
		},
		{
			name: "successor closed already",
			offices: []string{
				office("a", "until: 2025-07-01", "successor: b"),
				office("b", "until: 2025-01-01", "successor: c"),
				office("c", "from: 2025-01-01"),
			},
			want: []string{`9: successor "b" of "a" had already closed on 2025-01-01, before "a" closed (2025-07-01) (hint: correct the from of "b" or the until of "a": the successor must be serving on the day the old office closes)`},
		},
		{
			name: "successor by a reused id, at the wrong time",
			offices: []string{
				office("hat-mon", "until: 2025-07-01", "successor: hat-mon"),
				office("hat-mon", "from: 2025-08-01"),
			},
			want: []string{`9: successor "hat-mon" of "hat-mon" only starts on 2025-08-01, after "hat-mon" closed (2025-07-01): its old addresses would lead nowhere in between (hint: correct the from of "hat-mon" or the until of "hat-mon": the successor must be serving on the day the old office closes)`},
		},
		{
			name:    "closed without a successor",
			offices: []string{office("vong-xuyen", "until: 2025-07-01")},
			want:    []string{`5: office "vong-xuyen" closed on 2025-07-01 but names no successor: its old addresses would lead nowhere (hint: add successor: the id of the office that took over its land and procedures, for example successor: phuc-loc)`},
		},
		{
			name: "successor without until",
			offices: []string{
				office("vong-xuyen", "successor: phuc-loc"),
				office("phuc-loc"),
			},
			want: []string{`8: office "vong-xuyen" has a successor but no until (hint: add until: the day the merger took effect, for example until: 2025-07-01)`},
		},
		{
			name: "until before from",
			offices: []string{
				office("a", "from: 2025-07-01", "until: 2025-01-01", "successor: b"),
				office("b"),
			},
			want: []string{`5: office "a": until 2025-01-01 must be after from 2025-07-01`},
		},
		{
			name:    "same id at the same time",
			offices: []string{office("hat-mon", "until: 2025-07-01", "successor: b"), office("hat-mon"), office("b")},
			want:    []string{`10: office id "hat-mon" is already used on line 5 (hint: an id can be reused by another office only at another time: give the old one until and the new one from)`},
		},
		{
			name:    "an alias taken by an office",
			offices: []string{office("a", "aliases: [b]"), office("b")},
			want:    []string{`8: office id "b" is already used on line 9`},
		},
		{
			name:    "successor not an id",
			offices: []string{office("a", "until: 2025-07-01", "successor: {id: b}"), office("b")},
			want:    []string{`9: expected a list, found a group of fields (name: value) (hint: put each item on its own line starting with "- ")`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := load(t, tc.offices...)
			got := errorLines(diags)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestSuccessorsResolved checks what Load makes of valid histories: each
// successor is the entry that had the id on the day, a reused id
// included, and Office finds the latest entry of an id.
func TestSuccessorsResolved(t *testing.T) {
	cfg, diags := load(t,
		office("hat-mon", `code: "09751"`, "until: 2025-07-01", "successor: hat-mon"),
		office("van-ha", "until: 2025-01-01", "successor: nam-ha"),
		office("nam-ha", "from: 2025-01-01", "until: 2025-07-01", "successor: [hat-mon, phuc-loc]"),
		office("phuc-loc", "from: 2025-07-01", `address: "TODO"`),
		office("hat-mon", `code: "09772"`, "from: 2025-07-01", `address: "TODO"`),
	)
	if cfg == nil {
		t.Fatal(diags.Err())
	}
	old, vanHa, namHa, phucLoc, hatMon := &cfg.Offices[0], &cfg.Offices[1], &cfg.Offices[2], &cfg.Offices[3], &cfg.Offices[4]
	for _, tc := range []struct {
		o    *Office
		want []*Office
	}{{old, []*Office{hatMon}}, {vanHa, []*Office{namHa}}, {namHa, []*Office{hatMon, phucLoc}}, {hatMon, nil}} {
		if len(tc.o.Next) != len(tc.want) {
			t.Errorf("%s (line %d): %d successors, want %d", tc.o.ID, tc.o.Pos.Line, len(tc.o.Next), len(tc.want))
			continue
		}
		for i := range tc.want {
			if tc.o.Next[i] != tc.want[i] {
				t.Errorf("%s (line %d): successor %d is line %d, want line %d", tc.o.ID, tc.o.Pos.Line, i, tc.o.Next[i].Pos.Line, tc.want[i].Pos.Line)
			}
		}
	}
	if got := cfg.Office("hat-mon"); got != hatMon {
		t.Errorf("Office(hat-mon) is line %d, want the new one on line %d", got.Pos.Line, hatMon.Pos.Line)
	}
	// Closed offices need no contact details: only the two open ones are reported.
	var warned []string
	for _, d := range diags {
		if d.Severity == diag.Warning {
			warned = append(warned, strings.Fields(d.Text.In(msg.En))[1])
		}
	}
	if strings.Join(warned, " ") != `"phuc-loc" "hat-mon"` {
		t.Errorf("placeholder warnings for %v, want the open offices only", warned)
	}
}
