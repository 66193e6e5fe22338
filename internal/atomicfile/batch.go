package atomicfile

import (
	"os"
	"path/filepath"
	"slices"
)

// WriteAll writes several files, each whole, and all or none as far as
// the file system allows: every file is first written beside its place
// (NAME.tmp-RANDOM), and only when all are written are they renamed into
// place. A failure before the renames leaves every file as it was; only
// a rename failing half-way through — which takes a file system in
// trouble — leaves some files new and the others old, each whole.
func WriteAll(files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	for _, name := range names {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			cleanup()
			return err
		}
		tmp, err := os.CreateTemp(filepath.Dir(name), filepath.Base(name)+TempSuffix)
		if err != nil {
			cleanup()
			return err
		}
		temps = append(temps, tmp.Name())
		_, err = tmp.Write(files[name])
		if err2 := tmp.Close(); err == nil {
			err = err2
		}
		if err != nil {
			cleanup()
			return err
		}
	}
	for i, name := range names {
		if err := os.Rename(temps[i], name); err != nil {
			cleanup()
			return err
		}
	}
	return nil
}
