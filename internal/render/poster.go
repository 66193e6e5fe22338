package render

import (
	"bytes"
	"cmp"
	"html/template"
	"strings"
	"unicode/utf8"

	"qrboard/internal/config"
	"qrboard/internal/diag"
	"qrboard/internal/poster"
	"qrboard/internal/procedure"
	"qrboard/internal/qr"
	"qrboard/internal/site"
)

// PosterContent returns what the poster of page p on paper says, in the site's
// language: the same words for the PDF and for poster.html. Contact
// details still marked TODO were cleared when qrboard.yaml was read, so
// they are left out here, never printed.
func (r *Renderer) PosterContent(p *site.Page, code *qr.Code, paper poster.Paper) *poster.Poster {
	s, t := r.site, r.strings.T
	pc := &poster.Poster{
		Authority:   s.Config.Authority,
		Code:        code,
		Address:     s.URL(p.Path),
		Check:       t("poster_check", s.Config.Base.Host),
		WidthCheck:  t("poster_width", poster.Centimetres(paper.QRWidth(code))),
		Instruction: t("poster_instruction"),
		Stamp:       t("poster_stamp"),
		FooterLeft:  t("poster_printed", s.Now.Vietnamese()),
	}
	cfg := diag.Pos{File: config.File}
	pc.Origins.Add(pc.Authority, cfg, "authority")
	pc.Origins.Add(pc.Address, s.Config.BasePos(), "base_url")
	switch p.Kind {
	case site.Home:
		pc.Title = s.Config.Title
		pc.Instruction = t("home_instruction")
		pc.Origins.Add(pc.Title, cfg, "title")
	case site.Board:
		pc.Office = r.desk(p.Office)
		pc.Title = p.Office.Name
		pc.Subtitle = t("sheet_title")
		pc.Instruction = t("door_instruction")
		pc.Origins.Add(pc.Office, p.Office.Pos, "desk")
		pc.Origins.Add(pc.Title, p.Office.Pos, "name")
		for _, f := range []struct{ key, value string }{
			{"hours", p.Office.Hours}, {"phone", p.Office.Phone}, {"address", p.Office.Address},
		} {
			if f.value != "" {
				pc.Facts = append(pc.Facts, poster.Fact{Label: t(f.key), Value: f.value})
				pc.Origins.Add(f.value, p.Office.Pos, f.key)
			}
		}
	default:
		r.procedurePoster(pc, p)
	}
	return pc
}

// SurveyPoster returns what office o's rating poster says: the office,
// "Đánh giá sự phục vụ", and code, the code of its rating form, whose
// address is printed under it.
func (r *Renderer) SurveyPoster(o *site.Office, code *qr.Code) *poster.Poster {
	t := r.strings.T
	pc := &poster.Poster{
		Authority:   r.site.Config.Authority,
		Office:      t("poster_office", o.Name, r.desk(o)),
		Title:       t("survey_title"),
		Subtitle:    t("survey_intro"),
		Code:        code,
		Address:     string(o.SurveyURL),
		Instruction: t("survey_instruction"),
		FooterLeft:  t("poster_printed", r.site.Now.Vietnamese()),
	}
	pc.Origins.Add(pc.Authority, diag.Pos{File: config.File}, "authority")
	pc.Origins.Add(pc.Office, o.Pos, "name")
	pc.Origins.Add(pc.Address, o.Pos, "survey_url")
	return pc
}

// desk returns what o's desk is called: its desk, or "Bộ phận Một cửa".
func (r *Renderer) desk(o *site.Office) string {
	return cmp.Or(o.Desk, r.strings.T("one_stop"))
}

