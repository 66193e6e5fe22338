package dvcqg

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
)

// Record is a detail record as read from a file or fetched.
type Record struct {
	Detail
	Raw    json.RawMessage // the record's JSON as written
	Source string          // where it was read: a file, or a portal address
	Listed *ListItem       // its row of the list, when a capture has one
}

// Batch is what one file holds.
type Batch struct {
	Shape   Shape
	Records []Record
	// Listed are list rows that came without their detail record: a list
	// is not enough to make a page, so they must be fetched.
	Listed []ListItem
}

// Shape is one of the ways portal JSON is saved.
type Shape int

// The shapes Read understands.
const (
	// Envelope is what the detail endpoint returns: {"code": "OK", "data": {…}}.
	Envelope Shape = iota + 1
	// Bare is a detail record on its own, as crawlers save it.
	Bare
	// Capture is {records: [{searchItem, detail}, …]}: a search with the
	// detail of each result.
	Capture
	// ListPage is what the list endpoint returns: {"data": {"items": […]}},
	// with or without "code", or the bare {"items": […]}.
	ListPage
	// Array is a JSON array of detail records (or of list rows).
	Array
)

// Read reads data, the contents of the file name, in any of the shapes
// above. Problems — JSON that is not valid, a shape it does not know, an
// envelope saying the call failed, a record with a value of the wrong
// kind — are added to diags at their line and column; a record with a
// problem is left out and the others are kept. It reports whether the
// file had no errors.
func Read(name string, data []byte, diags *diag.List) (Batch, bool) {
	before := diags.Count(diag.Error)
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		diags.Add(diag.Pos{File: name}, msg.JSONNotUTF8)
		return Batch{}, false
	}
	var top any
	if err := json.Unmarshal(data, &top); err != nil {
		diags.Add(jsonPos(name, data, 0, err), msg.JSONBad, jsonProblem(err))
		return Batch{}, false
	}
	var b Batch
	r := reader{name: name, data: data, diags: diags}
	switch v := top.(type) {
	case map[string]any:
		r.object(v, &b)
	case []any:
		b.Shape = Array
		var items []json.RawMessage
		json.Unmarshal(data, &items) // valid: it parsed above
		for _, raw := range items {
			r.entry(raw, &b)
		}
	default:
		diags.Add(diag.Pos{File: name, Line: 1, Col: 1}, msg.JSONShape)
	}
	return b, diags.Count(diag.Error) == before
}

// reader reads the parts of one file.
type reader struct {
	name  string
	data  []byte
	diags *diag.List
}

// object reads a file whose top is an object, deciding its shape by its keys.
func (r *reader) object(top map[string]any, b *Batch) {
	var parts struct {
		Code    any               `json:"code"`
		Message string            `json:"message"`
		Data    json.RawMessage   `json:"data"`
		Items   []json.RawMessage `json:"items"`
		Records []struct {
			SearchItem json.RawMessage `json:"searchItem"`
			Detail     json.RawMessage `json:"detail"`
		} `json:"records"`
	}
	if err := json.Unmarshal(r.data, &parts); err != nil {
		r.diags.Add(jsonPos(r.name, r.data, 0, err), msg.JSONBad, jsonProblem(err))
		return
	}
	_, hasRecords := top["records"]
	switch {
	case hasRecords:
		b.Shape = Capture
		for _, rec := range parts.Records {
			r.captured(rec.SearchItem, rec.Detail, b)
		}
	case isDetail(top):
		b.Shape = Bare
		r.detail(r.data, nil, b)
	case parts.Data != nil:
		if code, ok := parts.Code.(string); ok && code != "OK" {
			r.diags.Add(diag.Pos{File: r.name, Line: 1, Col: 1}, msg.JSONNotOK, code, parts.Message)
			return
		}
		r.data2(parts.Data, b)
	case top["items"] != nil:
		b.Shape = ListPage
		r.rows(parts.Items, b)
	default:
		r.diags.Add(diag.Pos{File: r.name, Line: 1, Col: 1}, msg.JSONShape)
	}
}

