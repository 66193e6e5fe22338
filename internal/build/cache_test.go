package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qrboard/internal/ogimage"
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
	if len(own) != 4 {
		t.Fatalf("cache folder holds %v, want a QR cache, a folder of pictures, a memo of weights and a manifest", own)
	}

	lastMonth := time.Now().Add(-cacheMaxAge + 24*time.Hour)
	for _, f := range own {
		os.Chtimes(f, lastMonth, lastMonth)
	}
	stale := time.Now().Add(-cacheMaxAge - time.Hour)
	for _, name := range []string{"qr-0123456789abcdef.qrcache", "site-0123456789abcdef.manifest",
		"qr-0123456789abcdef.qrcache.tmp-42", "site-0123456789abcdef.manifest.tmp-7", "notes.txt",
		"gz-0123456789abcdef.gzsizes", "og-0123456789abcdef.ogcache/0123.png"} {
		f := filepath.Join(cache, name)
		writeFile(t, f, []byte("x"))
		os.Chtimes(f, stale, stale)
		os.Chtimes(filepath.Dir(f), stale, stale)
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
	if len(left) != 5 {
		t.Errorf("cache folder holds %v, want the build's four and notes.txt", left)
	}
}

// TestWarmCacheSameSite checks that what the cache folder keeps — codes,
// sharing pictures, page weights — changes nothing in what a build
// makes: a build into a new folder with a warm cache encodes no code and
// draws no picture, and writes the same bytes and warnings as a build
// without a cache.
func TestWarmCacheSameSite(t *testing.T) {
	src := copyProject(t, repoRoot)
	cache, tmp := t.TempDir(), t.TempDir()
	build := func(name, cache string) (*Result, string) {
		t.Helper()
		out := filepath.Join(tmp, name)
		res, diags, err := Run(context.Background(), Options{Src: src, Out: out, Now: testNow, Cache: cache})
		if err != nil || res == nil {
			t.Fatalf("%s: %v %v", name, err, diags.Err())
		}
		return res, fmt.Sprint(diags)
	}
	none, noneDiags := build("no-cache", "")
	cold, coldDiags := build("cold", cache)
	if pictures := pageFileCount(cold.Site) - cold.Pages; cold.ImagesDrawn != pictures || cold.QREncoded != cold.QRCodes {
		t.Errorf("cold: drew %d pictures and encoded %d codes, want %d and %d", cold.ImagesDrawn, cold.QREncoded, pictures, cold.Pages)
	}
	warm, warmDiags := build("warm", cache)
	if warm.ImagesDrawn != 0 || warm.QREncoded != 0 {
		t.Errorf("warm: drew %d pictures and encoded %d codes, want none", warm.ImagesDrawn, warm.QREncoded)
	}
	for _, b := range []struct {
		name  string
		res   *Result
		diags string
	}{{"cold", cold, coldDiags}, {"warm", warm, warmDiags}} {
		sameFolders(t, b.name, filepath.Join(tmp, b.name), filepath.Join(tmp, "no-cache"))
		if b.diags != noneDiags || b.res.Heaviest != none.Heaviest {
			t.Errorf("%s: warnings %q, heaviest %+v; without a cache %q, %+v", b.name, b.diags, b.res.Heaviest, noneDiags, none.Heaviest)
		}
	}
}

// TestRebuildKeepsPictures checks that a rebuild which kept pages — their
// pictures not asked for — leaves those pictures in the cache: after a
// rename and a rebuild, a build into a new folder draws nothing.
func TestRebuildKeepsPictures(t *testing.T) {
	defer func(n int) { ogimage.MaxUnused = n }(ogimage.MaxUnused)
	ogimage.MaxUnused = 0 // the sample has fewer pictures than a cache may keep unused
	src := copyProject(t, repoRoot)
	cache, tmp := t.TempDir(), t.TempDir()
	opts := Options{Src: src, Out: filepath.Join(tmp, "site"), Now: testNow, Cache: cache}
	mustBuild(t, opts)
	file := filepath.Join(src, "procedures", "dang-ky-khai-tu.yaml")
	data := string(readFile(t, file))
	writeFile(t, file, []byte(strings.Replace(data, "short_name: Đăng ký khai tử", "short_name: Khai tử", 1)))
	res := mustBuild(t, opts)
	if res.Files.Kept == 0 || res.ImagesDrawn == 0 {
		t.Fatalf("rebuild after a rename: %d files kept, %d pictures drawn; want some of each", res.Files.Kept, res.ImagesDrawn)
	}
	opts.Out = filepath.Join(tmp, "new")
	if res := mustBuild(t, opts); res.ImagesDrawn != 0 {
		t.Errorf("a build into a new folder drew %d pictures; the rebuild before it lost them from the cache", res.ImagesDrawn)
	}
	// That build asked for every picture: it removes the ones of the old
	// name, which nobody will ask for again.
	pictures, _ := filepath.Glob(filepath.Join(cache, "og-*", "*.png"))
	if want := pageFileCount(res.Site) - len(res.Site.Pages); len(pictures) != want {
		t.Errorf("the cache holds %d pictures after a complete build with %d", len(pictures), want)
	}
}
