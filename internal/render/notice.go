package render

import (
	"strings"

	"qrboard/internal/config"
	"qrboard/internal/site"
)

// The sentences of a notice page, in the site's language, made from the
// interface strings notice_*: a sentence per step of the office's
// history, then where to go now. In Vietnamese a unit's name inside a
// sentence starts in lower case ("Từ 01/07/2025, xã Võng Xuyên thuộc xã
// Phúc Lộc."), as official texts write it.

// Steps returns one sentence per change that led from the notice's
// office to the current offices.
func (d *Data) Steps() []string {
	var out []string
	for _, st := range d.Notice.Office.Steps {
		out = append(out, d.step(st))
	}
	return out
}

func (d *Data) step(st site.Step) string {
	t, date := d.r.strings.T, st.Date.Vietnamese()
	old := st.Office
	switch {
	case len(st.Into) == 1 && strings.EqualFold(st.Into[0].Name, old.Name):
		return t("notice_step_same", date, d.inline(old.Name), d.inline(st.Into[0].Name))
	case old.Kind == config.District && !hasDistrict(st.Into):
		return t("notice_step_district", date, d.inline(old.Name), d.names(st.Into, false))
	}
	return t("notice_step", date, d.inline(old.Name), d.names(st.Into, false))
}

func hasDistrict(offices []*site.Office) bool {
	for _, o := range offices {
		if o.Kind == config.District {
			return true
		}
	}
	return false
}

// Where returns the sentences that say where the notice's procedure, or
// the old office's procedures, are done now.
func (d *Data) Where() []string {
	t, n := d.r.strings.T, d.Notice
	var out []string
	switch {
	case n.Gone:
		out = append(out, t("notice_gone"))
	case n.Procedure == nil:
		return []string{t("notice_board_here", d.places(officesOf(n.Handled())))}
	case len(n.Handled()) > 0:
		out = append(out, t("notice_here", d.places(officesOf(n.Handled()))))
	}
	if not := n.NotHandled(); len(not) > 0 && !n.Gone {
		out = append(out, t("notice_not_here", d.names(not, true)))
	}
	return out
}

func officesOf(targets []site.Target) []*site.Office {
	out := make([]*site.Office, len(targets))
	for i, t := range targets {
		out[i] = t.Office
	}
	return out
}

// places names where to go: one office by its desk and name ("Điểm Phục
// vụ hành chính công xã Phúc Lộc"), several by their names.
func (d *Data) places(offices []*site.Office) string {
	if len(offices) == 1 && offices[0].Desk != "" {
		return d.r.strings.T("notice_place", offices[0].Desk, d.inline(offices[0].Name))
	}
	return d.names(offices, false)
}

// names joins the offices' names as a sentence lists them ("xã Phúc Thọ,
// xã Phúc Lộc và xã Hát Môn"), the first as written when it starts the
// sentence.
func (d *Data) names(offices []*site.Office, first bool) string {
	parts := make([]string, len(offices))
	for i, o := range offices {
		parts[i] = o.Name
		if i > 0 || !first {
			parts[i] = d.inline(o.Name)
		}
	}
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " " + d.r.strings.T("and") + " " + parts[len(parts)-1]
}

// unitWords are the words that begin the names of administrative units,
// written with a capital at the start of a name and in lower case inside
// a sentence.
var unitWords = []string{"Xã ", "Phường ", "Thị trấn ", "Thị xã ", "Huyện ", "Quận ", "Thành phố ", "Tỉnh ", "Đặc khu "}

// inline returns a unit's name as written inside a Vietnamese sentence:
// "Xã Phúc Lộc" becomes "xã Phúc Lộc". Other names, and names on a site
// in another language, are kept.
func (d *Data) inline(name string) string {
	if d.Lang != "vi" {
		return name
	}
	for _, w := range unitWords {
		if strings.HasPrefix(name, w) {
			return strings.ToLower(w) + name[len(w):]
		}
	}
	return name
}
