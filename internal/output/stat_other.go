//go:build !linux && !darwin

package output

import "os"

// sysState returns nothing where os.FileInfo carries no inode or change
// time in a portable form (Windows): size and modification time alone
// identify a file's version there.
func sysState(os.FileInfo) (ino uint64, ctime int64) { return 0, 0 }

// lstat returns the state of the file at path, and whether it is a
// regular file or a folder.
func lstat(path string) (st fileState, regular, dir bool, err error) {
	info, err := os.Lstat(path)
	if err != nil {
		return fileState{}, false, false, err
	}
	return stateOf(info), info.Mode().IsRegular(), info.IsDir(), nil
}
