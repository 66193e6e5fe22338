package importer

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"qrboard/internal/dvcqg"
	"qrboard/internal/markdown"
	"qrboard/internal/procedure"
	"qrboard/internal/value"
)

// TestTraps gives each trap of the real records (dvcqg/README.md) its
// rule: a fixture record, changed where the case needs, is mapped and
// the procedure checked.
func TestTraps(t *testing.T) {
	for _, tc := range []struct {
		name  string
		code  string              // the fixture record
		edit  func(*dvcqg.Detail) // what the case changes, if anything
		check func(*testing.T, *mapped)
	}{
		// Fees.
		{"0 and the province's council sets it: not free", "2.000528", nil, func(t *testing.T, m *mapped) {
			for _, c := range m.p.Channels {
				if c.Fee != "" || c.FeeSetBy != "HĐND cấp tỉnh" || !strings.Contains(c.FeeNational, "Hội đồng nhân dân tỉnh") {
					t.Errorf("%s: fee %q set by %q (%q)", c.Method, c.Fee, c.FeeSetBy, c.FeeNational)
				}
			}
			m.noUnverified(t, "Lệ phí")
			m.kind(t, FeeLocal)
		}},
		{"0 and a council's resolution", "2.000528", setFees(0, "Theo Nghị quyết số 09/2025/NQ-HĐND ngày 4/7/2025 của HĐND thành phố Hà Nội"), func(t *testing.T, m *mapped) {
			m.fee(t, "", "Nghị quyết 09/2025/NQ-HĐND")
		}},
		{"0 and a city's council", "2.000528", setFees(0, "Theo mức thu do Hội đồng nhân dân thành phố quy định"), func(t *testing.T, m *mapped) {
			m.fee(t, "", "HĐND thành phố")
		}},
		{"0 without words beside a channel whose fee the council sets", "1.000893", nil, func(t *testing.T, m *mapped) {
			for _, c := range m.p.Channels {
				if c.Fee != "" || c.FeeSetBy != "HĐND cấp tỉnh" {
					t.Errorf("%s: fee %q set by %q", c.Method, c.Fee, c.FeeSetBy)
				}
			}
		}},
		{"0 and “free” beside a channel whose fee the council sets: free", "1.000893", func(d *dvcqg.Detail) {
			d.Methods[0].Fees[0].Description = "Miễn lệ phí" // the online channel
		}, func(t *testing.T, m *mapped) {
			if c := m.p.Channel(procedure.Online); c.Fee != "Miễn lệ phí" || c.FeeSetBy != "" {
				t.Errorf("online: fee %q set by %q", c.Fee, c.FeeSetBy)
			}
			if c := m.p.Channel(procedure.Post); c.FeeSetBy != "HĐND cấp tỉnh" {
				t.Errorf("post: set by %q", c.FeeSetBy)
			}
		}},
		{"0 without words: free, to confirm", "1.001193", nil, func(t *testing.T, m *mapped) {
			m.fee(t, "Miễn lệ phí", "")
			m.unverified(t, "ghi 0 đồng, không kèm lời giải thích")
			m.kind(t, FeeFree)
		}},
		{"0 and words that only say free", "1.001193", setFees(0, "Miễn lệ phí."), func(t *testing.T, m *mapped) {
			m.fee(t, "Miễn lệ phí", "")
			m.unverified(t, "Miễn lệ phí")
		}},
		{"0 and an exemption for some only: not free", "1.001193", setFees(0, "Miễn lệ phí cho người thuộc hộ nghèo"), func(t *testing.T, m *mapped) {
			m.fee(t, Ask, "")
			m.unverified(t, "Miễn lệ phí cho người thuộc hộ nghèo")
			m.kind(t, FeeUnclear)
		}},
		{"no fee given", "1.001193", func(d *dvcqg.Detail) {
			for i := range d.Methods {
				d.Methods[i].Fees = nil
			}
		}, func(t *testing.T, m *mapped) {
			m.fee(t, Ask, "")
			m.unverified(t, "không ghi lệ phí")
		}},
		{"an amount", "2.000635", nil, func(t *testing.T, m *mapped) {
			m.fee(t, "8.000 đồng", "")
			m.noUnverified(t, "Lệ phí")
		}},
		{"an amount and the council's part", "2.000528", func(d *dvcqg.Detail) {
			for i := range d.Methods {
				d.Methods[i].Fees = append(d.Methods[i].Fees, dvcqg.Fee{Type: "FEE", Value: 8000})
			}
		}, func(t *testing.T, m *mapped) {
			c := m.p.MainChannel()
			if c.Fee != "" || c.FeeSetBy != "HĐND cấp tỉnh" || !strings.HasPrefix(c.FeeNational, "8.000 đồng") {
				t.Errorf("fee %q set by %q (%q): an amount alone would hide the council's part", c.Fee, c.FeeSetBy, c.FeeNational)
			}
		}},

		// Time.
		{"OTHER: never a bare number", "2.000528", nil, func(t *testing.T, m *mapped) {
			for _, c := range m.p.Channels {
				if c.Time != Ask {
					t.Errorf("%s: time %q", c.Method, c.Time)
				}
			}
			m.unverified(t, "ghi “1” (OTHER), không có đơn vị; các biến thể của thủ tục ghi 2.000528.01: 1 ngày làm việc")
			m.kind(t, TimeUnknown)
		}},
		{"0 with a unit says nothing", "1.003583", setTime(0, "WORKING_DAY", ""), func(t *testing.T, m *mapped) {
			if c := m.p.MainChannel(); c.Time != Ask {
				t.Errorf("time %q", c.Time)
			}
		}},
		{"a unit", "1.003583", nil, func(t *testing.T, m *mapped) {
			if c := m.p.MainChannel(); c.Time != "5 ngày làm việc" {
				t.Errorf("time %q", c.Time)
			}
			m.noUnverified(t, "Thời hạn")
		}},
		{"OTHER with words", "2.000528", setTime(1, "OTHER", "Trong ngày làm việc"), func(t *testing.T, m *mapped) {
			if c := m.p.MainChannel(); c.Time != "Trong ngày làm việc" {
				t.Errorf("time %q", c.Time)
			}
		}},

		// Papers.
		{"“* Lưu ý:” rows are notes, never papers", "2.000635", nil, func(t *testing.T, m *mapped) {
			m.caseRows(t, "* Lưu ý:", func(t *testing.T, row string) {
				if m.isPaper(row) {
					t.Errorf("a note is a paper: %q", row)
				}
				if !strings.HasSuffix(row, ":") && !m.isNote(row) {
					t.Errorf("a note is lost: %q", row)
				}
			})
			m.kind(t, NotesMade)
		}},
		{"“* Lưu ý :” spaced otherwise", "2.000547", nil, func(t *testing.T, m *mapped) {
			m.caseRows(t, "* Lưu ý :", func(t *testing.T, row string) {
				if m.isPaper(row) {
					t.Errorf("a note is a paper: %q", row)
				}
			})
		}},
		{"rows without copies explain, they are not papers", "2.000635", nil, func(t *testing.T, m *mapped) {
			row := "Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm theo bản sao có chứng thực các giấy tờ phải xuất trình nêu trên."
			if m.isPaper(row) || !m.isNote(row) {
				t.Errorf("%q: paper %v, note %v", row, m.isPaper(row), m.isNote(row))
			}
			m.kind(t, Explained)
		}},
		{"rows announcing a list are left out", "2.000635", nil, func(t *testing.T, m *mapped) {
			row := "Người có yêu cầu cấp bản sao Trích lục hộ tịch thực hiện việc nộp/xuất trình"
			if m.mentions(row) {
				t.Errorf("%q kept", row)
			}
			m.kind(t, HeaderDrop)
		}},
		{"papers to show are present, a paper's name is its first sentence", "2.000635", nil, func(t *testing.T, m *mapped) {
			d := m.paper(t, "Giấy tờ có giá trị chứng minh thông tin về cư trú")
			if !d.Present || !d.Optional || d.Originals != 1 || strings.Contains(d.Name, "Trường hợp các thông tin") ||
				!strings.HasPrefix(d.Note.Source, "Trường hợp các thông tin về giấy tờ chứng minh nơi cư trú") {
				t.Errorf("%+v", d)
			}
			if d := m.paper(t, "Văn bản ủy quyền"); d.Present || !d.Optional {
				t.Errorf("%+v", d)
			}
		}},
		{"isProcessingResult rows are the result", "1.003583", func(d *dvcqg.Detail) {
			d.Cases[0].Components[1].IsResult = true // "- Tờ khai đăng ký khai sinh theo mẫu."
		}, func(t *testing.T, m *mapped) {
			if m.isPaper("Tờ khai đăng ký khai sinh theo mẫu") {
				t.Error("a result is a paper")
			}
			if want := "- Giấy khai sinh\n- Tờ khai đăng ký khai sinh theo mẫu."; m.p.Result.Source != want {
				t.Errorf("result %q, want %q", m.p.Result.Source, want)
			}
			m.kind(t, ResultRows)
		}},
		{"a situation's papers make a case", "1.003583", func(d *dvcqg.Detail) {
			d.Cases[0].Name = "Trường hợp ủy quyền:"
		}, func(t *testing.T, m *mapped) {
			if len(m.p.Cases) != 1 || m.p.Cases[0].Name != "Trường hợp ủy quyền" || len(m.p.Cases[0].Documents) != 3 {
				t.Errorf("cases %+v", m.p.Cases)
			}
		}},
		{"a step named “Lưu ý” is notes", "1.004884", nil, func(t *testing.T, m *mapped) {
			for _, s := range m.p.Steps {
				if strings.Contains(s.Source, "Lưu ý") || strings.Contains(s.Source, "hợp pháp hóa lãnh sự") {
					t.Errorf("a note is a step: %.80q", s.Source)
				}
			}
			if !m.isNote("Giấy tờ do cơ quan có thẩm quyền của nước ngoài cấp") {
				t.Error("the notes of the step are lost")
			}
			if len(m.p.Steps) != 5 {
				t.Errorf("%d steps, want the record's 5 “-” items", len(m.p.Steps))
			}
		}},

		// Text.
		{"HTML and bullets become clean Markdown", "1.003583", func(d *dvcqg.Detail) {
			d.Steps = []dvcqg.Step{{Description: "<p>- Nộp hồ sơ&nbsp;tại <b>Bộ phận Một cửa</b> <script>alert(1)</script></p><ul><li>+ Tờ khai</li></ul><p>- Nhận kết quả &amp; ký sổ</p>"}}
			d.Requirements = "- Người yêu cầu phải có mặt *trực tiếp*;\n+ trừ trường hợp [ủy quyền]"
		}, func(t *testing.T, m *mapped) {
			if len(m.p.Steps) != 2 || m.p.Steps[0].Source != "Nộp hồ sơ tại Bộ phận Một cửa\n\n- Tờ khai" || m.p.Steps[1].Source != "Nhận kết quả & ký sổ" {
				t.Errorf("steps %q", m.p.Steps)
			}
			html, warnings := markdown.Render(m.p.Conditions[0].Source)
			if len(warnings) > 0 || !strings.Contains(string(html), "*trực tiếp*") || !strings.Contains(string(html), "[ủy quyền]") {
				t.Errorf("condition renders as %s (%v)", html, warnings)
			}
		}},
		{"invisible marks and spaces", "2.000635", nil, func(t *testing.T, m *mapped) {
			for _, n := range m.p.Notes {
				if strings.ContainsAny(n.Source, "\u200e\u00a0") || strings.Contains(n.Source, "  ") {
					t.Errorf("note %q", n.Source)
				}
			}
			if !m.isNote("Trường hợp người yêu cầu đăng ký hộ tịch lựa chọn nhận kết quả") {
				t.Error("“đăng k\u200eý” not cleaned")
			}
		}},

		// Names.
		{"short name and id", "1.001193", nil, func(t *testing.T, m *mapped) {
			if m.p.ShortName != "Đăng ký khai sinh" || makeID(m.p.ShortName) != "dang-ky-khai-sinh" {
				t.Errorf("short name %q, id %q", m.p.ShortName, makeID(m.p.ShortName))
			}
		}},
		{"a long name is cut at a word", "2.000547", nil, func(t *testing.T, m *mapped) {
			if len([]rune(m.p.ShortName)) > shortNameMax || !strings.HasSuffix(m.p.ShortName, "…") || strings.HasPrefix(m.p.ShortName, "Thủ tục") {
				t.Errorf("short name %q", m.p.ShortName)
			}
			if id := makeID(m.p.ShortName); len(id) > 40 || id != "ghi-vao-so-ho-tich-viec-ho-tich-khac" {
				t.Errorf("id %q", id)
			}
			m.kind(t, ShortCut)
		}},

		// Nothing invented; the source recorded.
		{"what the record lacks is asked", "1.003583", func(d *dvcqg.Detail) {
			d.Results, d.Subjects, d.Targets, d.Laws, d.Steps, d.Cases = nil, nil, nil, nil, nil, nil
		}, func(t *testing.T, m *mapped) {
			p := m.p
			if p.Result.Source != Ask || p.Applicants[0] != Ask || p.LegalBasis[0].Number != Ask || p.Steps[0].Source != Ask || p.Documents[0].Name != Ask {
				t.Errorf("not asked: %+v", p)
			}
			for _, what := range []string{"kết quả", "đối tượng", "căn cứ pháp lý", "trình tự", "thành phần hồ sơ"} {
				m.unverified(t, "không ghi "+what)
			}
		}},
		{"the source is recorded", "2.000635", nil, func(t *testing.T, m *mapped) {
			p := m.p
			page := "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-867c-72db-b6a7-dcbd8c763807"
			if string(p.PortalURL) != page || string(p.Sources[0].URL) != page || !strings.Contains(p.Sources[0].Title, "06/06/2026") ||
				p.Imported.Record != "019d2bfd-867c-72db-b6a7-dcbd8c763807" || p.Imported.RecordUpdated.String() != "2026-06-06" ||
				p.Imported.Date != importDay || p.Updated != importDay || p.Decision != "163/QĐ-BTP" {
				t.Errorf("source: %+v %+v %+v", p.Sources, p.Imported, p.Decision)
			}
		}},
		{"legal numbers", "2.000635", nil, func(t *testing.T, m *mapped) {
			laws := map[string]string{}
			for _, l := range m.p.LegalBasis {
				laws[l.Number] = l.Title
			}
			if title, ok := laws["03/2023/TT-BTP"]; !ok || title == "" {
				t.Errorf("“Thông tư số 03/2023/TT-BTP” read as %v", laws)
			}
			if title, ok := laws["60/2014/QH13"]; !ok || title != "" {
				t.Errorf("“Luật 60/2014/QH13” read as %q", title)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := record(t, tc.code)
			if tc.edit != nil {
				tc.edit(&r.Detail)
			}
			p, notices := Map(&r, testOptions)
			tc.check(t, &mapped{p: p, notices: notices, rec: &r})
		})
	}
}

// TestSkipped checks the records an import leaves out, and the options
// that let them in.
func TestSkipped(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*dvcqg.Detail)
		opt  Options
		skip bool
	}{
		{"for citizens, at commune level", nil, Options{}, false},
		{"internal", func(d *dvcqg.Detail) { d.Type = "STANDARD_INTERNAL" }, Options{}, true},
		{"internal, asked for", func(d *dvcqg.Detail) { d.Type = "STANDARD_INTERNAL" }, Options{Internal: true}, false},
		{"province only", func(d *dvcqg.Detail) { d.IsWard, d.IsProvince = false, true }, Options{}, true},
		{"province only, asked for", func(d *dvcqg.Detail) { d.IsWard, d.IsProvince = false, true }, Options{AllLevels: true}, false},
		{"ministry only, even asked for", func(d *dvcqg.Detail) { d.IsWard, d.IsMinistry = false, true }, Options{AllLevels: true}, true},
		{"not in force", func(d *dvcqg.Detail) { d.State = "ABOLISHED" }, Options{}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := record(t, "1.001193")
			if tc.edit != nil {
				tc.edit(&r.Detail)
			}
			if got := !skip(&r, tc.opt).IsZero(); got != tc.skip {
				t.Errorf("skipped: %v", got)
			}
		})
	}
}

