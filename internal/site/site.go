// Package site decides what a build publishes: from the configuration and
// the procedures it works out every page and its address, which offices
// list which procedures, and which old addresses redirect where. It checks
// what no single file can: that every office a procedure names exists, and
// that no two things claim the same address.
//
// Addresses are paths from the site root ending in "/":
//
//	""                       home: every office and every procedure by field
//	"<office>/"              an office's board
//	"<office>/<procedure>/"  a procedure at an office (the page a poster's QR opens)
//	"<procedure>/"           a procedure with the list of offices that handle it
//
// A procedure whose effective_from is after the build date has no page
// yet. A repealed procedure keeps its pages — printed posters must not
// lead nowhere — but is no longer listed.
package site

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"qrboard/internal/config"
	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
	"qrboard/internal/strictyaml"
	"qrboard/internal/value"
)

// Site is everything one build publishes.
type Site struct {
	Config     *config.Config
	Now        value.Date
	Offices    []*Office
	Procedures []*procedure.Procedure // published (in force or repealed), in display order
	Listed     []*procedure.Procedure // in force: the ones lists show
	Pages      []*Page
	Redirects  []Redirect

	byPath map[string]*Page
}

// Office is a configured office with the procedures it handles.
type Office struct {
	*config.Office
	// Name is config.Office's Name again, at the top: a template reads
	// an office's name on every page, and html/template looks a field of
	// an embedded struct up by a costly search each time.
	Name       string
	Procedures []*procedure.Procedure // in force, in display order
	Repealed   []*procedure.Procedure // repealed, still with pages here
}

// Kind is the kind of a page.
type Kind int

// Kinds of page.
const (
	Home Kind = iota
	Board
	ProcedurePage
	Overview
)

// Page is one published page.
type Page struct {
	Kind      Kind
	Path      string // from the site root, "" or ending in "/"
	Office    *Office
	Procedure *procedure.Procedure
	Offices   []*Office // on an Overview page: the offices that handle it
}

// Root returns the relative path from the page to the site root.
func (p *Page) Root() string { return strings.Repeat("../", strings.Count(p.Path, "/")) }

// Redirect sends an old address to a page.
type Redirect struct {
	From, To string
	Pos      diag.Pos
}

// URL returns the absolute address of path.
func (s *Site) URL(path string) string { return s.Config.Base.String() + path }

// Page returns the page at path, or nil.
func (s *Site) Page(path string) *Page { return s.byPath[path] }

// Plan works out what to publish on day now.
func Plan(cfg *config.Config, procs []*procedure.Procedure, now value.Date) (*Site, diag.List) {
	var diags diag.List
	s := &Site{Config: cfg, Now: now, byPath: map[string]*Page{}}
	officeByID := map[string]*Office{}
	for i := range cfg.Offices {
		o := &Office{Office: &cfg.Offices[i], Name: cfg.Offices[i].Name}
		s.Offices = append(s.Offices, o)
		officeByID[o.ID] = o
	}
	for _, p := range procs {
		if p.Published(now) {
			s.Procedures = append(s.Procedures, p)
		}
	}
	SortProcedures(s.Procedures)
	for _, p := range s.Procedures {
		if p.InForce(now) {
			s.Listed = append(s.Listed, p)
		}
	}
	checkNames(cfg, procs, &diags)

	s.add(&Page{Kind: Home, Path: ""})
	handlers := map[*procedure.Procedure][]*Office{}
	for _, p := range s.Procedures {
		handlers[p] = s.handlers(p, officeByID, &diags)
	}
	for _, o := range s.Offices {
		s.add(&Page{Kind: Board, Path: o.ID + "/", Office: o})
		for _, p := range s.Procedures {
			if !slices.Contains(handlers[p], o) {
				continue
			}
			if p.Repealed(now) {
				o.Repealed = append(o.Repealed, p)
			} else {
				o.Procedures = append(o.Procedures, p)
			}
			s.add(&Page{Kind: ProcedurePage, Path: o.ID + "/" + p.ID + "/", Office: o, Procedure: p})
		}
	}
	for _, p := range s.Procedures {
		s.add(&Page{Kind: Overview, Path: p.ID + "/", Procedure: p, Offices: handlers[p]})
	}
	s.planRedirects(handlers, &diags)
	return s, diags
}

func (s *Site) add(p *Page) {
	s.Pages = append(s.Pages, p)
	s.byPath[p.Path] = p
}

// handlers returns the offices that handle p, reporting unknown ids.
func (s *Site) handlers(p *procedure.Procedure, byID map[string]*Office, diags *diag.List) []*Office {
	var out []*Office
	for _, o := range s.Offices {
		switch p.Offices.Group {
		case procedure.AllOffices:
			out = append(out, o)
		case procedure.AllCommunes:
			if o.Kind.CommuneLevel() {
				out = append(out, o)
			}
		case procedure.DistrictOff:
			if o.Kind == config.District {
				out = append(out, o)
			}
		}
	}
	for _, ref := range p.Offices.IDs {
		o := byID[ref.ID]
		if o == nil {
			d := diags.Add(ref.Pos, msg.UnknownOffice, ref.ID)
			if near := strictyaml.Suggest(ref.ID, officeIDs(s.Offices)); near != "" {
				d.WithHint(msg.HintDidYouMean, near)
			}
			continue
		}
		if !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	if len(out) == 0 && len(p.Offices.IDs) == 0 {
		diags.Warn(p.Offices.Pos, msg.NoHandlers, p.ID)
	}
	return out
}

func officeIDs(offices []*Office) []string {
	ids := make([]string, len(offices))
	for i, o := range offices {
		ids[i] = o.ID
	}
	return ids
}

// checkNames reports procedures whose id or alias is taken by an office
// or by another procedure: both name top-level folders of the site.
func checkNames(cfg *config.Config, procs []*procedure.Procedure, diags *diag.List) {
	owner := map[string]string{}
	for _, o := range cfg.Offices {
		owner[o.ID] = config.File
		for _, a := range o.Aliases {
			owner[a.ID] = config.File
		}
	}
	for _, p := range procs {
		if f, ok := owner[p.ID]; ok {
			diags.Add(diag.Pos{File: p.File}, msg.NameTaken, p.ID, f)
		}
		owner[p.ID] = p.File
	}
	for _, p := range procs {
		for _, a := range p.Aliases {
			if f, ok := owner[a.ID]; ok {
				diags.Add(a.Pos, msg.NameTaken, a.ID, f)
				continue
			}
			owner[a.ID] = p.File
		}
	}
}

// SortProcedures orders procedures as lists show them: by field, then by
// short name, in Vietnamese alphabetical order (a ă â b c d đ e ê …).
func SortProcedures(procs []*procedure.Procedure) {
	collator := collate.New(language.Vietnamese) // not safe to share between goroutines
	slices.SortStableFunc(procs, func(a, b *procedure.Procedure) int {
		return cmp.Or(
			collator.CompareString(a.Field, b.Field),
			collator.CompareString(a.ShortName, b.ShortName),
			strings.Compare(a.ID, b.ID),
		)
	})
}

// Group is the procedures of one field (lĩnh vực).
type Group struct {
	Field      string
	Procedures []*procedure.Procedure
}

// ByField groups procedures, already in display order, by field.
func ByField(procs []*procedure.Procedure) []Group {
	var groups []Group
	for _, p := range procs {
		if n := len(groups); n == 0 || groups[n-1].Field != p.Field {
			groups = append(groups, Group{Field: p.Field})
		}
		g := &groups[len(groups)-1]
		g.Procedures = append(g.Procedures, p)
	}
	return groups
}
