package render

import (
	"strings"

	"qrboard/internal/ogimage"
	"qrboard/internal/site"
)

// Card returns the text of p's sharing picture: what the page is about,
// in the site's language, with the site's name and domain.
func (r *Renderer) Card(p *site.Page) ogimage.Card {
	cfg := r.site.Config
	c := ogimage.Card{
		Site:    cfg.Title,
		Host:    cfg.ShownHost(),
		Address: cfg.ShownHost() + cfg.Base.Path + p.Path,
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