// zeroFee is a fee of nothing: "0 đồng", but not "8.000 đồng".
var zeroFee = regexp.MustCompile(`(^|[^0-9.,])0 đồng`)

// mapped is a record mapped, with helpers to check it.
type mapped struct {
	p       *procedure.Procedure
	notices []Notice
	rec     *dvcqg.Record
}

func (m *mapped) fee(t *testing.T, fee, setBy string) {
	t.Helper()
	for _, c := range m.p.Channels {
		if c.Fee != fee || c.FeeSetBy != setBy {
			t.Errorf("%s: fee %q set by %q; want %q set by %q", c.Method, c.Fee, c.FeeSetBy, fee, setBy)
		}
		if zeroFee.MatchString(c.Fee) {
			t.Errorf("%s: fee %q", c.Method, c.Fee)
		}
	}
}

func (m *mapped) unverified(t *testing.T, part string) {
	t.Helper()
	for _, u := range m.p.Unverified {
		if strings.Contains(u, part) {
			return
		}
	}
	t.Errorf("no unverified entry says %q: %q", part, m.p.Unverified)
}

func (m *mapped) noUnverified(t *testing.T, part string) {
	t.Helper()
	for _, u := range m.p.Unverified {
		if strings.Contains(u, part) {
			t.Errorf("unverified entry %q", u)
		}
	}
}

