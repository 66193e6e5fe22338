package importer

import (
	"regexp"
	"strings"

	"qrboard/internal/msg"
	"qrboard/internal/procedure"
)

// steps fills in the steps, and the notes of a step named "Lưu ý". A
// record usually has one step whose description holds every step as "-"
// items, with "+" and "(i)" sub-items; each item becomes a step. A record
// with several named steps gets one step each, its name first.
func (m *mapper) steps() {
	named := 0
	for _, s := range m.rec.Steps {
		if kind, _ := classify(s.Name); kind != notesCase && oneLine(s.Name) != "" {
			named++
		}
	}
	for _, s := range m.rec.Steps {
		kind, title := classify(s.Name)
		lines := textLines(s.Description)
		if kind == notesCase {
			m.stepNotes(lines)
			continue
		}
		if named > 1 && title != "" {
			it := item{text: title}
			for _, sub := range outline(lines) {
				it.blocks = append(it.blocks, block{text: sub.text})
			}
			m.p.Steps = append(m.p.Steps, md(it.markdown()))
			continue
		}
		for _, it := range outline(lines) {
			m.p.Steps = append(m.p.Steps, md(it.markdown()))
		}
	}
	if len(m.p.Steps) == 0 {
		m.p.Steps = append(m.p.Steps, md(Ask))
		m.verify(Missing, msg.ImpMissing, msg.ImpFactSteps)
	}
}

// stepNotes adds the items of a "Lưu ý" step to the notes, leaving out
// the "* Lưu ý" line that some repeat inside.
func (m *mapper) stepNotes(lines []string) {
	n := 0
	for _, it := range outline(lines) {
		if kind, _ := classify(it.text); kind == notesCase && len(it.blocks) == 0 {
			continue
		}
		m.p.Notes = appendMD(m.p.Notes, it.markdown())
		n++
	}
	if n > 0 {
		m.notice(NotesMade, msg.ImpNotes, n)
	}
}

// texts fills in the conditions, the record's own note, and the legal
// basis.
func (m *mapper) texts() {
	for _, it := range outline(textLines(m.rec.Requirements)) {
		m.p.Conditions = append(m.p.Conditions, md(it.markdown()))
	}
	for _, it := range outline(textLines(m.rec.Note)) {
		m.p.Notes = appendMD(m.p.Notes, it.markdown())
	}
	m.laws()
}

// lawNumberRE is the number (số ký hiệu) of a legal document:
// 123/2015/NĐ-CP, 60/2014/QH13, 66.7/2025/NQ-CP.
var lawNumberRE = regexp.MustCompile(`\d+(?:\.\d+)?/\d{4}/[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*`)

// onlyNumber reports whether a law's name says no more than its number
// does: "Luật 60/2014/QH13", "Thông tư số 281/2016/TT-BTC".
func onlyNumber(name, number string) bool {
	rest := strings.Fields(strings.Replace(name, number, "", 1))
	if len(rest) > 0 && fold(rest[len(rest)-1]) == "so" {
		rest = rest[:len(rest)-1]
	}
	return len(rest) <= 2
}

// laws fills in the legal basis: a record's legal basis has the number as
// its code ("Thông tư số 03/2023/TT-BTP" at times) and the title as its
// name.
func (m *mapper) laws() {
	seen := map[string]bool{}
	for _, l := range m.rec.Laws {
		code, name := oneLine(l.Code), oneLine(l.Name)
		number := lawNumberRE.FindString(code)
		if number == "" {
			number = lawNumberRE.FindString(name)
		}
		if number == "" {
			number = code
		}
		if number == "" {
			number = name
		}
		if number == "" || seen[number] {
			continue
		}
		seen[number] = true
		law := procedure.Law{Number: m.fit(number, 100, "legal_basis.number")}
		if !onlyNumber(name, number) {
			law.Title = m.fit(name, 500, "legal_basis.title")
		}
		m.p.LegalBasis = append(m.p.LegalBasis, law)
	}
	if len(m.p.LegalBasis) == 0 {
		m.p.LegalBasis = []procedure.Law{{Number: Ask}}
		m.verify(Missing, msg.ImpMissing, msg.ImpFactLaws)
	}
}
