package preview

import (
	"bytes"
	"html"
	"slices"
	"strings"

	xhtml "golang.org/x/net/html"
)

// allowPreview adjusts each Content-Security-Policy that page gives in a
// <meta> tag so that it also allows what the preview adds: its script
// and its event stream, both from the page's own origin ('self' in
// script-src and connect-src). Only served pages are changed; the built
// files keep their policy as it will be published.
func allowPreview(page []byte) []byte {
	z := xhtml.NewTokenizer(bytes.NewReader(page))
	var out []byte
	done := 0 // bytes of page already copied to out
	offset := 0
	for {
		tt := z.Next()
		raw := z.Raw()
		if tt == xhtml.ErrorToken {
			break
		}
		if tt == xhtml.StartTagToken || tt == xhtml.SelfClosingTagToken {
			name, hasAttr := z.TagName()
			if string(name) == "body" {
				break // a policy in a <meta> counts only in <head>
			}
			if string(name) == "meta" && hasAttr {
				if policy, ok := metaPolicy(z); ok {
					out = append(out, page[done:offset]...)
					out = append(out, `<meta http-equiv="Content-Security-Policy" content="`+html.EscapeString(addSelf(policy))+`">`...)
					done = offset + len(raw)
				}
			}
		}
		offset += len(raw)
	}
	if out == nil {
		return page
	}
	return append(out, page[done:]...)
}

// metaPolicy returns the policy of a <meta http-equiv=Content-Security-Policy>.
func metaPolicy(z *xhtml.Tokenizer) (string, bool) {
	var equiv, content string
	hasContent := false
	for {
		k, v, more := z.TagAttr()
		switch string(k) {
		case "http-equiv":
			equiv = string(v)
		case "content":
			content, hasContent = string(v), true
		}
		if !more {
			break
		}
	}
	return content, hasContent && strings.EqualFold(strings.TrimSpace(equiv), "content-security-policy")
}

// addSelf adds 'self' to the directives that govern the preview's script
// (script-src, and script-src-elem where given) and its event stream
// (connect-src). A directive that is missing falls back to default-src in
// browsers, so it is added with default-src's sources and 'self', which
// keeps whatever default-src allowed (such as the hashes of inline code).
func addSelf(policy string) string {
	var names []string
	dirs := map[string][]string{}
	for _, d := range strings.Split(policy, ";") {
		f := strings.Fields(d)
		if len(f) == 0 {
			continue
		}
		name := strings.ToLower(f[0])
		if _, dup := dirs[name]; dup {
			continue // browsers ignore a repeated directive
		}
		names = append(names, name)
		dirs[name] = f[1:]
	}
	for _, name := range []string{"script-src", "script-src-elem", "connect-src"} {
		sources, ok := dirs[name]
		if !ok {
			def, hasDefault := dirs["default-src"]
			if !hasDefault || name == "script-src-elem" {
				continue // nothing restricts it
			}
			sources = slices.Clone(def)
			names = append(names, name)
		}
		sources = slices.DeleteFunc(sources, func(s string) bool { return strings.EqualFold(s, "'none'") })
		if !slices.ContainsFunc(sources, func(s string) bool { return strings.EqualFold(s, "'self'") }) {
			sources = append(sources, "'self'")
		}
		dirs[name] = sources
	}
	parts := make([]string, len(names))
	for i, name := range names {
		parts[i] = strings.Join(append([]string{name}, dirs[name]...), " ")
	}
	return strings.Join(parts, "; ")
}
