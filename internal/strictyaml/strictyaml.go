// Package strictyaml decodes a YAML file typed by hand into Go structs and
// reports every problem it finds with its line and column, in words office
// staff can act on: unknown fields (with "did you mean"), missing required
// fields, a list where text belongs, numbers out of range, tabs used for
// indentation, files saved as UTF-16 or in an old Vietnamese code page, and
// alias bombs.
//
// It parses with go.yaml.in/yaml/v3 into a node tree and then walks the
// tree itself instead of using yaml's own decoding, because that decoding
// stops at the first problem, gives no columns, and follows YAML 1.1 habits
// (a phone number "012" read as a number) that staff never mean.
//
// Struct fields are matched by their `yaml` tag name. A `check` tag adds
// rules: "required" (the field must be present and not empty),
// "unless=F" (with required: the field may be left out when field F is
// given) and "max=N" (at most N characters for text, N items for lists, N
// for numbers). A type that implements Unmarshaler decodes itself.
package strictyaml

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
)

// Limits that keep a hostile or broken file from taking the build down.
const (
	// MaxFileSize is the largest file accepted, in bytes: a backstop for
	// every kind of file (qrboard.yaml of a whole province included).
	// Callers that know their files are smaller check a lower limit first;
	// parsing costs about 150 bytes of memory per byte of YAML.
	MaxFileSize = 4 << 20
	// MaxNodes bounds the YAML nodes visited while decoding one file,
	// counting every expansion of an alias, so that "billion laughs"
	// documents stop early instead of filling memory.
	MaxNodes = 200_000
	// maxErrors is where a file's report stops; after that many problems
	// the rest are usually consequences of the first.
	maxErrors = 40
)

// Unmarshaler is implemented by types that decode themselves from a node.
// They report problems through d and leave the value unchanged on error.
type Unmarshaler interface {
	UnmarshalStrict(d *Decoder, n *yaml.Node)
}

// Decoder holds the state of decoding one file.
type Decoder struct {
	file     string
	diags    *diag.List
	nodes    int
	errors   int // errors reported
	failures int // errors found, counting those not repeated
	stopped  bool
	reported map[reported]bool

	// refusePlaceholders makes text starting with Placeholder an error;
	// hinted says the hint of that error was given once in this file.
	refusePlaceholders, hinted bool
	// field is the name of the field being decoded, for messages.
	field string
}

// Option changes how Decode reads a file.
type Option func(*Decoder)

// RefusePlaceholders reports every text value that starts with
// Placeholder as a field not filled in yet, at its line and column. Files
// in which every value reaches citizens as written use it — procedure
// files, whose new-file template marks each value to fill in with TODO —
// so that no "TODO" is ever published as a fee or a time limit.
func RefusePlaceholders(d *Decoder) { d.refusePlaceholders = true }

// Placeholder is the word that marks a value someone still has to fill
// in, such as "TODO: số điện thoại".
const Placeholder = "TODO"

// IsPlaceholder reports whether s marks a value still to be filled in.
func IsPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) >= len(Placeholder) && strings.EqualFold(s[:len(Placeholder)], Placeholder)
}

// reported identifies an error already given, so that a node reached
// again through an alias is not reported twice.
type reported struct {
	line, col int
	id        msg.ID
}

// Decode decodes data, the contents of file, into v (a pointer to a
// struct), appending problems to diags. It reports whether the file had
// no errors.
func Decode(file string, data []byte, v any, diags *diag.List, opts ...Option) bool {
	d := &Decoder{file: file, diags: diags}
	for _, o := range opts {
		o(d)
	}
	root := d.parse(data)
	if root == nil {
		return false
	}
	d.decode(root, reflect.ValueOf(v).Elem())
	return d.failures == 0
}

// File returns the name of the file being decoded.
func (d *Decoder) File() string { return d.file }

// Pos returns the position of n in the file.
func (d *Decoder) Pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

// Error reports an error at n. Once the file has had too many errors it
// reports one last "too many errors" and then discards the rest, returning
// a diagnostic that goes nowhere so callers can still add a hint.
func (d *Decoder) Error(n *yaml.Node, id msg.ID, args ...any) *diag.Diagnostic {
	d.failures++
	key := reported{n.Line, n.Column, id}
	if d.reported[key] {
		return &diag.Diagnostic{}
	}
	if d.reported == nil {
		d.reported = map[reported]bool{}
	}
	d.reported[key] = true
	if d.errors++; d.errors > maxErrors {
		if !d.stopped {
			d.stopped = true
			d.diags.Add(d.Pos(n), msg.TooManyErrors, maxErrors)
		}
		return &diag.Diagnostic{}
	}
	return d.diags.Add(d.Pos(n), id, args...)
}

