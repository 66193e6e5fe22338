package preview

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"qrboard/internal/config"
	"qrboard/internal/lock"
	"qrboard/internal/procedure"
)

// PollInterval is how often Watch looks at the project's files.
const PollInterval = 250 * time.Millisecond

// Watch rebuilds the site whenever a file of the project changes, until
// ctx ends, calling report after each build. It polls: it compares the
// size and modification time of every file in procedures/, forms/ and templates/
// and of qrboard.yaml and qrboard.lock with what it saw the time before.
// Polling a few hundred files costs nothing measurable, needs no
// dependency, and works where change notifications do not (network
// drives, shared folders, some editors' ways of saving).
func (s *Server) Watch(ctx context.Context, interval time.Duration, report func(Report)) {
	prev := s.snapshot()
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		cur := s.snapshot()
		changed := diff(prev, cur)
		if len(changed) == 0 {
			continue
		}
		// An editor may still be writing: wait until two looks agree.
		for {
			select {
			case <-ctx.Done():
				return
			case <-time.After(interval / 2):
			}
			next := s.snapshot()
			if len(diff(cur, next)) == 0 {
				break
			}
			changed = append(changed, diff(cur, next)...)
			cur = next
		}
		prev = cur
		slices.Sort(changed)
		report(s.Build(ctx, slices.Compact(changed)))
	}
}

// stamp is what a look at a file records.
type stamp struct {
	size int64
	mod  time.Time
}

// snapshot records every file the build reads, by its path relative to
// the project folder, in the system's separators.
func (s *Server) snapshot() map[string]stamp {
	src := s.cfg.Build.Src
	files := map[string]stamp{}
	add := func(rel string, info fs.FileInfo) {
		files[rel] = stamp{info.Size(), info.ModTime()}
	}
	for _, name := range []string{config.File, lock.File} {
		if info, err := os.Stat(filepath.Join(src, name)); err == nil {
			add(name, info)
		}
	}
	templates := s.cfg.Build.Templates
	if templates == "" {
		templates = filepath.Join(src, "templates")
	}
	for _, dir := range []string{filepath.Join(src, procedure.Dir), filepath.Join(src, procedure.FormDir), templates} {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			rel, err := filepath.Rel(src, p)
			if err != nil {
				rel = p
			}
			add(rel, info)
			return nil
		})
	}
	return files
}

// diff returns the files added, removed or changed from a to b.
func diff(a, b map[string]stamp) []string {
	var changed []string
	for name, st := range b {
		if old, ok := a[name]; !ok || old != st {
			changed = append(changed, name)
		}
	}
	for name := range a {
		if _, ok := b[name]; !ok {
			changed = append(changed, name)
		}
	}
	return changed
}
