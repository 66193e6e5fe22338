package qr

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
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

// TestPNGGolden pins the bytes of the PNGs of two codes: one as skip2
// masks it, one that Encode re-masks (see mask.go), so that a change in
// the mask chosen fails it too. When the writer or the choice changes on
// purpose, update the hashes and change cacheFormat in cache.go, so that
// no cache serves codes or images of the old ones.
func TestPNGGolden(t *testing.T) {
	for content, want := range map[string]string{
		sampleURL: "f23b663660b767f0973d39af4dad6a40dcb78b2b79944bc751facce338e5b050",
		"https://phuctho.example/lien-hiep/dang-ky-ket-hon/": "a1c5db1a88a936cfe0d34bab52f930c6af59851f18b01d1518f3fd3a1cb9314d",
	} {
		c, _ := Encode(content, M)
		if got := fmt.Sprintf("%x", sha256.Sum256(c.PNG(8))); got != want {
			t.Errorf("PNG of %s has SHA-256 %s, want %s: if the change is meant, update this hash and cacheFormat", content, got, want)
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
