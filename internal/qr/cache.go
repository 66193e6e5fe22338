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
	once sync.Once
	old  map[cacheKey]record // read from the file on first use, then not changed
	mu   sync.Mutex
	used map[cacheKey]record // entries this build asked for, as stored: a build holds no decoded code longer than it needs it
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

// record is an entry as stored: its body, checked against its sum and
// decoded only when used, so opening a big cache costs little.
type record struct {
	body, sum []byte
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

// OpenCache opens the cache file name in dir. The file is read on first
// use, so a build that encodes nothing (a rebuild that keeps every page)
// does not read it. A missing, unreadable or damaged file gives an empty
// cache (or as much of it as is intact).
func OpenCache(dir, name string) *Cache {
	return &Cache{path: filepath.Join(dir, name), used: map[cacheKey]record{}}
}

func (c *Cache) load() {
	c.old = map[cacheKey]record{}
	data, err := os.ReadFile(c.path)
	if err != nil || !bytes.HasPrefix(data, []byte(header())) {
		return
	}
	data = data[len(header()):]
	for len(data) > 0 {
		k, r, rest, ok := splitRecord(data)
		if !ok {
			break // damaged from here on: the rest is lost
		}
		c.old[k] = r
		data = rest
	}
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
	c.once.Do(c.load)
	k := cacheKey{content, l, scale}
	r := c.old[k]
	e, hit := r.decode(k)
	if !hit {
		code, err := Encode(content, l)
		if err != nil {
			return nil, nil, err
		}
		e = &cacheEntry{code: code, png: code.PNG(scale)}
		r = newRecord(k, e)
	}
	c.mu.Lock()
	c.used[k] = r
	if !hit {
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

// Save writes the cache back when codes were added to it: every entry
// used since OpenCache, then older ones up to MaxCacheEntries.
func (c *Cache) Save() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.miss == 0 {
		return nil // the file already holds every entry used
	}
	var b bytes.Buffer
	b.WriteString(header())
	n := 0
	for _, r := range c.used {
		r.append(&b)
		n++
	}
	for k, r := range c.old {
		if n >= MaxCacheEntries {
			break
		}
		if _, used := c.used[k]; used || !r.intact() {
			continue
		}
		r.append(&b)
		n++
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

// A record is its length (4 bytes), its body and the SHA-256 of the body.
// The body: level, scale, version (1 byte each), the content, the modules
// packed 8 to a byte row after row, and the PNG, each of the last three
// preceded by its length (4 bytes).
func newRecord(k cacheKey, e *cacheEntry) record {
	var body []byte
	body = append(body, byte(k.level), byte(k.scale), byte(e.code.Version))
	body = appendBytes(body, []byte(k.content))
	body = appendBytes(body, e.code.packed())
	body = appendBytes(body, e.png)
	sum := sha256.Sum256(body)
	return record{body: body, sum: sum[:]}
}

func (r record) append(b *bytes.Buffer) {
	b.Write(binary.BigEndian.AppendUint32(nil, uint32(len(r.body))))
	b.Write(r.body)
	b.Write(r.sum)
}

// intact reports whether the record matches its sum.
func (r record) intact() bool {
	s := sha256.Sum256(r.body)
	return bytes.Equal(s[:], r.sum)
}

func appendBytes(b, data []byte) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(data)))
	return append(b, data...)
}

// splitRecord cuts the first record from data and reads its key, without
// checking it yet.
func splitRecord(data []byte) (cacheKey, record, []byte, bool) {
	if len(data) < 4 {
		return cacheKey{}, record{}, nil, false
	}
	n := int(binary.BigEndian.Uint32(data))
	if n < 3 || len(data)-4-sha256.Size < n {
		return cacheKey{}, record{}, nil, false
	}
	r := record{body: data[4 : 4+n], sum: data[4+n : 4+n+sha256.Size]}
	fields, err := splitFields(r.body[3:], 3)
	if err != nil {
		return cacheKey{}, record{}, nil, false
	}
	k := cacheKey{content: string(fields[0]), level: Level(r.body[0]), scale: int(r.body[1])}
	return k, r, data[4+n+sha256.Size:], true
}

// decode checks the record against its sum and key and decodes it; a
// record that fails is a miss.
func (r record) decode(k cacheKey) (*cacheEntry, bool) {
	if r.body == nil || !r.intact() {
		return nil, false
	}
	fields, err := splitFields(r.body[3:], 3)
	if err != nil || string(fields[0]) != k.content || Level(r.body[0]) != k.level || int(r.body[1]) != k.scale {
		return nil, false
	}
	code, err := unpack(k.content, k.level, int(r.body[2]), fields[1])
	if err != nil {
		return nil, false
	}
	return &cacheEntry{code: code, png: bytes.Clone(fields[2])}, true
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