func (m *mapped) kind(t *testing.T, k Kind) {
	t.Helper()
	if !slices.ContainsFunc(m.notices, func(n Notice) bool { return n.Kind == k }) {
		t.Errorf("no notice of kind %d", k)
	}
}

// caseRows calls f with the text of each row of the record's case named name.
func (m *mapped) caseRows(t *testing.T, name string, f func(*testing.T, string)) {
	t.Helper()
	found := false
	for _, c := range m.rec.Cases {
		if c.Name == name {
			found = true
			for _, row := range c.Components {
				f(t, stripBullet(oneLine(row.Name)))
			}
		}
	}
	if !found {
		t.Fatalf("no case %q", name)
	}
}

// isPaper reports whether a paper's name starts like text.
func (m *mapped) isPaper(text string) bool {
	prefix := prefixOf(text)
	for _, d := range m.papers() {
		if strings.HasPrefix(d.Name, prefix) {
			return true
		}
	}
	return false
}

// paper returns the paper whose name starts with prefix.
func (m *mapped) paper(t *testing.T, prefix string) procedure.Document {
	t.Helper()
	for _, d := range m.papers() {
		if strings.HasPrefix(d.Name, prefix) {
			return d
		}
	}
	t.Fatalf("no paper %q", prefix)
	return procedure.Document{}
}

