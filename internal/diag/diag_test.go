package diag

import (
	"path/filepath"
	"strings"
	"testing"

	"qrboard/internal/msg"
)

// TestFormatPaths checks that positions are printed in the system's
// separators, joined to the project folder as the user typed it: on
// Windows "proj\procedures\x.yaml:3:1", elsewhere "proj/procedures/x.yaml:3:1".
func TestFormatPaths(t *testing.T) {
	abs, _ := filepath.Abs("elsewhere")
	tests := []struct {
		root, file, want string
	}{
		{"", "procedures/x.yaml", filepath.Join("procedures", "x.yaml") + ":3:1"},
		{".", "procedures/x.yaml", filepath.Join("procedures", "x.yaml") + ":3:1"},
		{"proj", "procedures/x.yaml", filepath.Join("proj", "procedures", "x.yaml") + ":3:1"},
		{"proj/sub/", "qrboard.yaml", filepath.Join("proj", "sub", "qrboard.yaml") + ":3:1"},
		{"../proj", "procedures/x.yaml", filepath.Join("..", "proj", "procedures", "x.yaml") + ":3:1"},
		{abs, "procedures/x.yaml", filepath.Join(abs, "procedures", "x.yaml") + ":3:1"},
		{"proj", filepath.ToSlash(abs), abs + ":3:1"}, // a file outside the project stays as it is
	}
	for _, tt := range tests {
		d := Diagnostic{Pos: Pos{File: tt.file, Line: 3, Col: 1}, Text: msg.New(msg.FileEmpty)}
		got := d.Format(msg.En, tt.root)
		want := "qrboard: " + tt.want + ": error: file is empty"
		if got != want {
			t.Errorf("root %q, file %q:\n got %s\nwant %s", tt.root, tt.file, got, want)
		}
		if filepath.Separator == '\\' && strings.Contains(strings.TrimSuffix(got, ": error: file is empty"), "/") {
			t.Errorf("a slash in a Windows path: %s", got)
		}
	}
}
