package safeurl

import "testing"

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		raw      string
		internal bool
		kind     Kind
		problem  Problem
	}{
		{"https://dichvucong.hanoi.gov.vn", false, External, OK},
		{"http://example.vn/a?b=c#d", false, External, OK},
		{"HTTPS://EXAMPLE.VN/", false, External, OK},
		{"tel:+842433123456", false, Phone, OK},
		{"mailto:motcua@example.vn", false, Mail, OK},
		{"/dang-ky-ket-hon/", true, Internal, OK},
		{"#giay-to", true, Internal, OK},
		{"/dang-ky-ket-hon/", false, 0, NoScheme},
		{"dang-ky-ket-hon/", true, 0, NotInternal},
		{"?#giay-to", true, 0, NotInternal},
		{"?x", true, 0, NotInternal},
		{"%2F", true, 0, NotInternal},
		{"%2F\"", true, 0, NotInternal},
		{"/a/%2e%2e/b/", true, 0, BadPath},
		{"/../etc/passwd", true, 0, BadPath},
		{"", false, 0, Empty},
		{"javascript:alert(1)", true, 0, Scheme},
		{"JavaScript:alert(1)", true, 0, Scheme},
		{"data:text/html,<script>alert(1)</script>", true, 0, Scheme},
		{"data:text/html;base64,PHNjcmlwdD4=", true, 0, Scheme},
		{"vbscript:msgbox", true, 0, Scheme},
		{"file:///etc/passwd", true, 0, Scheme},
		{"//evil.example/x", true, 0, Protocol},
		{"https://exa mple.vn", false, 0, Space},
		{"java\tscript:alert(1)", true, 0, Space},
		{"https:\\\\evil.example", false, 0, Backslash},
		{"https://", false, 0, NoHost},
		{"https:evil.example", false, 0, NoHost},
		{"http://[::1", false, 0, Malformed},
	} {
		kind, problem := Check(tc.raw, tc.internal)
		if problem != tc.problem || (problem == OK && kind != tc.kind) {
			t.Errorf("Check(%q, %v) = %v, %v; want %v, %v", tc.raw, tc.internal, kind, problem, tc.kind, tc.problem)
		}
	}
}
