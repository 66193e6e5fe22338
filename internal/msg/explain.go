package msg

import (
	"errors"
	"io/fs"
	"syscall"
)

// Explain words a failure of the machine — a full disk, a path through a
// file, a missing permission — in a sentence that says what to do,
// keeping the system's own text (for support) at its end. An error that
// carries a Text gives that Text.
func Explain(err error) Text {
	var e *Error
	if errors.As(err, &e) {
		return e.Text
	}
	for _, c := range append([]sysError{
		{syscall.ENOSPC, SysNoSpace},
		{syscall.EDQUOT, SysNoSpace},
		{syscall.EROFS, SysReadOnly},
		{syscall.ENOTDIR, SysNotDir},
		{syscall.EISDIR, SysIsDir},
		{syscall.ENAMETOOLONG, SysNameTooLong},
		{fs.ErrPermission, SysPermission},
		{fs.ErrNotExist, SysNotExist},
	}, systemErrors...) {
		if errors.Is(err, c.target) {
			return New(c.id, err.Error())
		}
	}
	return New(SysOther, err.Error())
}

// sysError is an error of the system and the words for it.
type sysError struct {
	target error
	id     ID
}
