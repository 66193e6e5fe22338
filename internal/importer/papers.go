package importer

import (
	"regexp"
	"strings"

	"qrboard/internal/dvcqg"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
	"qrboard/internal/value"
)

// Papers. A record groups its rows (profileComponents) into cases whose
// names say what the rows are: "* Giấy tờ phải nộp:" (papers to hand in),
// "* Giấy tờ phải xuất trình:" (papers to show), "* Lưu ý:" (notes, not
// papers), a situation ("Trường hợp …"), or nothing (the common papers);
// spacing, stars and colons vary. Inside a case a row may be a paper, a
// result of the procedure (isProcessingResult), an explanation ("Trường
// hợp …", "+ …", with no original and no copy), or a line announcing the
// list that follows ("… các giấy tờ sau:"). Rows often hold a paper and
// its explanation in one sentence after another.

// caseKind is what a case's rows are.
type caseKind int

const (
	commonPapers caseKind = iota
	handIn
	show
	notesCase
	situation
)

// classify says what a case's rows are, from its name.
func classify(name string) (caseKind, string) {
	title := strings.Trim(oneLine(name), " *:-–")
	f := fold(title)
	switch {
	case f == "":
		return commonPapers, ""
	case strings.Contains(f, "luu y"):
		return notesCase, title
	case strings.Contains(f, "xuat trinh"):
		return show, title
	case strings.Contains(f, "phai nop") || strings.Contains(f, "thanh phan ho so"):
		return handIn, title
	}
	return situation, title
}

// papers fills in documents, cases, notes and the result's extra rows.
func (m *mapper) papers() {
	p := m.p
	var results []string
	headers, explanations, notes := 0, 0, 0
	for _, c := range m.rec.Cases {
		kind, title := classify(c.Name)
		for _, row := range c.Components {
			text := oneLine(row.Name)
			if strings.Trim(stripBullet(text), " .;,") == "" { // nothing, or a bullet alone
				continue
			}
			originals, copies := quantity(row.Originals), quantity(row.Copies)
			switch {
			case bool(row.IsResult):
				results = appendNew(results, stripBullet(text))
			case (kind == notesCase || originals == 0 && copies == 0) && strings.HasSuffix(text, ":"):
				// "… các giấy tờ sau:", "Đối với giấy tờ …:": what such a
				// row announced, the list and the other rows say, in
				// an order the records do not keep.
				headers++
			case kind == notesCase:
				p.Notes = appendMD(p.Notes, escape(stripBullet(text)))
				notes++
			case originals == 0 && copies == 0:
				p.Notes = appendMD(p.Notes, escape(stripBullet(text)))
				explanations++
			default:
				m.addPaper(kind, title, m.paper(row, text, kind == show))
			}
		}
	}
	if notes > 0 {
		m.notice(NotesMade, msg.ImpNotes, notes)
	}
	if explanations > 0 {
		m.notice(Explained, msg.ImpExplained, explanations)
	}
	if headers > 0 {
		m.notice(HeaderDrop, msg.ImpHeaders, headers)
	}
	m.result(results)
	if len(p.Documents) == 0 && len(p.Cases) == 0 {
		p.Documents = []procedure.Document{{Name: Ask}}
		m.verify(Missing, msg.ImpMissing, msg.ImpFactDocuments)
	}
}

// addPaper puts a paper with the common papers or in its situation.
func (m *mapper) addPaper(kind caseKind, title string, d procedure.Document) {
	p := m.p
	if kind != situation {
		if !hasPaper(p.Documents, d.Name) {
			p.Documents = append(p.Documents, d)
		}
		return
	}
	for i := range p.Cases {
		if p.Cases[i].Name == title {
			if !hasPaper(p.Cases[i].Documents, d.Name) {
				p.Cases[i].Documents = append(p.Cases[i].Documents, d)
			}
			return
		}
	}
	title = m.fit(title, 300, "cases.name")
	p.Cases = append(p.Cases, procedure.Case{Name: title, Documents: []procedure.Document{d}})
}

func hasPaper(docs []procedure.Document, name string) bool {
	for _, d := range docs {
		if d.Name == name {
			return true
		}
	}
	return false
}

// sentenceEnd is the end of a first sentence: a period (or semicolon)
// followed by a sentence that starts with a capital letter.
var sentenceEnd = regexp.MustCompile(`[.;]\s+(\p{Lu})`)

// paper turns a row into a paper: its name is the first sentence, the
// rest its note; "Trường hợp …", "nếu …" and "(nếu có)" make it optional.
func (m *mapper) paper(row dvcqg.Component, text string, present bool) procedure.Document {
	text = stripBullet(text)
	name, note := text, ""
	if loc := sentenceEnd.FindStringSubmatchIndex(text); loc != nil && loc[0] >= 10 {
		name, note = text[:loc[0]], text[loc[2]:]
	}
	name = strings.TrimRight(name, " .;,")
	if short, cutIt := cut(name, 500); cutIt {
		name, note = short, text // nothing lost: the note keeps the whole row
		m.notice(Truncated, msg.ImpTextCut, "documents.name", 500)
	}
	d := procedure.Document{
		Name:      name,
		Originals: min(quantity(row.Originals), 20),
		Copies:    min(quantity(row.Copies), 20),
		Present:   present,
		Optional:  optional(text),
		Note:      md(escape(note)),
	}
	if len(row.Attachments) > 0 {
		d.Form = m.form(row.Attachments[0])
	}
	return d
}

// optional reports whether a paper is needed only in some situation.
func optional(text string) bool {
	f := fold(text)
	return strings.HasPrefix(f, "truong hop") || strings.HasPrefix(f, "neu ") ||
		strings.Contains(f, "(neu co)") || strings.Contains(f, "trong truong hop") || strings.Contains(f, "(neu ")
}

// form returns the form a paper's attachment is, with its address on the
// portal when the record gives the file's id.
func (m *mapper) form(a dvcqg.Attachment) *procedure.Form {
	name := oneLine(a.FileName)
	if name == "" {
		return nil
	}
	f := &procedure.Form{Name: m.fit(name, 300, "form.name")}
	id := a.FileID
	if id == "" {
		id = a.ID
	}
	if id != "" {
		f.URL = value.URL(dvcqg.AttachmentURL(id))
	}
	return f
}

// result makes the result from the record's results and the rows that are
// results; a record without one gets Ask.
func (m *mapper) result(rows []string) {
	var all []string
	for _, r := range m.rec.Results {
		all = appendNew(all, oneLine(r.Name))
	}
	if len(rows) > 0 {
		m.notice(ResultRows, msg.ImpResultRows, len(rows))
	}
	for _, r := range rows {
		all = appendNew(all, r)
	}
	switch len(all) {
	case 0:
		m.p.Result = md(Ask)
		m.verify(Missing, msg.ImpMissing, msg.ImpFactResult)
	case 1:
		m.p.Result = md(escape(all[0]))
	default:
		var l []string
		for _, r := range all {
			l = append(l, "- "+escape(r))
		}
		m.p.Result = md(strings.Join(l, "\n"))
	}
}

// quantity returns a count of papers, never negative.
func quantity(n dvcqg.Number) int {
	i, _ := n.Int()
	return max(i, 0)
}

// appendMD appends Markdown s unless it is there already.
func appendMD(list []value.Markdown, s string) []value.Markdown {
	for _, x := range list {
		if x.Source == s {
			return list
		}
	}
	return append(list, md(s))
}
