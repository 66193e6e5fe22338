package render

import (
	"reflect"
	"testing"

	"qrboard/internal/procedure"
	"qrboard/internal/value"
)

// TestPapers checks what the box of key facts says of the papers: it
// counts and names those every filing needs, not the ones needed only
// when they apply, nor the notes under the list (an imported record has
// many of both), and says when some cases need more.
func TestPapers(t *testing.T) {
	doc := func(name string, optional bool) procedure.Document {
		return procedure.Document{Name: name, Originals: 1, Optional: optional}
	}
	notes := []value.Markdown{{Source: "Lưu ý: giấy tờ nước ngoài phải được hợp pháp hóa lãnh sự"}}
	for _, tc := range []struct {
		name string
		p    procedure.Procedure
		want Papers
	}{
		{"required only", procedure.Procedure{Documents: []procedure.Document{doc("Tờ khai đăng ký kết hôn", false), doc("Giấy tờ tùy thân của hai bên (Căn cước công dân)", false)}},
			Papers{Count: 2, First: []string{"Tờ khai đăng ký kết hôn", "Giấy tờ tùy thân của hai bên"}}},
		{"imported", procedure.Procedure{
			Documents: []procedure.Document{doc("Giấy Chứng sinh", false), doc("Trường hợp không có Giấy chứng sinh thì thay thế bằng: văn bản của người làm chứng", true),
				doc("Văn bản ủy quyền", true), doc("Giấy tờ tùy thân", false), doc("Tờ khai đăng ký khai sinh", false)},
			Notes: notes, Cases: []procedure.Case{{Name: "Trẻ em bị bỏ rơi", Documents: []procedure.Document{doc("Biên bản", false)}}}},
			Papers{Count: 3, First: []string{"Giấy Chứng sinh", "Giấy tờ tùy thân"}, More: true, Cases: 1, Some: 2}},
		{"optional only", procedure.Procedure{Documents: []procedure.Document{doc("Văn bản ủy quyền", true)}, Notes: notes},
			Papers{Some: 1}},
		{"notes only", procedure.Procedure{Notes: notes}, Papers{}},
	} {
		if got := (Facts{Procedure: &tc.p}).Papers(); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// TestShortName checks the names of papers in the box of key facts:
// details after a parenthesis, a colon or a semicolon left for the list
// below, unless too little would be left to say what the paper is, and
// long sentences cut at a word.
func TestShortName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Giấy tờ tùy thân của hai bên (Căn cước công dân, Thẻ căn cước, Hộ chiếu… hoặc Căn cước điện tử)", "Giấy tờ tùy thân của hai bên"},
		{"Giấy tờ tùy thân còn giá trị sử dụng: Căn cước công dân, Thẻ căn cước", "Giấy tờ tùy thân còn giá trị sử dụng"},
		{"Tờ khai đăng ký kết hôn", "Tờ khai đăng ký kết hôn"},
		{"Ảnh (4×6 cm)", "Ảnh (4×6 cm)"},
		// From the national database: a semicolon, and sentences.
		{"Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng", "Giấy chứng sinh"},
		{"Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các giấy tờ khác có dán ảnh",
			"Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện…"},
		{"Tờ khai tham gia bảo hiểm y tế, Danh sách đề nghị cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
			"Tờ khai tham gia bảo hiểm y tế, Danh sách đề nghị cấp thẻ…"},
	} {
		if got := shortName(tc.in); got != tc.want {
			t.Errorf("shortName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFileSize checks sizes as pages show them, in each language.
func TestFileSize(t *testing.T) {
	vi, en := &Renderer{lang: "vi"}, &Renderer{lang: "en"}
	for _, tc := range []struct {
		n      int64
		vi, en string
	}{
		{624, "1 KB", "1 KB"},
		{120 << 10, "120 KB", "120 KB"},
		{120<<10 + 1, "121 KB", "121 KB"},
		{3 << 19, "1,5 MB", "1.5 MB"},
	} {
		if got := vi.fileSize(tc.n); got != tc.vi {
			t.Errorf("vi: fileSize(%d) = %q, want %q", tc.n, got, tc.vi)
		}
		if got := en.fileSize(tc.n); got != tc.en {
			t.Errorf("en: fileSize(%d) = %q, want %q", tc.n, got, tc.en)
		}
	}
}
