package slug

import (
	"strings"
	"testing"
)

// FuzzSlug checks the properties ids depend on: Make gives "" or an id
// Check accepts, Make is idempotent, Check never accepts a path element,
// and Fold never panics or grows a string's letters.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Phụng Thượng", "Đăng ký khai tử", "../etc", "con", "a/b", "kết hôn", "--x--", "ǅ ß ﬁ İ", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id := Make(s)
		if id != "" && Check(id) != OK && Check(id) != Reserved {
			t.Errorf("Make(%q) = %q, which Check refuses: %v", s, id, Check(id))
		}
		if Make(id) != id {
			t.Errorf("Make not idempotent: %q → %q → %q", s, id, Make(id))
		}
		if Check(s) == OK && (strings.ContainsAny(s, `/\.:`) || s == "" || len(s) > MaxLen) {
			t.Errorf("Check accepted %q", s)
		}
		Fold(s)
	})
}
