// Package safeurl decides which links may leave a build. Every address that
// comes from a YAML field or from Markdown passes through Check, which
// accepts an allowlist — http, https, tel, mailto and links inside the site —
// and names what is wrong with anything else, so a page can never carry a
// javascript:, data: or look-alike link.
package safeurl

import (
	"net/url"
	"strings"

	"qrboard/internal/msg"
)

// Problem says why an address was refused. OK means it may be used.
type Problem int

// Reasons an address is refused.
const (
	OK          Problem = iota
	Empty               // nothing written
	Space               // contains a space, tab, line break or control character
	Scheme              // a scheme other than http, https, tel or mailto (javascript:, data:, …)
	NoScheme            // relative, where an absolute address is required
	Protocol            // protocol-relative ("//host/…"), which browsers send to another site
	Backslash           // contains a backslash, which browsers read as a slash
	Malformed           // cannot be parsed as an address
	NoHost              // http(s) address without a host
	BadPath             // a link inside the site that climbs out of it with ".."
	NotInternal         // an internal link that is not a plain path
	TooLong             // longer than MaxLen
)

// MaxLen is the longest address accepted.
const MaxLen = 2000

// Kind says where an accepted address leads.
type Kind int

// Kinds of accepted address.
const (
	External Kind = iota // http or https to another site
	Phone                // tel:
	Mail                 // mailto:
	Internal             // a path inside this site ("/office/procedure/" or "#section")
)

// Check reports whether raw may be used as a link. Internal links are
// accepted only when internal is true; they are written from the site's
// root ("/dang-ky-ket-hon/") or as a fragment ("#giay-to").
func Check(raw string, internal bool) (Kind, Problem) {
	if raw == "" {
		return 0, Empty
	}
	if len(raw) > MaxLen {
		return 0, TooLong
	}
	for _, r := range raw {
		if r <= ' ' || r == 0x7f || r == '\u00a0' || r == '\u2028' || r == '\u2029' {
			return 0, Space
		}
	}
	if strings.ContainsRune(raw, '\\') {
		return 0, Backslash
	}
	if strings.HasPrefix(raw, "//") {
		return 0, Protocol
	}
	u, err := url.Parse(raw)
	if err != nil {
		return 0, Malformed
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" || u.Opaque != "" {
			return 0, NoHost
		}
		return External, OK
	case "tel":
		return Phone, OK
	case "mailto":
		return Mail, OK
	case "":
		if !internal {
			return 0, NoScheme
		}
		return checkInternal(raw, u)
	}
	return 0, Scheme
}

// checkInternal accepts "/path/…" and "#fragment" links inside the site.
func checkInternal(raw string, u *url.URL) (Kind, Problem) {
	if u.Host != "" || u.User != nil {
		return 0, Protocol
	}
	if u.Path == "" && u.Fragment != "" && u.RawQuery == "" && !u.ForceQuery {
		return Internal, OK // "#fragment"; "?#x" is a query, not a fragment
	}
	if !strings.HasPrefix(raw, "/") {
		return 0, NotInternal // as written: "%2F" is a path relative to the page, as browsers read it
	}
	for _, seg := range strings.Split(u.Path, "/") {
		if seg == ".." || seg == "." {
			return 0, BadPath
		}
	}
	return Internal, OK
}

// Message says what is wrong, for staff.
func (p Problem) Message() msg.ID {
	switch p {
	case Empty:
		return msg.URLEmpty
	case Space:
		return msg.URLSpace
	case Scheme:
		return msg.URLScheme
	case NoScheme:
		return msg.URLNoScheme
	case Protocol:
		return msg.URLProtocol
	case Backslash:
		return msg.URLBackslash
	case NoHost:
		return msg.URLNoHost
	case BadPath:
		return msg.URLBadPath
	case NotInternal:
		return msg.URLNotInternal
	case TooLong:
		return msg.URLTooLong
	}
	return msg.URLMalformed
}
