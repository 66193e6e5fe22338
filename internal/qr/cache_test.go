package qr

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"qrboard/internal/qrscan"
)

var cacheURLs = []string{sampleURL, "https://phuctho.example/", "https://phuctho.example/van-ha/dang-ky-ket-hon/"}

// fill encodes cacheURLs through c and checks the results against fresh
// encodings: the same modules, version and mask.
func fill(t *testing.T, c *Cache) {
	t.Helper()
	for _, u := range cacheURLs {
		code, err := c.Encode(u, M)
		if err != nil {
			t.Fatal(err)
		}
		fresh, _ := Encode(u, M)
		if code.Version != fresh.Version || code.Mask != fresh.Mask || !bytes.Equal(code.packed(), fresh.packed()) || code.Content != u {
			t.Errorf("%s: cached code differs from a fresh one", u)
		}
	}
}

func TestCacheRoundTrip(t *testing.T) {
	dir := t.TempDir()
	c := OpenCache(dir, "site.cache")
	fill(t, c)
	if c.Misses() != len(cacheURLs) {
		t.Errorf("%d misses in an empty cache, want %d", c.Misses(), len(cacheURLs))
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = OpenCache(dir, "site.cache")
	fill(t, c)
	if c.Misses() != 0 {
		t.Errorf("%d misses in a warm cache", c.Misses())
	}
	// Another level is another entry.
	if _, err := c.Encode(sampleURL, Q); err != nil || c.Misses() != 1 {
		t.Errorf("level Q of a cached code: %d misses, %v", c.Misses(), err)
	}
}

// TestCacheDamaged damages a saved cache file at every byte in turn: the
// cache never gives a wrong code, only fewer hits.
func TestCacheDamaged(t *testing.T) {
	dir := t.TempDir()
	c := OpenCache(dir, "site.cache")
	fill(t, c)
	c.Save()
	file := filepath.Join(dir, "site.cache")
	good, _ := os.ReadFile(file)
	for i := 0; i < len(good); i += 31 {
		bad := bytes.Clone(good)
		bad[i] ^= 0x10
		os.WriteFile(file, bad, 0o644)
		fill(t, OpenCache(dir, "site.cache"))
		os.WriteFile(file, good[:i], 0o644) // cut short
		fill(t, OpenCache(dir, "site.cache"))
	}
	// A file of another format is not read at all.
	os.WriteFile(file, bytes.Replace(good, []byte(cacheFormat), []byte("qrboard-qr-cache 0"), 1), 0o644)
	if c := OpenCache(dir, "site.cache"); c.entries() != 0 {
		t.Errorf("read %d entries of another format", len(c.old))
	}
}

// TestCacheConcurrent saves from several caches at once, as concurrent
// builds do: the file is always whole.
func TestCacheConcurrent(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			c := OpenCache(dir, "site.cache")
			c.Encode(fmt.Sprintf("https://phuctho.example/%d/", i), M)
			if err := c.Save(); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	c := OpenCache(dir, "site.cache")
	if c.entries() == 0 {
		t.Error("no entry survived concurrent saves")
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "*.tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

var update = flag.Bool("update", false, "rewrite testdata/*.svg from what SVG writes now")

// TestSVGGolden pins the SVGs of two codes, in testdata: one as skip2
// masks it, one that Encode re-masks (see mask.go), so that a change in
// the mask chosen fails it too. When the writer or the choice changes on
// purpose, run go test ./internal/qr -run SVGGolden -update and review
// the diff; when the choice changes, change cacheFormat in cache.go too,
// so that no cache serves codes of the old one.
func TestSVGGolden(t *testing.T) {
	for content, name := range map[string]string{
		sampleURL: "sample.svg",
		"https://phuctho.example/lien-hiep/dang-ky-ket-hon/": "remasked.svg",
	} {
		c, _ := Encode(content, M)
		got := c.SVG()
		golden := filepath.Join("testdata", name)
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/qr -run SVGGolden -update)", err)
		}
		if text, err := qrscan.SVG(want, 4); err != nil || text != content {
			t.Errorf("%s decodes to %q (%v), want %q", golden, text, err, content)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("the SVG of %s differs from %s: if the change is meant, run go test ./internal/qr -run SVGGolden -update, review the diff, and change cacheFormat if the mask chosen changed", content, golden)
		}
	}
}

func BenchmarkCacheHit(b *testing.B) {
	c := OpenCache(b.TempDir(), "site.cache")
	c.Encode(sampleURL, M)
	c.Save()
	c = OpenCache(filepath.Dir(c.path), "site.cache")
	for b.Loop() {
		c.Encode(sampleURL, M)
	}
}

// entries returns the number of entries read from the file.
func (c *Cache) entries() int {
	c.once.Do(c.load)
	return len(c.old)
}

// TestCacheMemory uses one cache for two builds, as qrboard serve does:
// without a folder it keeps the codes in memory only, and the second
// round encodes nothing.
func TestCacheMemory(t *testing.T) {
	c := OpenCache("", "site.cache")
	fill(t, c)
	fill(t, c)
	if c.Misses() != len(cacheURLs) {
		t.Errorf("%d misses in two rounds, want %d", c.Misses(), len(cacheURLs))
	}
	if err := c.Save(); err != nil {
		t.Errorf("saving a cache in memory: %v", err)
	}
}

// TestCacheKeepsMask checks that a code read back from the cache has the
// mask Encode chose for it, also for an address whose first mask a
// ZXing-family reader cannot find (see mask.go).
func TestCacheKeepsMask(t *testing.T) {
	const remasked = "https://phuctho.example/lien-hiep/dang-ky-ket-hon/"
	fresh, err := Encode(remasked, M)
	if err != nil {
		t.Fatal(err)
	}
	asIs, _ := encodeAsIs(remasked, M)
	if bytes.Equal(asIs.packed(), fresh.packed()) {
		t.Fatalf("%s is no longer re-masked: pick another address for this test", remasked)
	}
	dir := t.TempDir()
	c := OpenCache(dir, "site.cache")
	c.Encode(remasked, M)
	c.Save()
	code, err := OpenCache(dir, "site.cache").Encode(remasked, M)
	if err != nil {
		t.Fatal(err)
	}
	if code.Mask != fresh.Mask || !bytes.Equal(code.packed(), fresh.packed()) {
		t.Errorf("cached code: mask %d, want %d, or other modules", code.Mask, fresh.Mask)
	}
}
