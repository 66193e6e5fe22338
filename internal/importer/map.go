package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"qrboard/internal/dvcqg"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
	"qrboard/internal/slug"
	"qrboard/internal/value"
)

// Ask is what a page says where the record gives nothing: citizens see
// an honest "ask the staff" rather than a guess, and the file lists the
// gap under unverified, which `qrboard check` reports.
const Ask = "Chưa có thông tin — hỏi cán bộ"

// Notice is something the import noticed in a record: a trap met, a
// value left for staff, something cut to fit.
type Notice struct {
	Kind Kind
	Text msg.Text
}

// Kind sorts notices for the summary.
type Kind int

// Kinds of notices, in the order the summary counts them.
const (
	FeeLocal    Kind = iota // a fee a local council sets: fee_set_by, check warns
	FeeFree                 // 0 with no words (or an exemption): shown free, to confirm
	FeeUnclear              // 0 with words that do not say who sets it, or no fee at all
	TimeUnknown             // a time without a unit (OTHER) or 0: "hỏi cán bộ"
	Missing                 // a required fact the record lacks: "hỏi cán bộ"
	NotesMade               // "Lưu ý" rows and steps made notes
	Explained               // rows that explain rather than name a paper made notes
	HeaderDrop              // rows that only announce a list, left out
	ResultRows              // isProcessingResult rows made part of the result
	ShortCut                // a name cut to make the short name
	Truncated               // more items, or longer text, than the format takes
	Renamed                 // an id taken by another procedure or office
	Conflict                // a value both staff and the national database changed
	NumKinds                // the number of kinds
)

// kindNames are the summary's words for each kind.
var kindNames = [NumKinds]msg.ID{
	FeeLocal: msg.ImpKindFeeLocal, FeeFree: msg.ImpKindFeeFree, FeeUnclear: msg.ImpKindFeeUnclear,
	TimeUnknown: msg.ImpKindTime, Missing: msg.ImpKindMissing, NotesMade: msg.ImpKindNotes,
	Explained: msg.ImpKindExplained, HeaderDrop: msg.ImpKindHeaders, ResultRows: msg.ImpKindResults,
	ShortCut: msg.ImpKindShortName, Truncated: msg.ImpKindTruncated, Renamed: msg.ImpKindRenamed,
	Conflict: msg.ImpKindConflict,
}

// Name returns the words for the kind.
func (k Kind) Name() msg.Text { return msg.New(kindNames[k]) }

// mapper turns one record into a procedure.
type mapper struct {
	rec        *dvcqg.Record
	opt        Options
	p          *procedure.Procedure
	notices    []Notice
	unverified []string
}

// Map turns a record into a procedure file's content and says what it
// noticed. The procedure's ID is not set: that is decided with the
// project's other files (see Import).
func Map(rec *dvcqg.Record, opt Options) (*procedure.Procedure, []Notice) {
	m := &mapper{rec: rec, opt: opt, p: &procedure.Procedure{}}
	m.identity()
	m.papers()
	m.channels()
	m.steps()
	m.texts()
	m.where()
	m.p.Unverified = m.unverified
	m.limit()
	return m.p, m.notices
}

// notice records something the summary reports.
func (m *mapper) notice(k Kind, id msg.ID, args ...any) {
	m.notices = append(m.notices, Notice{k, msg.New(id, args...)})
}

// verify records a gap staff must close: an unverified entry in the file,
// which `check` lists until it is deleted, and a notice.
func (m *mapper) verify(k Kind, id msg.ID, args ...any) {
	text := msg.New(id, args...)
	m.notices = append(m.notices, Notice{k, text})
	if s := text.In(msg.Vi); !slices.Contains(m.unverified, s) {
		m.unverified = append(m.unverified, s)
	}
}

// identity fills in the code, names, field, level, keywords and summary.
func (m *mapper) identity() {
	r, p := m.rec, m.p
	if p.Code = oneLine(r.Code); p.Code == "" { // a code of invisible characters only
		p.Code = Ask
		m.verify(Missing, msg.ImpMissing, msg.ImpFactCode)
	}
	p.Decision = oneLine(r.DecisionNo)
	if r.Proposal != nil && oneLine(r.Proposal.Number) != "" {
		p.Decision = oneLine(r.Proposal.Number)
	}
	p.Name = m.fit(oneLine(r.Name), 600, "name")
	if p.Name == "" { // a name of invisible characters only
		p.Name = Ask
		m.verify(Missing, msg.ImpMissing, msg.ImpFactName)
	}
	short, cutShort := shortName(p.Name)
	p.ShortName = short
	if cutShort {
		m.notice(ShortCut, msg.ImpShortCut, short)
	}
	p.Field = m.field()
	p.Level = level(r)
	p.Keywords = keywords(r.Keywords)
	p.Summary = md(markdownText(r.Description))
	for _, s := range r.Subjects {
		p.Applicants = appendNew(p.Applicants, oneLine(s.Name))
	}
	if len(p.Applicants) == 0 {
		for _, t := range r.Targets {
			p.Applicants = appendNew(p.Applicants, oneLine(string(t)))
		}
	}
	if len(p.Applicants) == 0 {
		p.Applicants = []string{Ask}
		m.verify(Missing, msg.ImpMissing, msg.ImpFactApplicants)
	}
}

