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
// A page with a poster is served at its short address instead, a number
// ("12/", Page.At, set by the build from qrboard.lock), with a redirect
// there at its own address.
//
// A procedure whose effective_from is after the build date has no page
// yet. A repealed procedure keeps its pages — printed posters must not
// lead nowhere — but is no longer listed.
//
// # Offices that closed
//
// Only the offices serving on the build date (config.Office.ServesOn) have
// pages; an office that closed before it (config: until, successor) keeps
// its addresses. Its board's address, and every address of it that
// qrboard.lock records, shows a notice (a Redirect with a Notice): what
// became of the office, step by step with dates ("Từ 01/01/2025, xã Vân
// Hà thuộc xã Nam Hà. Từ 01/07/2025, xã Nam Hà thuộc xã Phúc Lộc."), and a
// link to the page of the same procedure at each current office that took
// it over — or, where that office does not handle it, a sentence saying
// so and links to its board and to the procedure's list of offices. A
// district whose land went to communes says that districts no longer
// exist and lists the communes. An address whose id a current office has
// taken over (the new Xã Hát Môn kept hat-mon) is that office's page; if
// it does not handle the procedure, the old office's notice says so.
//
// Why a notice page and not a redirect, or the new page with a banner:
// a citizen who scans a 2023 poster must learn that the office to go to
// is now another one, in another building — an automatic move would hide
// exactly that, and a meta refresh with a delay fails WCAG 2.2.1 and
// makes a slow phone wait twice. The notice page is the layout's frame
// and two or three sentences, about 2 KB compressed: on 2G or a weak 3G
// signal it arrives in the first round trip, readable before anything
// else loads, and the next tap goes to the real page over the same
// connection. A copy of the new page with a banner would save that tap
// but would put a full page (and its QR code) at every old address — a
// province's 579 former communes × 300 procedures — and would still need
// this page where there is no single page to show (a district, a
// procedure the successor does not do). Notices are left out of
// _redirects, where hosts would answer a 301 that skips them, and are not
// indexed (noindex): search engines show the current pages.
//
// Current offices list the past offices whose land they took over, so a
// citizen of Võng Xuyên recognises Xã Phúc Lộc (Office.Former), and only
// current offices get posters.
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
	Offices    []*Office              // serving on Now, in the order of qrboard.yaml
	Past       []*Office              // closed by Now
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

	// Former are, on a current office, the past offices whose land it
	// took over, directly or through others, by the day they closed,
	// the latest first; a district is not listed on a commune.
	Former []Former
	// Steps are, on a past office, the changes that led from it to the
	// current offices, in date order; Successors are those offices.
	Steps      []Step
	Successors []*Office
	// Moved counts, on a past office, its addresses that show a notice;
	// Taken those that a current office with the same id now serves.
	Moved, Taken int
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
	Path      string // from the site root, "" or ending in "/": the page's address
	Office    *Office
	Procedure *procedure.Procedure
	Offices   []*Office // on an Overview page: the offices that handle it

	// At, when set, is where the page is served instead of at Path:
	// the short address ("12/", package lock) of a page with a poster,
	// so that a citizen who scans gets the page in one round trip. A
	// redirect to At stands at Path, and links to the page lead to At
	// (Site.Where). The build sets it once the lock has numbered the
	// poster pages.
	At string
}

// Served returns the path the page is served at: At, or else Path.
func (p *Page) Served() string { return cmp.Or(p.At, p.Path) }

// Root returns the relative path from where the page is served to the
// site root.
func (p *Page) Root() string { return RootOf(p.Served()) }

// RootOf returns the relative path from path ("phuc-loc/x/") to the site
// root ("../../").
func RootOf(path string) string { return strings.Repeat("../", strings.Count(path, "/")) }

// Where returns where the page at path is served (Page.Served), or path
// itself when the site has no page there: the path links to it lead to.
func (s *Site) Where(path string) string {
	if pg := s.byPath[path]; pg != nil {
		return pg.Served()
	}
	return path
}

// Redirect sends an old address to a page: at once, or, when Notice is
// set, through a notice saying what became of a past office.
type Redirect struct {
	From, To string
	Pos      diag.Pos
	Notice   *Notice
}

// URL returns the absolute address of path.
func (s *Site) URL(path string) string { return s.Config.Base.String() + path }

// Page returns the page at path, or nil.
func (s *Site) Page(path string) *Page { return s.byPath[path] }

// Plan works out what to publish on day now. published are the addresses
// published before, as qrboard.lock records them ("/van-ha/"): those of
// offices closed by now are kept, with a notice.
func Plan(cfg *config.Config, procs []*procedure.Procedure, now value.Date, published []string) (*Site, diag.List) {
	var diags diag.List
	s := &Site{Config: cfg, Now: now, byPath: map[string]*Page{}}
	officeByID := map[string]*Office{}
	entries := map[*config.Office]*Office{}
	for i := range cfg.Offices {
		c := &cfg.Offices[i]
		o := &Office{Office: c, Name: c.Name}
		entries[c] = o
		switch {
		case c.ServesOn(now):
			s.Offices = append(s.Offices, o)
			officeByID[o.ID] = o
		case c.ClosedOn(now):
			s.Past = append(s.Past, o)
		}
	}
	s.planHistory(entries)
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
	s.planNotices(published)
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
		if past := s.PastOffice(ref.ID); o == nil && past != nil {
			out = appendNew(out, past.Successors...)
			diags.Warn(ref.Pos, msg.PastOfficeListed, ref.ID, past.Until.String(), strings.Join(IDs(past.Successors), ", ")).
				WithHint(msg.HintPastOffice, strings.Join(IDs(past.Successors), ", "))
			continue
		}
		if o == nil {
			d := diags.Add(ref.Pos, msg.UnknownOffice, ref.ID)
			if near := strictyaml.Suggest(ref.ID, IDs(s.Offices)); near != "" {
				d.WithHint(msg.HintDidYouMean, near)
			}
			continue
		}
		out = appendNew(out, o)
	}
	if len(out) == 0 && len(p.Offices.IDs) == 0 {
		diags.Warn(p.Offices.Pos, msg.NoHandlers, p.ID)
	}
	return out
}

// appendNew appends to list the offices not in it yet.
func appendNew(list []*Office, offices ...*Office) []*Office {
	for _, o := range offices {
		if !slices.Contains(list, o) {
			list = append(list, o)
		}
	}
	return list
}

// IDs returns the ids of offices.
func IDs(offices []*Office) []string {
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