// data2 reads the "data" of an envelope: a detail record or a list page.
func (r *reader) data2(data json.RawMessage, b *Batch) {
	var page struct {
		Items []json.RawMessage `json:"items"`
	}
	var probe map[string]any
	if json.Unmarshal(data, &probe) != nil {
		r.diags.Add(r.pos(data, 0), msg.JSONShape)
		return
	}
	if isDetail(probe) {
		b.Shape = Envelope
		r.detail(data, nil, b)
		return
	}
	if _, ok := probe["items"]; ok {
		json.Unmarshal(data, &page)
		b.Shape = ListPage
		r.rows(page.Items, b)
		return
	}
	r.diags.Add(r.pos(data, 0), msg.JSONShape)
}

// captured reads one entry of a capture.
func (r *reader) captured(row, detail json.RawMessage, b *Batch) {
	var item *ListItem
	if len(row) > 0 && string(row) != "null" {
		item = new(ListItem)
		if err := json.Unmarshal(row, item); err != nil {
			r.diags.Add(r.pos(row, offset(err)), msg.JSONRecord, jsonProblem(err))
			return
		}
	}
	if len(detail) == 0 || string(detail) == "null" {
		if item != nil {
			b.Listed = append(b.Listed, *item)
		}
		return
	}
	r.detail(detail, item, b)
}

// entry reads one element of an array: a detail record or a list row.
func (r *reader) entry(raw json.RawMessage, b *Batch) {
	var probe map[string]any
	if json.Unmarshal(raw, &probe) != nil {
		r.diags.Add(r.pos(raw, 0), msg.JSONShape)
		return
	}
	if isDetail(probe) {
		r.detail(raw, nil, b)
		return
	}
	r.rows([]json.RawMessage{raw}, b)
}

// rows reads list rows, which come without their records.
func (r *reader) rows(raws []json.RawMessage, b *Batch) {
	for _, raw := range raws {
		var item ListItem
		if err := json.Unmarshal(raw, &item); err != nil {
			r.diags.Add(r.pos(raw, offset(err)), msg.JSONRecord, jsonProblem(err))
			continue
		}
		b.Listed = append(b.Listed, item)
	}
}

// detail reads one detail record.
func (r *reader) detail(raw json.RawMessage, item *ListItem, b *Batch) {
	var d Detail
	if err := json.Unmarshal(raw, &d); err != nil {
		r.diags.Add(r.pos(raw, offset(err)), msg.JSONRecord, jsonProblem(err))
		return
	}
	d.ID, d.Code = strings.TrimSpace(d.ID), strings.TrimSpace(d.Code)
	if !idRE.MatchString(d.ID) || d.Code == "" || strings.TrimSpace(d.Name) == "" {
		r.diags.Add(r.pos(raw, 0), msg.JSONIncomplete, d.Code)
		return
	}
	b.Records = append(b.Records, Record{Detail: d, Raw: raw, Source: r.name, Listed: item})
}

// idRE is a record's id: the portal's are UUIDs.
var idRE = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z-]{0,99}$`)

// isDetail reports whether an object is a detail record rather than a
// list row: only records describe channels, papers or steps.
func isDetail(m map[string]any) bool {
	for _, k := range []string{"executionMethods", "executionCases", "executionSteps"} {
		if _, ok := m[k]; ok {
			return true
		}
	}
	return false
}

// pos returns the position of byte off inside part, a piece of the file.
func (r *reader) pos(part []byte, off int64) diag.Pos {
	start := bytes.Index(r.data, part)
	if start < 0 {
		start = 0
	}
	return jsonPos(r.name, r.data, int64(start)+off, nil)
}

// jsonPos returns the line and column of byte off of data, or of the
// error err when it knows its offset.
func jsonPos(name string, data []byte, off int64, err error) diag.Pos {
	if o := offset(err); o > 0 {
		off = o
	}
	off = min(max(off, 0), int64(len(data)))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return diag.Pos{File: name, Line: line, Col: 1 + utf8.RuneCount(data[start:off])}
}

// offset returns where a JSON error happened, or 0.
func offset(err error) int64 {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return max(syn.Offset-1, 0)
	case errors.As(err, &typ):
		return max(typ.Offset-1, 0)
	}
	return 0
}

// jsonProblem says what is wrong, without Go's type names.
func jsonProblem(err error) string {
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return fmt.Sprintf("%s: %s", typ.Field, typ.Value)
	}
	return err.Error()
}
