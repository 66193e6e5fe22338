package render

import (
	"bytes"
	"encoding/xml"
	"fmt"

	"qrboard/internal/procedure"
	"qrboard/internal/site"
	"qrboard/internal/value"
)

// Sitemap returns sitemap.xml: the absolute address every page is served
// at (site.Page.Served), with the date its content last changed.
// Redirects are left out.
func Sitemap(s *site.Site) []byte {
	var b bytes.Buffer
	b.Grow(len(s.Pages) * (len(s.URL("")) + 80))
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	var base bytes.Buffer // the site's address, escaped once: pages' paths are slugs
	xml.EscapeText(&base, []byte(s.URL("")))
	for _, p := range s.Pages {
		b.WriteString("<url><loc>")
		b.Write(base.Bytes())
		xml.EscapeText(&b, []byte(p.Served()))
		b.WriteString("</loc>")
		if d := LastChanged(s, p); !d.IsZero() {
			b.WriteString("<lastmod>")
			b.WriteString(d.String())
			b.WriteString("</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// LastChanged returns the day p's content last changed: its procedure's
// updated date, or for a list the newest date among its procedures.
func LastChanged(s *site.Site, p *site.Page) value.Date {
	switch {
	case p.Procedure != nil:
		return p.Procedure.Updated
	case p.Office != nil:
		return newest(p.Office.Procedures)
	}
	return newest(s.Procedures)
}

func newest(procs []*procedure.Procedure) value.Date {
	var d value.Date
	for _, p := range procs {
		if p.Updated.After(d) {
			d = p.Updated
		}
	}
	return d
}

// Robots returns robots.txt, which allows everything and names the sitemap.
func Robots(s *site.Site) []byte {
	return fmt.Appendf(nil, "User-agent: *\nAllow: /\n\nSitemap: %s\n", s.URL("sitemap.xml"))
}

// Redirects returns _redirects, read by Netlify, Cloudflare Pages and
// similar hosts to answer old addresses with a real 301. Paths include the
// base URL's sub-path, since such hosts read them from the domain root.
// Notices are left out: a 301 would skip what they say. So are the
// redirects a page with a short address leaves at its own address
// (site.Page.At): one per poster, 10,000 in a province, more than some of
// these hosts take (Cloudflare Pages reads 2,100 rules); the redirect
// page there does the job on every host.
func Redirects(s *site.Site) []byte {
	prefix := s.Config.Base.Path
	var b bytes.Buffer
	for _, r := range s.Redirects {
		if r.Notice != nil {
			continue
		}
		fmt.Fprintf(&b, "%s%s %s%s 301\n", prefix, r.From, prefix, s.Where(r.To))
	}
	return b.Bytes()
}
