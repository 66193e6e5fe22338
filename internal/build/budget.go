package build

import (
	"sync"

	"qrboard/internal/config"
	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/site"
)

// Budget is the most a page may weigh, gzip-compressed with its style and
// script inlined: what a server can send in the first round trip of a new
// connection (TCP's initial window of ten segments, about 14 KB). A page
// within it opens as fast as the network allows, even on slow mobile data.
const Budget = 14 << 10

// Weight is the gzip-compressed size of one page.
type Weight struct {
	Path string
	Gzip int
}

// scales weighs pages as they are rendered, on every core.
type scales struct {
	mu      sync.Mutex
	largest Weight
	over    map[diag.Pos]*overweight // by the file the page is made from
}

// overweight is the pages of one source file over the budget.
type overweight struct {
	pages   int
	largest Weight
}

// weigh records the weight of page pg's HTML and returns it.
func (p *Project) weigh(pg *site.Page, html []byte) int {
	w := Weight{Path: pg.Path, Gzip: p.weights.Size(html)}
	p.scales.add(pg, w)
	return w.Gzip
}

// add records the weight w of page pg.
func (s *scales) add(pg *site.Page, w Weight) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if w.Gzip > s.largest.Gzip || w.Gzip == s.largest.Gzip && w.Path < s.largest.Path {
		s.largest = w
	}
	if w.Gzip <= Budget {
		return
	}
	if s.over == nil {
		s.over = map[diag.Pos]*overweight{}
	}
	pos := source(pg)
	o := s.over[pos]
	if o == nil {
		o = &overweight{}
		s.over[pos] = o
	}
	o.pages++
	if w.Gzip > o.largest.Gzip || w.Gzip == o.largest.Gzip && w.Path < o.largest.Path {
		o.largest = w
	}
}

// source returns the file a page's content comes from: its procedure's
// file, or its office in qrboard.yaml.
func source(pg *site.Page) diag.Pos {
	switch {
	case pg.Procedure != nil:
		return diag.Pos{File: pg.Procedure.File}
	case pg.Office != nil:
		return pg.Office.Pos
	}
	return diag.Pos{File: config.File}
}

// overweightPages returns a warning for each source file whose pages are
// over the budget, naming the heaviest and by how much.
func (p *Project) overweightPages() diag.List {
	var diags diag.List
	kb := func(n int) int { return (n + 1023) / 1024 } // whole KB, rounded up: no decimal point to read two ways
	for pos, o := range p.scales.over {
		diags.Warn(pos, msg.PageOverBudget, o.pages, Budget>>10, o.largest.Path,
			kb(o.largest.Gzip), kb(o.largest.Gzip-Budget)).WithHint(msg.HintPageBudget)
	}
	diags.Sort()
	return diags
}
