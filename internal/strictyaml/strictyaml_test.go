package strictyaml

import (
	"fmt"
	"strings"
	"testing"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
)

type doc struct {
	Name  string   `yaml:"name" check:"required,max=10"`
	Phone string   `yaml:"phone"`
	Count int      `yaml:"count" check:"max=5"`
	Small int8     `yaml:"small"`
	OK    bool     `yaml:"ok"`
	Tags  []string `yaml:"tags" check:"max=2"`
	Inner *inner   `yaml:"inner"`
	Items []inner  `yaml:"items"`
}

type inner struct {
	Title string `yaml:"title" check:"required"`
}

func decode(t *testing.T, src string) (*doc, diag.List) {
	t.Helper()
	var d doc
	var diags diag.List
	Decode("f.yaml", []byte(src), &d, &diags)
	return &d, diags
}

// format renders diagnostics as "line:col: message | hint" lines.
func format(diags diag.List) string {
	var lines []string
	for _, d := range diags {
		s := d.Format(msg.En, "")
		s = strings.TrimPrefix(s, "qrboard: f.yaml")
		s = strings.ReplaceAll(s, "\nqrboard: hint: ", " | ")
		lines = append(lines, s)
	}
	return strings.Join(lines, "\n")
}

func TestDecodeGood(t *testing.T) {
	d, diags := decode(t, "\ufeffname: Kết hôn\r\nphone: 012\r\ncount: 5\r\nok: true\r\ntags: [a, b]\r\ninner: {title: x}\r\nitems:\r\n  - title: y\r\n")
	if len(diags) != 0 {
		t.Fatalf("unexpected problems:\n%s", format(diags))
	}
	if d.Name != "Kết hôn" || d.Phone != "012" || d.Count != 5 || !d.OK || len(d.Tags) != 2 || d.Inner.Title != "x" || d.Items[0].Title != "y" {
		t.Errorf("decoded %+v", d)
	}
}

func TestDecodeNFC(t *testing.T) {
	decomposed := "name: Ke\u0302\u0301t\n" // "Kết" typed with combining marks
	d, diags := decode(t, decomposed)
	if len(diags) != 0 {
		t.Fatal(format(diags))
	}
	if d.Name != "Kết" {
		t.Errorf("name = %q (% x), want NFC %q", d.Name, d.Name, "Kết")
	}
}

func TestDecodeProblems(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"unknown field with hint", "name: a\nphoen: 1\n", `:2:1: error: unknown field "phoen" | did you mean "phone"?`},
		{"unknown field, list of fields", "name: a\nzzzzzz: 1\n", `:2:1: error: unknown field "zzzzzz" | fields allowed here: name, phone, count, small, ok, tags, inner, items`},
		{"missing required", "phone: x\n", `:1:1: error: missing required field "name"`},
		{"misspelt required: one error", "nmae: a\n", `:1:1: error: unknown field "nmae" | did you mean "name"?`},
		{"empty required", "name:\n", `:1:1: error: required field "name" is empty`},
		{"list for text", "name:\n  - a\n", `:2:3: error: expected text, found a list | write it on one line, or use | and new lines for longer text`},
		{"text for list", "name: a\ntags: a, b\n", `:2:7: error: expected a list, found text | put each item on its own line starting with "- "`},
		{"number too large for type", "name: a\nsmall: 300\n", `:2:8: error: number 300 is too large`},
		{"number over max", "name: a\ncount: 6\n", `:2:8: error: "count" is 6; the most allowed is 5`},
		{"not a number", "name: a\ncount: năm\n", `:2:8: error: expected a whole number, found "năm"`},
		{"empty number is not given", "name: a\ncount:\n", ``},
		{"yes is not a bool", "name: a\nok: yes\n", `:2:5: error: expected true or false, found "yes" | write true or false`},
		{"text too long", "name: abcdefghijk\n", `:1:7: error: "name" is 11 characters long; the limit is 10`},
		{"list too long", "name: a\ntags: [a, b, c]\n", `:2:7: error: "tags" has 3 items; the limit is 2`},
		{"duplicate key", "name: a\nname: b\n", `:2:1: error: field "name" is already given on line 1`},
		{"nested required", "name: a\nitems:\n  - {}\n", `:3:5: error: missing required field "title"`},
		{"mapping expected", "name: a\ninner: x\n", `:2:8: error: expected a group of fields (name: value), found text | write one field per line as name: value, indented two more spaces`},
		{"control character", "name: \"a\\u0007b\"\n", `:1:7: error: an invisible control character U+0007 at character 2; usually pasted from Word or a PDF — delete it and type again`},
		{"empty file", "  \n\n", `: error: file is empty`},
		{"only a comment", "# nothing\n", `: error: file is empty`},
		{"two documents", "name: a\n---\nname: b\n", `:2:1: error: file holds more than one YAML document (a "---" line); one file describes one thing`},
		{"syntax: colon", "name: a: b\n", `:1: error: invalid YAML: a colon or dash where none is allowed; text containing ": " needs quotes`},
		{"syntax: unclosed", "name: \"abc\n", `:2: error: invalid YAML: a bracket or quote is opened but not closed`},
		{"tab indentation", "inner:\n\ttitle: x\nitems:\n  -\ttitle: y\n", `:2:1: error: a tab is used for indentation; YAML accepts only spaces | replace each tab with two spaces (in VS Code: bottom right, choose "Spaces")`},
		{"utf-16", "\xff\xfen\x00a\x00", `:1:1: error: file is saved as UTF-16 (Unicode), not UTF-8 | open the file in Notepad, choose File > Save As, set Encoding to UTF-8 and save`},
		{"windows-1258", "name: a\nphone: K\xe9t\n", `:2:9: error: file is not UTF-8 text (perhaps an old Vietnamese encoding: Windows-1258, TCVN3 or VNI) | open the file in Notepad, choose File > Save As, set Encoding to UTF-8 and save`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := decode(t, tc.src)
			if got := format(diags); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// tree is a recursive type, the shape an alias bomb needs to expand.
type tree struct {
	Defs []tree `yaml:"defs"`
	Kids []tree `yaml:"kids"`
}

// TestAliasBomb decodes a "billion laughs" document — ten levels of ten
// aliases, 10^10 nodes once expanded — and expects one error, quickly.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("defs:\n  - &a0 {kids: [{}, {}, {}, {}, {}, {}, {}, {}, {}, {}]}\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "  - &a%d {kids: [", i)
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]}\n")
	}
	b.WriteString("kids: [*a9]\n")
	var diags diag.List
	var v tree
	Decode("f.yaml", []byte(b.String()), &v, &diags)
	if got, want := format(diags), `:3:27: error: file expands to more than 200000 values (through & anchors and * aliases); write the values out`; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestTooManyErrorsStops(t *testing.T) {
	var b strings.Builder
	b.WriteString("name: a\n")
	for i := range 100 {
		b.WriteString("bad")
		b.WriteString(strings.Repeat("x", i+1))
		b.WriteString(": 1\n")
	}
	_, diags := decode(t, b.String())
	if n := len(diags); n != maxErrors+1 {
		t.Errorf("got %d problems, want %d (then a stop)", n, maxErrors+1)
	}
	if last := diags[len(diags)-1]; last.Text.ID() != msg.TooManyErrors {
		t.Errorf("last problem = %v, want too many errors", last.Text)
	}
}

