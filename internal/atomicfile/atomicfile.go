// Package atomicfile writes a file whole or not at all: the data goes into
// a temporary file beside it (NAME.tmp-RANDOM), which is then renamed over
// it. A reader — another build, a program killed half-way — sees the old
// file or the new one, never half of one. The caches and manifests of
// qrboard are written this way; a temporary file left by a killed writer
// is removed by whoever prunes that folder (see TempSuffix).
package atomicfile

import (
	"os"
	"path/filepath"
)

// TempSuffix starts the part of a temporary file's name after the name of
// the file it becomes.
const TempSuffix = ".tmp-"

// Write writes data to path, making its folder if needed.
func Write(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+TempSuffix)
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err2 := tmp.Close(); err == nil {
		err = err2
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
