package poster

import (
	"bytes"
	"fmt"
	"strconv"
)

// printAt100 asks PDF viewers to print pdf at 100 %, never "fit to page"
// (which shrinks a code and its modules by the printer's margins): it
// adds /ViewerPreferences << /PrintScaling /None >> to the document
// catalog. gopdf has no setting for it and writes the catalog, object 1,
// first, so the entry is inserted there and every later offset in the
// cross-reference table, and startxref, is moved by its length.
func printAt100(pdf []byte) ([]byte, error) {
	const pages = "  /Pages 2 0 R\n"
	const prefs = "  /ViewerPreferences << /PrintScaling /None >>\n"
	cat := bytes.Index(pdf, []byte("/Type /Catalog\n"))
	at := -1
	if cat >= 0 {
		if i := bytes.Index(pdf[cat:], []byte(pages)); i >= 0 {
			at = cat + i + len(pages)
		}
	}
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	start := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if at < 0 || xref < at || start < xref {
		return nil, fmt.Errorf("PDF catalog or cross-reference table not found")
	}
	shift := len(prefs)
	out := make([]byte, 0, len(pdf)+shift)
	out = append(out, pdf[:at]...)
	out = append(out, prefs...)
	out = append(out, pdf[at:xref+len("\nxref\n")]...)
	// The table: a "0 N" subsection line, then "oooooooooo ggggg n \n" rows.
	rest := pdf[xref+len("\nxref\n") : start]
	lines := bytes.SplitAfter(rest, []byte("\n"))
	inTable := true
	for _, l := range lines {
		if bytes.HasPrefix(l, []byte("trailer")) {
			inTable = false
		}
		if inTable && len(l) == 20 && l[10] == ' ' && l[17] == 'n' {
			off, err := strconv.Atoi(string(l[:10]))
			if err != nil {
				return nil, fmt.Errorf("PDF cross-reference row %q: %v", l, err)
			}
			if off >= at {
				off += shift
			}
			out = fmt.Appendf(out, "%010d", off)
			out = append(out, l[10:]...)
			continue
		}
		out = append(out, l...)
	}
	out = append(out, "\nstartxref\n"...)
	tail := pdf[start+len("\nstartxref\n"):]
	nl := bytes.IndexByte(tail, '\n')
	if nl < 0 {
		return nil, fmt.Errorf("PDF startxref not found")
	}
	off, err := strconv.Atoi(string(tail[:nl]))
	if err != nil {
		return nil, fmt.Errorf("PDF startxref: %v", err)
	}
	out = strconv.AppendInt(out, int64(off+shift), 10)
	return append(out, tail[nl:]...), nil
}
