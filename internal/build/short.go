package build

import (
	"strconv"
	"strings"

	"qrboard/internal/lock"
	"qrboard/internal/site"
)

// Short addresses (see package lock): the pages that get a poster — an
// office's board and its procedures in force — get a number, and their
// codes hold the short address. The page is served there, at
// /<number>/ (site.Page.At): a citizen who scans gets it in one round
// trip, and every link of the site to it leads there. Its own address
// (/phuc-loc/dang-ky-ket-hon/), which posters printed before short
// addresses and links people saved hold, keeps a small redirect to it
// (about 900 bytes, redirect.html's "stub"), made and kept with the page.
//
// Why not a copy of the page at the short address, as before: every
// page with a poster was then two full pages (2 files and 45 KB a page
// on average instead of 2 files and 23 KB), and a change to a page
// wrote both. The redirect costs a round trip only to those who come by
// an old address.
//
// A short address whose page has since moved — its office closed —
// serves what the page's own address serves now: the notice, or a
// redirect.

// posterPaths returns the paths of the pages of s that get a poster, in
// the form of qrboard.lock ("/van-ha/dang-ky-ket-hon/").
func posterPaths(s *site.Site) []string {
	var paths []string
	for _, o := range s.Offices {
		paths = append(paths, "/"+o.ID+"/")
		for _, pr := range o.Procedures {
			paths = append(paths, "/"+o.ID+"/"+pr.ID+"/")
		}
	}
	return paths
}

// shortPath returns pg's short path ("12/") as lk records it, or "" when
// it has none: where pg is served (site.Page.At, set by Load).
func shortPath(lk *lock.Lock, pg *site.Page) string {
	if n := lk.Short("/" + pg.Path); n > 0 {
		return strconv.Itoa(n) + "/"
	}
	return ""
}

// codeURL is the address pg's code holds: where it is served — its short
// address where it has one, with the scheme and host upper-cased, which
// they may be, so that a QR code holds it in alphanumeric mode when
// base_url has no path. The poster prints the same address in lower
// case, as browsers show it (site.URL of pg.Served()).
func codeURL(s *site.Site, pg *site.Page) string {
	base := s.Config.Base
	if pg.At == "" || base.Path != "/" {
		return s.URL(pg.Served())
	}
	return strings.ToUpper(base.Scheme+"://"+base.Host) + "/" + pg.At
}

func (p *Project) codeURL(pg *site.Page) string { return codeURL(p.Site, pg) }

// movedShorts returns the short addresses whose page the site no longer
// has: their office closed, or the procedure left it.
func (p *Project) movedShorts() []lock.Short {
	var moved []lock.Short
	for _, sh := range p.Lock.Shorts() {
		if p.Site.Page(sh.Path[1:]) == nil {
			moved = append(moved, sh)
		}
	}
	return moved
}

// writeMoved writes at short what path, a page the site no longer has,
// serves now: its notice, or its redirect.
func (p *Project) writeMoved(out sink, short, path string) error {
	for _, rd := range p.Site.Redirects {
		if rd.From == path {
			rd.From = short
			return p.writeRedirect(out, rd)
		}
	}
	return nil // not published: lock.Check has reported it
}
