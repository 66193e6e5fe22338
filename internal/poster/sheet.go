package poster

import (
	"fmt"
	"slices"

	"qrboard/internal/qr"
)

// Sheet is an office's board sheet: its procedures in a grid, each with
// its code and short name, to pin on the board in place of the old
// paper lists. Cells are framed: the frames are also cutting lines for
// an office that wants single cards.
type Sheet struct {
	Authority   string
	Office      string
	Title       string // "Danh sách thủ tục hành chính"
	Intro       string // what to do with the codes
	Cells       []Cell
	FooterLeft  string // the print date
	FooterRight string // the board page's address
	// PageLabel formats the page number and count ("Trang %d/%d").
	PageLabel string
	Origins   Origins // where the texts from the project's files were written
}

// Cell is one procedure on a sheet.
type Cell struct {
	Field string   // its field (lĩnh vực): the heading of its pages on a long sheet
	Title string   // short name
	Note  string   // a short line under it: "Không chờ, không giấy hẹn"
	Code  *qr.Code // leads to the procedure's page at this office
}

// grid is the placement of cells on a sheet of some paper. It depends
// only on the paper, so the density of a code in a cell is known before
// any sheet is drawn.
type grid struct {
	cols, rows       int
	k                float64 // type scale
	x, y             float64 // top-left of the grid
	cellW, cellH     float64
	pad, textH       float64
	headerH, footerY float64
}

// Cells per page: six on A4 keeps each code above the size that scans
// at arm's length; A3 takes twice as many of the same size, A5 four
// smaller ones.
func (p Paper) grid() grid {
	g := grid{cols: 2, rows: 3, k: 1}
	switch p {
	case A3:
		g.cols, g.rows, g.k = 3, 4, 1.2
	case A5:
		g.cols, g.rows, g.k = 2, 2, 0.85
	}
	m := margin * p.Scale()
	g.headerH = 28 * g.k
	g.x, g.y = m, m+g.headerH
	g.footerY = p.H - m - footerStyle.max*g.k*footerStyle.lead*mmPerPt
	g.cellW = (p.W - 2*m) / float64(g.cols)
	g.cellH = (g.footerY - gap - g.y) / float64(g.rows)
	g.pad = 3 * g.k
	g.textH = g.titleH() + cellNoteStyle.max*g.k*cellNoteStyle.lead*mmPerPt
	return g
}

// titleH is the height a cell keeps for its title: two lines in the
// largest size, or three in a smaller one.
func (g grid) titleH() float64 { return 2 * cellTitleStyle.max * g.k * cellTitleStyle.lead * mmPerPt }

// qrWidth is the width of code's symbol in a cell: as large as the cell
// allows with the quiet zone inside the frame and the text below.
func (g grid) qrWidth(code *qr.Code) float64 {
	n := float64(code.Size())
	withQuiet := (n + 2*qr.QuietZone) / n
	room := min(g.cellW-2*g.pad, g.cellH-2*g.pad-g.textH)
	return room / withQuiet
}

var (
	sheetAuthorityStyle = style{face: Regular, max: 11, min: 8, lead: 1.25}
	sheetOfficeStyle    = style{face: Bold, max: 18, min: 11, lead: 1.2}
	sheetIntroStyle     = style{face: Regular, max: 11, min: 8, lead: 1.25}
	cellTitleStyle      = style{face: Bold, max: 12, min: 8, lead: 1.15}
	cellNoteStyle       = style{face: Bold, max: 9, min: 7, lead: 1.2}
)

// AddSheet adds s, on as many pages as its cells need.
func (d *Doc) AddSheet(s *Sheet) error {
	texts := []string{s.Authority, s.Office, s.Title, s.Intro, s.FooterLeft, s.FooterRight, s.PageLabel}
	for _, c := range s.Cells {
		texts = append(texts, c.Title, c.Note)
	}
	for _, t := range texts {
		if r, ok := Missing(t); ok {
			return &MissingGlyph{Text: t, Rune: r}
		}
	}
	g := d.paper.grid()
	pages := s.pages(g.cols * g.rows)
	for i, cells := range pages {
		d.addPage()
		header := *s
		if len(cells) > 0 && cells[0].Field != "" {
			header.Title += " – " + cells[0].Field
		}
		if err := d.drawSheetHeader(&header, g); err != nil {
			return err
		}
		for j, c := range cells {
			if err := d.drawCell(c, g, j%g.cols, j/g.cols); err != nil {
				return err
			}
		}
		label := s.FooterLeft
		if len(pages) > 1 && s.PageLabel != "" {
			label += " · " + fmt.Sprintf(s.PageLabel, i+1, len(pages))
		}
		if err := d.drawSheetFooter(g, label, s.FooterRight); err != nil {
			return err
		}
	}
	return nil
}

// LongSheet is the number of pages from which a sheet is grouped by
// field: an office with hundreds of procedures gets, for each field, its
// own pages, headed with the field's name, so a citizen finds the page
// of "Hộ tịch" before looking for a name in it.
const LongSheet = 3

