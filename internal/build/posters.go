package build

import (
	"errors"
	"maps"
	"slices"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/poster"
	"qrboard/internal/qr"
	"qrboard/internal/site"
)

// preparePage encodes a page's code (or takes it from the cache) and
// lays out its poster on the project's paper. A code too dense to print
// there, or words that do not fit or that the font cannot draw, are
// problems of the project: they come back as diagnostics, positioned
// where the words were written.
func (p *Project) preparePage(pg *site.Page) (*pageInput, diag.List, error) {
	c, err := p.qr.Encode(p.codeURL(pg), p.Level)
	if err != nil {
		return nil, nil, err
	}
	in := &pageInput{page: pg, code: c, poster: p.Renderer.PosterContent(pg, c, p.Paper)}
	in.poster.Address = p.Site.URL(pg.Served()) // the code's address, as browsers show it
	diags := p.checkDensity(pg, c, p.Paper)
	if in.measure, err = poster.Layout(in.poster, p.Paper); err != nil {
		diags = append(diags, p.posterError(pg, err, p.Paper, msg.KindPoster, in.poster.Origins))
	}
	return in, diags, nil
}

// checkDensity checks that pg's code scans at the size it is printed on
// paper: on its poster, and in a cell of its office's board sheet.
func (p *Project) checkDensity(pg *site.Page, code *qr.Code, paper poster.Paper) diag.List {
	var diags diag.List
	check := func(d poster.Density, kind msg.ID, distance float64) {
		if !d.OK() {
			diags.Add(p.addressPos(pg), msg.QRTooSmall, p.Site.URL(pg.Path), code.Version, kind, paper.Name,
				d.Module, d.Min, distance/1000).WithHint(msg.HintQRTooSmall)
		}
	}
	check(paper.PosterDensity(code), msg.KindPoster, paper.Distance())
	if len(diags) == 0 && pg.Kind == site.ProcedurePage {
		check(paper.SheetDensity(code), msg.KindSheet, poster.SheetDistance)
	}
	return diags
}

// addressPos is where the longest part of pg's address is written: the
// procedure file for a procedure's pages, base_url for the others.
func (p *Project) addressPos(pg *site.Page) diag.Pos {
	if pg.Procedure != nil {
		return diag.Pos{File: pg.Procedure.File}
	}
	return p.Site.Config.BasePos()
}

// posterError turns a layout error into a diagnostic at the place the
// words were written, which origins records; words without an origin
// are interface strings.
func (p *Project) posterError(pg *site.Page, err error, paper poster.Paper, kind msg.ID, origins poster.Origins) diag.Diagnostic {
	d := diag.Diagnostic{Severity: diag.Error}
	var long *poster.TooLong
	var glyph *poster.MissingGlyph
	switch {
	case errors.As(err, &long):
		d.Pos = p.textPos(origins, long.Text)
		d.Text = msg.New(msg.PosterTooLong, long.Text, kind, paper.Name)
		d.Hint = msg.New(msg.HintPosterTooLong)
	case errors.As(err, &glyph):
		d.Pos = p.textPos(origins, glyph.Text)
		d.Text = msg.New(msg.PosterGlyph, glyph.Text, string(glyph.Rune), glyph.Rune)
	default:
		d.Pos = p.addressPos(pg)
		d.Text = msg.New(msg.Failed, err.Error())
	}
	return d
}

// textPos is where text was written: its origin, or else the interface
// strings of the templates.
func (p *Project) textPos(origins poster.Origins, text string) diag.Pos {
	if o, ok := origins.Of(text); ok {
		return o.Pos
	}
	return diag.Pos{File: "templates/lang/" + string(p.Site.Config.Language) + ".yaml"}
}

// problems collects the diagnostics of many pages, each once: a
// procedure's name that is too long is reported once, not once for
// every office, and of the addresses too dense to print, one per file.
// Pages are made concurrently, so the one kept is chosen by content —
// the longest message — not by which came first.
type problems struct {
	byKey map[string]diag.Diagnostic
}

func (ps *problems) add(diags diag.List) {
	if ps.byKey == nil {
		ps.byKey = map[string]diag.Diagnostic{}
	}
	for _, d := range diags {
		text := d.Format(msg.En, "")
		key := text
		if d.Text.ID() == msg.QRTooSmall {
			key = d.Pos.String() + " too dense"
		}
		old, ok := ps.byKey[key]
		if oldText := old.Format(msg.En, ""); !ok || len(text) > len(oldText) || len(text) == len(oldText) && text > oldText {
			ps.byKey[key] = d
		}
	}
}

// list returns the problems in a fixed order.
func (ps *problems) list() diag.List {
	keys := slices.Sorted(maps.Keys(ps.byKey))
	var l diag.List
	for _, k := range keys {
		l = append(l, ps.byKey[k])
	}
	return l
}
