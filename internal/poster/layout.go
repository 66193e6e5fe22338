package poster

import (
	"fmt"
	"strings"

	"qrboard/internal/qr"
)

// Poster is what one poster says, in the site's language, top to bottom.
// Empty fields are left out.
type Poster struct {
	Authority   string // the issuing authority, small, on top
	Office      string // the office, under it
	Title       string // the procedure's short name, as large as fits
	Subtitle    string // a line under the title
	Badge       string // "Không chờ, không giấy hẹn"
	BadgeNote   string // its caveat, in small type
	Code        *qr.Code
	Address     string // the page address printed under the code
	WidthCheck  string // "mã rộng 11 cm": under the address, so staff see a print shrunk to fit the page
	Facts       []Fact // two or three key facts: time, fee
	Instruction string // "Quét mã bằng camera điện thoại hoặc Zalo"
	FooterLeft  string // the print date
	FooterRight string // the procedure's updated date
}

// Fact is one labelled fact: "Lệ phí: 10.000 đồng".
type Fact struct{ Label, Value string }

// The type of a poster on A4, in pt; other papers scale it. The title
// starts large enough to read from two metres and shrinks, down to the
// size of the facts, until it fits.
var (
	authorityStyle   = style{face: Regular, max: 13, min: 9, lead: 1.25}
	officeStyle      = style{face: Bold, max: 18, min: 11, lead: 1.2}
	titleStyle       = style{face: Bold, max: 48, min: 16, lead: 1.12}
	subtitleStyle    = style{face: Regular, max: 18, min: 11, lead: 1.2}
	badgeStyle       = style{face: Bold, max: 20, min: 12, lead: 1}
	noteStyle        = style{face: Regular, max: 10, min: 7, lead: 1.25}
	addressStyle     = style{face: Regular, max: 15, min: 8, lead: 1.25}
	factStyle        = style{face: Regular, max: 14, min: 10, lead: 1.25}
	instructionStyle = style{face: Bold, max: 16, min: 11, lead: 1.2}
	footerStyle      = style{face: Regular, max: 9, min: 7, lead: 1.2}
)

// Spacing on A4, in mm.
const (
	margin    = 14
	gap       = 4 // between blocks
	ruleWidth = 0.6
	badgePad  = 8 // left and right of the badge text
)

// posterLayout is a poster set in type and placed, ready to draw.
type posterLayout struct {
	k                       float64 // scale from A4
	x, width                float64 // the content column
	authority, office       block
	title, subtitle         block
	badge, note             block
	address                 []addressLine
	widthCheck              block
	facts                   factTable
	instruction, footer     block
	footerLeft, footerRight string
	qrWidth, quiet          float64
	titleTop, titleZone     float64 // where the title's zone starts, and its height
}

// layout sets p in type on paper, leaving the title whatever height the
// rest does not take.
func (f *fonts) layout(p *Poster, paper Paper) (*posterLayout, error) {
	k := paper.scale()
	l := &posterLayout{k: k, x: margin * k, width: paper.W - 2*margin*k, qrWidth: paper.QRWidth()}
	l.quiet = qr.QuietZone * l.qrWidth / float64(p.Code.Size())
	var err error
	set := func(s string, st style, what string, maxLines int) block {
		if s == "" || err != nil {
			return block{}
		}
		b, ok := f.fit(s, st.scaled(k), l.width, paper.H, maxLines)
		if !ok {
			err = &TooLong{Text: s, What: what}
		}
		return b
	}
	l.authority = set(p.Authority, authorityStyle, "authority", 2)
	l.office = set(p.Office, officeStyle, "office", 2)
	l.subtitle = set(p.Subtitle, subtitleStyle, "subtitle", 2)
	if p.Badge != "" {
		l.badge = set(p.Badge, badgeStyle, "badge", 1)
		if err == nil && f.metrics[Bold].width(p.Badge, l.badge.size)+2*badgePad*k > l.width {
			err = &TooLong{Text: p.Badge, What: "badge"}
		}
		l.note = set(p.BadgeNote, noteStyle, "note", 3)
	}
	l.widthCheck = set(p.WidthCheck, noteStyle, "width check", 1)
	l.instruction = set(p.Instruction, instructionStyle, "instruction", 2)
	l.footer = set(strings.TrimSpace(p.FooterLeft+" "+p.FooterRight), footerStyle, "footer", 1)
	l.footerLeft, l.footerRight = p.FooterLeft, p.FooterRight
	if err != nil {
		return nil, err
	}
	if l.address, err = f.setAddress(p.Address, addressStyle.scaled(k), l.width); err != nil {
		return nil, err
	}
	if l.facts, err = f.setFacts(p.Facts, factStyle.scaled(k), l.width); err != nil {
		return nil, err
	}
	return l, f.placeTitle(l, p.Title, paper)
}

// placeTitle fits the title into the height the other blocks leave,
// less the subtitle's, which sits right under it.
func (f *fonts) placeTitle(l *posterLayout, title string, paper Paper) error {
	k := l.k
	top := margin*k + l.authority.height() + l.office.height() + gap*k
	rest := gap*k + l.badgeHeight() + l.quiet*2 + l.qrWidth +
		l.addressHeight() + l.widthCheck.height() + gap*k + l.facts.height + gap*k + l.instruction.height() + gap*k +
		l.footer.lineHeight() + margin*k
	l.titleTop, l.titleZone = top, paper.H-top-rest
	b, ok := f.fit(title, titleStyle.scaled(k), l.width, l.titleZone-l.subtitleHeight(), 0)
	if !ok {
		return &TooLong{Text: title, What: "title"}
	}
	l.title = b
	return nil
}