// field returns the procedure's field (lĩnh vực).
func (m *mapper) field() string {
	r := m.rec
	for _, c := range r.Categories {
		if f := oneLine(c.Name); f != "" {
			return m.fit(f, 100, "field")
		}
	}
	if r.Category != nil && oneLine(r.Category.Name) != "" {
		return m.fit(oneLine(r.Category.Name), 100, "field")
	}
	if r.Listed != nil && len(r.Listed.Categories) > 0 && oneLine(r.Listed.Categories[0]) != "" {
		return m.fit(oneLine(r.Listed.Categories[0]), 100, "field")
	}
	m.verify(Missing, msg.ImpMissing, msg.ImpFactField)
	return Ask
}

// level returns the level that handles the procedure, the lowest first:
// a procedure both communes and the province handle is a commune's.
func level(r *dvcqg.Record) procedure.Level {
	if r.IsWard {
		return procedure.Commune
	}
	return procedure.Province
}

// keywordSep separates a record's keywords.
var keywordSep = regexp.MustCompile(`[,;\n]+`)

// keywords splits the record's keywords, separated by commas,
// semicolons or lines.
func keywords(s string) []string {
	var out []string
	for _, k := range keywordSep.Split(s, -1) {
		out = appendNew(out, oneLine(k))
	}
	return out
}

// where fills in the addresses, the offices, and where the facts come
// from.
func (m *mapper) where() {
	r, p := m.rec, m.p
	page := value.URL(r.Page())
	p.PortalURL = page
	if p.Channel(procedure.Online) != nil {
		// Since 1 July 2025 citizens file online only on the national
		// portal (or VNeID), starting from the procedure's page there.
		p.OnlineURL = page
	}
	p.Offices = m.opt.Offices
	p.Updated = m.opt.Now
	updated := value.NewDate(r.Updated())
	title := msg.New(msg.ImpSource, p.Code, updated.Vietnamese()).In(msg.Vi)
	if r.UpdatedAt == 0 {
		title = msg.New(msg.ImpSourceUndated, p.Code).In(msg.Vi)
	}
	p.Sources = []procedure.Source{{Title: title, URL: page}}
	p.Imported = &procedure.Import{Record: oneLine(r.ID), RecordUpdated: updated, Date: m.opt.Now}
	if r.UpdatedAt == 0 {
		p.Imported.RecordUpdated = value.Date{}
	}
}

// fit cuts s to max characters, saying so.
func (m *mapper) fit(s string, max int, field string) string {
	s, cutIt := cut(s, max)
	if cutIt {
		m.notice(Truncated, msg.ImpTextCut, field, max)
	}
	return s
}

// limit keeps each list within what the format takes, saying what it
// left out; a procedure file over a limit would not load.
func (m *mapper) limit() {
	p := m.p
	p.Keywords = limitList(m, p.Keywords, 30, "keywords")
	p.Applicants = limitList(m, p.Applicants, 20, "applicants")
	p.Documents = limitList(m, p.Documents, 50, "documents")
	p.Cases = limitList(m, p.Cases, 20, "cases")
	for i := range p.Cases {
		p.Cases[i].Documents = limitList(m, p.Cases[i].Documents, 50, "cases.documents")
	}
	p.Notes = limitList(m, p.Notes, 60, "notes")
	p.Steps = limitList(m, p.Steps, 30, "steps")
	p.Conditions = limitList(m, p.Conditions, 30, "conditions")
	p.LegalBasis = limitList(m, p.LegalBasis, 30, "legal_basis")
	p.Unverified = limitList(m, p.Unverified, 20, "unverified")
}

func limitList[T any](m *mapper, list []T, max int, field string) []T {
	if len(list) <= max {
		return list
	}
	m.notice(Truncated, msg.ImpListCut, field, len(list), max)
	return list[:max]
}

// md returns Markdown source as a procedure field.
func md(s string) value.Markdown { return value.Markdown{Source: s} }

// appendNew appends s unless it is empty or already there.
func appendNew(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// fold is the matching key of a text: lower case, no marks, đ as d.
func fold(s string) string { return slug.Fold(s) }

// number formats a quantity the Vietnamese way: 8000 → "8.000", 1.5 →
// "1,5".
func number(f float64) string {
	if f == float64(int64(f)) {
		s := fmt.Sprint(int64(f))
		var b strings.Builder
		for i, c := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteByte('.')
			}
			b.WriteRune(c)
		}
		return b.String()
	}
	return strings.ReplaceAll(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".", ",")
}
