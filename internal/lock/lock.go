// Package lock keeps the promise that an address, once published, keeps
// working: printed posters carry it for years. Every build records the
// paths it publishes in qrboard.lock at the project root (committed, like
// go.sum); a later build that would drop one of them — a procedure deleted
// or renamed, an office removed or renamed — fails with a message naming
// the address and the fix (an alias, a redirect, or an office's history),
// instead of silently breaking posters on office walls. The recorded paths
// are also what package site plans notices for: the old addresses of
// offices that closed stay published, each saying where to go now.
//
// The package owns the file's format: Open reads it, and Update makes
// its new content, which build and print hand to the output folder so
// that the lock is committed in the same step as the files it records
// (package output: a failure leaves the old site with the old lock, or
// the new with the new).
//
// # Short addresses
//
// The pages that get a poster also get a short address, a number: /12/
// for /van-ha/dang-ky-ket-hon/. Posters encode it, upper-cased, in QR's
// alphanumeric mode ("HTTPS://PHUCTHO.HANOI.GOV.VN/12/"), which makes
// the code small enough to print with large modules (see package
// poster). A path of digits reads the same when a scanner app lower-cases
// it, and never collides with an office or a procedure, whose ids start
// with a letter. Numbers are given once, in the order of the paths, and
// kept forever: the file records each as a line "/12/ /van-ha/dang-ky-ket-hon/"
// and the next number to give as "next 13", so a number is never given
// again even if its line were deleted. The site serves the page itself
// at its short address, and a redirect there at its own (package build,
// short.go).
package lock

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/site"
)

// File is the lock file's name at the project root.
const File = "qrboard.lock"

const header = `# qrboard.lock: every address this site has published, from the site root.
# qrboard build adds new ones; a build fails if one would disappear, because
# printed QR posters point at them. Commit this file. To retire an address,
# keep it working with an alias or a redirect (see README).
`

const shortHeader = `# Short addresses: the number in a poster's code, and the page it opens.
`

// Lock is the set of paths published so far.
type Lock struct {
	path  string         // the file, in the project folder
	paths []string       // sorted, as in the file ("/", "/van-ha/", …)
	line  map[string]int // path → line in the file
	short map[string]int // path → its short number
	next  int            // the next short number to give, from 1
	added bool           // Assign gave a number
}

// Open reads the lock file of the project in dir. A missing file is an
// empty lock: the first build creates it.
func Open(dir string) (*Lock, diag.List) {
	var diags diag.List
	l := &Lock{path: filepath.Join(dir, File), line: map[string]int{}, short: map[string]int{}, next: 1}
	data, err := os.ReadFile(l.path)
	if errors.Is(err, fs.ErrNotExist) {
		return l, nil
	} else if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the position names the file
		}
		diags.Add(diag.Pos{File: File}, msg.ReadFailed, msg.Explain(err))
		return l, diags
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if ok, isShort := l.readShort(line); isShort {
			if !ok {
				diags.Add(diag.Pos{File: File, Line: n, Col: 1}, msg.LockBadLine, line)
			}
			continue
		}
		if !strings.HasPrefix(line, "/") || !strings.HasSuffix(line, "/") || strings.Contains(line, "..") {
			diags.Add(diag.Pos{File: File, Line: n, Col: 1}, msg.LockBadLine, line)
			continue
		}
		if _, dup := l.line[line]; !dup {
			l.paths = append(l.paths, line)
			l.line[line] = n
		}
	}
	slices.Sort(l.paths)
	return l, diags
}

// readShort reads a line of the short addresses, "/12/ /van-ha/x/" or
// "next 13", reporting whether it is one, and whether it is well formed.
func (l *Lock) readShort(line string) (ok, isShort bool) {
	if rest, found := strings.CutPrefix(line, "next "); found {
		n, err := strconv.Atoi(strings.TrimSpace(rest))
		if err != nil || n < 1 {
			return false, true
		}
		l.next = max(l.next, n)
		return true, true
	}
	num, path, found := strings.Cut(line, " ")
	if !found {
		return false, false
	}
	n, err := strconv.Atoi(strings.Trim(num, "/"))
	path = strings.TrimSpace(path)
	if err != nil || n < 1 || num != "/"+strconv.Itoa(n)+"/" || !strings.HasPrefix(path, "/") || !strings.HasSuffix(path, "/") {
		return false, true
	}
	if _, dup := l.short[path]; !dup {
		l.short[path] = n
	}
	l.next = max(l.next, n+1)
	return true, true
}

