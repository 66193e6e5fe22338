package output

import (
	"os"
	"syscall"
)

// sysState returns the file's inode and change time (see stat_linux.go).
func sysState(info os.FileInfo) (ino uint64, ctime int64) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino), st.Ctimespec.Nano()
	}
	return 0, 0
}

// lstat returns the state of the file at path, and whether it is a
// regular file or a folder (see stat_linux.go).
func lstat(path string) (st fileState, regular, dir bool, err error) {
	var s syscall.Stat_t
	for {
		err = syscall.Lstat(path, &s)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return fileState{}, false, false, err
	}
	st = fileState{size: s.Size, mtime: s.Mtimespec.Nano(), ctime: s.Ctimespec.Nano(), ino: uint64(s.Ino)}
	kind := s.Mode & syscall.S_IFMT
	return st, kind == syscall.S_IFREG, kind == syscall.S_IFDIR, nil
}
