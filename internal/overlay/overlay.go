// Package overlay lays one file system over another, file by file: a
// project's own templates/ replaces only the embedded templates it has a
// file for, so staff can change one page without copying the others.
package overlay

import (
	"errors"
	"io/fs"
)

// FS reads each file from Upper if it is there, else from Lower.
type FS struct {
	Upper, Lower fs.FS
}

// New returns upper laid over lower. A nil upper gives lower.
func New(upper, lower fs.FS) fs.FS {
	if upper == nil {
		return lower
	}
	return FS{Upper: upper, Lower: lower}
}

// Open implements fs.FS.
func (o FS) Open(name string) (fs.File, error) {
	f, err := o.Upper.Open(name)
	if err == nil {
		return f, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return o.Lower.Open(name)
}

// Which reports whether name comes from the upper layer.
func (o FS) Which(name string) (upper bool) {
	_, err := fs.Stat(o.Upper, name)
	return err == nil
}
