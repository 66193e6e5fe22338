// Package yamlmerge merges three versions of a YAML document the way
// version control merges two branches: base, the version both sides
// started from; ours, edited by hand since; theirs, the new version from
// upstream. Package importer uses it so that re-importing a procedure
// from the national database never loses what staff wrote (base is what
// the last import wrote, ours the file as it is, theirs the new import).
//
// A value that ours did not change takes theirs; a value theirs did not
// change keeps ours; when both changed it differently, ours is kept and
// the place is reported as a conflict. Mappings are merged key by key.
// Lists whose items are mappings identified by a key field (Rules.Keys)
// are merged item by item; lists of plain values item by item as sets
// (an item added or removed on either side is added or removed); other
// lists, and those named in Rules.Whole, as one value. Order follows
// ours, with what only theirs has placed after what precedes it in
// theirs. An empty value ("field:" with nothing after) counts as absent.
// Comments and styles of ours are kept; the result shares nodes with ours
// and theirs, which must not be used afterwards.
package yamlmerge

import "go.yaml.in/yaml/v3"

// Rules say how lists are merged. Paths name fields from the top of the
// document, joined by dots, without list items: "channels",
// "cases.documents".
type Rules struct {
	Keys  map[string]string // the field that identifies the items of the list at a path
	Whole map[string]bool   // lists merged as one value (steps, whose order is their meaning)
}

// Conflict is a place both sides changed differently; the result keeps
// ours.
type Conflict struct {
	Path         string     // "channels[in_person].time"
	Ours, Theirs *yaml.Node // nil when that side removed the value
}

// Result is a merge's outcome.
type Result struct {
	Node *yaml.Node
	// Changed are the places theirs changed since base, whether the
	// result took the change or kept ours.
	Changed   []string
	Conflicts []Conflict
}

// Merge merges the documents (or their top nodes) base, ours and theirs;
// base may be nil when there is no common version, and then every value
// both sides have differently is a conflict.
func Merge(base, ours, theirs *yaml.Node, r Rules) Result {
	m := &merger{rules: r}
	base, ours, theirs = top(base), top(ours), top(theirs)
	res := Result{Node: m.merge("", "", base, ours, theirs), Conflicts: m.conflicts}
	m.diff("", "", base, theirs, &res.Changed)
	return res
}

type merger struct {
	rules     Rules
	conflicts []Conflict
}

// merge merges one value at path; rule is the path without list items.
// Mappings and keyed lists on both sides are merged inside even when
// equal, so that ours keeps its comments.
func (m *merger) merge(path, rule string, b, o, t *yaml.Node) *yaml.Node {
	b, o, t = present(b), present(o), present(t)
	if o != nil && t != nil && o.Kind == t.Kind {
		switch {
		case o.Kind == yaml.MappingNode:
			return m.mapping(path, rule, b, o, t)
		case o.Kind == yaml.SequenceNode && m.rules.Keys[rule] != "" && !m.rules.Whole[rule]:
			if n, ok := m.keyed(path, rule, m.rules.Keys[rule], b, o, t); ok {
				return n
			}
		}
	}
	switch {
	case Equal(o, b):
		return t
	case Equal(t, b), Equal(o, t):
		return o
	case o != nil && t != nil && o.Kind == yaml.SequenceNode && t.Kind == yaml.SequenceNode &&
		m.rules.Keys[rule] == "" && !m.rules.Whole[rule]:
		if n, ok := m.set(b, o, t); ok {
			return n
		}
	}
	m.conflicts = append(m.conflicts, Conflict{Path: path, Ours: o, Theirs: t})
	return o
}

// diff adds to out the places where t differs from b, as finely as
// merge tells them apart.
func (m *merger) diff(path, rule string, b, t *yaml.Node, out *[]string) {
	b, t = present(b), present(t)
	if Equal(b, t) {
		return
	}
	if b != nil && t != nil && b.Kind == t.Kind {
		switch {
		case b.Kind == yaml.MappingNode:
			bp, tp := pairs(b), pairs(t)
			for _, k := range union(bp.order, tp.order) {
				m.diff(join(path, k), join(rule, k), bp.vals[k], tp.vals[k], out)
			}
			return
		case b.Kind == yaml.SequenceNode && m.rules.Keys[rule] != "" && !m.rules.Whole[rule]:
			bi, ok1 := items(b, m.rules.Keys[rule])
			ti, ok2 := items(t, m.rules.Keys[rule])
			if ok1 && ok2 {
				for _, id := range union(bi.order, ti.order) {
					m.diff(path+"["+id+"]", rule, bi.vals[id], ti.vals[id], out)
				}
				return
			}
		}
	}
	if b == nil && t != nil && t.Kind == yaml.MappingNode && path == "" {
		tp := pairs(t) // a whole new document: name its fields
		for _, k := range tp.order {
			m.diff(k, k, nil, tp.vals[k], out)
		}
		return
	}
	*out = append(*out, path)
}