func (m *mapped) papers() []procedure.Document {
	docs := slices.Clone(m.p.Documents)
	for _, c := range m.p.Cases {
		docs = append(docs, c.Documents...)
	}
	return docs
}

func (m *mapped) isNote(text string) bool {
	prefix := prefixOf(text)
	return slices.ContainsFunc(m.p.Notes, func(n value.Markdown) bool { return strings.Contains(n.Source, prefix) })
}

// mentions reports whether any paper or note holds text.
func (m *mapped) mentions(text string) bool { return m.isPaper(text) || m.isNote(text) }

// prefixOf is the first words of a text, enough to know it.
func prefixOf(s string) string {
	r := []rune(s)
	return string(r[:min(len(r), 40)])
}

// setFees makes every fee of every channel value with words.
func setFees(v float64, words string) func(*dvcqg.Detail) {
	return func(d *dvcqg.Detail) {
		for i := range d.Methods {
			d.Methods[i].Fees = []dvcqg.Fee{{Type: "SERVICE_FEE", Value: dvcqg.Number(v), Description: words}}
		}
	}
}

// setTime gives every channel a time.
func setTime(n float64, unit, words string) func(*dvcqg.Detail) {
	return func(d *dvcqg.Detail) {
		for i := range d.Methods {
			d.Methods[i].Time, d.Methods[i].Unit, d.Methods[i].Description = dvcqg.Number(n), unit, words
		}
	}
}
