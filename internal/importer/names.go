package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"qrboard/internal/slug"
)

// Names. The national name of a procedure is often a sentence ("Thủ tục
// ghi vào Sổ hộ tịch việc hộ tịch khác của công dân Việt Nam đã được giải
// quyết tại cơ quan có thẩm quyền của nước ngoài (khai sinh; giám hộ; …)").
// Lists and posters need a short name, and addresses a short ASCII id.

// shortNameMax is the longest short name the import proposes: it fits a
// poster's title in two lines on A5.
const shortNameMax = 70

var (
	// thuTucRE is the "Thủ tục" most national names start with.
	thuTucRE = regexp.MustCompile(`^(?i)thủ tục\s+`)
	// parenRE is a parenthesis closing the name.
	parenRE = regexp.MustCompile(`\s*\([^()]*\)\s*$`)
)

// shortName proposes a short name for a national name: without "Thủ
// tục", without a closing parenthesis when what remains says enough, and
// cut at a word with "…" when still too long. It reports whether it cut.
func shortName(name string) (string, bool) {
	s := thuTucRE.ReplaceAllString(name, "")
	if p := parenRE.ReplaceAllString(s, ""); utf8.RuneCountInString(p) >= 12 {
		s = p
	}
	s = upperFirst(strings.TrimRight(s, " .;:"))
	return cut(s, shortNameMax)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// idFiller are the words and phrases left out of ids: they make an
// address longer, never clearer ("dang-ky-khai-sinh-co-yeu-to-nuoc-ngoai"
// → "dang-ky-khai-sinh-yeu-to-nuoc-ngoai").
var (
	idFiller = map[string]bool{
		"co": true, "cua": true, "cho": true, "va": true, "cac": true, "ve": true,
		"tai": true, "theo": true, "duoc": true, "da": true, "nhung": true, "trong": true,
	}
	idFillerPhrases = []string{"thu tuc hanh chinh", "thu tuc"}
)

// makeID returns the id proposed for a procedure's short name: its words
// folded to ASCII (đ → d), without filler, at most slug.MaxLen
// characters, cut between words.
func makeID(short string) string {
	folded := " " + strings.Join(strings.FieldsFunc(slug.Fold(strings.TrimSuffix(short, "…")), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	}), " ") + " "
	for _, p := range idFillerPhrases {
		folded = strings.ReplaceAll(folded, " "+p+" ", " ")
	}
	id := ""
	for _, w := range strings.Fields(folded) {
		if idFiller[w] {
			continue
		}
		if len(id)+1+len(w) > slug.MaxLen {
			break
		}
		if id != "" {
			id += "-"
		}
		id += w
	}
	return id
}

// codeSuffix is what an id gets to tell two procedures apart whose names
// give the same id: the digits of the national code ("1000893"), which
// stay the same at every import, whatever else is imported.
func codeSuffix(code string) string {
	return strings.Trim(slug.Make(strings.ReplaceAll(code, ".", "")), "-")
}

// withSuffix returns id with suffix, cut so the whole fits slug.MaxLen.
func withSuffix(id, suffix string) string {
	room := slug.MaxLen - len(suffix) - 1
	for len(id) > room {
		i := strings.LastIndexByte(id, '-')
		if i <= 0 {
			id = id[:room]
			break
		}
		id = id[:i]
	}
	return strings.Trim(id, "-") + "-" + suffix
}
