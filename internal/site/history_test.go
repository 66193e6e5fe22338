package site

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"qrboard"
	"qrboard/internal/config"
	"qrboard/internal/procedure"
	"qrboard/internal/value"
)

// history is a small qrboard.yaml with two steps and a split: a closed
// on 2025-01-01 into b, which closed on 2025-07-01 into c and d; and an
// id, e, reused by a new office on 2025-07-01.
const history = `title: T
authority: A
base_url: https://x.example/
offices:
  - {id: a, name: Xã A, kind: commune, until: 2025-01-01, successor: b}
  - {id: b, name: Xã B, kind: commune, from: 2025-01-01, until: 2025-07-01, successor: [c, d]}
  - {id: c, name: Xã C, kind: commune, from: 2025-07-01}
  - {id: d, name: Xã D, kind: commune, from: 2025-07-01}
  - {id: e, name: Xã E, kind: commune, until: 2025-07-01, successor: e}
  - {id: e, name: Xã E, kind: commune, from: 2025-07-01}
`

// plan plans the sample's procedures at the offices of history on day,
// with published as the lock.
func plan(t *testing.T, day string, published ...string) *Site {
	t.Helper()
	cfg, diags := config.Load(fstest.MapFS{config.File: {Data: []byte(history)}})
	if cfg == nil {
		t.Fatal(diags.Err())
	}
	procs, diags := procedure.LoadDir(qrboard.Sample(), procedure.Dir)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	now, _ := value.ParseDate(day)
	s, diags := Plan(cfg, procs, now, published)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	return s
}

func names(offices []*Office) string {
	var out []string
	for _, o := range offices {
		out = append(out, o.Name)
	}
	return strings.Join(out, " ")
}

// TestPlanThroughTime plans the same offices on three days: each day's
// offices have pages, those closed before have notices at their
// addresses, and the history reads in order.
func TestPlanThroughTime(t *testing.T) {
	for _, tc := range []struct {
		day, current, past string
	}{
		{"2024-12-31", "Xã A Xã E", ""},
		{"2025-01-01", "Xã B Xã E", "Xã A"},
		{"2026-11-27", "Xã C Xã D Xã E", "Xã A Xã B Xã E"},
	} {
		s := plan(t, tc.day)
		if got := names(s.Offices); got != tc.current {
			t.Errorf("%s: offices %q, want %q", tc.day, got, tc.current)
		}
		if got := names(s.Past); got != tc.past {
			t.Errorf("%s: past offices %q, want %q", tc.day, got, tc.past)
		}
		if s.Page("c/") != nil != strings.Contains(tc.current, "Xã C") {
			t.Errorf("%s: /c/ published %v", tc.day, s.Page("c/") != nil)
		}
	}
}

// TestNotices checks the notices of the past offices on a day after both
// steps: their content, where they lead, and what the current offices
// list as their former units.
func TestNotices(t *testing.T) {
	s := plan(t, "2026-11-27", "/a/", "/a/dang-ky-ket-hon/", "/a/ket-hon-cu/", "/e/dang-ky-ket-hon/", "/b/", "/c/")
	a := s.PastOffice("a")
	var steps []string
	for _, st := range a.Steps {
		steps = append(steps, st.Date.String()+" "+st.Office.ID+"→"+strings.Join(IDs(st.Into), ","))
	}
	if got := strings.Join(steps, "; "); got != "2025-01-01 a→b; 2025-07-01 b→c,d" {
		t.Errorf("steps of a: %s", got)
	}
	if got := names(a.Successors); got != "Xã C Xã D" {
		t.Errorf("a leads to %q", got)
	}
	notices := map[string]*Redirect{}
	for i, r := range s.Redirects {
		if r.Notice != nil {
			notices[r.From] = &s.Redirects[i]
		}
	}
	keys := slices.Sorted(maps.Keys(notices))
	// The boards of a and b; a's procedure and the one no longer
	// published; not /e/dang-ky-ket-hon/, which the new Xã E serves.
	if want := []string{"a/", "a/dang-ky-ket-hon/", "a/ket-hon-cu/", "b/"}; !slices.Equal(keys, want) {
		t.Fatalf("notices at %q, want %q", keys, want)
	}
	if n := notices["a/dang-ky-ket-hon/"]; n.To != "c/dang-ky-ket-hon/" || len(n.Notice.Handled()) != 2 || n.Notice.Procedure.ID != "dang-ky-ket-hon" {
		t.Errorf("a/dang-ky-ket-hon/ leads to %s, %d offices", n.To, len(n.Notice.Handled()))
	}
	if n := notices["a/ket-hon-cu/"]; !n.Notice.Gone || n.To != "c/" {
		t.Errorf("a/ket-hon-cu/: gone %v, leads to %s", n.Notice.Gone, n.To)
	}
	if a.Moved != 3 || s.PastOffice("e").Taken != 1 {
		t.Errorf("a moved %d addresses, old e left %d to the new: want 3 and 1", a.Moved, s.PastOffice("e").Taken)
	}
	c := s.Office("c")
	var former []string
	for _, f := range c.Former {
		former = append(former, f.Until.String()+": "+names(f.Offices))
	}
	if got := strings.Join(former, "; "); got != "2025-07-01: Xã B; 2025-01-01: Xã A" {
		t.Errorf("c lists %q as former units", got)
	}
}
