package ogimage

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestCache checks that a cached picture is the one Draw makes, that a
// second build reads it instead of drawing, and that anything that
// changes the picture — the card, the program — names another file.
func TestCache(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "og")
	code := encode(t)
	want := Draw(card, code)

	first := OpenCache(dir, "program 1")
	if got := first.Draw(card, code); !bytes.Equal(got, want) {
		t.Fatal("first Draw through the cache differs from Draw")
	}
	if first.Made() != 1 {
		t.Fatalf("drew %d pictures into an empty cache, want 1", first.Made())
	}
	second := OpenCache(dir, "program 1")
	if got := second.Draw(card, code); !bytes.Equal(got, want) {
		t.Fatal("picture read from the cache differs from Draw")
	}
	if second.Made() != 0 {
		t.Errorf("drew %d pictures the cache holds", second.Made())
	}

	other := card
	other.Subtitle = "Xã Võng Xuyên"
	if got := second.Draw(other, code); !bytes.Equal(got, Draw(other, code)) || second.Made() != 1 {
		t.Errorf("another card: made %d, same as Draw: %v", second.Made(), bytes.Equal(got, Draw(other, code)))
	}
	newer := OpenCache(dir, "program 2")
	newer.Draw(card, code)
	if newer.Made() != 1 {
		t.Error("another program used the pictures of the first")
	}
}

// TestCacheDamaged checks that a picture cut short or with a changed
// byte is drawn again and replaced, never put on a site.
func TestCacheDamaged(t *testing.T) {
	code := encode(t)
	want := Draw(card, code)
	for name, damage := range map[string]func([]byte) []byte{
		"cut short":    func(b []byte) []byte { return b[:len(b)/2] },
		"byte changed": func(b []byte) []byte { b[len(b)/2] ^= 0x10; return b },
		"empty":        func([]byte) []byte { return nil },
		"text after":   func(b []byte) []byte { return append(b, "x"...) },
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			OpenCache(dir, "p").Draw(card, code)
			files, _ := filepath.Glob(filepath.Join(dir, "*.png"))
			if len(files) != 1 {
				t.Fatalf("cache holds %v, want one picture", files)
			}
			data, _ := os.ReadFile(files[0])
			os.WriteFile(files[0], damage(data), 0o644)

			c := OpenCache(dir, "p")
			if got := c.Draw(card, code); !bytes.Equal(got, want) || c.Made() != 1 {
				t.Fatalf("damaged picture: drawn again %v, same as Draw %v", c.Made() == 1, bytes.Equal(got, want))
			}
			if data, _ := os.ReadFile(files[0]); !bytes.Equal(data, want) {
				t.Error("the damaged file was not replaced")
			}
		})
	}
}

// TestCacheTidy checks that a build that drew pictures removes
// temporary files left by a stopped build and, only if it asked for every
// picture of its site and the folder holds too many, the pictures it did
// not ask for.
func TestCacheTidy(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Hour)
	for i := range MaxUnused + 3 {
		f := filepath.Join(dir, fmt.Sprintf("%032x.png", i)) // a picture of an earlier build
		os.WriteFile(f, []byte("x"), 0o644)
	}
	tmp := filepath.Join(dir, "0123.png.tmp-99")
	os.WriteFile(tmp, []byte("x"), 0o644)
	os.Chtimes(tmp, old, old)

	c := OpenCache(dir, "p")
	want := c.Draw(card, encode(t))
	c.Tidy(false) // a rebuild that kept pages: their pictures stay
	if left, _ := os.ReadDir(dir); len(left) != MaxUnused+3+1 {
		t.Fatalf("after a partial build, the folder holds %d files, want %d: the pictures and the one drawn, not the old temporary file",
			len(left), MaxUnused+3+1)
	}
	c.Tidy(true)
	left, _ := os.ReadDir(dir)
	if len(left) != 1 {
		t.Fatalf("after tidying, the folder holds %d files, want the one picture used", len(left))
	}
	if data, _ := os.ReadFile(filepath.Join(dir, left[0].Name())); !bytes.Equal(data, want) {
		t.Error("tidying removed or changed the picture used")
	}
}

// TestNilCache checks that a cache without a folder draws every time.
func TestNilCache(t *testing.T) {
	code := encode(t)
	for _, c := range []*Cache{nil, OpenCache("", "p")} {
		if got := c.Draw(card, code); !bytes.Equal(got, Draw(card, code)) {
			t.Error("a cache without a folder returned another picture")
		}
		c.Tidy(true)
	}
}
