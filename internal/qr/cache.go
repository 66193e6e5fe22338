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

	"qrboard/internal/atomicfile"
)

// Cache keeps encoded codes between builds, so that
// an address that did not change is never encoded again: encoding and
// checking a code (Encode reads it back, see mask.go) is about 1 ms,
// reading it from the cache a few microseconds.
//
// A cache is one file, read whole on first use and replaced whole —
// through a temporary file and a rename — when saved, so concurrent
// builds never see a half-written file (the last to save wins, and losing
// entries only costs time). Every record carries the SHA-256 of its
// content and is checked when used: a damaged record, or a file written
// by another version of the encoder, is dropped and the code encoded
// again, so a bad cache can cost time but never give a wrong code.
//
// One Cache may serve many builds of one process (qrboard serve): the
// codes used stay in memory between them. A Cache without a file keeps
// them only there.
type Cache struct {
	path string // "" keeps codes in memory only
	once sync.Once
	old  map[cacheKey]record // read from the file on first use, then not changed
	mu   sync.Mutex
	used map[cacheKey]record // entries asked for since opened, as stored: no decoded code is held longer than needed
	miss int                 // codes encoded since opened
	new  bool                // entries not yet saved
}

type cacheKey struct {
	content string
	level   Level
}

// record is an entry as stored: its body, checked against its sum and
// decoded only when used, so opening a big cache costs little.
type record struct {
	body, sum []byte
}

// MaxCacheEntries bounds a cache file: a save keeps every code of the
// build and then older ones up to this number (about 250 bytes each).
const MaxCacheEntries = 60000

// cacheFormat names the record layout and the output of Encode. Change
// it whenever either changes: entries of another format are never used.
// Format 2 added the mask that Encode chose after reading the code back
// (mask.go); format 3 dropped the PNG, which pages no longer carry.
const cacheFormat = "qrboard-qr-cache 3"

// header is the first line of a cache file: the format and the versions
// of the QR encoder and of the reader that decides the mask, so that a
// new encoder or reader starts from an empty cache.
var header = sync.OnceValue(func() string {
	versions := map[string]string{"github.com/skip2/go-qrcode": "unknown", "github.com/makiuchi-d/gozxing": "unknown"}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if _, ok := versions[m.Path]; ok {
				versions[m.Path] = m.Version
			}
		}
	}
	return cacheFormat + " go-qrcode@" + versions["github.com/skip2/go-qrcode"] +
		" gozxing@" + versions["github.com/makiuchi-d/gozxing"] + "\n"
})

// OpenCache opens the cache file name in dir; an empty dir gives a cache
// in memory only. The file is read on first use, so a build that encodes
// nothing (a rebuild that keeps every page) does not read it. A missing,
// unreadable or damaged file gives an empty cache (or as much of it as is
// intact).
func OpenCache(dir, name string) *Cache {
	c := &Cache{used: map[cacheKey]record{}}
	if dir != "" {
		c.path = filepath.Join(dir, name)
	}
	return c
}

func (c *Cache) load() {
	c.old = map[cacheKey]record{}
	if c.path == "" {
		return
	}
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

// Encode returns the code of content at level l, from the cache when it
// holds it. A nil cache encodes every time.
func (c *Cache) Encode(content string, l Level) (*Code, error) {
	if c == nil {
		return Encode(content, l)
	}
	c.once.Do(c.load)
	k := cacheKey{content, l}
	c.mu.Lock()
	r, ok := c.used[k]
	c.mu.Unlock()
	if !ok {
		r = c.old[k]
	}
	code, hit := r.decode(k)
	if !hit {
		var err error
		if code, err = Encode(content, l); err != nil {
			return nil, err
		}
		r = newRecord(k, code)
	}
	c.mu.Lock()
	c.used[k] = r
	if !hit {
		c.miss++
		c.new = true
	}
	c.mu.Unlock()
	return code, nil
}

// Misses returns how many codes were encoded since the cache was opened
// because it lacked them.
func (c *Cache) Misses() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.miss
}

// Save writes the cache back when codes were added to it: every entry
// used since OpenCache, then older ones up to MaxCacheEntries. Otherwise
// it only sets the file's modification time to now.
func (c *Cache) Save() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.path == "" {
		return nil
	}
	if !c.new {
		// The file holds every entry used, or this build needed none (a
		// rebuild that made no page): mark it as used all the same, so
		// that pruning by age (package build) keeps the cache of a site
		// that is still built. A missing file stays missing.
		now := time.Now()
		os.Chtimes(c.path, now, now)
		return nil
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
	if err := atomicfile.Write(c.path, b.Bytes()); err != nil {
		return err
	}
	c.new = false
	return nil
}

// A record is its length (4 bytes), its body and the SHA-256 of the body.
// The body: level, version, mask (1 byte each), the content and the
// modules packed 8 to a byte row after row, each of the last two preceded
// by its length (4 bytes).
func newRecord(k cacheKey, code *Code) record {
	var body []byte
	body = append(body, byte(k.level), byte(code.Version), byte(code.Mask))
	body = appendBytes(body, []byte(k.content))
	body = appendBytes(body, code.packed())
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
	n, ok := length(data, len(data)-4-sha256.Size)
	if !ok || n < recordHead {
		return cacheKey{}, record{}, nil, false
	}
	r := record{body: data[4 : 4+n], sum: data[4+n : 4+n+sha256.Size]}
	fields, err := splitFields(r.body[recordHead:], 2)
	if err != nil {
		return cacheKey{}, record{}, nil, false
	}
	k := cacheKey{content: string(fields[0]), level: Level(r.body[0])}
	return k, r, data[4+n+sha256.Size:], true
}

// decode checks the record against its sum and key and decodes it; a
// record that fails is a miss.
func (r record) decode(k cacheKey) (*Code, bool) {
	if len(r.body) < recordHead || !r.intact() {
		return nil, false
	}
	fields, err := splitFields(r.body[recordHead:], 2)
	if err != nil || string(fields[0]) != k.content || Level(r.body[0]) != k.level {
		return nil, false
	}
	code, err := unpack(k.content, k.level, int(r.body[1]), int(r.body[2]), fields[1])
	if err != nil {
		return nil, false
	}
	return code, true
}

// recordHead is the length of a record's fixed fields: level, version and
// mask.
const recordHead = 3

func splitFields(b []byte, n int) ([][]byte, error) {
	var out [][]byte
	for range n {
		l, ok := length(b, len(b)-4)
		if !ok {
			return nil, errors.New("short field")
		}
		out = append(out, b[4:4+l])
		b = b[4+l:]
	}
	if len(b) != 0 {
		return nil, errors.New("extra bytes")
	}
	return out, nil
}

// length reads the 4-byte length at the start of b and reports whether
// it is at most limit. It compares without converting to int first, so
// that a damaged length cannot become negative where int is 32 bits.
func length(b []byte, limit int) (int, bool) {
	if len(b) < 4 || limit < 0 {
		return 0, false
	}
	n := binary.BigEndian.Uint32(b)
	return int(n), uint64(n) <= uint64(limit)
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
func unpack(content string, l Level, version, mask int, b []byte) (*Code, error) {
	n := 17 + 4*version
	if version < 1 || version > 40 || mask < 0 || mask > 7 || len(b) != (n*n+7)/8 {
		return nil, fmt.Errorf("bad code: version %d, mask %d, %d bytes", version, mask, len(b))
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
	return &Code{Content: content, Level: l, Version: version, Mask: mask, modules: modules}, nil
}
