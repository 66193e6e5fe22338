package msg

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
)

// TestExplain words system errors in Vietnamese and keeps their text.
func TestExplain(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "write", Path: "/x/site/a.html", Err: syscall.ENOSPC}, "ổ đĩa đã đầy: hãy giải phóng chỗ trống (xóa tệp không cần, dọn thùng rác) rồi chạy lại; không có gì bị thay đổi (hệ thống báo: write /x/site/a.html: no space left on device)"},
		{fmt.Errorf("opening: %w", &fs.PathError{Op: "mkdir", Path: "/x/f/site", Err: syscall.ENOTDIR}), "một phần của đường dẫn là tệp chứ không phải thư mục"},
		{&fs.PathError{Op: "open", Path: "/x", Err: fs.ErrPermission}, "không có quyền đọc hoặc ghi"},
		{&fs.PathError{Op: "open", Path: "p.yaml", Err: Errorf(NotRegularFile, KindPipe)}, "đây là một ống dẫn có tên (named pipe), không phải một tệp"},
		{errors.New("something else"), "something else"},
	} {
		if got := Explain(tt.err).In(Vi); !strings.HasPrefix(got, tt.want) {
			t.Errorf("Explain(%v) = %q, want it to start %q", tt.err, got, tt.want)
		}
		if got := Explain(tt.err).In(Vi); !strings.Contains(got, tt.err.Error()) && !strings.Contains(tt.err.Error(), "named pipe") {
			t.Errorf("Explain(%v) = %q lost the system's text", tt.err, got)
		}
	}
}
