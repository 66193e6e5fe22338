package markdown

import (
	"strings"
	"testing"

	"qrboard/internal/scriptscan"
)

// FuzzRender renders arbitrary text and requires output with nothing that
// could run script: no script-capable element, no event handler, no link
// outside the allowlist (the root marker is the only extra scheme, and
// it is replaced by a relative path on every page).
func FuzzRender(f *testing.F) {
	for _, seed := range []string{
		"Mang **bản chính** và [tờ khai](https://dichvucong.gov.vn).",
		"a <script>alert(1)</script> b",
		"<iframe src=https://evil.example></iframe>",
		`<img src=x onerror="alert(1)">`,
		"[bấm](&#106;avascript:alert(1))",
		"[x](javascript&#58;alert(1))",
		"[x](java\tscript:alert(1))",
		"<javascript:alert(1)>",
		"![ảnh](https://evil.example/a.png)",
		"[kết hôn](/dang-ky-ket-hon/#giay-to)",
		"{{ .Site }} {{template \"layout\"}}",
		"| a | b |\n|---|---|\n| <b>x</b> | [y](vbscript:z) |",
		"[x]: javascript:alert(1)\n\n[y][x]",
		"www.evil.example/<script>",
		"<a href=\"javascript:alert(1)\">x</a>",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, _ := Render(src)
		page := Relocate([]byte(out), "../../")
		if problems := scriptscan.Fragment(page, "http", "https", "tel", "mailto"); len(problems) > 0 {
			t.Errorf("Render(%q) = %s\ncan run script: %v", src, out, problems)
		}
	})
}

// FuzzJoinSpaces checks joinSpaces against the slower expression it
// replaces, on any bytes: Unicode spaces, invalid UTF-8 and all.
func FuzzJoinSpaces(f *testing.F) {
	for _, seed := range []string{
		"", " ", "a", "  Mang  bản\tchính \n và\u00a0bản sao ",
		"\u3000ạ\u0085b\u2028c\u200bd", "\xff \xc3 x\xe1\xba", "x\x00 \x1c y",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := joinSpaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("joinSpaces(%q) = %q, want %q", s, got, want)
		}
	})
}
