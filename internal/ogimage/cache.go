package ogimage

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"qrboard/internal/atomicfile"
	"qrboard/internal/qr"
)

// Cache keeps pictures between builds, one PNG file per picture in a
// folder, named by a hash of everything the picture is drawn from: the
// program that draws it (a salt the caller gives, which changes with the
// program, its fonts and QR encoder included), the card and the code's
// content, level, version and mask. Drawing a picture costs about 1.5 ms,
// most of it compressing 1200 × 630 pixels; reading it back costs a few
// microseconds, so a build of a large site whose names and addresses did
// not change draws nothing — as a Hugo build takes its processed images
// from its resource cache.
//
// A picture is read whole and used only when it is a whole PNG whose
// chunks' checksums are right; anything else (a file cut short by a full
// disk, a damaged sector) is drawn again and replaced, so a bad cache can
// cost time but never put a broken picture on the site. Files are written
// through a temporary file and a rename, so two builds at once never see
// half of one.
type Cache struct {
	dir  string // "" draws every time
	salt string
	mu   sync.Mutex
	used map[string]bool // names of the pictures asked for since opened
	made int             // pictures drawn since opened
}

// OpenCache returns the cache of pictures in dir, made by the program
// salt names. An empty dir, or a nil *Cache, draws every picture.
func OpenCache(dir, salt string) *Cache {
	return &Cache{dir: dir, salt: salt, used: map[string]bool{}}
}

// Draw returns the picture of card with code, from the cache when it
// holds it; see the package's Draw.
func (c *Cache) Draw(card Card, code *qr.Code) []byte {
	if c == nil || c.dir == "" {
		return Draw(card, code)
	}
	name := c.name(card, code)
	path := filepath.Join(c.dir, name)
	if data, err := os.ReadFile(path); err == nil && wholePNG(data) {
		c.mu.Lock()
		c.used[name] = true
		c.mu.Unlock()
		return data
	}
	data := Draw(card, code)
	c.mu.Lock()
	c.used[name] = true
	c.made++
	c.mu.Unlock()
	atomicfile.Write(path, data) // a picture that cannot be stored is drawn again next time
	return data
}

// Made returns how many pictures were drawn since the cache was opened,
// because it lacked them.
func (c *Cache) Made() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.made
}

// MaxUnused bounds the pictures a cache folder keeps that the last
// complete build did not ask for: when there are more, Tidy removes them
// all. A variable so that tests of small sites can reach it.
var MaxUnused = 1000

// Tidy marks the folder as used now (a cache folder not used for long is
// removed by its owner, package build) and removes temporary files a
// stopped build left. After a build that asked for the picture of every
// page (complete) it also removes, when there are more than MaxUnused,
// the pictures that build did not ask for: those of names and addresses
// that changed, or of an older program. A build that kept pages without
// making them did not ask for their pictures, so it removes none.
func (c *Cache) Tidy(complete bool) {
	if c == nil || c.dir == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	now := time.Now()
	if os.Chtimes(c.dir, now, now) != nil || !complete && c.made == 0 {
		return // nothing to tidy: no picture added, and none known unused
	}
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	tooMany := complete && len(entries) > len(c.used)+MaxUnused
	for _, e := range entries {
		if c.used[e.Name()] {
			continue
		}
		if tooMany || isTemp(e.Name()) && olderThan(e, time.Hour) {
			os.Remove(filepath.Join(c.dir, e.Name()))
		}
	}
}

// olderThan reports whether e was last written longer than d ago: a
// temporary file that old was left by a build that stopped.
func olderThan(e os.DirEntry, d time.Duration) bool {
	info, err := e.Info()
	return err == nil && time.Since(info.ModTime()) > d
}

// name returns the file name of the picture of card with code: a hash of
// the salt, every field of the card (printed with %#v, so a field added
// to Card is covered), and the code's content, level, version and mask —
// its modules follow from these and the encoder, part of the program the
// salt names.
func (c *Cache) name(card Card, code *qr.Code) string {
	h := sha256.New()
	fmt.Fprintf(h, "%q\n%#v\n%q %d %d %d", c.salt, card, code.Content, code.Level, code.Version, code.Mask)
	return hex.EncodeToString(h.Sum(nil)[:16]) + ".png"
}

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// wholePNG reports whether data is a PNG file from its signature to its
// IEND chunk, every chunk's checksum right and nothing after.
func wholePNG(data []byte) bool {
	if !bytes.HasPrefix(data, pngSignature) {
		return false
	}
	data = data[len(pngSignature):]
	first := true
	for len(data) >= 12 {
		length := binary.BigEndian.Uint32(data)
		if uint64(length) > uint64(len(data)-12) { // compared unsigned: no overflow on 32-bit systems
			return false
		}
		n := int(length)
		typ := string(data[4:8])
		if first && typ != "IHDR" {
			return false
		}
		first = false
		if crc32.ChecksumIEEE(data[4:8+n]) != binary.BigEndian.Uint32(data[8+n:]) {
			return false
		}
		data = data[12+n:]
		if typ == "IEND" {
			return len(data) == 0
		}
	}
	return false
}

// isTemp reports whether name is a temporary file of store.
func isTemp(name string) bool { return strings.Contains(name, atomicfile.TempSuffix) }
