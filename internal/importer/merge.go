package importer

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
	"qrboard/internal/value"
	"qrboard/internal/yamlmerge"
)

// Merging a new record into a file imported before (see the package
// documentation of procedure, "Importing from the national database").

// merge merges theirs into the file ours, from base, and records what
// changed and what staff's edits kept: a value both changed stays
// staff's and gets an unverified entry quoting the national one. Without
// a base (adopting a file written by hand) the file keeps its every
// value and only gains the fields it lacks. The result keeps the
// comments at the top of ours.
func (plan *Plan) merge(base, ours []byte, theirs *yaml.Node, o *Outcome) (*yaml.Node, bool) {
	var b, mine yaml.Node
	if err := yaml.Unmarshal(ours, &mine); err != nil || len(mine.Content) == 0 || mine.Content[0].Kind != yaml.MappingNode {
		o.Reason = msg.New(msg.ImpSkipBroken, o.File)
		return nil, false
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: mine.HeadComment}
	if base == nil || yaml.Unmarshal(base, &b) != nil {
		filled, added := yamlmerge.Fill(&mine, theirs)
		o.Changed = added
		doc.Content = []*yaml.Node{filled}
		return doc, true
	}
	r := yamlmerge.Merge(&b, &mine, theirs, mergeRules)
	o.Changed = national(r.Changed)
	o.Kept = r.Conflicts
	for _, c := range r.Conflicts {
		if bookkeeping(c.Path) {
			continue
		}
		o.Notices = append(o.Notices, Notice{Conflict, msg.New(msg.ImpKept, c.Path)})
		addUnverified(r.Node, msg.New(msg.ImpConflictNote, c.Path, describe(c.Theirs)).In(msg.Vi))
	}
	doc.Content = []*yaml.Node{r.Node}
	return doc, true
}

// mergeRules say how the lists of a procedure file are merged.
var mergeRules = yamlmerge.Rules{
	Keys: map[string]string{
		"channels": "method", "documents": "name", "cases": "name", "cases.documents": "name",
		"legal_basis": "number", "sources": "title",
	},
	Whole: map[string]bool{"steps": true, "offices": true},
}

// bookkeeping reports whether a place only records the import itself.
func bookkeeping(p string) bool {
	top, _, _ := strings.Cut(p, ".")
	top, _, _ = strings.Cut(top, "[")
	return top == "updated" || top == "imported" || top == "sources"
}

// national returns the changed places that are national facts.
func national(changed []string) []string {
	var out []string
	for _, c := range changed {
		if !bookkeeping(c) {
			out = append(out, c)
		}
	}
	return out
}

// describe renders a value for a message: its text, or its YAML on one
// line, cut short.
func describe(n *yaml.Node) string {
	if n == nil {
		return "(bỏ trống)"
	}
	if n.Kind == yaml.ScalarNode {
		s, _ := cut(oneLine(n.Value), 300)
		return s
	}
	data, _ := yaml.Marshal(n)
	s, _ := cut(oneLine(string(data)), 300)
	return s
}

// addUnverified adds an entry to the unverified list of a procedure
// mapping, unless it is there.
func addUnverified(n *yaml.Node, entry string) {
	list := field(n, "unverified")
	if list == nil || list.Kind != yaml.SequenceNode {
		list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		n.Content = append(n.Content, procedure.Text("unverified"), list)
	}
	for _, e := range list.Content {
		if e.Value == entry {
			return
		}
	}
	list.Content = append(list.Content, procedure.Text(entry))
}

// snapshotOffices returns the offices a snapshot names.
func snapshotOffices(file string, snapshot []byte) (procedure.Offices, bool) {
	if snapshot == nil {
		return procedure.Offices{}, false
	}
	var diags diag.List
	p := procedure.Parse(file, "x", snapshot, &diags)
	if p == nil {
		return procedure.Offices{}, false
	}
	o := p.Offices
	o.Pos = diag.Pos{}
	for i := range o.IDs {
		o.IDs[i].Pos = diag.Pos{}
	}
	return o, true
}

// importDate returns the day of the import that wrote a snapshot.
func importDate(snapshot []byte) value.Date {
	var doc yaml.Node
	if snapshot == nil || yaml.Unmarshal(snapshot, &doc) != nil || len(doc.Content) == 0 {
		return value.Date{}
	}
	d, _ := value.ParseDate(scalar(field(field(doc.Content[0], "imported"), "date")))
	return d
}

// posterFacts returns what a procedure's posters print, to tell whether
// they need printing again: the short name, the code, the badge and its
// note, the time and fee of the channel the poster shows, a repeal.
func posterFacts(file, id string, data []byte) string {
	var diags diag.List
	p := procedure.Parse(file, id, data, &diags)
	if p == nil {
		return ""
	}
	c := p.MainChannel()
	return strings.Join([]string{p.ShortName, p.Code, c.Time, c.Fee, c.FeeSetBy,
		boolText(p.NoWait), p.NoWaitNote, p.RepealedOn.String()}, "\x00")
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return ""
}
