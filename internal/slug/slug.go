// Package slug turns Vietnamese names into the short ASCII ids used in
// file names and URL paths, and checks ids typed by hand.
//
// Ids are ASCII because Vietnamese letters percent-encode to up to nine
// bytes each and make every QR code denser. Folding removes tone and vowel
// marks through Unicode decomposition and maps đ/Đ to d explicitly, since
// decomposition does not split đ: "Phụng Thượng" → "phung-thuong".
package slug

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"qrboard/internal/msg"
)

// MaxLen is the longest id accepted; short ids keep QR codes small.
const MaxLen = 40

// Fold returns s in lower case without diacritics, with đ folded to d.
// Non-letters are kept. Make builds ids from it; the search folds
// further (render.Fold).
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Make returns the id for a name: folded, with every run of characters
// other than a–z and 0–9 replaced by one hyphen, trimmed, and cut to
// MaxLen at a word boundary. It returns "" for a name with no letters or
// digits.
func Make(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range Fold(name) {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
			continue
		}
		hyphen = true
	}
	s := b.String()
	for len(s) > MaxLen {
		i := strings.LastIndexByte(s[:MaxLen+1], '-')
		if i <= 0 {
			s = s[:MaxLen]
			break
		}
		s = s[:i]
	}
	return s
}

// Problem says why an id is not valid.
type Problem int

// Problems an id can have.
const (
	OK          Problem = iota
	Empty               // no characters
	TooLong             // more than MaxLen bytes
	NotASCII            // contains letters other than a–z, digits and hyphens
	BadHyphen           // starts or ends with a hyphen, or has two in a row
	Reserved            // a name Windows or the site itself reserves
	PathElement         // contains a slash, backslash or dot: would escape its folder
)

// Check reports whether id is a valid id: 1–MaxLen characters from a–z,
// 0–9 and single hyphens between them, not a Windows device name such as
// "con" or "aux", and not a name the site uses for itself.
func Check(id string) Problem {
	switch {
	case id == "":
		return Empty
	case strings.ContainsAny(id, `/\.`):
		return PathElement
	case len(id) > MaxLen:
		return TooLong
	}
	for _, r := range id {
		if !(('a' <= r && r <= 'z') || ('0' <= r && r <= '9') || r == '-') {
			return NotASCII
		}
	}
	if id[0] == '-' || id[len(id)-1] == '-' || strings.Contains(id, "--") {
		return BadHyphen
	}
	if IsReserved(id) {
		return Reserved
	}
	return OK
}

// reserved holds the names no id may take: Windows device names, which
// cannot be folder names there, and names of files the site writes at its
// root.
var reserved = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com0": true, "com1": true, "com2": true, "com3": true, "com4": true,
	"com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt0": true, "lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true,
	"lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
	"404": true, "assets": true, "index": true, "sitemap": true, "robots": true,
	"qr": true, "forms": true,
}

// IsReserved reports whether id is a name no office or procedure may take.
func IsReserved(id string) bool { return reserved[id] }

// Message says what is wrong with an id, for staff.
func (p Problem) Message() msg.ID {
	switch p {
	case Empty:
		return msg.IDEmpty
	case TooLong:
		return msg.IDTooLong
	case BadHyphen:
		return msg.IDHyphen
	case Reserved:
		return msg.IDReserved
	case PathElement:
		return msg.IDPath
	}
	return msg.IDNotASCII
}
