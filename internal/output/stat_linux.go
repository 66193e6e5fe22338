package output

import (
	"os"
	"syscall"
)

// sysState returns the file's inode and change time. The change time is
// set by the system on every change, content or metadata, and cannot be
// set back by hand, so a file edited and given its old modification time
// still looks changed.
func sysState(info os.FileInfo) (ino uint64, ctime int64) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino), st.Ctim.Nano()
	}
	return 0, 0
}

// lstat returns the state of the file at path, and whether it is a
// regular file or a folder, without the allocations of os.Lstat: a
// rebuild checks every file of the site this way.
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
	st = fileState{size: s.Size, mtime: s.Mtim.Nano(), ctime: s.Ctim.Nano(), ino: uint64(s.Ino)}
	kind := s.Mode & syscall.S_IFMT
	return st, kind == syscall.S_IFREG, kind == syscall.S_IFDIR, nil
}

// create writes data into a new file at path and returns its state (when
// withState), with four system calls and no os.File: a build writes five
// files per page, and os.File's set-up for the poller (two more calls
// and a finalizer per file) was a tenth of a large build's time.
func create(path string, data []byte, withState bool) (fileState, error) {
	fd, err := retry(func() (int, error) {
		return syscall.Open(path, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
	})
	if err != nil {
		return fileState{}, &os.PathError{Op: "open", Path: path, Err: err}
	}
	for rest := data; len(rest) > 0 && err == nil; {
		var n int
		n, err = retry(func() (int, error) { return syscall.Write(fd, rest) })
		if err == nil && n == 0 {
			err = syscall.EIO
		}
		rest = rest[max(n, 0):]
	}
	var st fileState
	if err == nil && withState {
		var s syscall.Stat_t
		if _, err = retry(func() (int, error) { return 0, syscall.Fstat(fd, &s) }); err == nil {
			st = fileState{size: s.Size, mtime: s.Mtim.Nano(), ctime: s.Ctim.Nano(), ino: uint64(s.Ino)}
		}
	}
	if err2 := syscall.Close(fd); err == nil {
		err = err2
	}
	if err != nil {
		return fileState{}, &os.PathError{Op: "write", Path: path, Err: err}
	}
	return st, nil
}

// retry calls f again while it is interrupted by a signal.
func retry(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != syscall.EINTR {
			return n, err
		}
	}
}
