package render

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"qrboard/internal/config"
	"qrboard/internal/procedure"
	"qrboard/internal/site"
)

// Search. Lists that the search box filters carry on each item a key,
// data-k, made here: the words of what the item is called, a bar, and
// the other words it should be found by —
//
//	dang ki ket hon cong dan viet nam cu tru trong nuoc|1.000894 1000894 giay chung nhan ho tich
//
// both folded by Fold. The page's script folds what is typed the same way
// (fold in page.js; a browser test checks that the two agree), keeps the
// items where each word typed is a word of the key (the last one, perhaps
// still being typed, the start of a word), and shows them best first: a
// word found in the names counts more than one found only among the
// other words, and the words typed together, in order, in the names more
// still. The page weighs every character of a key, so each word is
// written once.

// SearchKey returns the search key of a procedure or an office. For a
// procedure the names are its short and full names, the other words its
// code (with and without dots), keywords and field; for an office, its
// name, and its code and id and the names and ids of the former units it
// took over (a citizen of Võng Xuyên may still look for "Võng Xuyên"),
// which rank below its own name. A procedure's summary and notes are
// not searched: home carries every key, and an imported procedure has
// dozens of notes, whose words would find it for almost anything.
func SearchKey(v any) string {
	var names, others []string
	switch v := v.(type) {
	case *procedure.Procedure:
		names = []string{v.ShortName, v.Name}
		others = append([]string{v.Code, strings.ReplaceAll(v.Code, ".", "")}, v.Keywords...)
		others = append(others, v.Field)
	case *site.Office:
		names, others = []string{v.Name}, []string{v.Code, v.ID}
		for _, f := range v.Former {
			for _, o := range f.Offices {
				others = append(others, o.Name, o.ID)
			}
		}
	case *config.Office:
		names, others = []string{v.Name}, []string{v.Code, v.ID}
	}
	seen := map[string]bool{}
	words := func(parts []string) string {
		var out []string
		for _, w := range strings.Fields(Fold(strings.Join(parts, " "))) {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
		return strings.Join(out, " ")
	}
	return words(names) + "|" + words(others)
}

// Fold returns s as the search compares it: its words, separated by one
// space, in lower case, without tone and vowel marks, with đ as d. A
// word is a run of a–z, 0–9 and dots (codes such as 1.000894 are
// words), without dots at its ends; everything else separates words.
// The spellings with i and y that Vietnamese uses side by side — kí and
// ký, lí and lý, mĩ and mỹ — become one: a y that ends a word right after
// consonants becomes i ("ky" → "ki"; "quy", "tay" and "y" stay).
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case 0x300 <= r && r <= 0x36f: // the combining marks page.js removes too
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		}
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') || r == '.' {
			b.WriteRune(r)
		} else {
			b.WriteByte(' ')
		}
	}
	var words []string
	for _, w := range strings.Fields(b.String()) {
		if w = strings.Trim(w, "."); w != "" {
			words = append(words, iForY(w))
		}
	}
	return strings.Join(words, " ")
}

// iForY turns a word of consonants ending in y into the same word ending
// in i: "ky" → "ki", "ly" → "li", "my" → "mi".
func iForY(w string) string {
	if len(w) < 2 || w[len(w)-1] != 'y' {
		return w
	}
	for i := 0; i < len(w)-1; i++ {
		if !strings.ContainsRune("bcdghklmnprstvx", rune(w[i])) {
			return w
		}
	}
	return w[:len(w)-1] + "i"
}

// searchKey returns SearchKey(v), computed once per procedure or office
// and build: every board lists a procedure, and home every one.
func (r *Renderer) searchKey(v any) string {
	if k, ok := r.keys.Load(v); ok {
		return k.(string)
	}
	k := SearchKey(v)
	r.keys.Store(v, k)
	return k
}
