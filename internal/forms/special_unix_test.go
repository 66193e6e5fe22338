//go:build unix

package forms

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"qrboard/internal/msg"
)

// specialFiles adds to the project in dir a named pipe and a link out
// of the project, each named like a form, and what Load must say of them.
func specialFiles(t *testing.T, dir string, wants map[string]msg.ID) {
	t.Helper()
	if err := syscall.Mkfifo(filepath.Join(dir, "forms", "ong.pdf"), 0o644); err != nil {
		t.Fatal(err)
	}
	wants["forms/ong.pdf"] = msg.FormNotFile // opening it would wait for ever
	if err := os.Symlink(filepath.Join(dir, "outside.pdf"), filepath.Join(dir, "forms", "ra-ngoai.pdf")); err != nil {
		t.Fatal(err)
	}
	wants["forms/ra-ngoai.pdf"] = msg.ReadFailed // a link out of the project
}
