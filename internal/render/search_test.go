package render

import (
	"testing"

	"qrboard/internal/config"
	"qrboard/internal/procedure"
	"qrboard/internal/site"
	"qrboard/internal/value"
)

// TestFold checks what the search compares: marks, case and đ folded,
// punctuation gone, codes kept whole, and the i/y spellings made one
// only where Vietnamese writes either.
func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Đăng ký kết hôn", "dang ki ket hon"},
		{"đăng kí kết hôn", "dang ki ket hon"},
		{"KHAI TỬ", "khai tu"},
		{"Mỹ Đức, Lý Nhân, Kỳ Anh, Sỹ", "mi duc li nhan ki anh si"},
		{"quý, tay, Y tế, Thủy, Huy", "quy tay y te thuy huy"}, // y after a vowel, or alone, stays
		{"2.000815", "2.000815"},
		{"(mã 2.000815.)", "ma 2.000815"},
		{"Điều 24–26; khoản 3", "dieu 24 26 khoan 3"},
		{"Hộ chiếu…", "ho chieu"},
		{"van-ha", "van ha"},
		{"  ", ""},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestSearchKey checks the two parts of a key: names first, then the
// other words, each word once.
func TestSearchKey(t *testing.T) {
	// Summaries and notes (an import writes dozens) are not searched.
	p := &procedure.Procedure{ShortName: "Đăng ký kết hôn", Name: "Đăng ký kết hôn (công dân Việt Nam cư trú trong nước)",
		Code: "1.000894", Field: "Hộ tịch", Keywords: []string{"hôn thú", "đăng ký kết hôn"},
		Summary: value.Markdown{Source: "Đăng ký việc kết hôn"}, Notes: []value.Markdown{{Source: "Giấy tờ nước ngoài phải hợp pháp hóa lãnh sự"}}}
	if got, want := SearchKey(p), "dang ki ket hon cong dan viet nam cu tru trong nuoc|1.000894 1000894 thu ho tich"; got != want {
		t.Errorf("SearchKey(procedure) = %q, want %q", got, want)
	}
	o := &config.Office{ID: "van-ha", Name: "Xã Vân Hà", Code: "09718"}
	if got, want := SearchKey(o), "xa van ha|09718"; got != want {
		t.Errorf("SearchKey(office) = %q, want %q", got, want)
	}
	// A current office is also found by the former units it took over,
	// among the other words, so that its own name ranks first.
	c := &config.Office{ID: "phuc-loc", Name: "Xã Phúc Lộc", Code: "09739"}
	vx := &site.Office{Office: &config.Office{ID: "vong-xuyen", Name: "Xã Võng Xuyên"}, Name: "Xã Võng Xuyên"}
	nh := &site.Office{Office: &config.Office{ID: "nam-ha", Name: "Xã Nam Hà"}, Name: "Xã Nam Hà"}
	vh := &site.Office{Office: o, Name: o.Name}
	cur := &site.Office{Office: c, Name: c.Name, Former: []site.Former{{Offices: []*site.Office{vx, nh}}, {Offices: []*site.Office{vh}}}}
	if got, want := SearchKey(cur), "xa phuc loc|09739 vong xuyen nam ha van"; got != want {
		t.Errorf("SearchKey(office with former units) = %q, want %q", got, want)
	}
}
