package msg

import "syscall"

// systemErrors are the errors of Windows that Explain words like their
// Unix counterparts, which Go's syscall does not map them to.
var systemErrors = []sysError{
	{syscall.Errno(112), SysNoSpace},     // ERROR_DISK_FULL
	{syscall.Errno(39), SysNoSpace},      // ERROR_HANDLE_DISK_FULL
	{syscall.Errno(19), SysReadOnly},     // ERROR_WRITE_PROTECT
	{syscall.Errno(267), SysNotDir},      // ERROR_DIRECTORY
	{syscall.Errno(206), SysNameTooLong}, // ERROR_FILENAME_EXCED_RANGE
}