// mapping merges three mappings key by key.
func (m *merger) mapping(path, rule string, b, o, t *yaml.Node) *yaml.Node {
	bk, ok, tk := pairs(b), pairs(o), pairs(t)
	out := *o
	out.Content = nil
	merged := map[string]*yaml.Node{}
	var keys []string
	for _, k := range union(ok.order, tk.order) {
		if v := m.merge(join(path, k), join(rule, k), bk.vals[k], ok.vals[k], tk.vals[k]); v != nil {
			merged[k] = v
			keys = append(keys, k)
		}
	}
	for _, k := range place(ok.order, tk.order, keys) {
		key := ok.keys[k]
		if key == nil {
			key = tk.keys[k]
		}
		out.Content = append(out.Content, key, merged[k])
	}
	return &out
}

// keyed merges lists of mappings item by item, items being identified by
// their key field; it reports false when the items cannot be identified
// (a missing or repeated key), and the list is then one value.
func (m *merger) keyed(path, rule, key string, b, o, t *yaml.Node) (*yaml.Node, bool) {
	bi, ok1 := items(b, key)
	oi, ok2 := items(o, key)
	ti, ok3 := items(t, key)
	if !ok1 || !ok2 || !ok3 {
		return nil, false
	}
	out := *o
	out.Content = nil
	merged := map[string]*yaml.Node{}
	var ids []string
	for _, id := range union(oi.order, ti.order) {
		if v := m.merge(path+"["+id+"]", rule, bi.vals[id], oi.vals[id], ti.vals[id]); v != nil {
			merged[id] = v
			ids = append(ids, id)
		}
	}
	for _, id := range place(oi.order, ti.order, ids) {
		out.Content = append(out.Content, merged[id])
	}
	return &out, true
}

// set merges lists of plain values as sets: ours, without what theirs
// removed since base, with what theirs added.
func (m *merger) set(b, o, t *yaml.Node) (*yaml.Node, bool) {
	bv, ok1 := scalars(b)
	ov, ok2 := scalars(o)
	tv, ok3 := scalars(t)
	if !ok1 || !ok2 || !ok3 {
		return nil, false
	}
	var keep []string
	for _, v := range union(ov.order, tv.order) {
		inB, inO, inT := bv.vals[v] != nil, ov.vals[v] != nil, tv.vals[v] != nil
		if (inO && (inT || !inB)) || (inT && !inB && !inO) {
			keep = append(keep, v)
		}
	}
	out := *o
	out.Content = nil
	for _, v := range place(ov.order, tv.order, keep) {
		n := ov.vals[v]
		if n == nil {
			n = tv.vals[v]
		}
		out.Content = append(out.Content, n)
	}
	return &out, true
}

// indexed is a mapping's or list's entries by name, in order.
type indexed struct {
	order []string
	vals  map[string]*yaml.Node
	keys  map[string]*yaml.Node // a mapping's key nodes, with their comments
}

func pairs(n *yaml.Node) indexed {
	ix := indexed{vals: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}}
	if n == nil || n.Kind != yaml.MappingNode {
		return ix
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i].Value
		if _, dup := ix.vals[k]; !dup {
			ix.order = append(ix.order, k)
		}
		ix.vals[k], ix.keys[k] = present(n.Content[i+1]), n.Content[i]
	}
	return ix
}

// items indexes a list of mappings by their key field; it fails when an
// item has no key or shares it with another.
func items(n *yaml.Node, key string) (indexed, bool) {
	return list(n, true, func(it *yaml.Node) (string, bool) {
		id := pairs(it).vals[key]
		return scalar(id), id != nil && id.Kind == yaml.ScalarNode
	})
}

