// Package projecttest helps tests that work on real projects: copying the
// sample to a temporary folder, changing its files, and recording an
// output folder to compare it later, byte for byte and mtime for mtime.
// Only tests import it.
package projecttest

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// Copy copies the project files of dir — qrboard.yaml, qrboard.lock,
// procedures/ and forms/ — into a new temporary folder and returns it, so a test
// never changes the repository's own files.
func Copy(t testing.TB, dir string) string {
	t.Helper()
	dst := t.TempDir()
	if err := CopyTo(dst, dir); err != nil {
		t.Fatal(err)
	}
	return dst
}

// CopyTo copies the project files of dir into dst, for code that has no
// testing.TB (TestMain). A project without qrboard.lock or forms/ is
// copied without.
func CopyTo(dst, dir string) error {
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, name := range []string{"qrboard.yaml", "qrboard.lock", "procedures", "forms"} {
		src := filepath.Join(dir, name)
		if _, err := os.Stat(src); os.IsNotExist(err) && (name == "qrboard.lock" || name == "forms") {
			continue
		}
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// WriteFile writes data to name, creating its folder.
func WriteFile(t testing.TB, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Snapshot records every file and folder under dir: a file by its content
// hash and modification time. A missing dir gives an empty snapshot.
func Snapshot(t testing.TB, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if os.IsNotExist(err) && p == dir {
			return fs.SkipAll
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			files[rel] = "dir"
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files[rel] = fmt.Sprintf("%x %d", sha256.Sum256(data), info.ModTime().UnixNano())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// Diff returns the names whose snapshot entries differ between a and b.
func Diff(a, b map[string]string) []string {
	var diff []string
	for k, v := range a {
		if b[k] != v {
			diff = append(diff, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			diff = append(diff, k)
		}
	}
	return diff
}

// StubTarget returns where the redirect in data leads when data is the
// one a page served at its short address leaves at its own address
// ("../../12/index.html", relative to that address), or "".
func StubTarget(data []byte) string {
	if m := stubRefresh.FindSubmatch(data); m != nil {
		return string(m[1])
	}
	return ""
}

var stubRefresh = regexp.MustCompile(`<meta http-equiv="refresh" content="0; url=((?:\.\./)+[0-9]+/index\.html)">`)
