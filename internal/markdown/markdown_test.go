package markdown

import (
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
		warnings        int
	}{
		{"single paragraph unwrapped", "Mang **bản chính**.", "Mang <strong>bản chính</strong>.", 0},
		{"line breaks kept", "Bước 1\nBước 2", "Bước 1<br>\nBước 2", 0},
		{"two paragraphs", "a\n\nb", "<p>a</p>\n<p>b</p>", 0},
		{"safe link", "[cổng](https://dichvucong.gov.vn)", `<a href="https://dichvucong.gov.vn">cổng</a>`, 0},
		{"internal link", "[kết hôn](/dang-ky-ket-hon/)", `<a href="qrboard-root:dang-ky-ket-hon/index.html">kết hôn</a>`, 0},
		{"internal link with fragment", "[giấy tờ](/van-ha/dang-ky-ket-hon/#giay-to)", `<a href="qrboard-root:van-ha/dang-ky-ket-hon/index.html#giay-to">giấy tờ</a>`, 0},
		{"javascript link dropped", "[bấm](javascript:alert(1))", "bấm", 1},
		{"entity-hidden link dropped", "[bấm](&#106;avascript:alert(1))", "bấm", 1},
		{"data link dropped", "[x](data:text/html;base64,PHNjcmlwdD4=)", "x", 1},
		{"protocol-relative dropped", "[x](//evil.example)", "x", 1},
		{"raw script dropped", "a <script>alert(1)</script> b", "a alert(1) b", 1},
		{"html block dropped", "<iframe src=x></iframe>", "", 1},
		{"onerror dropped", `<img src=x onerror="alert(1)">`, "", 1},
		{"image replaced by text", "![sơ đồ](https://evil.example/a.png)", "sơ đồ", 1},
		{"autolink kept", "https://dichvucong.gov.vn", `<a href="https://dichvucong.gov.vn">https://dichvucong.gov.vn</a>`, 0},
		{"autolink javascript dropped", "<javascript:alert(1)>", "javascript:alert(1)", 1},
		{"template syntax is text", "{{ .Site }} {{template \"x\"}}", "{{ .Site }} {{template &quot;x&quot;}}", 0},
		{"heading demoted", "# Lưu ý", "<h3>Lưu ý</h3>", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, warnings := Render(tc.src)
			if string(got) != tc.want {
				t.Errorf("Render(%q) =\n%s\nwant\n%s", tc.src, got, tc.want)
			}
			if len(warnings) != tc.warnings {
				t.Errorf("warnings = %v, want %d", warnings, tc.warnings)
			}
			if lower := strings.ToLower(string(got)); strings.Contains(lower, "<script") || strings.Contains(lower, "javascript:") && strings.Contains(lower, "href") || strings.Contains(lower, "onerror=") {
				t.Errorf("output can run script: %s", got)
			}
		})
	}
}

func TestRelocate(t *testing.T) {
	page := []byte(`<a href="qrboard-root:dang-ky-ket-hon/index.html">x</a>`)
	if got := string(Relocate(page, "../../")); got != `<a href="../../dang-ky-ket-hon/index.html">x</a>` {
		t.Errorf("Relocate = %s", got)
	}
}

func TestPlainText(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"Mang **bản chính** và *bản sao*.", "Mang bản chính và bản sao."},
		{"Xem [cổng](https://dichvucong.gov.vn) &amp; hỏi cán bộ", "Xem cổng & hỏi cán bộ"},
		{"Bước 1\nBước 2", "Bước 1 Bước 2"},
		{"a\n\nb", "a b"},
		{"- một\n- hai", "một hai"},
		{"5 < 6 và \"trích dẫn\"", "5 < 6 và \"trích dẫn\""},
	} {
		html, _ := Render(tc.src)
		if got := PlainText(html); got != tc.want {
			t.Errorf("PlainText(Render(%q)) = %q, want %q", tc.src, got, tc.want)
		}
	}
}
