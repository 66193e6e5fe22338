package gzipsize

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gzipLen is the test's own measure: compress and count.
func gzipLen(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}

func page(i int) []byte {
	return []byte(fmt.Sprintf("<!doctype html><title>Trang %d</title><p>%s</p>", i, strings.Repeat("đăng ký kết hôn ", i%50+1)))
}

func TestOf(t *testing.T) {
	for i := range 20 {
		if got, want := Of(page(i)), gzipLen(page(i)); got != want {
			t.Errorf("page %d: %d bytes, gzip says %d", i, got, want)
		}
	}
}

// TestMemo checks that sizes come back from the file, right, and that a
// file damaged or written for another compressor is not believed.
func TestMemo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.gzsizes")
	m := Open(path)
	for i := range 100 {
		m.Size(page(i))
	}
	if err := m.Save(); err != nil {
		t.Fatal(err)
	}
	saved, err := os.ReadFile(path)
	if err != nil || len(saved) != len(header)+100*recordLen+4 {
		t.Fatalf("memo file: %d bytes, %v; want the header, 100 records and a checksum", len(saved), err)
	}

	// A memo whose file says every page weighs 7 bytes, with a right
	// checksum, shows that sizes come from the file when it is believed.
	forged := Open(path)
	forged.once.Do(forged.load)
	for f := range forged.old {
		forged.old[f] = 7
	}
	forged.new = true
	forged.used = forged.old
	forged.Save()

	if got := Open(path).Size(page(3)); got != 7 {
		t.Fatalf("size %d; want 7, from the file", got)
	}
	for name, damage := range map[string]func([]byte) []byte{
		"byte changed":  func(b []byte) []byte { b[len(header)+5] ^= 1; return b },
		"cut short":     func(b []byte) []byte { return b[:len(b)-3] },
		"other version": func(b []byte) []byte { return bytes.Replace(b, []byte("level 6"), []byte("level 9"), 1) },
	} {
		data, _ := os.ReadFile(path)
		os.WriteFile(path+name, damage(data), 0o644)
		if got, want := Open(path+name).Size(page(3)), gzipLen(page(3)); got != want {
			t.Errorf("%s: size %d, want %d: a damaged memo was believed", name, got, want)
		}
	}
	// A page the memo does not know is weighed.
	if got, want := Open(path).Size(page(200)), gzipLen(page(200)); got != want {
		t.Errorf("new page: %d, want %d", got, want)
	}
}

// TestMemoBounded checks that a save keeps what was used, and older
// sizes only up to MaxEntries.
func TestMemoBounded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.gzsizes")
	m := Open(path)
	m.once.Do(m.load)
	for i := range MaxEntries + 10 {
		m.old[fingerprint{n: uint32(i)}] = 1
	}
	m.Size(page(1))
	m.Save()
	data, _ := os.ReadFile(path)
	if n := (len(data) - len(header) - 4) / recordLen; n != MaxEntries {
		t.Errorf("saved %d sizes, want %d", n, MaxEntries)
	}
	if got, want := Open(path).Size(page(1)), gzipLen(page(1)); got != want {
		t.Errorf("the size used was not kept: %d, want %d", got, want)
	}
}

func BenchmarkOf(b *testing.B) {
	data := page(49)
	for b.Loop() {
		Of(data)
	}
}

func BenchmarkMemoHit(b *testing.B) {
	data := page(49)
	m := Open("")
	m.Size(data)
	for b.Loop() {
		m.Size(data)
	}
}
