package output

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Temporary files and folders are named after what they become, with the
// number of the process that made them, in forms the .gitignore that
// qrboard init writes ignores (".*.new-*", "*.tmp-*"):
//
//	.site.new-PID-RANDOM         the new files of a build into site/
//	.site.new-PID-RANDOM.old     the files its commit replaces, set aside
//	qrboard.lock.tmp-PID-RANDOM  a file committed with the folder (Attach)
//
// A build removes those of processes no longer running — a build killed
// half-way — as it starts, whatever their age: the process number tells a
// leftover from the folder of a build still running beside it.

// newPrefix is the start of the names of the new folders of final.
func newPrefix(final string) string { return "." + filepath.Base(final) + ".new-" }

// tempPrefix is the start of the names of the temporary files of path.
func tempPrefix(path string) string { return filepath.Base(path) + ".tmp-" }

// ownPattern is the pattern for os.MkdirTemp and os.CreateTemp after
// prefix: this process's number, then a random part.
func ownPattern(prefix string) string { return prefix + strconv.Itoa(os.Getpid()) + "-*" }

// removeLeftovers removes the entries of parent named prefix followed by
// the number of a process that is no longer running. Entries without a
// number, left by an older qrboard, go when they are a day old.
func removeLeftovers(parent, prefix string) {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok {
			continue
		}
		num, _, hasPID := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(num)
		switch {
		case hasPID && err == nil:
			if pid == os.Getpid() || running(pid) {
				continue
			}
		default:
			info, err := e.Info()
			if err != nil || time.Since(info.ModTime()) < 24*time.Hour {
				continue
			}
		}
		os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}

// Hook, when set, is called before each change qrboard makes to the file
// system while writing an output folder, with what it does ("write",
// "mkdir", "marker", "attach", "rename", "remove") and the path; an
// error it returns is that change's. It is for tests, which make each
// step fail in turn.
var Hook func(op, path string) error

func hook(op, path string) error {
	if Hook == nil {
		return nil
	}
	return Hook(op, path)
}