// fail reports an error about the file as a whole or a place without a
// node (encoding, syntax), where nothing can repeat.
func (d *Decoder) fail(pos diag.Pos, id msg.ID, args ...any) *diag.Diagnostic {
	d.errors++
	d.failures++
	return d.diags.Add(pos, id, args...)
}

// Warn reports a warning at n.
func (d *Decoder) Warn(n *yaml.Node, id msg.ID, args ...any) *diag.Diagnostic {
	return d.diags.Warn(d.Pos(n), id, args...)
}

// Failed reports whether any error has been reported for this file.
func (d *Decoder) Failed() bool { return d.failures > 0 }

// parse checks the encoding of data and parses it into a node tree,
// reporting why when it cannot.
func (d *Decoder) parse(data []byte) *yaml.Node {
	top := diag.Pos{File: d.file}
	if len(data) > MaxFileSize {
		d.fail(top, msg.FileTooLarge, len(data)/1024, MaxFileSize/1024)
		return nil
	}
	data, ok := d.checkEncoding(data)
	if !ok {
		return nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		d.fail(top, msg.FileEmpty)
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		d.fail(top, msg.FileEmpty) // only comments
		return nil
	} else if err != nil {
		d.syntaxError(data, err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.Error(&extra, msg.ManyDocuments)
		return nil
	} else if !errors.Is(err, io.EOF) {
		d.syntaxError(data, err)
		return nil
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		d.fail(top, msg.FileEmpty)
		return nil
	}
	return doc.Content[0]
}

// checkEncoding strips a UTF-8 byte order mark (Notepad writes one) and
// refuses anything that is not UTF-8, naming the likely encoding.
func (d *Decoder) checkEncoding(data []byte) ([]byte, bool) {
	top := diag.Pos{File: d.file, Line: 1, Col: 1}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}),
		len(data) >= 4 && (data[0] == 0 || data[1] == 0):
		d.fail(top, msg.EncodingUTF16).WithHint(msg.HintSaveUTF8)
		return nil, false
	}
	if i := invalidUTF8(data); i >= 0 {
		line, col := lineCol(data, i)
		d.fail(diag.Pos{File: d.file, Line: line, Col: col}, msg.EncodingLegacy).WithHint(msg.HintSaveUTF8)
		return nil, false
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, i)
		d.fail(diag.Pos{File: d.file, Line: line, Col: col}, msg.EncodingBinary)
		return nil, false
	}
	return data, true
}

// invalidUTF8 returns the offset of the first byte that is not valid
// UTF-8, or -1.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// lineCol converts a byte offset to a 1-based line and column, counting
// columns in characters.
func lineCol(b []byte, off int) (line, col int) {
	line = 1 + bytes.Count(b[:off], []byte("\n"))
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(b[start:off])
}

var lineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// syntaxError reports a YAML parse error. Tabs in indentation are the most
// common cause and yaml's message for them is cryptic, so lines indented
// with tabs are reported instead when there are any.
func (d *Decoder) syntaxError(data []byte, err error) {
	if d.reportTabs(data) {
		return
	}
	// The parser leaves the line out of its message when it is the first.
	line, text := 1, err.Error()
	if m := lineRE.FindStringSubmatch(text); m != nil {
		if m[1] != "" {
			line, _ = strconv.Atoi(m[1])
		}
		text = m[2]
	}
	pos := diag.Pos{File: d.file, Line: line}
	if id, ok := syntaxMessages[text]; ok {
		d.fail(pos, msg.YAMLSyntax, msg.New(id))
		return
	}
	d.fail(pos, msg.YAMLSyntax, text)
}

// syntaxMessages turns the parser's common messages into plain words.
var syntaxMessages = map[string]msg.ID{
	"mapping values are not allowed in this context":         msg.SyntaxColon,
	"could not find expected ':'":                            msg.SyntaxMissingColon,
	"did not find expected key":                              msg.SyntaxIndent,
	"did not find expected '-' indicator":                    msg.SyntaxIndent,
	"found character that cannot start any token":            msg.SyntaxBadChar,
	"found unexpected end of stream":                         msg.SyntaxUnclosed,
	"found unknown escape character":                         msg.SyntaxEscape,
	"did not find expected ',' or ']'":                       msg.SyntaxUnclosed,
	"did not find expected ',' or '}'":                       msg.SyntaxUnclosed,
	"block sequence entries are not allowed in this context": msg.SyntaxColon,
}

