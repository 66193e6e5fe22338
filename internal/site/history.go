package site

import (
	"slices"
	"strings"

	"qrboard/internal/config"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
	"qrboard/internal/value"
)

// Step is one change in a past office's history: on Date, Office closed
// and Into took over its land and procedures.
type Step struct {
	Office *Office
	Date   value.Date
	Into   []*Office
}

// Former are the past offices a current office took over that closed on
// the same day.
type Former struct {
	Until   value.Date
	Offices []*Office
}

// Notice is what an address of a past office says.
type Notice struct {
	Office *Office // the past office
	// Procedure is the procedure of the address; nil on the office's
	// board, and when the address named a procedure no longer published
	// (Gone).
	Procedure *procedure.Procedure
	Gone      bool
	// Targets are the current offices that took the office over, each
	// with the page to go to: its page of the procedure, or its board.
	Targets []Target
}

// Target is a current office a notice leads to.
type Target struct {
	Office *Office
	// Path is the page to go to; "" when the office does not handle the
	// notice's procedure.
	Path string
}

// Handled returns the targets with a page of the notice's procedure, or
// with a board on a notice that has no procedure.
func (n *Notice) Handled() []Target {
	var out []Target
	for _, t := range n.Targets {
		if t.Path != "" {
			out = append(out, t)
		}
	}
	return out
}

// NotHandled returns the targets that do not handle the notice's procedure.
func (n *Notice) NotHandled() []*Office {
	var out []*Office
	for _, t := range n.Targets {
		if t.Path == "" {
			out = append(out, t.Office)
		}
	}
	return out
}

// planHistory works out, for every past office, the steps that led from
// it to current offices, and for every current office the past ones it
// took over. entries maps every configured office to its Office.
func (s *Site) planHistory(entries map[*config.Office]*Office) {
	current, past := map[*Office]bool{}, map[*Office]bool{}
	for _, o := range s.Offices {
		current[o] = true
	}
	for _, o := range s.Past {
		past[o] = true
	}
	for _, p := range s.Past {
		seen := map[*Office]bool{p: true}
		queue := []*Office{p}
		for len(queue) > 0 {
			o := queue[0]
			queue = queue[1:]
			step := Step{Office: o, Date: o.Until}
			for _, c := range o.Next {
				next := entries[c]
				step.Into = append(step.Into, next)
				switch {
				case seen[next]:
				case current[next]:
					p.Successors = append(p.Successors, next)
				case past[next]:
					queue = append(queue, next)
				}
				seen[next] = true
			}
			p.Steps = append(p.Steps, step)
		}
		slices.SortStableFunc(p.Steps, func(a, b Step) int { return a.Date.Compare(b.Date) })
		for _, c := range p.Successors {
			if p.Kind != config.District || c.Kind == config.District { // a commune does not cover a district
				c.addFormer(p)
			}
		}
	}
}

// addFormer records that the current office o took over the past office p.
func (o *Office) addFormer(p *Office) {
	same := func(f Former) bool { return f.Until.Compare(p.Until) == 0 }
	if !slices.ContainsFunc(o.Former, same) {
		o.Former = append(o.Former, Former{Until: p.Until})
		slices.SortStableFunc(o.Former, func(a, b Former) int { return b.Until.Compare(a.Until) })
	}
	i := slices.IndexFunc(o.Former, same)
	o.Former[i].Offices = append(o.Former[i].Offices, p)
}

// planNotices keeps the addresses of past offices: the board of each
// (unless a current office has its id), and every address published
// under its id that no page or redirect serves now.
func (s *Site) planNotices(published []string) {
	served := map[string]bool{}
	for _, r := range s.Redirects {
		served[r.From] = true
	}
	for _, p := range s.Past {
		s.addNotice(p, p.ID+"/", "", served)
	}
	for _, path := range published {
		parts := strings.Split(strings.Trim(path, "/"), "/")
		if len(parts) > 2 {
			continue
		}
		p := s.PastOffice(parts[0])
		if p == nil {
			continue
		}
		rel := strings.TrimPrefix(path, "/")
		if s.byPath[rel] != nil {
			p.Taken++
			continue
		}
		if len(parts) == 2 {
			s.addNotice(p, rel, parts[1], served)
		}
	}
}

// addNotice plans the notice of past office p at path, about the
// procedure whose id (or alias) is procID, or about its board if "".
func (s *Site) addNotice(p *Office, path, procID string, served map[string]bool) {
	if served[path] || s.byPath[path] != nil || len(p.Successors) == 0 {
		return
	}
	served[path] = true
	n := &Notice{Office: p}
	if procID != "" {
		n.Procedure = s.procedure(procID)
		n.Gone = n.Procedure == nil
	}
	for _, c := range p.Successors {
		t := Target{Office: c, Path: c.ID + "/"}
		if n.Procedure != nil {
			t.Path = c.ID + "/" + n.Procedure.ID + "/"
			if s.byPath[t.Path] == nil {
				t.Path = ""
			}
		}
		n.Targets = append(n.Targets, t)
	}
	to := p.Successors[0].ID + "/"
	if h := n.Handled(); len(h) > 0 {
		to = h[0].Path
	}
	p.Moved++
	s.Redirects = append(s.Redirects, Redirect{From: path, To: to, Pos: p.Pos, Notice: n})
}

// PastOffice returns the past office that had id (or had it as an alias)
// last, or nil.
func (s *Site) PastOffice(id string) *Office {
	var found *Office
	for _, p := range s.Past {
		if (p.ID == id || slices.ContainsFunc(p.Aliases, func(a value.Ref) bool { return a.ID == id })) &&
			(found == nil || !p.Until.Before(found.Until)) {
			found = p
		}
	}
	return found
}

// procedure returns the published procedure with id or alias id, or nil.
func (s *Site) procedure(id string) *procedure.Procedure {
	for _, p := range s.Procedures {
		if p.ID == id || slices.ContainsFunc(p.Aliases, func(a value.Ref) bool { return a.ID == id }) {
			return p
		}
	}
	return nil
}

// Office returns the current office with id, or nil.
func (s *Site) Office(id string) *Office {
	for _, o := range s.Offices {
		if o.ID == id {
			return o
		}
	}
	return nil
}

// History explains, for each past office, what became of it and of its
// addresses, as `qrboard check` says it: "vong-xuyen: đã nhập vào
// phuc-loc từ 01/07/2025; 6 địa chỉ cũ chuyển đến đó".
func (s *Site) History() []msg.Text {
	var out []msg.Text
	for _, p := range s.Past {
		var chain msg.Text
		for i, st := range p.Steps {
			step := msg.New(msg.HistoryStep, strings.Join(IDs(st.Into), ", "), st.Date.Vietnamese())
			if i == 0 {
				chain = step
			} else {
				chain = msg.New(msg.HistoryThen, chain, step)
			}
		}
		if s.Office(p.ID) != nil {
			out = append(out, msg.New(msg.HistoryReused, p.ID, p.Name, chain, p.Taken+p.Moved))
		} else {
			out = append(out, msg.New(msg.HistoryMerged, p.ID, chain, p.Moved))
		}
	}
	return out
}
