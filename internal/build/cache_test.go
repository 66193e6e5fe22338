package build

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestCachePruned checks what a build leaves in the cache folder: its
// own files, marked as used even when the rebuild made no page (their
// age is what pruning goes by), and no file of a site not built for
// cacheMaxAge nor temporary file of an interrupted save.
func TestCachePruned(t *testing.T) {
	src := copyProject(t, repoRoot)
	cache := t.TempDir()
	out := filepath.Join(t.TempDir(), "site")
	opts := Options{Src: src, Out: out, Now: testNow, Cache: cache}
	mustBuild(t, opts)
	own, _ := filepath.Glob(filepath.Join(cache, "*"))
	if len(own) != 2 {
		t.Fatalf("cache folder holds %v, want a QR cache and a manifest", own)
	}

	lastMonth := time.Now().Add(-cacheMaxAge + 24*time.Hour)
	for _, f := range own {
		os.Chtimes(f, lastMonth, lastMonth)
	}
	stale := time.Now().Add(-cacheMaxAge - time.Hour)
	for _, name := range []string{"qr-0123456789abcdef.qrcache", "site-0123456789abcdef.manifest",
		"qr-0123456789abcdef.qrcache.tmp-42", "site-0123456789abcdef.manifest.tmp-7", "notes.txt"} {
		f := filepath.Join(cache, name)
		writeFile(t, f, []byte("x"))
		os.Chtimes(f, stale, stale)
	}
	if res := mustBuild(t, opts); res.Files.Kept == 0 || res.QREncoded != 0 {
		t.Fatalf("rebuild: %d files kept, %d codes encoded; want every page kept", res.Files.Kept, res.QREncoded)
	}
	for _, f := range own {
		if info, err := os.Stat(f); err != nil || time.Since(info.ModTime()) > time.Hour {
			t.Errorf("%s not marked as used by a rebuild: %v", filepath.Base(f), err)
		}
	}
	left, _ := filepath.Glob(filepath.Join(cache, "*"))
	if len(left) != 3 {
		t.Errorf("cache folder holds %v, want the build's two files and notes.txt", left)
	}
}
