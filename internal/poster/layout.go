package poster

import (
	"fmt"
	"strings"

	"qrboard/internal/qr"
)

// Poster is what one poster says, in the site's language, top to bottom.
// Empty fields are left out. Each comment names where render takes the
// words from.
type Poster struct {
	Authority   string // the issuing authority, small, on top (qrboard.yaml authority)
	Office      string // the office and its desk (offices: name, desk)
	Title       string // the procedure's short name, as large as fits (short_name)
	Subtitle    string // a line under the title
	Badge       string // "Nộp trước 15:00 – nhận kết quả trong ngày" (no_wait; interface strings)
	Rule        string // the rest of the time rule, in large type under the badge: after 15:00 (interface strings)
	Code        *qr.Code
	Instruction string // under the code: what scanning gives, "Quét để xem giấy tờ cần mang, lệ phí, mẫu tờ khai"
	Address     string // the address the code holds, printed for typing, domain in bold (base_url)
	Check       string // the line telling citizens to check the domain
	WidthCheck  string // "Mã rộng 13,3 cm…": so staff see a print shrunk to fit the page
	Facts       []Fact // the main papers, time, fee, reception hours (documents, channels, offices: hours)
	Stamp       string // the label of the box for the office's stamp; empty, no box
	FooterLeft  string // the print date
	FooterRight string // the procedure's code and updated date (code, updated)
	// Origins says where each text that comes from the project's files
	// was written, for messages; the rest are interface strings.
	Origins Origins
}

// Fact is one labelled fact: "Lệ phí: 10.000 đồng".
type Fact struct{ Label, Value string }

// The type of a poster on A4, in pt; other papers scale it. The title
// starts large enough to read from two metres and shrinks, down to the
// size of the facts, until it fits.
var (
	authorityStyle   = style{face: Regular, max: 11, min: 8, lead: 1.2}
	officeStyle      = style{face: Bold, max: 16, min: 10, lead: 1.15}
	titleStyle       = style{face: Bold, max: 44, min: 14, lead: 1.1}
	subtitleStyle    = style{face: Regular, max: 16, min: 10, lead: 1.2}
	badgeStyle       = style{face: Bold, max: 17, min: 11, lead: 1}
	ruleStyle        = style{face: Bold, max: 14, min: 10, lead: 1.2}
	noteStyle        = style{face: Regular, max: 9, min: 7, lead: 1.2}
	addressStyle     = style{face: Regular, max: 16, min: 8, lead: 1.2}
	factStyle        = style{face: Regular, max: 12, min: 9, lead: 1.2}
	instructionStyle = style{face: Bold, max: 15, min: 10, lead: 1.15}
	footerStyle      = style{face: Regular, max: 8, min: 6.5, lead: 1.2}
)

// Spacing on A4, in mm.
const (
	margin    = 12 // left and right
	marginY   = 9  // top and bottom: the code needs the height
	gap       = 3  // between blocks
	ruleWidth = 0.6
	badgePad  = 6  // left and right of the badge text
	stampSide = 36 // the stamp box: a commune's round seal is about 35 mm
)

// posterLayout is a poster set in type and placed, ready to draw.
type posterLayout struct {
	k                       float64 // scale from A4
	x, width                float64 // the content column
	top                     float64 // the width of the top blocks, beside the stamp box
	stamp                   float64 // the stamp box's side, 0 for none
	authority, office       block
	title, subtitle         block
	badge, rule             block
	address                 []addressLine
	instruction             block
	check, widthCheck       block
	facts                   factTable
	footer                  block
	footerLeft, footerRight string
	qrWidth, quiet          float64
	titleTop, titleZone     float64 // where the title's zone starts, and its height
	codeTop                 float64 // where the code's white square starts
}

