package safeurl

import (
	"net/url"
	"strings"
	"testing"

	"qrboard/internal/scriptscan"
)

// FuzzCheck requires every accepted address to be one a browser reads
// with an allowed scheme, and every external one to have a host.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"https://dichvucong.gov.vn", "javascript:alert(1)", "//evil", "/dang-ky/", "#x", "tel:0243", "mailto:a@b.vn", "https:\\\\evil", " https://x", "jav&#x09;ascript:x", "HTTPS://X.VN"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, raw string, internal bool) {
		kind, problem := Check(raw, internal)
		if problem != OK {
			return
		}
		if !scriptscan.AllowedURL(raw, "http", "https", "tel", "mailto") {
			t.Errorf("Check accepted %q, which a browser reads with another scheme", raw)
		}
		if kind == Internal && !internal {
			t.Errorf("Check(%q, false) accepted an internal link", raw)
		}
		if kind == Internal && !(strings.HasPrefix(raw, "/") || strings.HasPrefix(raw, "#")) {
			t.Errorf("internal link %q does not start with / or #", raw)
		}
		if kind == External {
			u, err := url.Parse(raw)
			if err != nil || u.Host == "" {
				t.Errorf("external %q: host %q, %v", raw, u.Host, err)
			}
		}
	})
}