func TestFileTooLarge(t *testing.T) {
	_, diags := decode(t, "name: "+strings.Repeat("a", MaxFileSize))
	if got, want := format(diags), ": error: file is too large (4096 KB); the limit is 4096 KB"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"documents", "short_name", "steps", "legal_basis"}
	for in, want := range map[string]string{
		"documnets":   "documents",
		"short-name":  "short_name",
		"shortname":   "short_name",
		"Steps":       "steps",
		"legalbasis":  "legal_basis",
		"giay_to":     "",
		"conditions2": "",
	} {
		if got := Suggest(in, names); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRefusePlaceholders decodes values still saying TODO: errors at
// their place with the field's name, the hint once per file; without
// the option TODO is text like any other.
func TestRefusePlaceholders(t *testing.T) {
	src := "name: TODO\nphone: \"  todo: số máy\"\ntags: [a, TODO]\ninner: {title: Tổ dân phố}\n"
	var d doc
	var diags diag.List
	Decode("f.yaml", []byte(src), &d, &diags, RefusePlaceholders)
	want := `:1:7: error: field "name" is not filled in yet (it still says TODO) | replace TODO with the real information; leave an optional field empty if there is none
:2:8: error: field "phone" is not filled in yet (it still says TODO)
:3:11: error: field "tags" is not filled in yet (it still says TODO)`
	if got := format(diags); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	diags = nil
	Decode("f.yaml", []byte(src), &d, &diags)
	if len(diags) != 0 || d.Name != "TODO" {
		t.Errorf("without the option: %q, %s", d.Name, format(diags))
	}
}

// fee is a required field that may be left out when who sets it is given.
type fee struct {
	Fee   string `yaml:"fee" check:"required,unless=setBy"`
	SetBy string `yaml:"setBy"`
}

func TestRequiredUnless(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"given", "fee: 10.000 đồng\n", ``},
		{"left out, other given", "setBy: HĐND\n", ``},
		{"empty, other given", "fee:\nsetBy: HĐND\n", ``},
		{"both given", "fee: 1 đồng\nsetBy: HĐND\n", ``},
		{"left out, other empty", "setBy:\n", `:1:1: error: missing required field "fee"`},
		{"empty, other absent", "fee:\n", `:1:1: error: required field "fee" is empty`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v fee
			var diags diag.List
			Decode("f.yaml", []byte(tc.src), &v, &diags)
			if got := format(diags); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestIsPlaceholder(t *testing.T) {
	for s, want := range map[string]bool{
		"TODO": true, "todo": true, "  Todo: số điện thoại": true, "TODO hỏi phòng tư pháp": true,
		"": false, "TOD": false, "Tổ dân phố": false, "0243 TODO": false, "đang làm": false,
	} {
		if got := IsPlaceholder(s); got != want {
			t.Errorf("IsPlaceholder(%q) = %v, want %v", s, got, want)
		}
	}
}
