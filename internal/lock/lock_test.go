package lock

import (
	"strings"
	"testing"
	"testing/fstest"

	"qrboard/internal/msg"
	"qrboard/internal/site"
)

func read(t *testing.T, content string) *Lock {
	t.Helper()
	l, diags := Read(fstest.MapFS{File: {Data: []byte(content)}})
	if len(diags) > 0 {
		t.Fatalf("reading %q: %v", content, diags)
	}
	return l
}

// TestShortNumbers checks that short numbers are given in the order of
// the paths, kept, written back, and never given again, even when a
// line was deleted from the file.
func TestShortNumbers(t *testing.T) {
	l := read(t, "/\n/van-ha/\n")
	l.Assign([]string{"/van-ha/y/", "/van-ha/", "/van-ha/x/"})
	for path, want := range map[string]int{"/van-ha/": 1, "/van-ha/x/": 2, "/van-ha/y/": 3, "/": 0} {
		if got := l.Short(path); got != want {
			t.Errorf("Short(%q) = %d, want %d", path, got, want)
		}
	}
	data, changed := l.Update(&site.Site{})
	if !changed {
		t.Error("Update after new numbers reports no change")
	}
	text := string(data)
	if !strings.HasSuffix(text, "/1/ /van-ha/\n/2/ /van-ha/x/\n/3/ /van-ha/y/\nnext 4\n") {
		t.Errorf("the file ends:\n%s", text)
	}
	again := read(t, text)
	again.Assign([]string{"/van-ha/x/", "/van-ha/z/"})
	if again.Short("/van-ha/x/") != 2 || again.Short("/van-ha/z/") != 4 {
		t.Errorf("after reading back: x is %d, z is %d; want 2 and 4", again.Short("/van-ha/x/"), again.Short("/van-ha/z/"))
	}
	// A deleted line: its number is not given again.
	deleted := read(t, strings.Replace(text, "/3/ /van-ha/y/\n", "", 1))
	deleted.Assign([]string{"/van-ha/y/"})
	if got := deleted.Short("/van-ha/y/"); got != 4 {
		t.Errorf("a path whose line was deleted got %d, want 4 (next)", got)
	}
	if _, changed := read(t, text).Update(&site.Site{}); changed {
		t.Error("a lock read and written unchanged reports a change")
	}
}

// TestShortBadLines checks that malformed short lines are reported at
// their line.
func TestShortBadLines(t *testing.T) {
	for _, line := range []string{"/0/ /x/", "/12 /x/", "/12/ x/", "/012/ /x/", "next zero", "next 0"} {
		_, diags := Read(fstest.MapFS{File: {Data: []byte("/\n" + line + "\n")}})
		if len(diags) != 1 || diags[0].Text.ID() != msg.LockBadLine || diags[0].Pos.Line != 2 {
			t.Errorf("%q: %v", line, diags)
		}
	}
}
