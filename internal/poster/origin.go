package poster

import "qrboard/internal/diag"

// Origin is where a text printed on a poster or a sheet was written: the
// file (and place, when known) and the YAML field, so that a text that
// does not fit is reported where staff can shorten it.
type Origin struct {
	Pos   diag.Pos
	Field string // "short_name", "offices: name", … ; "" for an interface string
}

// Origins are the origins of a poster's or a sheet's texts, by text. The
// interface strings of templates/lang need not be listed: a text without
// an origin comes from there.
type Origins map[string]Origin

// Add records that text was written at pos, in field; empty texts are
// left out.
func (o *Origins) Add(text string, pos diag.Pos, field string) {
	if text == "" {
		return
	}
	if *o == nil {
		*o = Origins{}
	}
	if _, ok := (*o)[text]; !ok { // the first place it was written wins
		(*o)[text] = Origin{pos, field}
	}
}

// Of returns the origin of text and whether it has one.
func (o Origins) Of(text string) (Origin, bool) {
	r, ok := o[text]
	return r, ok
}
