//go:build !windows

package msg

// systemErrors are the errors of the system that Explain words besides
// the common ones: none here (see explain_windows.go).
var systemErrors []sysError
