package procedure

import (
	"bytes"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"qrboard/internal/strictyaml"
	"qrboard/internal/value"
)

// Writing procedure files. `qrboard import` writes files that staff then
// edit by hand, so they must read like the ones written by hand: fields
// in the order of the format, empty ones left out, texts unquoted where
// YAML allows, long texts folded at 80 columns, blank lines between the
// groups of fields, and the line that links the editor schema on top.

// Encode returns p as a YAML mapping, its fields in the order of the
// format and empty ones left out.
func Encode(p *Procedure) *yaml.Node { return encodeStruct(reflect.ValueOf(p).Elem()) }

func encodeStruct(v reflect.Value) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, f := range strictyaml.Fields(v.Type()) {
		fv := v.FieldByIndex(f.Struct.Index)
		if strictyaml.IsEmpty(fv) {
			continue
		}
		n.Content = append(n.Content, Text(f.Name), encodeValue(fv))
	}
	return n
}

func encodeValue(v reflect.Value) *yaml.Node {
	switch x := v.Interface().(type) {
	case value.Markdown:
		return Text(x.Source)
	case value.Date:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: x.String()}
	case value.Ref:
		return Text(x.ID)
	case FormFile:
		return Text(x.Path)
	case Offices:
		if x.Group != "" {
			return Text(string(x.Group))
		}
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, r := range x.IDs {
			seq.Content = append(seq.Content, Text(r.ID))
		}
		return seq
	}
	switch v.Kind() {
	case reflect.Pointer:
		return encodeValue(v.Elem())
	case reflect.Struct:
		return encodeStruct(v)
	case reflect.Slice:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i := range v.Len() {
			seq.Content = append(seq.Content, encodeValue(v.Index(i)))
		}
		return seq
	case reflect.Bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v.Bool())}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(v.Int(), 10)}
	}
	return Text(v.String())
}

// foldAt is the length from which a one-line text is written folded (>-)
// and wrapped.
const foldAt = 60

// Text returns a YAML text: quoted only where YAML needs it, several
// lines as a literal block (|), a long line of words folded (>-).
func Text(s string) *yaml.Node {
	n := &yaml.Node{}
	n.SetString(s)
	switch {
	case strings.Contains(s, "\n"):
		n.Style = yaml.LiteralStyle
	case utf8.RuneCountInString(s) > foldAt && strings.Contains(s, " ") && s == strings.TrimSpace(s) && !strings.Contains(s, "  "):
		n.Style = yaml.FoldedStyle
	}
	return n
}

// sections are the groups of fields a blank line separates, as in the
// package documentation; some fields also get a blank line of their own.
var (
	sectionStarts = [][]string{
		{"applicants", "documents", "cases", "notes"},
		{"channels"},
		{"online_url", "portal_url", "offices"},
		{"no_wait", "no_wait_note", "effective_from", "repealed_on", "repeal_note", "aliases"},
		{"updated", "sources"},
	}
	ownBlank = map[string]bool{
		"documents": true, "cases": true, "notes": true, "steps": true, "conditions": true,
		"result": true, "legal_basis": true, "unverified": true, "imported": true,
	}
)

// Format returns the text of a procedure file holding the mapping n, or
// the document n: the schema line, the document's other head comments,
// then the fields with blank lines between their groups and long folded
// texts wrapped at 80 columns.
func Format(n *yaml.Node, schemaLine string) ([]byte, error) {
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{n}}
	if n.Kind == yaml.DocumentNode {
		doc = &yaml.Node{Kind: yaml.DocumentNode, Content: n.Content, HeadComment: withoutSchemaLine(n.HeadComment)}
		n = n.Content[0]
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	lines := wrapFolded(strings.Split(strings.TrimRight(b.String(), "\n"), "\n"))
	out := []string{schemaLine}
	if doc.HeadComment == "" {
		out = append(out, "")
	}
	blank := blankBefore(n)
	for _, l := range lines {
		if key, _, ok := strings.Cut(l, ":"); ok && blank[key] && l[0] != ' ' && l[0] != '#' {
			out = blankAbove(out)
		}
		out = append(out, l)
	}
	return []byte(strings.Join(out, "\n") + "\n"), nil
}

// withoutSchemaLine returns a file's head comment without the line that
// links the schema, which Format writes itself.
func withoutSchemaLine(c string) string {
	var keep []string
	for l := range strings.SplitSeq(c, "\n") {
		if !strings.Contains(l, "yaml-language-server:") {
			keep = append(keep, l)
		}
	}
	return strings.Trim(strings.Join(keep, "\n"), "\n")
}

// blankBefore returns the top-level keys of n that a blank line precedes.
func blankBefore(n *yaml.Node) map[string]bool {
	present := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		present[n.Content[i].Value] = true
	}
	blank := map[string]bool{}
	for k := range ownBlank {
		blank[k] = present[k]
	}
	for _, group := range sectionStarts {
		for _, k := range group {
			if present[k] {
				blank[k] = true
				break
			}
		}
	}
	if len(n.Content) > 0 {
		delete(blank, n.Content[0].Value)
	}
	return blank
}

// blankAbove adds a blank line to out above the comment lines it ends
// with, which belong to the key that follows.
func blankAbove(out []string) []string {
	i := len(out)
	for i > 0 && strings.HasPrefix(out[i-1], "#") {
		i--
	}
	if i > 0 && out[i-1] == "" {
		return out
	}
	return append(out[:i], append([]string{""}, out[i:]...)...)
}

// wrapFolded wraps the lines of folded blocks (key: >-) at 80 columns.
// A folded block joins its lines with spaces, so wrapping at a space
// keeps the text; lines indented further than the block keep their line
// breaks in YAML and are left alone.
func wrapFolded(lines []string) []string {
	var out []string
	blockIndent := -1 // the indentation of the folded block's lines, -1 outside one
	for i, l := range lines {
		ind := len(l) - len(strings.TrimLeft(l, " "))
		switch {
		case blockIndent >= 0 && ind == blockIndent && l[ind] != ' ':
			out = append(out, wrap(l, ind)...)
			continue
		case blockIndent >= 0 && strings.TrimSpace(l) != "" && ind > blockIndent:
			out = append(out, l)
			continue
		}
		blockIndent = -1
		out = append(out, l)
		if (strings.HasSuffix(l, ">-") || strings.HasSuffix(l, ">")) && foldedRE.MatchString(l) {
			if i+1 < len(lines) {
				next := lines[i+1]
				blockIndent = len(next) - len(strings.TrimLeft(next, " "))
			}
		}
	}
	return out
}

// foldedRE matches the line that opens a folded block: "key: >-", "- >".
var foldedRE = regexp.MustCompile(`(^|: |- )>[-+]?$`)

// wrap breaks one line of a folded block at spaces so that each line is
// at most 80 columns, when it can.
func wrap(l string, ind int) []string {
	const width = 80
	prefix, words := l[:ind], strings.Split(l[ind:], " ")
	var out []string
	line := ""
	for _, w := range words {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(prefix+line+" "+w) > width:
			out = append(out, prefix+line)
			line = w
		default:
			line += " " + w
		}
	}
	return append(out, prefix+line)
}