// subtitleHeight is the subtitle with the space above it.
func (l *posterLayout) subtitleHeight() float64 {
	if len(l.subtitle.lines) == 0 {
		return 0
	}
	return gap*l.k/2 + l.subtitle.height()
}

func (l *posterLayout) badgeHeight() float64 {
	if len(l.badge.lines) == 0 {
		return 0
	}
	return l.badge.size*mmPerPt*1.8 + gap*l.k/2 + l.note.height() + gap*l.k/2
}

func (l *posterLayout) addressHeight() float64 {
	h := 0.0
	for _, a := range l.address {
		h += a.size * addressStyle.lead * mmPerPt
	}
	return h
}

// AddPoster adds p as a page.
func (d *Doc) AddPoster(p *Poster) error {
	if err := p.checkGlyphs(); err != nil {
		return err
	}
	l, err := d.fonts.layout(p, d.paper)
	if err != nil {
		return err
	}
	d.addPage()
	return d.drawPoster(p, l)
}

// drawPoster draws a laid-out poster from the top down.
func (d *Doc) drawPoster(p *Poster, l *posterLayout) error {
	k, x, w := l.k, l.x, l.width
	y := margin * k
	var err error
	draw := func(b block, c rgb) {
		if err == nil {
			y, err = d.block(b, c, x, y, w, center)
		}
	}
	draw(l.authority, muted)
	draw(l.office, ink)
	if err := d.rect(accent, x, y+gap*k/2-ruleWidth*k/2, w, ruleWidth*k, 0); err != nil {
		return err
	}
	// The title and its subtitle sit in the middle of their zone.
	y = l.titleTop + (l.titleZone-l.title.height()-l.subtitleHeight())/2
	draw(l.title, ink)
	y += l.subtitleHeight() - l.subtitle.height()
	draw(l.subtitle, muted)
	if err != nil {
		return err
	}
	y = l.titleTop + l.titleZone + gap*k
	if len(l.badge.lines) > 0 {
		if y, err = d.drawBadge(l, y); err != nil {
			return err
		}
		draw(l.note, muted)
		y += gap * k / 2
	}
	y += l.quiet
	if err := d.code(p.Code, x+(w-l.qrWidth)/2, y, l.qrWidth); err != nil {
		return err
	}
	y += l.qrWidth + l.quiet
	if y, err = d.drawAddress(l, y); err != nil {
		return err
	}
	draw(l.widthCheck, muted)
	y += gap * k
	if y, err = d.drawFacts(l.facts, x, y, w); err != nil {
		return err
	}
	y += gap * k
	draw(l.instruction, accent)
	if err != nil {
		return err
	}
	return d.drawFooter(l)
}

// drawBadge draws the badge: white bold text on a green rounded box.
func (d *Doc) drawBadge(l *posterLayout, y float64) (float64, error) {
	k, b := l.k, l.badge
	h := b.size * mmPerPt * 1.8
	tw := d.fonts.metrics[b.face].width(b.lines[0], b.size)
	bw := tw + 2*badgePad*k
	if err := d.rect(green, l.x+(l.width-bw)/2, y, bw, h, h/4); err != nil {
		return y, err
	}
	// Centre the capitals vertically: the baseline sits below the middle
	// by half the ascent of a capital, about 0.72 em in this face.
	base := y + h/2 + 0.36*b.size*mmPerPt
	if err := d.text(b.lines[0], b.face, b.size, white, l.x, base, l.width, center); err != nil {
		return y, err
	}
	return y + h + gap*k/2, nil
}

func (d *Doc) drawFooter(l *posterLayout) error {
	b := l.footer
	if len(b.lines) == 0 {
		return nil
	}
	base := d.paper.H - margin*l.k - d.fonts.metrics[b.face].descent*b.size*mmPerPt
	if err := d.text(l.footerLeft, b.face, b.size, muted, l.x, base, l.width, left); err != nil {
		return err
	}
	return d.text(l.footerRight, b.face, b.size, muted, l.x, base, l.width, right)
}

// Measure is what laying out a poster decided, for the HTML poster,
// which follows the PDF's type sizes.
type Measure struct {
	TitleSize float64 // pt
	Scale     float64 // from A4
}

// Layout lays p out on paper without drawing it: it reports text that
// does not fit, or that the font cannot draw, as an error (*TooLong,
// *MissingGlyph).
func Layout(p *Poster, paper Paper) (Measure, error) {
	f, err := loadFonts()
	if err != nil {
		return Measure{}, err
	}
	if err := p.checkGlyphs(); err != nil {
		return Measure{}, err
	}
	l, err := f.layout(p, paper)
	if err != nil {
		return Measure{}, err
	}
	return Measure{TitleSize: l.title.size, Scale: l.k}, nil
}

// MissingGlyph is the error for text with a character the font lacks.
type MissingGlyph struct {
	Text string
	Rune rune
}

func (e *MissingGlyph) Error() string {
	return fmt.Sprintf("%q: the poster font has no %q (%U)", e.Text, e.Rune, e.Rune)
}

func (p *Poster) checkGlyphs() error {
	texts := []string{p.Authority, p.Office, p.Title, p.Subtitle, p.Badge, p.BadgeNote, p.Address, p.WidthCheck, p.Instruction, p.FooterLeft, p.FooterRight}
	for _, f := range p.Facts {
		texts = append(texts, f.Label, f.Value)
	}
	for _, s := range texts {
		if r, ok := Missing(s); ok {
			return &MissingGlyph{Text: s, Rune: r}
		}
	}
	return nil
}
