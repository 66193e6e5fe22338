// Package scaffold writes the file that `qrboard new` starts a procedure
// from. It lists every field of a procedure file, each under a one-line
// comment in Vietnamese that says what goes there, whether it is required
// and an example. The list is generated from procedure.Procedure with the
// same tags as the decoder and the editor schemas (package schema), so a
// field added to the type appears in new files without anyone having to
// remember it.
//
// Values to fill in say TODO. Procedure files refuse TODO, so `qrboard
// check` names each field still to fill in, and an unfinished file can
// never publish "TODO" as a fee. Optional fields are left empty. Optional
// groups of fields — a document's form, the cases — are written as
// comments: deleting the "# " at the start of their lines brings them in.
// A list of groups tagged new:"fill" (the documents, which nearly every
// procedure has though the type does not require them) is shown with one
// item to fill in, like a required one.
package scaffold

import (
	"reflect"
	"strings"

	"qrboard/internal/msg"
	"qrboard/internal/procedure"
	"qrboard/internal/schema"
	"qrboard/internal/strictyaml"
)

// Procedure returns the text of a new procedure file for id, which lives
// in procedures/ and so links to ../schema/.
func Procedure(id string) []byte { return render(id, false) }

// render writes the file; expand writes the commented-out groups as
// plain YAML too, for tests that check every field is there.
func render(id string, expand bool) []byte {
	w := &writer{expand: expand}
	w.raw(schema.Line("procedure.schema.json", 1))
	for _, id := range []msg.Text{msg.New(msg.NewIntro, id), msg.New(msg.NewTODO), msg.New(msg.NewOptional), msg.New(msg.NewComments)} {
		w.raw("# " + id.In(msg.Vi))
	}
	for _, f := range strictyaml.Fields(reflect.TypeFor[procedure.Procedure]()) {
		w.raw("")
		w.field(f, "", true)
	}
	return []byte(w.b.String())
}

// writer accumulates the lines of the file.
type writer struct {
	b      strings.Builder
	expand bool
	// commented is true inside a group written as comments, whose lines
	// get "# " after the group's indent, as an editor's "toggle comment"
	// writes it.
	commented bool
	blockInd  string
}

func (w *writer) raw(line string) {
	if w.commented {
		line = w.blockInd + "# " + strings.TrimPrefix(line, w.blockInd)
	}
	w.b.WriteString(strings.TrimRight(line, " "))
	w.b.WriteByte('\n')
}

// field writes f's comment and f at indent ind. all is false inside a
// group already written as comments, where nested groups show only their
// required fields (the others are listed where the same type appears in
// full).
func (w *writer) field(f strictyaml.Field, ind string, all bool) {
	w.raw(ind + "# " + schema.Describe(f))
	t := f.Struct.Type
	group := groupType(t)
	switch {
	case group == nil && t.Kind() == reflect.Slice:
		w.raw(ind + f.Name + ":")
		if f.Required {
			w.raw(ind + "  - " + strictyaml.Placeholder)
		}
	case group == nil:
		w.raw(ind + f.Name + ":" + value(f))
	case f.Required || f.Struct.Tag.Get("new") == "fill" || w.commented:
		w.group(f, group, ind, all)
	default:
		// An optional group: written as comments to bring in if needed.
		w.raw(ind + "# " + msg.New(msg.NewUncomment).In(msg.Vi))
		w.commented, w.blockInd = !w.expand, ind
		w.group(f, group, ind, true)
		w.commented = false
	}
}

// value is what follows "name:" for a single value: TODO to fill in, or
// nothing for an optional field.
func value(f strictyaml.Field) string {
	if f.Required {
		return " " + strictyaml.Placeholder
	}
	return ""
}

// group writes a field holding a group of fields, or a list of groups
// with one item.
func (w *writer) group(f strictyaml.Field, t reflect.Type, ind string, all bool) {
	w.raw(ind + f.Name + ":")
	list := f.Struct.Type.Kind() == reflect.Slice
	inner := ind + "  "
	if list {
		inner = ind + "    "
	}
	first := true
	for _, sub := range strictyaml.Fields(t) {
		if !all && !sub.Required {
			continue
		}
		if first && list {
			w.item(sub, ind+"  ", inner)
		} else {
			w.field(sub, inner, all && !w.commented)
		}
		first = false
	}
}

// item writes the first field of a list's item, whose line carries the
// "- " of the item; its comment goes above, at the item's indent.
func (w *writer) item(f strictyaml.Field, ind, inner string) {
	if groupType(f.Struct.Type) != nil || f.Struct.Type.Kind() == reflect.Slice {
		// No type starts with a group today; keep the YAML valid anyway.
		w.raw(ind + "-")
		w.field(f, inner, false)
		return
	}
	w.raw(ind + "# " + schema.Describe(f))
	w.raw(ind + "- " + f.Name + ":" + value(f))
}

// groupType returns the struct type of a field that holds a group of
// fields (a struct, a pointer to one or a list of them) that is written
// field by field, and nil for any other field.
func groupType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t.Implements(reflect.TypeFor[schema.Describer]()) {
		return nil
	}
	return t
}
