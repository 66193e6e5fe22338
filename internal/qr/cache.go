package qr

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"
)

// Cache keeps encoded codes and their PNG images between builds, so that
// an address that did not change is never encoded again: encoding is
// about 1 ms a code, reading it back a microsecond.
//
// A cache is one file, read whole when opened and replaced whole — through
// a temporary file and a rename — when saved, so concurrent builds never
// see a half-written file (the last to save wins, and losing entries only
// costs time). Every record carries the SHA-256 of its content and is
// checked on reading: a damaged record, or a file written by another
// version of the encoder, is dropped and the code encoded again, so a bad
// cache can cost time but never give a wrong code.
type Cache struct {
	path string
	old  map[cacheKey]*cacheEntry // read from the file; not changed after OpenCache
	mu   sync.Mutex
	used map[cacheKey]*cacheEntry // entries this build asked for
	miss int
}

type cacheKey struct {
	content string
	level   Level
	scale   int
}

type cacheEntry struct {
	code *Code
	png  []byte
}

// MaxCacheEntries bounds a cache file: a save keeps every code of the
// build and then older ones up to this number (about 1 KB each).
const MaxCacheEntries = 20000

// cacheFormat names the record layout and the output of Encode and PNG.
// Change it whenever either changes (TestPNGGolden fails then): entries of
// another format are never used.
const cacheFormat = "qrboard-qr-cache 1"

// header is the first line of a cache file: the format and the version of
// the QR encoder, so that a new encoder starts from an empty cache.
func header() string {
	enc := "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == "github.com/skip2/go-qrcode" {
				enc = m.Version
			}
		}
	}
	return cacheFormat + " go-qrcode@" + enc + "\n"
}

// OpenCache opens the cache file name in dir, creating nothing yet. A
// missing, unreadable or damaged file gives an empty cache (or as much of
// it as is intact).
func OpenCache(dir, name string) *Cache {
	c := &Cache{path: filepath.Join(dir, name), old: map[cacheKey]*cacheEntry{}, used: map[cacheKey]*cacheEntry{}}
	data, err := os.ReadFile(c.path)
	if err != nil || !bytes.HasPrefix(data, []byte(header())) {
		return c
	}
	data = data[len(header()):]
	for len(data) > 0 {
		k, e, rest, ok := readRecord(data)
		if !ok {
			break // damaged from here on: the rest is lost
		}
		c.old[k] = e
		data = rest
	}
	return c
}

// Encode returns the code of content at level l and its PNG at scale,
// from the cache when it holds them. A nil cache encodes every time.
func (c *Cache) Encode(content string, l Level, scale int) (*Code, []byte, error) {
	if c == nil {
		code, err := Encode(content, l)
		if err != nil {
			return nil, nil, err
		}
		return code, code.PNG(scale), nil
	}
	k := cacheKey{content, l, scale}
	e := c.old[k]
	if e == nil {
		code, err := Encode(content, l)
		if err != nil {
			return nil, nil, err
		}
		e = &cacheEntry{code: code, png: code.PNG(scale)}
	}
	c.mu.Lock()
	c.used[k] = e
	if c.old[k] == nil {
		c.miss++
	}
	c.mu.Unlock()
	return e.code, e.png, nil
}

// Misses returns how many codes were encoded because the cache lacked them.
func (c *Cache) Misses() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.miss
}