// Short returns the short number of path ("/van-ha/x/"), 0 if it has
// none.
func (l *Lock) Short(path string) int { return l.short[path] }

// Assign gives each of paths that has no short number the next one, in
// the order of the paths.
func (l *Lock) Assign(paths []string) {
	for _, p := range slices.Sorted(slices.Values(paths)) {
		if _, ok := l.short[p]; !ok {
			l.short[p] = l.next
			l.next++
			l.added = true
		}
	}
}

// Short is a short address: its number and the path it stands for.
type Short struct {
	N    int
	Path string // "/van-ha/dang-ky-ket-hon/"
}

// Shorts returns the short addresses, by number.
func (l *Lock) Shorts() []Short {
	var out []Short
	for p, n := range l.short {
		out = append(out, Short{n, p})
	}
	slices.SortFunc(out, func(a, b Short) int { return a.N - b.N })
	return out
}

// Paths returns the recorded paths, sorted ("/", "/van-ha/", …).
func (l *Lock) Paths() []string { return l.paths }

// Path returns the lock file's path.
func (l *Lock) Path() string { return l.path }

// Len returns the number of recorded paths.
func (l *Lock) Len() int { return len(l.paths) }

// Check reports every recorded path that s would no longer publish.
func (l *Lock) Check(s *site.Site) diag.List {
	var diags diag.List
	published := map[string]bool{}
	for _, p := range s.Published() {
		published["/"+p] = true
	}
	for _, p := range l.paths {
		if published[p] {
			continue
		}
		pos := diag.Pos{File: File, Line: l.line[p], Col: 1}
		id := msg.LockDropped
		if len(diags) == 0 {
			id = msg.LockDroppedFirst // once: what the lock protects, and how to start over
		}
		d := diags.Add(pos, id, s.URL(p[1:]))
		hint, args := fix(s, p)
		d.WithHint(hint, args...)
	}
	return diags
}

// fix chooses the hint for a dropped path from what is still there.
func fix(s *site.Site, path string) (msg.ID, []any) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	office := s.Config.Office(parts[0])
	switch {
	case len(parts) == 1 && office == nil && !hasProcedure(s, parts[0]):
		return msg.HintLockGone, []any{parts[0]}
	case len(parts) == 2 && office == nil:
		return msg.HintLockOffice, []any{parts[0]}
	case len(parts) == 2 && !hasProcedure(s, parts[1]):
		return msg.HintLockProcedure, []any{parts[1]}
	case len(parts) == 2:
		return msg.HintLockHandler, []any{parts[1], parts[0]}
	}
	return msg.HintLockRedirect, []any{path}
}

func hasProcedure(s *site.Site, id string) bool {
	for _, p := range s.Procedures {
		if p.ID == id {
			return true
		}
	}
	return false
}

// Update returns the lock file content recording both the old paths and
// every path s publishes, and whether it differs from the old file. A
// build does not Save: it hands this content to the output folder, which
// commits it in the same step as the site (see package output), so a
// failure leaves the old site with the old lock or the new with the new.
func (l *Lock) Update(s *site.Site) ([]byte, bool) {
	all := slices.Clone(l.paths)
	changed := false
	for _, p := range s.Published() {
		p = "/" + p
		if _, ok := l.line[p]; !ok {
			all = append(all, p)
			changed = true
		}
	}
	slices.Sort(all)
	all = slices.Compact(all)
	var b bytes.Buffer
	b.WriteString(header)
	for _, p := range all {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	if len(l.short) > 0 {
		b.WriteString("\n" + shortHeader)
		for _, sh := range l.Shorts() {
			fmt.Fprintf(&b, "/%d/ %s\n", sh.N, sh.Path)
		}
		fmt.Fprintf(&b, "next %d\n", l.next)
	}
	return b.Bytes(), changed || l.added
}
