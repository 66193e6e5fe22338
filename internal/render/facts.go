package render

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"unicode/utf8"

	"qrboard/internal/markdown"
)

// The box at the top of a procedure's pages says, before anything else,
// what to bring, how much it costs, how long it takes and where to go.

// Papers is what the box says of the papers to bring: how many every
// filing needs and the first ones by name. Papers needed only when they
// apply (optional, "nếu có") and those of cases are not counted: the box
// says that some cases need more, and the list below names them all. The
// notes under the list are not papers at all.
type Papers struct {
	Count int      // the papers every filing needs (documents: not optional)
	First []string // the names of the first ones, shortened
	More  bool     // there are more than First
	Cases int      // the cases that need papers of their own (cases:)
	Some  int      // the papers needed only when they apply (optional: true)
}

// papersShown is how many papers the box names.
const papersShown = 2

// Papers returns what the box says of the papers to bring.
func (f Facts) Papers() Papers {
	p := f.Procedure
	ps := Papers{Cases: len(p.Cases)}
	for _, d := range p.Documents {
		if d.Optional {
			ps.Some++
			continue
		}
		if ps.Count < papersShown {
			ps.First = append(ps.First, shortName(d.Name))
		}
		ps.Count++
	}
	ps.More = ps.Count > papersShown
	return ps
}

// shortName returns a paper's name without the details after its first
// parenthesis, colon or semicolon — "Giấy tờ tùy thân (Căn cước công dân,
// …)" is "Giấy tờ tùy thân" in the box; the list below it gives the whole
// name. A name that would be left too short to say what it is stays
// whole. What is still longer than paperNameMax characters (names from
// the national database are often sentences) is cut at a word, with "…".
func shortName(name string) string {
	cut := len(name)
	for _, sep := range []string{" (", ": ", "; "} {
		if i := strings.Index(name, sep); i >= 0 && i < cut {
			cut = i
		}
	}
	short := strings.TrimSpace(name[:cut])
	if utf8.RuneCountInString(short) < 12 {
		short = name
	}
	if utf8.RuneCountInString(short) <= paperNameMax {
		return short
	}
	short = string([]rune(short)[:paperNameMax])
	if i := strings.LastIndexByte(short, ' '); i > 0 {
		short = short[:i]
	}
	return strings.TrimRight(short, " ,;:/-–") + "…"
}

// paperNameMax is the longest name of a paper the box shows whole.
const paperNameMax = 60

// Missing returns, for the box, what is not known of the office's
// address, opening hours and phone, as one list of their names
// ("Địa chỉ, giờ tiếp nhận"), or "" when all three are known.
func (p Place) Missing() string {
	var names []string
	for _, f := range []struct{ key, value string }{
		{"address", p.Office.Address}, {"hours", p.Office.Hours}, {"phone", p.Office.Phone},
	} {
		if f.value == "" {
			name := p.r.strings.T(f.key)
			if len(names) > 0 {
				name = strings.ToLower(name)
			}
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

// Report returns the link by which a citizen reports wrong information
// on the page to its office: a mailto: link with the page's address and
// the procedure's code filled in, or the office's form; "" when the
// office has not said how.
func (d *Data) Report() template.URL {
	if d.Page == nil || d.Page.Office == nil || d.Page.Procedure == nil {
		return ""
	}
	to := d.Page.Office.ReportTo
	addr, isMail := to.IsMail()
	if !isMail {
		return template.URL(to) // a form, or "": it asks its own questions
	}
	t := d.r.strings.T
	q := url.Values{}
	q.Set("subject", t("report_subject", d.Page.Procedure.ShortName, d.Page.Office.Name))
	q.Set("body", t("report_body", d.URL, d.Page.Procedure.Code))
	// mailto: wants %20 for spaces, not the + of forms.
	return template.URL("mailto:" + addr + "?" + strings.ReplaceAll(q.Encode(), "+", "%20"))
}

// siteLink returns a link to path inside the site, from the site's root
// ("forms/to-khai.pdf"), that is made relative to the page once it is
// rendered (see markdown.Relocate): parts shared by pages at different
// depths can hold it.
func siteLink(path string) template.URL { return template.URL(markdown.RootMarker + path) }

// fileSize returns a size as pages show it: "120 KB", "1,5 MB".
func (r *Renderer) fileSize(n int64) string {
	const kb, mb = 1 << 10, 1 << 20
	if n < mb {
		return fmt.Sprintf("%d KB", (n+kb-1)/kb)
	}
	s := fmt.Sprintf("%.1f MB", float64(n)/mb)
	if r.lang == "vi" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
