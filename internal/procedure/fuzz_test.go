package procedure

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"qrboard/internal/diag"
	"qrboard/internal/safeurl"
	"qrboard/internal/scriptscan"
	"qrboard/internal/value"
)

// FuzzLoad reads arbitrary bytes as a procedure file. It must never panic,
// must report every refusal as a positioned problem, and whatever it
// accepts must be safe to publish: Markdown without anything that runs
// script, links on the allowlist.
func FuzzLoad(f *testing.F) {
	for _, data := range seedFiles(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"procedures/x.yaml": {Data: data}}
		var diags diag.List
		p := Load(fsys, "procedures/x.yaml", "x", &diags)
		for _, d := range diags {
			if d.Pos.File != "procedures/x.yaml" {
				t.Errorf("problem without the file: %v", d)
			}
		}
		if p == nil {
			if !diags.HasErrors() {
				t.Error("refused without an error")
			}
			return
		}
		checkSafe(t, reflect.ValueOf(p).Elem())
	})
}

// checkSafe walks a decoded value and checks every Markdown field and link.
func checkSafe(t *testing.T, v reflect.Value) {
	t.Helper()
	switch x := v.Interface().(type) {
	case value.Markdown:
		if problems := scriptscan.Fragment([]byte(x.HTML), "http", "https", "tel", "mailto", "qrboard-root"); len(problems) > 0 {
			t.Errorf("Markdown %q rendered as %s: %v", x.Source, x.HTML, problems)
		}
		return
	case value.URL:
		if _, p := safeurl.Check(string(x), false); x != "" && p != safeurl.OK {
			t.Errorf("link %q accepted: %v", x, p)
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			checkSafe(t, v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				checkSafe(t, v.Field(i))
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			checkSafe(t, v.Index(i))
		}
	}
}

// seedFiles returns the sample procedures and the procedure files of the
// bad-input corpus.
func seedFiles(f *testing.F) [][]byte {
	var seeds [][]byte
	sample, _ := filepath.Glob("../../procedures/*.yaml")
	for _, name := range sample {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	cases, _ := filepath.Glob("../../testdata/bad/*.txtar")
	for _, name := range cases {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if strings.HasPrefix(file.Name, "procedures/") {
				seeds = append(seeds, file.Data)
			}
		}
	}
	if len(seeds) < len(sample)+20 {
		f.Fatalf("only %d seeds: is the corpus still in testdata/bad?", len(seeds))
	}
	return seeds
}
