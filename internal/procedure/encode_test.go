package procedure

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"qrboard"
	"qrboard/internal/diag"
	"qrboard/internal/value"
)

const schemaLine = "# yaml-language-server: $schema=../schema/procedure.schema.json"

// TestEncodeRoundTrip writes every sample procedure, and a procedure
// using the fields the sample does not, and reads it back: what Format
// writes must read as what was encoded, and writing it again must give
// the same bytes.
func TestEncodeRoundTrip(t *testing.T) {
	procs, diags := LoadDir(qrboard.Sample(), Dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	procs = append(procs, imported())
	for _, p := range procs {
		t.Run(p.ID, func(t *testing.T) {
			data, err := Format(Encode(p), schemaLine)
			if err != nil {
				t.Fatal(err)
			}
			back := load(t, data)
			if got, want := comparable(back), comparable(p); !reflect.DeepEqual(got, want) {
				t.Errorf("read back differently:\n%s", data)
			}
			again, _ := Format(Encode(back), schemaLine)
			if string(again) != string(data) {
				t.Errorf("not stable:\n%s\n---\n%s", data, again)
			}
			for i, l := range strings.Split(string(data), "\n") {
				if len([]rune(l)) > 80 && strings.HasPrefix(strings.TrimSpace(l), "name:") {
					t.Errorf("line %d is %d characters: %q", i+1, len([]rune(l)), l)
				}
			}
			if !strings.HasPrefix(string(data), schemaLine+"\n\ncode: ") {
				t.Errorf("does not start with the schema line and the code:\n%.200s", data)
			}
		})
	}
}

// imported is a procedure with the fields an import writes.
func imported() *Procedure {
	return &Procedure{
		ID: "nhap", Code: "2.000528", Name: strings.TrimSpace(strings.Repeat("Thủ tục đăng ký khai sinh có yếu tố nước ngoài ", 3)), ShortName: "Đăng ký khai sinh",
		Field: "Hộ tịch", Level: Commune, Applicants: []string{"Công dân Việt Nam"},
		Documents: []Document{{Name: "Tờ khai: theo mẫu", Originals: 1, Optional: true, Note: value.Markdown{Source: "Nộp *bản chính*\n\n- a\n- b"},
			Form: &Form{Name: "Tờ khai đăng ký khai sinh", File: FormFile{Path: "forms/to-khai-khai-sinh.pdf", Kind: "PDF"}}}},
		Notes:      []value.Markdown{{Source: "- Đối với giấy tờ xuất trình:\n\n  - một"}, {Source: "Giấy tờ # nước ngoài phải được hợp pháp hóa lãnh sự"}},
		Channels:   []Channel{{Method: InPerson, Time: "5 ngày làm việc", FeeSetBy: "HĐND cấp tỉnh", FeeNational: "Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương quyết định."}},
		Steps:      []value.Markdown{{Source: "Nộp hồ sơ"}},
		Result:     value.Markdown{Source: "Giấy khai sinh"},
		LegalBasis: []Law{{Number: "60/2014/QH13"}},
		Offices:    Offices{IDs: []value.Ref{{ID: "van-ha"}, {ID: "phuc-tho"}}},
		Updated:    mustDate("2026-07-20"),
		Sources:    []Source{{Title: "CSDL", URL: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/x"}},
		Unverified: []string{"Thời hạn: “1” (OTHER)"},
		Imported:   &Import{Record: "019d2bfd-x", RecordUpdated: mustDate("2026-06-06"), Date: mustDate("2026-07-20")},
	}
}

func mustDate(s string) value.Date {
	d, err := value.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func load(t *testing.T, data []byte) *Procedure {
	t.Helper()
	var diags diag.List
	p := Load(fstest.MapFS{"procedures/x.yaml": {Data: data}}, "procedures/x.yaml", "x", &diags)
	if p == nil {
		t.Fatalf("%v\n%s", diags, data)
	}
	return p
}

// comparable returns p without what depends on where and how it was read.
func comparable(p *Procedure) Procedure {
	c := *p
	c.ID, c.File, c.Sum = "", "", [32]byte{}
	c.Offices.Pos = diag.Pos{}
	c.Summary = plainMD(c.Summary)
	c.Result = plainMD(c.Result)
	c.RepealNote = plainMD(c.RepealNote)
	c.Steps = plainMDs(c.Steps)
	c.Conditions = plainMDs(c.Conditions)
	c.Notes = plainMDs(c.Notes)
	c.Documents = plainDocs(c.Documents)
	c.Cases = append([]Case(nil), c.Cases...)
	for i := range c.Cases {
		c.Cases[i].Documents = plainDocs(c.Cases[i].Documents)
	}
	c.Channels = append([]Channel(nil), c.Channels...)
	for i := range c.Channels {
		c.Channels[i].Pos = diag.Pos{}
		c.Channels[i].Note = plainMD(c.Channels[i].Note)
	}
	c.Aliases = append([]value.Ref(nil), c.Aliases...)
	for i := range c.Aliases {
		c.Aliases[i].Pos = diag.Pos{}
	}
	c.Offices.IDs = append([]value.Ref(nil), c.Offices.IDs...)
	for i := range c.Offices.IDs {
		c.Offices.IDs[i].Pos = diag.Pos{}
	}
	return c
}

func plainMD(m value.Markdown) value.Markdown { return value.Markdown{Source: m.Source} }

func plainMDs(ms []value.Markdown) []value.Markdown {
	var out []value.Markdown
	for _, m := range ms {
		out = append(out, plainMD(m))
	}
	return out
}

func plainDocs(ds []Document) []Document {
	var out []Document
	for _, d := range ds {
		d.Note = plainMD(d.Note)
		if d.Form != nil {
			f := *d.Form
			f.File.Pos = diag.Pos{}
			d.Form = &f
		}
		out = append(out, d)
	}
	return out
}
