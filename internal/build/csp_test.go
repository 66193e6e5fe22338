package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"qrboard/internal/scriptscan"
)

// TestCSP checks every page of the sample: its Content-Security-Policy
// names by hash exactly the inline style and scripts the page has, allows
// nothing from elsewhere, comes before them in <head>, and the page holds
// nothing else that could run script. The header files carry the policy
// of pages with the script (pages without, 404.html, have a stricter one).
func TestCSP(t *testing.T) {
	_, out, res := buildSample(t)
	headers := string(readFile(t, filepath.Join(out, "_headers")))
	nginx := string(readFile(t, filepath.Join(out, "headers.nginx.conf")))
	var pages []string
	for _, p := range res.Site.Pages {
		pages = append(pages, p.Served()+IndexFile)
		if p.At != "" {
			pages = append(pages, p.Path+IndexFile) // the redirect to it
		}
	}
	pages = append(pages, "404.html")
	for _, rel := range pages {
		data := readFile(t, filepath.Join(out, filepath.FromSlash(rel)))
		policy, inline := cspOf(t, rel, data)
		for _, directive := range []string{"default-src 'none'", "base-uri 'none'", "form-action 'self' file:", "object-src 'none'"} {
			if !strings.Contains(policy, directive) {
				t.Errorf("%s: policy lacks %s", rel, directive)
			}
		}
		for _, text := range inline {
			sum := sha256.Sum256([]byte(text))
			if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(policy, h) {
				t.Errorf("%s: the policy does not allow its own inline element (%s)", rel, h)
			}
		}
		if n := strings.Count(policy, "'sha256-"); n != len(inline) {
			t.Errorf("%s: policy names %d hashes for %d inline elements", rel, n, len(inline))
		}
		if strings.Contains(policy, "unsafe") || strings.Contains(policy, "*") || strings.Contains(policy, "http") {
			t.Errorf("%s: policy too open: %s", rel, policy)
		}
		if len(inline) == 2 && (!strings.Contains(headers, "Content-Security-Policy: "+policy+"\n") || !strings.Contains(nginx, `"`+policy+`"`)) {
			t.Errorf("%s: header files carry another policy than pages with the script", rel)
		}
		own := append([]string{}, inline...) // a redirect's own head has none: not a fragment
		if problems := scriptscan.Page(data, own, "http", "https", "tel", "mailto"); len(problems) > 0 {
			t.Errorf("%s: %v", rel, problems)
		}
	}
	if !strings.Contains(headers, "X-Content-Type-Options: nosniff") || !strings.Contains(nginx, `X-Content-Type-Options "nosniff"`) {
		t.Error("header files lack nosniff")
	}
}

// cspOf returns a page's policy and the text of its inline <style> and
// <script> elements, checking that the policy comes first.
func cspOf(t *testing.T, rel string, data []byte) (string, []string) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var policy string
	var inline []string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Meta:
			if attr(n, "http-equiv") == "Content-Security-Policy" {
				policy = attr(n, "content")
			}
		case atom.Style, atom.Script:
			if policy == "" {
				t.Errorf("%s: <%s> before the policy", rel, n.Data)
			}
			if n.FirstChild != nil {
				inline = append(inline, n.FirstChild.Data)
			}
		}
	}
	if policy == "" {
		t.Errorf("%s: no Content-Security-Policy", rel)
	}
	return policy, inline
}
