package render

import "testing"

// TestShortName checks the names of papers in the box of key facts:
// details after a parenthesis or a colon left for the list below, unless
// too little would be left to say what the paper is.
func TestShortName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Giấy tờ tùy thân của hai bên (Căn cước công dân, Thẻ căn cước, Hộ chiếu… hoặc Căn cước điện tử)", "Giấy tờ tùy thân của hai bên"},
		{"Giấy tờ tùy thân còn giá trị sử dụng: Căn cước công dân, Thẻ căn cước", "Giấy tờ tùy thân còn giá trị sử dụng"},
		{"Tờ khai đăng ký kết hôn", "Tờ khai đăng ký kết hôn"},
		{"Ảnh (4×6 cm)", "Ảnh (4×6 cm)"},
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