// pages splits the cells into pages of per cells: in order, or, on a
// sheet of LongSheet pages or more, by field (in the order fields first
// appear), each field from a new page. A cell of a page that is not
// grouped has no Field.
func (s *Sheet) pages(per int) [][]Cell {
	cells := s.Cells
	if (len(cells)+per-1)/per < LongSheet {
		var out [][]Cell
		for i := 0; i < len(cells); i += per {
			page := slices.Clone(cells[i:min(len(cells), i+per)])
			for j := range page {
				page[j].Field = ""
			}
			out = append(out, page)
		}
		if len(out) == 0 {
			out = [][]Cell{{}}
		}
		return out
	}
	var order []string
	byField := map[string][]Cell{}
	for _, c := range cells {
		if _, ok := byField[c.Field]; !ok {
			order = append(order, c.Field)
		}
		byField[c.Field] = append(byField[c.Field], c)
	}
	var out [][]Cell
	for _, f := range order {
		group := byField[f]
		for i := 0; i < len(group); i += per {
			out = append(out, group[i:min(len(group), i+per)])
		}
	}
	return out
}

func (d *Doc) drawSheetHeader(s *Sheet, g grid) error {
	x, w := g.x, g.cellW*float64(g.cols)
	y := g.y - g.headerH
	for _, part := range []struct {
		text string
		st   style
		c    rgb
	}{
		{s.Authority, sheetAuthorityStyle, muted},
		{s.Office, sheetOfficeStyle, ink},
		{s.Title, sheetOfficeStyle, accent},
		{s.Intro, sheetIntroStyle, muted},
	} {
		if part.text == "" {
			continue
		}
		b, ok := d.fonts.fit(part.text, part.st.scaled(g.k), w, g.headerH, 2)
		if !ok {
			return &TooLong{Text: part.text, What: "sheet header"}
		}
		var err error
		if y, err = d.block(b, part.c, x, y, w, center); err != nil {
			return err
		}
	}
	if y > g.y-gap/2 {
		return &TooLong{Text: s.Office, What: "sheet header"}
	}
	return nil
}

// drawCell draws one framed cell: the code on top, the name under it.
func (d *Doc) drawCell(c Cell, g grid, col, row int) error {
	x := g.x + float64(col)*g.cellW
	y := g.y + float64(row)*g.cellH
	d.frame(line, x, y, g.cellW, g.cellH)
	box := g.codeBox(x, y, c.Code)
	qw := g.qrWidth(c.Code)
	quiet := (box.W - qw) / 2
	if err := d.code(c.Code, box.X+quiet, box.Y+quiet, qw); err != nil {
		return err
	}
	ty := box.Y + box.H
	tw := g.cellW - 2*g.pad
	b, ok := d.fonts.fit(c.Title, cellTitleStyle.scaled(g.k), tw, g.titleH(), 3)
	if !ok {
		return &TooLong{Text: c.Title, What: "title"}
	}
	ty, err := d.block(b, ink, x+g.pad, ty, tw, center)
	if err != nil || c.Note == "" {
		return err
	}
	n, ok := d.fonts.fit(c.Note, cellNoteStyle.scaled(g.k), tw, cellNoteStyle.max*g.k*cellNoteStyle.lead*mmPerPt, 1)
	if !ok {
		return &TooLong{Text: c.Note, What: "note"}
	}
	_, err = d.block(n, green, x+g.pad, ty, tw, center)
	return err
}

func (d *Doc) drawSheetFooter(g grid, l, r string) error {
	st := footerStyle.scaled(g.k)
	w := g.cellW * float64(g.cols)
	base := g.footerY + st.max*mmPerPt
	if l != "" {
		if err := d.text(l, st.face, st.max, muted, g.x, base, w, left); err != nil {
			return err
		}
	}
	if r != "" {
		return d.text(r, st.face, st.max, muted, g.x, base, w, right)
	}
	return nil
}

// Box is a rectangle on the page, in mm from the top left.
type Box struct{ X, Y, W, H float64 }

// SheetCells returns the frames of the cells of one board sheet page on
// p, row by row.
func (p Paper) SheetCells() []Box {
	g := p.grid()
	var boxes []Box
	for r := range g.rows {
		for c := range g.cols {
			boxes = append(boxes, Box{g.x + float64(c)*g.cellW, g.y + float64(r)*g.cellH, g.cellW, g.cellH})
		}
	}
	return boxes
}

// SheetCode returns where code is drawn, quiet zone included, in the
// cell whose frame is cell.
func (p Paper) SheetCode(cell Box, code *qr.Code) Box {
	return p.grid().codeBox(cell.X, cell.Y, code)
}

// codeBox is the square of code and its quiet zone in the cell at x, y:
// centred, below the padding.
func (g grid) codeBox(x, y float64, code *qr.Code) Box {
	qw := g.qrWidth(code)
	side := qw + 2*qr.QuietZone*qw/float64(code.Size())
	return Box{x + (g.cellW-side)/2, y + g.pad, side, side}
}
