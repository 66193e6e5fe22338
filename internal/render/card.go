package render

import (
	"strings"
	"unicode"

	"qrboard/internal/config"
	"qrboard/internal/ogimage"
	"qrboard/internal/procedure"
	"qrboard/internal/site"
	"qrboard/internal/slug"
)

// Card returns the text of p's sharing picture: what the page is about,
// in the site's language, with the site's name and domain.
func (r *Renderer) Card(p *site.Page) ogimage.Card {
	cfg := r.site.Config
	c := ogimage.Card{
		Site:    cfg.Title,
		Host:    cfg.Base.Host,
		Address: cfg.Base.Host + cfg.Base.Path + p.Path,
	}
	t := r.strings.translate
	switch p.Kind {
	case site.Home:
		c.Title, c.Subtitle = cfg.Authority, t("card_home")
	case site.Board:
		c.Title, c.Subtitle = p.Office.Name, t("board")
	case site.ProcedurePage, site.Overview:
		c.Title, c.Subtitle = p.Procedure.ShortName, cfg.Authority
		if p.Office != nil {
			c.Subtitle = p.Office.Name
		}
		switch {
		case p.Procedure.Repealed(r.site.Now):
			c.Badge, c.Warning = t("repealed_badge"), true
		case p.Procedure.NoWait:
			c.Badge = t("no_wait")
		}
	}
	return c
}

// SearchKey returns what the search box matches for a procedure or an
// office: its names, code and keywords, folded as by slug.Fold, each word
// once. The page's script folds the query the same way and looks for each
// of its words in this key.
func SearchKey(v any) string {
	var parts []string
	switch v := v.(type) {
	case *procedure.Procedure:
		parts = append(parts, v.ShortName, v.Name, v.Field, v.Code, strings.ReplaceAll(v.Code, ".", ""))
		parts = append(parts, v.Keywords...)
	case *site.Office:
		parts = append(parts, v.Name, v.Code, v.ID)
		for _, f := range v.Former { // a citizen may know the office by an old name
			for _, o := range f.Offices {
				parts = append(parts, o.Name, o.ID)
			}
		}
	case *config.Office:
		parts = append(parts, v.Name, v.Code, v.ID)
	}
	seen := map[string]bool{}
	var words []string
	for _, w := range strings.FieldsFunc(slug.Fold(strings.Join(parts, " ")), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:()“”\"'–—…", r)
	}) {
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

// searchKey returns SearchKey(v), computed once per procedure or office
// and build: every board lists a procedure, and home every one.
func (r *Renderer) searchKey(v any) string {
	if k, ok := r.keys.Load(v); ok {
		return k.(string)
	}
	k := SearchKey(v)
	r.keys.Store(v, k)
	return k
}

// tel returns a phone number as a tel: link wants it: its digits, and a
// leading + for an international number.
func tel(phone string) string {
	var b strings.Builder
	for i, r := range strings.TrimSpace(phone) {
		if ('0' <= r && r <= '9') || (r == '+' && i == 0) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