// Save writes the cache back when it changed: every entry used since
// OpenCache, then older ones up to MaxCacheEntries.
func (c *Cache) Save() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.miss == 0 && len(c.used) == len(c.old) {
		return nil // the file already holds exactly these entries
	}
	var b bytes.Buffer
	b.WriteString(header())
	n := 0
	for k, e := range c.used {
		appendRecord(&b, k, e)
		n++
	}
	for k, e := range c.old {
		if n >= MaxCacheEntries {
			break
		}
		if c.used[k] == nil {
			appendRecord(&b, k, e)
			n++
		}
	}
	if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.path), filepath.Base(c.path)+".tmp-")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b.Bytes())
	if err2 := tmp.Close(); err == nil {
		err = err2
	}
	if err == nil {
		err = os.Rename(tmp.Name(), c.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// PruneCaches removes files in dir ending in suffix that were not written
// for maxAge: the caches of sites no longer built here.
func PruneCaches(dir, suffix string, maxAge time.Duration) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && filepath.Ext(e.Name()) == suffix && time.Since(info.ModTime()) > maxAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// A record is its length (4 bytes), its body and the SHA-256 of the body.
// The body: level, scale, version (1 byte each), the content, the modules
// packed 8 to a byte row after row, and the PNG, each of the last three
// preceded by its length (4 bytes).
func appendRecord(b *bytes.Buffer, k cacheKey, e *cacheEntry) {
	var body []byte
	body = append(body, byte(k.level), byte(k.scale), byte(e.code.Version))
	body = appendBytes(body, []byte(k.content))
	body = appendBytes(body, e.code.packed())
	body = appendBytes(body, e.png)
	sum := sha256.Sum256(body)
	b.Write(binary.BigEndian.AppendUint32(nil, uint32(len(body))))
	b.Write(body)
	b.Write(sum[:])
}

func appendBytes(b, data []byte) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(data)))
	return append(b, data...)
}

func readRecord(data []byte) (cacheKey, *cacheEntry, []byte, bool) {
	if len(data) < 4 {
		return cacheKey{}, nil, nil, false
	}
	n := int(binary.BigEndian.Uint32(data))
	if n < 3 || len(data) < 4+n+sha256.Size {
		return cacheKey{}, nil, nil, false
	}
	body, sum, rest := data[4:4+n], data[4+n:4+n+sha256.Size], data[4+n+sha256.Size:]
	if s := sha256.Sum256(body); !bytes.Equal(s[:], sum) {
		return cacheKey{}, nil, nil, false
	}
	k := cacheKey{level: Level(body[0]), scale: int(body[1])}
	version := int(body[2])
	fields, err := splitFields(body[3:], 3)
	if err != nil {
		return cacheKey{}, nil, nil, false
	}
	k.content = string(fields[0])
	code, err := unpack(k.content, k.level, version, fields[1])
	if err != nil {
		return cacheKey{}, nil, nil, false
	}
	return k, &cacheEntry{code: code, png: bytes.Clone(fields[2])}, rest, true
}

func splitFields(b []byte, n int) ([][]byte, error) {
	var out [][]byte
	for range n {
		if len(b) < 4 || int(binary.BigEndian.Uint32(b)) > len(b)-4 {
			return nil, errors.New("short field")
		}
		l := int(binary.BigEndian.Uint32(b))
		out = append(out, b[4:4+l])
		b = b[4+l:]
	}
	if len(b) != 0 {
		return nil, errors.New("extra bytes")
	}
	return out, nil
}

// packed returns the modules 8 to a byte, row after row.
func (c *Code) packed() []byte {
	n := c.Size()
	b := make([]byte, (n*n+7)/8)
	for y, row := range c.modules {
		for x, dark := range row {
			if dark {
				i := y*n + x
				b[i>>3] |= 0x80 >> (i & 7)
			}
		}
	}
	return b
}

// unpack rebuilds a code from packed modules.
func unpack(content string, l Level, version int, b []byte) (*Code, error) {
	n := 17 + 4*version
	if version < 1 || version > 40 || len(b) != (n*n+7)/8 {
		return nil, fmt.Errorf("bad code: version %d, %d bytes", version, len(b))
	}
	switch l {
	case L, M, Q, H:
	default:
		return nil, fmt.Errorf("bad level %q", l)
	}
	modules := make([][]bool, n)
	cells := make([]bool, n*n)
	for y := range modules {
		modules[y] = cells[y*n : (y+1)*n]
		for x := range n {
			i := y*n + x
			modules[y][x] = b[i>>3]&(0x80>>(i&7)) != 0
		}
	}
	return &Code{Content: content, Level: l, Version: version, modules: modules}, nil
}
