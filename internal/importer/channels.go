package importer

import (
	"regexp"
	"slices"
	"strings"

	"qrboard/internal/dvcqg"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
)

// Channels. A record's executionMethods are the channels: DIRECT, ONLINE
// and POSTAL, each with a processing time, a unit and its fees.

// methods maps the record's submission methods to channels, in the order
// pages show them.
var methods = []struct {
	record string
	method procedure.Method
	name   msg.ID
}{
	{"DIRECT", procedure.InPerson, msg.ImpInPerson},
	{"ONLINE", procedure.Online, msg.ImpOnline},
	{"POSTAL", procedure.Post, msg.ImpPost},
}

// units maps the record's time units to words. OTHER is not here: it
// carries no unit, and a bare "1" or "0" must never be printed.
var units = map[string]string{
	"WORKING_DAY": "ngày làm việc",
	"DAY":         "ngày",
	"WEEK":        "tuần",
	"MONTH":       "tháng",
	"HOUR":        "giờ",
	"YEAR":        "năm",
}

// channels fills in the channels.
func (m *mapper) channels() {
	setBy := m.localSetter()
	var unknownTime, freeFee []msg.Text
	for _, mt := range methods {
		i := slices.IndexFunc(m.rec.Methods, func(x dvcqg.Method) bool { return strings.EqualFold(x.Submission, mt.record) })
		if i < 0 {
			continue
		}
		rm := m.rec.Methods[i]
		c := procedure.Channel{Method: mt.method}
		var note []string
		c.Time, note = m.time(rm, &unknownTime, mt.name)
		note = append(note, m.fee(&c, rm, setBy, &freeFee, mt.name)...)
		c.Note = md(strings.Join(note, "\n\n"))
		m.p.Channels = append(m.p.Channels, c)
	}
	if len(unknownTime) > 0 {
		numbers, variants := m.timeFacts()
		m.verify(TimeUnknown, msg.ImpTimeUnknown, join(unknownTime), numbers, variants)
	}
	if len(freeFee) > 0 {
		m.verify(FeeFree, msg.ImpFeeFree, join(freeFee))
	}
	if len(m.p.Channels) == 0 {
		m.p.Channels = []procedure.Channel{{Method: procedure.InPerson, Time: Ask, Fee: Ask}}
		m.verify(Missing, msg.ImpMissing, msg.ImpFactChannels)
	}
}

// time returns a channel's time as citizens read it, and the notes that
// go with it. A time without a unit is Ask: its meaning, if any, is in
// the channel's description or the steps, which staff read.
func (m *mapper) time(rm dvcqg.Method, unknown *[]msg.Text, name msg.ID) (string, []string) {
	desc := markdownText(rm.Description)
	var note []string
	if desc != "" {
		note = append(note, desc)
	}
	if unit, ok := units[strings.ToUpper(rm.Unit)]; ok && rm.Time > 0 {
		return number(float64(rm.Time)) + " " + unit, note
	}
	if d := oneLine(rm.Description); d != "" && len([]rune(d)) <= 120 && !strings.Contains(rm.Description, "\n") {
		return d, nil // a short description says the time in words
	}
	*unknown = append(*unknown, msg.New(name))
	return Ask, note
}

// timeFacts quotes what the record says about time, for the staff who
// must write the real one: each channel's number and unit, and the times
// of the procedure's variants.
func (m *mapper) timeFacts() (numbers, variants string) {
	var parts []string
	for _, rm := range m.rec.Methods {
		parts = appendNew(parts, "“"+number(float64(rm.Time))+"” ("+rm.Unit+")")
	}
	var vs []string
	for _, v := range m.rec.Variants {
		t := number(float64(v.Time.Qty)) + " " + v.Time.Unit
		if u, ok := units[v.Time.Unit]; ok {
			t = number(float64(v.Time.Qty)) + " " + u
		}
		vs = append(vs, v.Code+": "+t)
	}
	if len(vs) > 0 {
		variants = msg.New(msg.ImpTimeVariants, strings.Join(vs, "; ")).In(msg.Vi)
	}
	return strings.Join(parts, ", "), variants
}

