package config

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/strictyaml"
	"qrboard/internal/value"
)

// maxSuccessors bounds the offices one office's land may go to.
const maxSuccessors = 100

// Successors are the ids written in an office's successor field: one id,
// or a list of them.
type Successors []value.Ref

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (s *Successors) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node) {
	switch n.Kind {
	case yaml.ScalarNode:
		if id, ok := d.Text(n); ok && id != "" {
			*s = Successors{{ID: id, Pos: d.Pos(n)}}
		}
	case yaml.SequenceNode:
		if len(n.Content) > maxSuccessors {
			d.Error(n, msg.ListTooLong, "successor", len(n.Content), maxSuccessors)
			return
		}
		fallthrough
	default: // the decoder reports anything but a list of ids
		var refs []value.Ref
		d.Decode(n, &refs)
		*s = refs
	}
}

// JSONSchema describes one id or a list of ids, for editor schemas.
func (Successors) JSONSchema() map[string]any {
	return map[string]any{"anyOf": []any{
		value.IDSchema(),
		map[string]any{"type": "array", "items": value.IDSchema(), "minItems": 1, "maxItems": maxSuccessors},
	}}
}

// ServesOn reports whether o serves on day d: from its from day (or since
// ever) up to the day before its until day.
func (o *Office) ServesOn(d value.Date) bool {
	return (o.From.IsZero() || !d.Before(o.From)) && (o.Until.IsZero() || d.Before(o.Until))
}

// ClosedOn reports whether o had closed by day d.
func (o *Office) ClosedOn(d value.Date) bool { return !o.Until.IsZero() && !d.Before(o.Until) }

// overlap reports whether a and b serve on some day in common.
func overlap(a, b *Office) bool { return startsBefore(a, b.Until) && startsBefore(b, a.Until) }

// startsBefore reports whether o starts serving before day d, the zero
// day meaning never.
func startsBefore(o *Office, d value.Date) bool {
	return d.IsZero() || o.From.IsZero() || o.From.Before(d)
}

// checkIDs reports ids claimed twice: by two entries serving at the same
// time, or by an alias and any entry or other alias.
func (c *Config) checkIDs(diags *diag.List) {
	entries := map[string][]*Office{}
	aliases := map[string]diag.Pos{}
	for i := range c.Offices {
		o := &c.Offices[i]
		for _, prev := range entries[o.ID] {
			if overlap(prev, o) {
				diags.Add(o.Pos, msg.DuplicateOffice, o.ID, prev.Pos.Line).WithHint(msg.HintReuseID)
				break
			}
		}
		if prev, ok := aliases[o.ID]; ok {
			diags.Add(o.Pos, msg.DuplicateOffice, o.ID, prev.Line)
		}
		entries[o.ID] = append(entries[o.ID], o)
	}
	for i := range c.Offices {
		for _, a := range c.Offices[i].Aliases {
			prev, taken := aliases[a.ID]
			if e := entries[a.ID]; len(e) > 0 {
				prev, taken = e[0].Pos, true
			}
			if taken {
				diags.Add(a.Pos, msg.DuplicateOffice, a.ID, prev.Line)
				continue
			}
			aliases[a.ID] = a.Pos
		}
	}
}

// link is a successor as written: the office that wrote it, the id, and
// the entry it names (nil when no entry has the id).
type link struct {
	from *Office
	ref  value.Ref
	to   *Office
	ok   bool // to served on the day from closed
}

