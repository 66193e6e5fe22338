// Package plainfs reads a folder of the project as fs.FS, opening only
// regular files (and folders): a named pipe would block the build
// forever, a device could be endless. Such an entry, found where a file
// is read, is reported by name in plain words and never opened. Links to
// regular files are followed, as os.DirFS does.
package plainfs

import (
	"io/fs"
	"os"

	"qrboard/internal/msg"
)

// Dir returns the folder dir as an fs.FS that opens only regular files
// and folders.
func Dir(dir string) fs.FS { return New(os.DirFS(dir)) }

// New returns fsys opening only regular files and folders. fsys should
// implement fs.StatFS (os.DirFS does), so that the check opens nothing.
func New(fsys fs.FS) fs.FS { return plain{fsys} }

type plain struct{ fsys fs.FS }

func (p plain) Open(name string) (fs.File, error) {
	if err := Check(p.fsys, name); err != nil {
		return nil, err
	}
	return p.fsys.Open(name)
}

func (p plain) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(p.fsys, name) }

func (p plain) Stat(name string) (fs.FileInfo, error) { return fs.Stat(p.fsys, name) }

// Check returns an error, carrying a msg.Text, when name in fsys is
// neither a regular file nor a folder.
func Check(fsys fs.FS, name string) error {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil // Open says what is wrong
	}
	if kind := Kind(info.Mode()); kind != 0 {
		return &fs.PathError{Op: "open", Path: name, Err: msg.Errorf(msg.NotRegularFile, kind)}
	}
	return nil
}

// Kind returns the words for what a file of mode is, when it is not a
// regular file or a folder, and 0 when it is one.
func Kind(mode fs.FileMode) msg.ID {
	switch {
	case mode.IsRegular() || mode.IsDir():
		return 0
	case mode&fs.ModeNamedPipe != 0:
		return msg.KindPipe
	case mode&fs.ModeSocket != 0:
		return msg.KindSocket
	case mode&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return msg.KindDevice
	}
	return msg.KindSpecial
}

// Entry is an entry of a folder that is neither a regular file nor a
// folder.
type Entry struct {
	Path string // slash-separated, inside the folder walked
	Kind msg.ID // what it is, in words (see Kind)
}

// Irregular lists the entries under root in fsys that are neither
// regular files nor folders, following links, opening none of them.
func Irregular(fsys fs.FS, root string) []Entry {
	var found []Entry
	fs.WalkDir(fsys, root, func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return nil
		}
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			info, err := fs.Stat(fsys, name)
			if err != nil {
				return nil
			}
			mode = info.Mode()
		}
		if kind := Kind(mode); kind != 0 {
			found = append(found, Entry{Path: name, Kind: kind})
		}
		return nil
	})
	return found
}
