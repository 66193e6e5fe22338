package render

import (
	"io/fs"
	"regexp"
	"slices"
	"testing"

	"qrboard"
)

var keyRE = regexp.MustCompile(`\(?t "([a-z_]+)"`)

// TestStringsComplete checks that every key the templates use is defined
// in every language, and that no language has keys the others lack.
func TestStringsComplete(t *testing.T) {
	tfs := qrboard.Templates()
	used := map[string]bool{}
	pages, _ := fs.Glob(tfs, "*.html")
	for _, p := range pages {
		data, _ := fs.ReadFile(tfs, p)
		for _, m := range keyRE.FindAllSubmatch(data, -1) {
			used[string(m[1])] = true
		}
	}
	// Keys built at run time: channel_<method>.
	for _, m := range []string{"in_person", "online", "post"} {
		used["channel_"+m] = true
		delete(used, "channel_")
	}
	var keys [][]string
	for _, lang := range []string{"vi", "en"} {
		s, diags := LoadStrings(tfs, lang)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", lang, diags.Err())
		}
		for k := range used {
			if _, ok := s.own[k]; !ok {
				t.Errorf("lang/%s.yaml lacks %q", lang, k)
			}
		}
		k := s.Keys()
		slices.Sort(k)
		keys = append(keys, k)
	}
	if !slices.Equal(keys[0], keys[1]) {
		t.Errorf("vi and en define different keys:\n%v\n%v", keys[0], keys[1])
	}
}

func TestTrimScript(t *testing.T) {
	in := "// header\n(function () {\n  // fold…\n  var url = 'http://x'; // keep\n\n  return 1;\n})();\n"
	want := "(function () {\nvar url = 'http://x'; // keep\nreturn 1;\n})();\n"
	if got := trimScript(in); got != want {
		t.Errorf("trimScript =\n%s\nwant\n%s", got, want)
	}
}
