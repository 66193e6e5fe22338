package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestExitCodes runs commands on the sample and on a broken copy and
// checks the exit status the README promises: 0 success, 1 the project
// has errors (or the machine failed), 2 the command line is wrong.
func TestExitCodes(t *testing.T) {
	good, broken := t.TempDir(), t.TempDir()
	for _, dir := range []string{good, broken} {
		if err := writeSample(dir); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(broken, "procedures", "x.yaml"), []byte("code: \"2.000884\"\nshortname: x\n"), 0o644)
	os.WriteFile(filepath.Join(good, "procedures", "dang-ky-khai-sinh.yaml"), []byte("# kept\n"), 0o644)
	now := "-now=2026-11-27"
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"check", "-src", good, now}, exitFailure}, // dang-ky-khai-sinh.yaml holds only a comment
		{[]string{"check", "-src", broken, now}, exitFailure},
		{[]string{"check", "-lang", "en", "-src", broken, now}, exitFailure},
		{[]string{"build", "-src", broken, now}, exitFailure},
		{[]string{"check", "-src", broken, "-now", "27/11/2026"}, exitUsage},
		{[]string{"check", "-lang", "fr", "-src", broken}, exitUsage},
		{[]string{"check", "extra"}, exitUsage},
		{[]string{"new", "-src", broken, "dang-ky-khai-sinh"}, exitOK},
		{[]string{"new", "-src", broken, "dang-ky-khai-sinh"}, exitFailure},
		{[]string{"new", "-src", good, "dang-ky-khai-sinh"}, exitFailure},
		{[]string{"new", "-src", broken, "Khai sinh"}, exitUsage},
		{[]string{"new", "-src", broken}, exitUsage},
		{[]string{"schema", "procedure"}, exitOK},
		{[]string{"schema", "nothing"}, exitUsage},
		{[]string{"serve", "-src", broken, "-port", "-1"}, exitUsage},
		{[]string{"frobnicate"}, exitUsage},
	}
	for _, tt := range tests {
		if got := run(context.Background(), tt.args, io.Discard, io.Discard); got != tt.want {
			t.Errorf("qrboard %v: exit %d, want %d", tt.args, got, tt.want)
		}
	}
	os.Remove(filepath.Join(good, "procedures", "dang-ky-khai-sinh.yaml"))
	if got := run(context.Background(), []string{"check", "-src", good, now}, io.Discard, io.Discard); got != exitOK {
		t.Errorf("check on the sample: exit %d", got)
	}
}
