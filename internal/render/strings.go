package render

import (
	"fmt"
	"io/fs"

	"go.yaml.in/yaml/v3"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
)

// Strings are the interface strings of pages (headings, labels, buttons)
// in one language, read from lang/<language>.yaml in the templates. A key
// missing there falls back to Vietnamese, the site's first language.
type Strings struct {
	own, fallback map[string]string
}

// LoadStrings reads the interface strings for lang from fsys.
func LoadStrings(fsys fs.FS, lang string) (*Strings, diag.List) {
	return loadStrings(fsys, lang)
}

func loadStrings(fsys fs.FS, lang string) (*Strings, diag.List) {
	var diags diag.List
	read := func(l string) map[string]string {
		file := "lang/" + l + ".yaml"
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			diags.Add(diag.Pos{File: "templates/" + file}, msg.ReadFailed, msg.Explain(err))
			return nil
		}
		var m map[string]string
		if err := yaml.Unmarshal(data, &m); err != nil {
			diags.Add(diag.Pos{File: "templates/" + file}, msg.YAMLSyntax, err.Error())
		}
		return m
	}
	s := &Strings{own: read(lang)}
	if lang != "vi" {
		s.fallback = read("vi")
	}
	return s, diags
}

// T returns the string for key formatted with args.
func (s *Strings) T(key string, args ...any) string { return s.translate(key, args...) }

func (s *Strings) translate(key string, args ...any) string {
	text, ok := s.own[key]
	if !ok {
		text, ok = s.fallback[key]
	}
	if !ok {
		return "[" + key + "]"
	}
	if len(args) == 0 {
		return text
	}
	return fmt.Sprintf(text, args...)
}

// Fee returns what channel c costs, as pages and posters say it: its fee,
// or — while the amount a local council sets (fee_set_by) is not entered
// — who sets it and to ask the staff: "Theo mức do HĐND cấp tỉnh quy
// định — hỏi cán bộ". The national database writes such fees as 0; saying
// "0 đồng" or "Miễn lệ phí" instead would be wrong.
func (s *Strings) Fee(c procedure.Channel) string {
	if c.FeeAwaited() {
		return s.T("fee_set_by", c.FeeSetBy)
	}
	return c.Fee
}

// Keys returns the keys defined for the language, for tests.
func (s *Strings) Keys() []string {
	keys := make([]string, 0, len(s.own))
	for k := range s.own {
		keys = append(keys, k)
	}
	return keys
}