// procedurePoster fills in a procedure's poster: its short name, the
// badge, the time and fee of filing in person.
func (r *Renderer) procedurePoster(pc *poster.Poster, p *site.Page) {
	t, proc := r.strings.T, p.Procedure
	file := diag.Pos{File: proc.File}
	if p.Office != nil {
		pc.Office = t("poster_office", p.Office.Name, r.desk(p.Office))
		pc.Origins.Add(pc.Office, p.Office.Pos, "name")
	}
	pc.Title = proc.ShortName
	pc.Origins.Add(pc.Title, file, "short_name")
	switch {
	case proc.Repealed(r.site.Now):
		pc.Subtitle = t("repealed", proc.RepealedOn.Vietnamese())
	case proc.NoWait:
		// The badge and the rule in large type; the caveat with its legal
		// citations (no_wait_note) stays on the web page.
		pc.Badge, pc.Rule = t("no_wait"), t("poster_rule")
	}
	pc.Instruction = t("poster_gives")
	c := proc.MainChannel()
	if papers := mainPapers(proc); papers != "" {
		pc.Facts = append(pc.Facts, poster.Fact{Label: t("poster_papers"), Value: papers})
		pc.Origins.Add(papers, file, "documents")
	}
	fee := r.strings.Fee(*c)
	pc.Facts = append(pc.Facts, poster.Fact{Label: t("how_long"), Value: c.Time}, poster.Fact{Label: t("how_much"), Value: fee})
	pc.Origins.Add(c.Time, file, "channels: time")
	pc.Origins.Add(fee, file, "channels: fee")
	if p.Office != nil && p.Office.Hours != "" {
		pc.Facts = append(pc.Facts, poster.Fact{Label: t("hours"), Value: p.Office.Hours})
		pc.Origins.Add(p.Office.Hours, p.Office.Pos, "hours")
	}
	pc.FooterRight = t("poster_code", proc.Code) + " · " + t("poster_updated", proc.Updated.Vietnamese())
	pc.Origins.Add(pc.FooterRight, file, "code")
}

// mainPapers returns the papers every application needs, up to three,
// each by the part of its name before a colon, a semicolon or a bracket
// ("Giấy tờ tùy thân của hai bên: Hộ chiếu, …" → "Giấy tờ tùy thân của
// hai bên"), joined by "; ". A name still longer than a poster line is
// left to the page, and so are papers once the list would take more
// than two lines.
func mainPapers(proc *procedure.Procedure) string {
	const maxName, maxAll = 60, 110 // characters
	var names []string
	n := 0
	for _, d := range proc.Documents {
		if d.Optional {
			continue
		}
		name := d.Name
		if i := strings.IndexAny(name, ":;("); i > 0 {
			name = name[:i]
		}
		name = strings.TrimSpace(name)
		l := utf8.RuneCountInString(name)
		if l > maxName || n+l > maxAll {
			continue
		}
		names = append(names, name)
		n += l + 2
		if len(names) == 3 {
			break
		}
	}
	return strings.Join(names, "; ")
}

// PosterData is what poster.html sees: the page's Data, the poster's
// words, the paper and the sizes the PDF layout chose.
type PosterData struct {
	*Data
	// Lang and URL repeat Data's at the top: html/template looks a field
	// of an embedded struct up by a costly search each time.
	Lang, URL string
	Poster    *poster.Poster
	Paper     poster.Paper
	Measure   poster.Measure
	QR        template.HTML // the code as inline SVG
	QRWidth   float64       // mm, quiet zone not included
	Quiet     float64       // mm
}

// Style returns the data of the poster's stylesheet.
func (d *PosterData) Style() PosterStyle {
	return PosterStyle{Paper: d.Paper, Measure: d.Measure, QRWidth: d.QRWidth, Quiet: d.Quiet, Sizes: poster.A4Sizes()}
}

// AddressHost returns the domain of the poster's address as printed,
// which the poster sets in bold so a citizen can check whose site it is.
func (d *PosterData) AddressHost() string { h, _ := d.address(); return h }

// AddressPath returns the rest of the poster's address.
func (d *PosterData) AddressPath() string { _, p := d.address(); return p }

func (d *PosterData) address() (host, path string) {
	shown := poster.ShownAddress(d.Poster.Address)
	scheme := ""
	if i := strings.Index(shown, "://"); i >= 0 {
		scheme, shown = shown[:i+3], shown[i+3:]
	}
	host, path, _ = strings.Cut(shown, "/")
	return scheme + host, "/" + path
}

// Poster renders poster.html for page p from its content pc, laid out
// as m on paper. It is at the page's own address, beside the page or
// the redirect to it.
func (r *Renderer) Poster(p *site.Page, pc *poster.Poster, paper poster.Paper, m poster.Measure) ([]byte, error) {
	data := r.data(p, r.site.URL(p.Served()), site.RootOf(p.Path))
	d := &PosterData{
		Data:    data,
		Lang:    data.Lang,
		URL:     data.URL,
		Poster:  pc,
		Paper:   paper,
		Measure: m,
		QR:      template.HTML(pc.Code.SVG()),
		QRWidth: paper.QRWidth(pc.Code),
	}
	d.Quiet = qr.QuietZone * paper.Module(pc.Code)
	b := getBuffer()
	defer putBuffer(b)
	if err := r.poster.ExecuteTemplate(b, "poster", d); err != nil {
		return nil, err
	}
	return bytes.Clone(b.Bytes()), nil
}