// layout sets p in type on paper, leaving the title whatever height the
// rest does not take. The stamp box sits in the top right corner, beside
// the authority, the office, the title and the badge, which are centred
// in the width it leaves.
func (f *fonts) layout(p *Poster, paper Paper) (*posterLayout, error) {
	k := paper.Scale()
	l := &posterLayout{k: k, x: margin * k, width: paper.W - 2*margin*k, qrWidth: paper.QRWidth(p.Code)}
	l.quiet = qr.QuietZone * paper.Module(p.Code)
	l.top = l.width
	if p.Stamp != "" {
		l.stamp = stampSide * k
		l.top = l.width - l.stamp - gap*k
	}
	var err error
	set := func(s string, st style, what string, width float64, maxLines int) block {
		if s == "" || err != nil {
			return block{}
		}
		b, ok := f.fit(s, st.scaled(k), width, paper.H, maxLines)
		if !ok {
			err = &TooLong{Text: s, What: what}
		}
		return b
	}
	l.authority = set(p.Authority, authorityStyle, "authority", l.top, 2)
	l.office = set(p.Office, officeStyle, "office", l.top, 2)
	l.subtitle = set(p.Subtitle, subtitleStyle, "subtitle", l.top, 2)
	if p.Badge != "" {
		l.badge = set(p.Badge, badgeStyle, "badge", l.top-2*badgePad*k, 1)
		l.rule = set(p.Rule, ruleStyle, "rule", l.top, 2)
	}
	l.instruction = set(p.Instruction, instructionStyle, "instruction", l.width, 2)
	l.check = set(p.Check, noteStyle, "check", l.width, 2)
	l.widthCheck = set(p.WidthCheck, noteStyle, "width check", l.width, 1)
	l.footer = set(strings.TrimSpace(p.FooterLeft+" "+p.FooterRight), footerStyle, "footer", l.width, 1)
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
	top := marginY*k + l.authority.height() + l.office.height() + gap*k
	below := gap*k + l.badgeHeight()
	rest := l.quiet*2 + l.qrWidth + l.instruction.height() + l.addressHeight() + l.check.height() +
		l.widthCheck.height() + gap*k + l.facts.height + gap*k + l.footer.lineHeight() + marginY*k
	l.titleTop, l.titleZone = top, paper.H-top-below-rest
	l.codeTop = paper.H - rest
	b, ok := f.fit(title, titleStyle.scaled(k), l.top, l.titleZone-l.subtitleHeight(), 0)
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

// badgeHeight is the badge, its rule and the space under them.
func (l *posterLayout) badgeHeight() float64 {
	if len(l.badge.lines) == 0 {
		return 0
	}
	return l.badge.size*mmPerPt*1.7 + gap*l.k/2 + l.rule.height() + gap*l.k/2
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
	k, x, w := l.k, l.x, l.top
	y := marginY * k
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
	if l.stamp > 0 {
		if err := d.drawStamp(p.Stamp, l); err != nil {
			return err
		}
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
		draw(l.rule, ink)
	}
	y = l.codeTop + l.quiet
	if err := d.code(p.Code, l.x+(l.width-l.qrWidth)/2, y, l.qrWidth); err != nil {
		return err
	}
	y += l.qrWidth + l.quiet
	x, w = l.x, l.width
	draw(l.instruction, accent)
	if err != nil {
		return err
	}
	if y, err = d.drawAddress(l, y); err != nil {
		return err
	}
	draw(l.check, muted)
	draw(l.widthCheck, muted)
	if err != nil {
		return err
	}
	y += gap * k
	if _, err = d.drawFacts(l.facts, x, y, w); err != nil {
		return err
	}
	return d.drawFooter(l)
}

// drawStamp draws the box for the office's stamp in the top right corner,
// its label small in its lower edge.
func (d *Doc) drawStamp(label string, l *posterLayout) error {
	x, y := l.x+l.width-l.stamp, marginY*l.k
	d.frame(line, x, y, l.stamp, l.stamp)
	size := noteStyle.min * l.k
	return d.text(label, Regular, size, muted, x, y+l.stamp-1.5*l.k, l.stamp, center)
}

// drawBadge draws the badge: white bold text on a green rounded box.
func (d *Doc) drawBadge(l *posterLayout, y float64) (float64, error) {
	k, b := l.k, l.badge
	h := b.size * mmPerPt * 1.7
	tw := d.fonts.metrics[b.face].width(b.lines[0], b.size)
	bw := tw + 2*badgePad*k
	if err := d.rect(green, l.x+(l.top-bw)/2, y, bw, h, h/4); err != nil {
		return y, err
	}
	// Centre the capitals vertically: the baseline sits below the middle
	// by half the ascent of a capital, about 0.72 em in this face.
	base := y + h/2 + 0.36*b.size*mmPerPt
	if err := d.text(b.lines[0], b.face, b.size, white, l.x, base, l.top, center); err != nil {
		return y, err
	}
	return y + h + gap*k/2, nil
}

func (d *Doc) drawFooter(l *posterLayout) error {
	b := l.footer
	if len(b.lines) == 0 {
		return nil
	}
	base := d.paper.H - marginY*l.k - d.fonts.metrics[b.face].descent*b.size*mmPerPt
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
	texts := []string{p.Authority, p.Office, p.Title, p.Subtitle, p.Badge, p.Rule, p.Instruction, p.Address, p.Check, p.WidthCheck, p.Stamp, p.FooterLeft, p.FooterRight}
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

// Sizes are a poster's type sizes, in pt (the largest each part starts
// from), and its spacing, in mm, on A4; other papers scale them. They
// are written once, in the styles and constants above: the PDF layout
// uses those, and poster.html's stylesheet reads them from here.
type Sizes struct {
	Authority, Office, Subtitle, Badge, Rule, Note, Address, Fact, Instruction, Footer float64
	Margin, MarginY, Gap, RuleWidth, BadgePad, Stamp                                   float64
}

// A4Sizes returns the sizes of a poster on A4.
func A4Sizes() Sizes {
	return Sizes{
		Authority: authorityStyle.max, Office: officeStyle.max, Subtitle: subtitleStyle.max,
		Badge: badgeStyle.max, Rule: ruleStyle.max, Note: noteStyle.max, Address: addressStyle.max,
		Fact: factStyle.max, Instruction: instructionStyle.max, Footer: footerStyle.max,
		Margin: margin, MarginY: marginY, Gap: gap, RuleWidth: ruleWidth, BadgePad: badgePad, Stamp: stampSide,
	}
}
