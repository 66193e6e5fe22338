//go:build unix

package output

import (
	"errors"
	"syscall"
)

// running reports whether a process numbered pid is running.
func running(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
