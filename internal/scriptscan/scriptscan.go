// Package scriptscan finds whatever in an HTML document or fragment could
// run script or load something from elsewhere: script-capable elements,
// event-handler and style attributes, and links whose scheme is not on
// qrboard's allowlist. Tests and fuzz targets use it to check rendered
// output; nothing in the qrboard binary imports it.
package scriptscan

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dangerous lists elements that run script, embed other documents or
// change how the page's links and forms resolve.
var dangerous = map[atom.Atom]bool{
	atom.Script: true, atom.Iframe: true, atom.Frame: true, atom.Frameset: true,
	atom.Object: true, atom.Embed: true, atom.Applet: true, atom.Base: true,
	atom.Form: true, atom.Meta: true, atom.Link: true, atom.Style: true,
	atom.Svg: true, atom.Math: true, atom.Template: true, atom.Noscript: true,
}

// urlAttrs are attributes whose value is an address.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true,
	"data": true, "poster": true, "background": true, "srcset": true, "ping": true,
}

// Fragment returns the problems in an HTML fragment such as rendered
// Markdown: every element, attribute or address that could run script.
// allowedSchemes lists the schemes links may use besides relative ones.
func Fragment(fragment []byte, allowedSchemes ...string) []string {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(bytes.NewReader(fragment), ctx)
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	for _, n := range nodes {
		problems = append(problems, scan(n, nil, allowedSchemes)...)
	}
	return problems
}

// Page returns the problems in a whole page, allowing the elements the
// page's own template puts in <head> (meta, style, and script blocks whose
// exact text is in ownScripts).
func Page(page []byte, ownScripts []string, allowedSchemes ...string) []string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return []string{err.Error()}
	}
	return scan(doc, ownScripts, allowedSchemes)
}

func scan(root *html.Node, ownScripts, schemes []string) []string {
	var problems []string
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if dangerous[n.DataAtom] || n.DataAtom == 0 && isCustomDangerous(n.Data) {
			if allowedOwn(n, ownScripts) {
				return // the template's own head element, attributes included
			}
			problems = append(problems, fmt.Sprintf("element <%s>", n.Data))
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			switch {
			case strings.HasPrefix(key, "on"):
				problems = append(problems, fmt.Sprintf("<%s %s=…> event handler", n.Data, a.Key))
			case key == "style" || key == "srcdoc":
				problems = append(problems, fmt.Sprintf("<%s %s=…>", n.Data, a.Key))
			case urlAttrs[key] && !AllowedURL(a.Val, schemes...):
				problems = append(problems, fmt.Sprintf("<%s %s=%q>", n.Data, a.Key, a.Val))
			}
		}
	})
	return problems
}

// ownQR accepts the page's own QR code, drawn inline: an <svg
// class="qr"> of nothing but a rect and a path, whose attributes are
// checked like any other's.
func ownQR(n *html.Node) bool {
	if attr(n, "class") != "qr" {
		return false
	}
	var kids []string
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.FirstChild != nil {
			return false
		}
		kids = append(kids, c.Data)
	}
	return strings.Join(kids, " ") == "rect path"
}

// allowedOwn accepts the page's own head elements and QR code.
func allowedOwn(n *html.Node, ownScripts []string) bool {
	if ownScripts == nil {
		return false
	}
	switch n.DataAtom {
	case atom.Meta, atom.Style:
		return inHead(n)
	case atom.Form:
		// The search box: a form sent to its own page's list ("#thu-tuc";
		// the page's policy allows forms to the site itself only, and the
		// script handles it where it runs).
		a := attr(n, "action")
		return a == "" || strings.HasPrefix(a, "#")
	case atom.Link:
		return inHead(n) && (attr(n, "rel") == "canonical" || attr(n, "rel") == "icon")
	case atom.Svg:
		return ownQR(n)
	case atom.Script:
		if attr(n, "src") != "" || n.FirstChild == nil {
			return false
		}
		for _, s := range ownScripts {
			if n.FirstChild.Data == s {
				return true
			}
		}
	}
	return false
}

func inHead(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Head {
			return true
		}
	}
	return false
}

func isCustomDangerous(name string) bool {
	name = strings.ToLower(name)
	return name == "script" || name == "iframe" || strings.Contains(name, ":script")
}

// AllowedURL reports whether an address, as a browser reads it, is
// relative or uses one of schemes.
func AllowedURL(v string, schemes ...string) bool {
	// Browsers strip leading and trailing spaces and C0 controls and
	// remove tabs and newlines anywhere before reading the scheme.
	v = strings.TrimFunc(v, func(r rune) bool { return r <= ' ' })
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, v)
	if strings.HasPrefix(v, "//") || strings.HasPrefix(v, `\\`) || strings.HasPrefix(v, `/\`) {
		return false
	}
	colon := strings.IndexByte(v, ':')
	if colon < 0 {
		return true
	}
	if slash := strings.IndexAny(v, "/?#"); slash >= 0 && slash < colon {
		return true // the colon is in the path: relative
	}
	scheme := strings.ToLower(v[:colon])
	for _, s := range schemes {
		if scheme == s {
			return true
		}
	}
	return false
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
