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
