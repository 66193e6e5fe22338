package msg

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*[a-zA-Z]`)

// TestCatalog checks every message: both languages written, the same
// formatting verbs in each (so arguments land in the same places), and
// the house style — no final period.
func TestCatalog(t *testing.T) {
	for id := ID(1); id < numIDs; id++ {
		e, ok := catalog[id]
		if !ok {
			t.Errorf("message %d has no text", id)
			continue
		}
		if e.vi == "" || e.en == "" {
			t.Errorf("message %d (%q / %q) lacks a language", id, e.vi, e.en)
		}
		vi, en := verbs(e.vi), verbs(e.en)
		if !slices.Equal(vi, en) {
			t.Errorf("message %d: verbs %v in Vietnamese, %v in English", id, vi, en)
		}
		for _, s := range []string{e.vi, e.en} {
			if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "...") {
				t.Errorf("message %d ends with a period: %q", id, s)
			}
		}
	}
	if len(catalog) != int(numIDs)-1 {
		t.Errorf("catalog has %d entries for %d ids", len(catalog), numIDs-1)
	}
}

func verbs(s string) []string {
	v := verbRE.FindAllString(strings.ReplaceAll(s, "%%", ""), -1)
	slices.Sort(v)
	return v
}

func TestNestedTexts(t *testing.T) {
	m := New(WantText, KindList)
	if got := m.In(Vi); got != "cần một đoạn văn bản, nhưng ở đây là một danh sách" {
		t.Errorf("vi: %q", got)
	}
	if got := m.In(En); got != "expected text, found a list" {
		t.Errorf("en: %q", got)
	}
}