// checkHistory checks every office's dates and successors, and sets Next.
func (c *Config) checkHistory(diags *diag.List) {
	byID := map[string][]*Office{} // by id and by alias: an office whose id changed is still the successor
	for i := range c.Offices {
		o := &c.Offices[i]
		byID[o.ID] = append(byID[o.ID], o)
		for _, a := range o.Aliases {
			byID[a.ID] = append(byID[a.ID], o)
		}
	}
	var links []link
	for i := range c.Offices {
		o := &c.Offices[i]
		switch {
		case !o.From.IsZero() && !o.Until.IsZero() && !o.From.Before(o.Until):
			diags.Add(o.Pos, msg.UntilNotAfterFrom, o.ID, o.Until.String(), o.From.String())
			continue
		case len(o.Successor) > 0 && o.Until.IsZero():
			diags.Add(o.Successor[0].Pos, msg.SuccessorWithoutUntil, o.ID).WithHint(msg.HintUntil)
			continue
		case len(o.Successor) == 0 && !o.Until.IsZero():
			diags.Add(o.Pos, msg.ClosedWithoutSuccessor, o.ID, o.Until.String()).WithHint(msg.HintSuccessor)
			continue
		}
		for _, ref := range o.Successor {
			to, ok := successorOf(o, byID[ref.ID])
			if to == nil {
				d := diags.Add(ref.Pos, msg.UnknownSuccessor, ref.ID, o.ID)
				if near := strictyaml.Suggest(ref.ID, c.ids()); near != "" {
					d.WithHint(msg.HintDidYouMean, near)
				}
				continue
			}
			links = append(links, link{from: o, ref: ref, to: to, ok: ok})
		}
	}
	inCycle := reportCycles(links, diags)
	for _, l := range links {
		switch {
		case inCycle[l.from]:
		case l.ok:
			l.from.Next = append(l.from.Next, l.to)
		case l.to.From.After(l.from.Until):
			diags.Add(l.ref.Pos, msg.SuccessorGap, l.to.ID, l.from.ID, l.to.From.String(), l.from.Until.String()).
				WithHint(msg.HintSuccessorDates, l.to.ID, l.from.ID)
		default:
			diags.Add(l.ref.Pos, msg.SuccessorClosed, l.to.ID, l.from.ID, l.to.Until.String(), l.from.Until.String()).
				WithHint(msg.HintSuccessorDates, l.to.ID, l.from.ID)
		}
	}
}

// successorOf returns the entry among cands (the entries of one id) that
// served on the day o closed, and true; else, so that the mistake can be
// named, the first that opened after that day or the last to close
// before it, and false; nil when there is none.
func successorOf(o *Office, cands []*Office) (*Office, bool) {
	var later, earlier *Office
	for _, c := range cands {
		switch {
		case c.ServesOn(o.Until):
			return c, true
		case c.From.After(o.Until):
			if later == nil || c.From.Before(later.From) {
				later = c
			}
		case earlier == nil || c.Until.After(earlier.Until):
			earlier = c
		}
	}
	if later != nil {
		return later, false
	}
	return earlier, false
}

// reportCycles reports each chain of successors that comes back to an
// office already on it, and returns the offices on such chains, whose
// dates cannot be right and are not reported again.
func reportCycles(links []link, diags *diag.List) map[*Office]bool {
	next := map[*Office][]link{}
	for _, l := range links {
		next[l.from] = append(next[l.from], l)
	}
	const (
		unseen = iota
		onPath
		done
	)
	state := map[*Office]int{}
	inCycle := map[*Office]bool{}
	var path []link
	var visit func(o *Office)
	visit = func(o *Office) {
		state[o] = onPath
		for _, l := range next[o] {
			path = append(path, l)
			switch state[l.to] {
			case onPath:
				reportCycle(path, l.to, inCycle, diags)
			case unseen:
				visit(l.to)
			}
			path = path[:len(path)-1]
		}
		state[o] = done
	}
	for _, l := range links {
		if state[l.from] == unseen {
			visit(l.from)
		}
	}
	return inCycle
}

// reportCycle reports the cycle at the end of path that starts at start.
func reportCycle(path []link, start *Office, inCycle map[*Office]bool, diags *diag.List) {
	i := len(path) - 1
	for path[i].from != start {
		i--
	}
	ids := []string{start.ID}
	for _, l := range path[i:] {
		ids = append(ids, l.to.ID)
		inCycle[l.from] = true
	}
	diags.Add(path[i].ref.Pos, msg.SuccessorCycle, strings.Join(ids, " → ")).WithHint(msg.HintSuccessorCycle)
}

// ids returns every office id, for suggestions.
func (c *Config) ids() []string {
	var ids []string
	for _, o := range c.Offices {
		ids = append(ids, o.ID)
	}
	return ids
}
