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