// Fees. A fee of 0 is usually not free: its description says that the
// province's council (HĐND) sets the amount. Only a 0 with no words, or
// words that only say it is free, may be shown as free, and that too is
// left for staff to confirm; a channel whose fee a council sets gets
// fee_set_by, which pages print as "Theo mức do … quy định — hỏi cán bộ"
// and `check` reports until staff write the local amount.

var (
	// resolutionRE finds a council's resolution named in a fee's words.
	resolutionRE = regexp.MustCompile(`(?i)Nghị quyết(?:\s+số)?\s+([0-9][0-9./]*/NQ-HĐND[^\s,;.)]*)`)
	// exemptRE is words that only say a fee is not charged.
	exemptRE = regexp.MustCompile(`^(mien|khong thu)( le)? phi$|^khong$|^mien$`)
)

// setter returns who sets a fee, from its words: a council's resolution,
// the province's council, or "" when the words do not say.
func setter(words string) string {
	if m := resolutionRE.FindStringSubmatch(words); m != nil {
		return "Nghị quyết " + m[1]
	}
	f := fold(words)
	council := strings.Contains(f, "hoi dong nhan dan") || strings.Contains(f, "hdnd")
	switch {
	case council && (strings.Contains(f, "tinh") || strings.Contains(f, "trung uong")):
		return "HĐND cấp tỉnh"
	case council && strings.Contains(f, "thanh pho"):
		return "HĐND thành phố"
	case council && strings.Contains(f, "cap xa"):
		return "HĐND cấp xã"
	case council:
		return "HĐND"
	case strings.Contains(f, "dia phuong quy dinh"):
		return "địa phương"
	}
	return ""
}

// localSetter returns who sets the fee of any channel of the record, for
// channels that write 0 with no words beside one that says.
func (m *mapper) localSetter() string {
	for _, rm := range m.rec.Methods {
		for _, f := range rm.Fees {
			if s := setter(f.Description); s != "" && f.Value == 0 {
				return s
			}
		}
	}
	return ""
}

// fee fills in the channel's fee and returns notes to show with it.
func (m *mapper) fee(c *procedure.Channel, rm dvcqg.Method, sibling string, free *[]msg.Text, name msg.ID) []string {
	var amounts, words, notes []string
	setBy, bare, exempt := "", 0, 0
	for _, f := range rm.Fees {
		d := oneLine(f.Description)
		switch s := setter(d); {
		case f.Value > 0:
			amounts = append(amounts, number(float64(f.Value))+" đồng")
			if d != "" {
				notes = append(notes, escape(d))
			}
			words = appendNew(words, d)
		case s != "":
			setBy = s
			words = appendNew(words, d)
		case d == "":
			bare++
		case exemptRE.MatchString(strings.Trim(fold(d), " .")):
			exempt++
		default:
			words = appendNew(words, d)
		}
	}
	switch {
	case setBy != "":
		c.FeeSetBy, c.FeeNational = setBy, m.fit(strings.Join(append(amounts, words...), " "), 2000, "fee_national")
		m.notice(FeeLocal, msg.ImpFeeLocal, msg.New(name), setBy)
	case len(amounts) > 0:
		c.Fee = m.fit(strings.Join(amounts, "; "), 300, "fee")
		return notes
	case len(words) > 0:
		c.Fee = Ask
		c.FeeNational = m.fit(strings.Join(words, " "), 2000, "fee_national")
		m.verify(FeeUnclear, msg.ImpFeeUnclear, msg.New(name), strings.Join(words, " "))
	case bare > 0 && exempt == 0 && sibling != "":
		// Only a 0 without words: words saying "free" speak for their
		// channel (filing online is free in some provinces).
		c.FeeSetBy = sibling
		m.notice(FeeLocal, msg.ImpFeeSibling, msg.New(name), sibling)
	case bare > 0 || exempt > 0:
		c.Fee = "Miễn lệ phí"
		*free = append(*free, msg.New(name))
	default:
		c.Fee = Ask
		m.verify(FeeUnclear, msg.ImpFeeMissing, msg.New(name))
	}
	return nil
}

// join lists texts with commas, in Vietnamese.
func join(texts []msg.Text) string {
	var s []string
	for _, t := range texts {
		s = append(s, t.In(msg.Vi))
	}
	return strings.Join(s, ", ")
}
