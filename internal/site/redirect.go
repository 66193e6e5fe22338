package site

import (
	"slices"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
)

// planRedirects turns aliases and configured redirects into Redirects.
// An office alias keeps the old office's board and every procedure page
// under it working; a procedure alias keeps its old pages at every office
// working. Each redirect points at a page, never at another redirect.
func (s *Site) planRedirects(handlers map[*procedure.Procedure][]*Office, diags *diag.List) {
	seen := map[string]bool{}
	add := func(from, to string, pos diag.Pos) {
		switch {
		case s.byPath[from] != nil:
			diags.Add(pos, msg.RedirectShadows, "/"+from)
		case s.byPath[to] == nil:
			diags.Add(pos, msg.RedirectNowhere, "/"+from, "/"+to)
		case !seen[from]:
			seen[from] = true
			s.Redirects = append(s.Redirects, Redirect{From: from, To: to, Pos: pos})
		}
	}
	for _, p := range s.Procedures {
		for _, a := range p.Aliases {
			add(a.ID+"/", p.ID+"/", a.Pos)
			for _, o := range handlers[p] {
				add(o.ID+"/"+a.ID+"/", o.ID+"/"+p.ID+"/", a.Pos)
			}
		}
	}
	for _, o := range s.Offices {
		for _, a := range o.Aliases {
			add(a.ID+"/", o.ID+"/", a.Pos)
			for _, p := range s.Procedures {
				if !slices.Contains(handlers[p], o) {
					continue
				}
				add(a.ID+"/"+p.ID+"/", o.ID+"/"+p.ID+"/", a.Pos)
				for _, pa := range p.Aliases {
					add(a.ID+"/"+pa.ID+"/", o.ID+"/"+p.ID+"/", a.Pos)
				}
			}
		}
	}
	for _, r := range s.Config.Redirects {
		from, to := trimSlash(r.From), trimSlash(r.To)
		add(from, to, r.Pos)
	}
}

// trimSlash turns "/van-ha/" into "van-ha/", the form of page paths.
func trimSlash(p string) string {
	if len(p) > 0 && p[0] == '/' {
		return p[1:]
	}
	return p
}

// Published returns every path the site serves: pages and redirects.
func (s *Site) Published() []string {
	paths := make([]string, 0, len(s.Pages)+len(s.Redirects))
	for _, p := range s.Pages {
		paths = append(paths, p.Path)
	}
	for _, r := range s.Redirects {
		paths = append(paths, r.From)
	}
	return paths
}
