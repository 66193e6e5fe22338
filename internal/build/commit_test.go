package build

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"path/filepath"
	"testing"

	"qrboard/internal/lock"
	"qrboard/internal/output"
)

// TestFailureAtEachWriteStep rebuilds the sample after a new procedure
// was added — new pages, changed boards, new addresses in qrboard.lock —
// making each change to the disk fail in turn, a write as on a full disk
// or a rename in the middle of the commit: every failed build leaves the
// old site with the old lock, the one that gets through leaves the new
// site with the new lock, and none leaves a temporary file.
func TestFailureAtEachWriteStep(t *testing.T) {
	src, out, _ := buildSample(t)
	addProcedure := func(src string) {
		data := readFile(t, filepath.Join(src, "procedures", "dang-ky-khai-tu.yaml"))
		data = bytes.Replace(data, []byte(`code: "1.000656"`), []byte(`code: "1.000657"`), 1)
		writeFile(t, filepath.Join(src, "procedures", "khai-tu-lan-hai.yaml"), data)
	}
	oldSite, oldLock := contents(t, out), readFile(t, filepath.Join(src, lock.File))

	// What a build that does not fail makes.
	ref := copyProject(t, src)
	addProcedure(ref)
	refOut := filepath.Join(t.TempDir(), "site")
	mustBuild(t, Options{Src: ref, Out: refOut, Now: testNow})
	newSite, newLock := contents(t, refOut), readFile(t, filepath.Join(ref, lock.File))
	if bytes.Equal(oldLock, newLock) {
		t.Fatal("the new procedure adds no address to the lock")
	}

	addProcedure(src)
	defer func() { output.Hook = nil }()
	for n := 1; ; n++ {
		calls, failed := 0, false
		output.Hook = func(op, path string) error {
			if calls++; calls == n {
				failed = true
				return errors.New("no space left on device (injected)")
			}
			return nil
		}
		res, _, err := Run(context.Background(), Options{Src: src, Out: out, Now: testNow})
		output.Hook = nil
		site, lk := contents(t, out), readFile(t, filepath.Join(src, lock.File))
		for _, dir := range []string{src, filepath.Dir(out)} {
			for _, pattern := range []string{".site.new-*", "*.tmp-*"} {
				if left, _ := filepath.Glob(filepath.Join(dir, pattern)); len(left) > 0 {
					t.Errorf("step %d: left %v", n, left)
				}
			}
		}
		if failed {
			if err == nil || res != nil {
				t.Fatalf("step %d: the failure was not reported", n)
			}
			if !maps.EqualFunc(site, oldSite, bytes.Equal) || !bytes.Equal(lk, oldLock) {
				t.Fatalf("step %d failed: the site or the lock changed", n)
			}
			continue
		}
		if err != nil || res == nil {
			t.Fatalf("the build without failures failed: %v", err)
		}
		if !maps.EqualFunc(site, newSite, bytes.Equal) || !bytes.Equal(lk, newLock) {
			t.Error("the build left another site or lock than a clean build")
		}
		if n < 20 {
			t.Errorf("only %d steps: the hook missed some", n)
		}
		t.Logf("%d steps, each failed in turn", n-1)
		break
	}
}