// scalars indexes a list of plain values, each once.
func scalars(n *yaml.Node) (indexed, bool) {
	return list(n, false, func(it *yaml.Node) (string, bool) { return it.Value, it.Kind == yaml.ScalarNode })
}

// list indexes the items of a list by the name id gives each; it fails
// when id fails for an item, or, if unique, when two share a name.
func list(n *yaml.Node, unique bool, id func(*yaml.Node) (string, bool)) (indexed, bool) {
	ix := indexed{vals: map[string]*yaml.Node{}}
	if n == nil {
		return ix, true
	}
	if n.Kind != yaml.SequenceNode {
		return ix, false
	}
	for _, it := range n.Content {
		name, ok := id(resolve(it))
		if !ok || unique && ix.vals[name] != nil {
			return ix, false
		}
		if ix.vals[name] == nil {
			ix.order = append(ix.order, name)
			ix.vals[name] = resolve(it)
		}
	}
	return ix, true
}

func scalar(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	return n.Value
}

// union returns a's names, then b's that a lacks.
func union(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range [][]string{a, b} {
		for _, s := range l {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// place orders the names kept: those of ours in ours' order, each name
// only theirs has right after the name that precedes it in theirs (or
// first, when nothing does).
func place(ours, theirs, kept []string) []string {
	keep := map[string]bool{}
	for _, k := range kept {
		keep[k] = true
	}
	inOurs := map[string]bool{}
	var out []string
	for _, k := range ours {
		inOurs[k] = true
		if keep[k] {
			out = append(out, k)
		}
	}
	prev := ""
	for _, k := range theirs {
		if keep[k] && !inOurs[k] {
			at := 0
			if prev != "" {
				at = indexOf(out, prev) + 1
			}
			out = append(out[:at], append([]string{k}, out[at:]...)...)
		}
		if keep[k] {
			prev = k
		}
	}
	return out
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// top returns a document's top node.
func top(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil
		}
		return n.Content[0]
	}
	return n
}

// resolve follows an alias to its value.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// present returns n, or nil for an empty value: null, "", [] or {}.
func present(n *yaml.Node) *yaml.Node {
	n = resolve(n)
	switch {
	case n == nil:
		return nil
	case n.Kind == yaml.ScalarNode && (n.Tag == "!!null" || n.Value == ""):
		return nil
	case (n.Kind == yaml.SequenceNode || n.Kind == yaml.MappingNode) && len(n.Content) == 0:
		return nil
	}
	return n
}

// Equal reports whether two values are the same: the same text, the same
// fields with the same values in any order, the same items in the same
// order. Styles, tags and comments do not count; absent equals empty.
func Equal(a, b *yaml.Node) bool {
	a, b = present(top(a)), present(top(b))
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case yaml.ScalarNode:
		return a.Value == b.Value
	case yaml.MappingNode:
		pa, pb := pairs(a), pairs(b)
		for _, k := range union(pa.order, pb.order) {
			if !Equal(pa.vals[k], pb.vals[k]) {
				return false
			}
		}
		return true
	case yaml.SequenceNode:
		if len(a.Content) != len(b.Content) {
			return false
		}
		for i := range a.Content {
			if !Equal(a.Content[i], b.Content[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// Fill returns the mapping ours with the fields it lacks (or leaves
// empty) taken from theirs, each after the field that precedes it in
// theirs; what ours has stays as it is, lists included. It adopts a file
// written by hand: nothing in it changes, only what it does not say is
// added.
func Fill(ours, theirs *yaml.Node) (*yaml.Node, []string) {
	ours, theirs = top(ours), top(theirs)
	op, tp := pairs(ours), pairs(theirs)
	out := *ours
	out.Content = nil
	var keys, added []string
	for _, k := range union(op.order, tp.order) {
		if op.vals[k] != nil {
			keys = append(keys, k)
		} else if tp.vals[k] != nil {
			keys = append(keys, k)
			added = append(added, k)
		}
	}
	for _, k := range place(op.order, tp.order, keys) {
		if v := op.vals[k]; v != nil {
			out.Content = append(out.Content, op.keys[k], v)
		} else {
			out.Content = append(out.Content, tp.keys[k], tp.vals[k])
		}
	}
	return &out, added
}