// reportTabs reports every line indented with a tab and says whether it
// found any.
func (d *Decoder) reportTabs(data []byte) bool {
	found := false
	for i, line := range bytes.Split(data, []byte("\n")) {
		indent := len(line) - len(bytes.TrimLeft(line, " \t"))
		if col := bytes.IndexByte(line[:indent], '\t'); col >= 0 {
			found = true
			d.fail(diag.Pos{File: d.file, Line: i + 1, Col: col + 1}, msg.TabIndent).WithHint(msg.HintTabs)
		}
	}
	return found
}

// spend counts one visited node against the file's budget and reports
// whether decoding may go on.
func (d *Decoder) spend(n *yaml.Node) bool {
	d.nodes++
	if d.nodes == MaxNodes+1 {
		d.Error(n, msg.TooManyNodes, MaxNodes)
	}
	return d.nodes <= MaxNodes
}

// resolve follows aliases to the node they name.
func (d *Decoder) resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// isNull reports whether n is an empty value ("field:" with nothing after).
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// Decode decodes n into the value ptr points to. Unmarshalers use it for
// their parts, or to decode themselves as a plain struct and then add to it.
func (d *Decoder) Decode(n *yaml.Node, ptr any) { d.decode(n, reflect.ValueOf(ptr).Elem()) }

func (d *Decoder) decode(n *yaml.Node, v reflect.Value) {
	if !d.spend(n) {
		return
	}
	n = d.resolve(n)
	if u, ok := v.Addr().Interface().(Unmarshaler); ok {
		u.UnmarshalStrict(d, n)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			return
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decode(n, v.Elem())
	case reflect.Struct:
		d.mapping(n, v)
	case reflect.Slice:
		d.sequence(n, v)
	case reflect.String:
		if s, ok := d.Text(n); ok {
			v.SetString(s)
		}
	case reflect.Bool:
		d.boolean(n, v)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.integer(n, v)
	default:
		panic("strictyaml: cannot decode into " + v.Type().String())
	}
}

// Text returns the text of a scalar node in Unicode NFC, so that text
// typed on any system compares and renders the same. Null gives "".
func (d *Decoder) Text(n *yaml.Node) (string, bool) {
	n = d.resolve(n)
	if n.Kind != yaml.ScalarNode {
		d.Error(n, msg.WantText, kindOf(n)).WithHint(msg.HintText)
		return "", false
	}
	if isNull(n) {
		return "", true
	}
	s := n.Value
	for i, r := range s {
		if (r < ' ' && r != '\n' && r != '\t') || (0x7f <= r && r < 0xa0) {
			d.Error(n, msg.ControlChar, r, utf8.RuneCountInString(s[:i])+1)
			return "", false
		}
	}
	if d.refusePlaceholders && IsPlaceholder(s) {
		e := d.Error(n, msg.Unfilled, d.field)
		if !d.hinted {
			e.WithHint(msg.HintUnfilled)
			d.hinted = true
		}
		return "", false
	}
	return norm.NFC.String(s), true
}

func (d *Decoder) boolean(n *yaml.Node, v reflect.Value) {
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(n.Value) {
		case "true":
			v.SetBool(true)
			return
		case "false", "":
			v.SetBool(false)
			return
		}
	}
	d.Error(n, msg.WantBool, describe(n)).WithHint(msg.HintBool)
}

func (d *Decoder) integer(n *yaml.Node, v reflect.Value) {
	if isNull(n) {
		return // "originals:" with nothing after it: not given, like other fields
	}
	if n.Kind != yaml.ScalarNode {
		d.Error(n, msg.WantNumber, describe(n))
		return
	}
	i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 10, v.Type().Bits())
	if errors.Is(err, strconv.ErrRange) {
		d.Error(n, msg.NumberRange, n.Value)
		return
	}
	if err != nil {
		d.Error(n, msg.WantNumber, describe(n))
		return
	}
	if i < 0 {
		d.Error(n, msg.NumberNegative, n.Value)
		return
	}
	v.SetInt(i)
}

func (d *Decoder) sequence(n *yaml.Node, v reflect.Value) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.Error(n, msg.WantList, kindOf(n)).WithHint(msg.HintList)
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.decode(item, s.Index(i))
		if d.stopped || d.nodes > MaxNodes {
			break
		}
	}
	v.Set(s)
}

// kindOf names the YAML kind of n for messages.
func kindOf(n *yaml.Node) msg.ID {
	switch n.Kind {
	case yaml.SequenceNode:
		return msg.KindList
	case yaml.MappingNode:
		return msg.KindMapping
	}
	return msg.KindText
}

// describe quotes a scalar's value or names a node's kind, for messages.
func describe(n *yaml.Node) any {
	if n.Kind == yaml.ScalarNode {
		return strconv.Quote(n.Value)
	}
	return kindOf(n)
}
