package strictyaml

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"qrboard/internal/msg"
)

// field describes one struct field as YAML sees it.
type field struct {
	name     string
	index    int
	required bool
	unless   string // a required field may be left out when this field is given
	max      int    // 0: no limit
}

var fieldCache sync.Map // reflect.Type → []field

// fields returns the YAML fields of struct type t, in declaration order.
func fields(t reflect.Type) []field {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]field)
	}
	var fs []field
	for i := range t.NumField() {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if name == "" || name == "-" || !sf.IsExported() {
			continue
		}
		f := field{name: name, index: i}
		for rule := range strings.SplitSeq(sf.Tag.Get("check"), ",") {
			switch {
			case rule == "required":
				f.required = true
			case strings.HasPrefix(rule, "unless="):
				f.unless = rule[len("unless="):]
			case strings.HasPrefix(rule, "max="):
				f.max, _ = strconv.Atoi(rule[len("max="):])
			}
		}
		fs = append(fs, f)
	}
	fieldCache.Store(t, fs)
	return fs
}

// Field is a struct field as a YAML file sees it: its name, its check
// rules and its Go struct field, whose other tags (such as a description)
// belong to whoever reads them. Schemas and templates that list fields
// use it, so they follow the same rules as decoding.
type Field struct {
	Name     string
	Required bool
	// Unless names the field that, when given, lets a required field be
	// left out (check:"required,unless=fee_set_by").
	Unless string
	Max    int // 0: no limit
	Struct reflect.StructField
}

// Fields returns the YAML fields of struct type t, in declaration order.
func Fields(t reflect.Type) []Field {
	var out []Field
	for _, f := range fields(t) {
		out = append(out, Field{Name: f.name, Required: f.required, Unless: f.unless, Max: f.max, Struct: t.Field(f.index)})
	}
	return out
}

// FieldNames returns the YAML names of struct type t's fields, for
// schemas and templates that list them.
func FieldNames(t reflect.Type) []string {
	var names []string
	for _, f := range fields(t) {
		names = append(names, f.name)
	}
	return names
}

// mapping decodes a YAML mapping into struct v: every key must name a
// field, no key may repeat, and required fields must be present — unless
// the field their "unless" rule names is given and not empty.
func (d *Decoder) mapping(n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.MappingNode && !isNull(n) {
		d.Error(n, msg.WantMapping, kindOf(n)).WithHint(msg.HintMapping)
		return
	}
	fs := fields(v.Type())
	seen := make(map[string]*yaml.Node, len(n.Content)/2)
	failed := make(map[string]bool)
	suggested := make(map[string]bool) // names offered for misspelt keys
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := d.resolve(n.Content[i]), n.Content[i+1]
		if key.Kind != yaml.ScalarNode {
			d.Error(key, msg.KeyNotText)
			continue
		}
		if prev := seen[key.Value]; prev != nil {
			d.Error(key, msg.DuplicateKey, key.Value, prev.Line)
			continue
		}
		seen[key.Value] = key
		f, ok := lookup(fs, key.Value)
		if !ok {
			suggested[d.unknown(key, fs)] = true
			continue
		}
		fv := v.Field(f.index)
		before := d.failures
		outer := d.field
		d.field = f.name
		d.decode(val, fv)
		d.field = outer
		d.checkMax(val, fv, f)
		failed[f.name] = d.failures > before
		if d.stopped || d.nodes > MaxNodes {
			return
		}
	}
	for _, f := range fs {
		if !f.required || excused(f, fs, seen, v) {
			continue
		}
		if key := seen[f.name]; key == nil {
			if !suggested[f.name] { // "did you mean" already names it
				d.Error(n, msg.MissingField, f.name)
			}
		} else if IsEmpty(v.Field(f.index)) && !failed[f.name] {
			d.Error(key, msg.EmptyField, f.name)
		}
	}
}

// excused reports whether required field f may be missing because the
// field its unless rule names was given.
func excused(f field, fs []field, seen map[string]*yaml.Node, v reflect.Value) bool {
	if f.unless == "" || seen[f.unless] == nil {
		return false
	}
	other, ok := lookup(fs, f.unless)
	return ok && !IsEmpty(v.Field(other.index))
}

func lookup(fs []field, name string) (field, bool) {
	for _, f := range fs {
		if f.name == name {
			return f, true
		}
	}
	return field{}, false
}

// unknown reports a key that names no field, suggesting the closest name,
// which it returns ("" when none is close).
func (d *Decoder) unknown(key *yaml.Node, fs []field) string {
	e := d.Error(key, msg.UnknownField, key.Value)
	if d.stopped {
		return ""
	}
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	s := Suggest(key.Value, names)
	if s != "" {
		e.WithHint(msg.HintDidYouMean, s)
	} else {
		e.WithHint(msg.HintFields, strings.Join(names, ", "))
	}
	return s
}

// checkMax applies a field's max= rule to the decoded value.
func (d *Decoder) checkMax(n *yaml.Node, v reflect.Value, f field) {
	if f.max == 0 {
		return
	}
	switch v.Kind() {
	case reflect.String:
		if c := utf8.RuneCountInString(v.String()); c > f.max {
			d.Error(n, msg.TextTooLong, f.name, c, f.max)
			v.SetString("")
		}
	case reflect.Slice:
		if v.Len() > f.max {
			d.Error(n, msg.ListTooLong, f.name, v.Len(), f.max)
			v.SetLen(f.max)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if v.Int() > int64(f.max) {
			d.Error(n, msg.NumberTooLarge, f.name, v.Int(), f.max)
		}
	}
}

// Suggest returns the name in names closest to s when it is close enough
// to be a likely typo ("documnets" → "documents", "short-name" →
// "short_name"), and "" otherwise.
func Suggest(s string, names []string) string {
	key := strings.ToLower(strings.NewReplacer("-", "_", " ", "_").Replace(s))
	best, bestDist := "", 1<<30
	for _, name := range names {
		if dist := distance(key, name); dist < bestDist {
			best, bestDist = name, dist
		}
	}
	if bestDist <= 2 || (bestDist <= 3 && len(key) >= 8) {
		return best
	}
	return ""
}

// distance is the Levenshtein edit distance between a and b, counting an
// adjacent transposition as one edit.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// IsEmpty reports whether v holds nothing, as a required field may not:
// it asks the value itself when it knows better than its bits (a
// Markdown text keeps its position even when empty), and an empty list
// is empty.
func IsEmpty(v reflect.Value) bool {
	if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
		return z.IsZero()
	}
	if v.Kind() == reflect.Slice {
		return v.Len() == 0
	}
	return v.IsZero()
}
