package qr

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzCacheFile reads arbitrary bytes after a valid header as a cache
// file: opening and using it never panics, and every code it gives is the
// one Encode makes.
func FuzzCacheFile(f *testing.F) {
	dir := f.TempDir()
	c := OpenCache(dir, "site.cache")
	for _, u := range cacheURLs {
		c.Encode(u, M)
	}
	c.Save()
	good, err := os.ReadFile(filepath.Join(dir, "site.cache"))
	if err != nil {
		f.Fatal(err)
	}
	body := good[len(header()):]
	f.Add(body)
	f.Add(body[:len(body)/2])
	f.Add([]byte{})
	// The first record's content length with its top bit set: negative
	// as a 32-bit int, which once cut a slice out of range on 386.
	f.Add(append(append(bytes.Clone(body[:7]), 0x80), body[8:]...))
	fresh := map[string]*Code{}
	for _, u := range cacheURLs {
		fresh[u], _ = Encode(u, M)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "site.cache"), append([]byte(header()), body...), 0o644)
		c := OpenCache(dir, "site.cache")
		for _, u := range cacheURLs {
			code, err := c.Encode(u, M)
			if err != nil {
				t.Fatal(err)
			}
			want := fresh[u]
			if code.Content != u || code.Version != want.Version || code.Mask != want.Mask || !bytes.Equal(code.packed(), want.packed()) {
				t.Errorf("%s: cached code differs from a fresh one", u)
			}
		}
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
	})
}
