// Package gzipsize tells how many bytes a page weighs on the wire: its
// size compressed with gzip at the default level, as a web server sends
// it. Compressing a page to weigh it costs about 0.4 ms — more than
// rendering it — so a Memo remembers the sizes of the pages it has
// weighed between builds, by a fingerprint of their bytes: a build of a
// large site weighs again only the pages whose bytes changed.
package gzipsize

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"hash/crc32"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"qrboard/internal/atomicfile"
)

var writers = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(io.Discard, gzip.DefaultCompression)
	return w
}}

// Of returns the size of data compressed with gzip at its default level.
func Of(data []byte) int {
	var n counter
	w := writers.Get().(*gzip.Writer)
	w.Reset(&n)
	w.Write(data)
	w.Close()
	writers.Put(w)
	return int(n)
}

type counter int

func (c *counter) Write(p []byte) (int, error) {
	*c += counter(len(p))
	return len(p), nil
}

// A fingerprint names a page's bytes: their length and two different
// CRC-32s of them (both computed by the processor's own instructions, a
// microsecond for a page). It is not proof against someone forging a
// page to match another's — nobody gains anything from a wrong weight —
// but two different pages of a site sharing one is as likely as a
// lottery win.
type fingerprint struct {
	n, castagnoli, ieee uint32
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func fingerprintOf(data []byte) fingerprint {
	return fingerprint{uint32(len(data)), crc32.Checksum(data, castagnoli), crc32.ChecksumIEEE(data)}
}

// Memo remembers sizes in a file between builds. It is safe for
// concurrent use; a nil Memo, or one without a file, remembers nothing
// beyond its own life.
//
// The file is read whole on first use and replaced whole, through a
// temporary file and a rename, when saved; it ends with a checksum of
// what it holds, and a file that does not match it, or that was written
// for another compressor (see header), is ignored.
type Memo struct {
	path string
	once sync.Once
	mu   sync.Mutex
	old  map[fingerprint]uint32 // read from the file
	used map[fingerprint]uint32 // sizes asked for since opened
	new  bool                   // sizes not yet saved
}

// MaxEntries bounds a memo file: a save keeps every size used since the
// memo was opened, then older ones up to this number (16 bytes each): a
// city of 50,000 pages keeps its sizes through a few rounds of edits.
const MaxEntries = 150000

// header is the first line of a memo file. Sizes depend on the
// compressor, which is Go's own: another version of Go starts afresh.
var header = "qrboard-gzip-sizes 1 level 6 " + runtime.Version() + "\n"

// Open returns the memo kept in the file path ("" keeps it in memory).
func Open(path string) *Memo {
	return &Memo{path: path, used: map[fingerprint]uint32{}}
}

// Size returns Of(data), remembered when it can be.
func (m *Memo) Size(data []byte) int {
	if m == nil {
		return Of(data)
	}
	m.once.Do(m.load)
	f := fingerprintOf(data)
	m.mu.Lock()
	size, ok := m.used[f]
	if !ok {
		size, ok = m.old[f]
	}
	m.mu.Unlock()
	if !ok {
		size = uint32(Of(data))
	}
	m.mu.Lock()
	if _, was := m.used[f]; !was {
		m.used[f] = size
		m.new = m.new || !ok
	}
	m.mu.Unlock()
	return int(size)
}

// record layout: the fingerprint's three numbers and the size, 4 bytes
// each, big-endian.
const recordLen = 16

func (m *Memo) load() {
	m.old = map[fingerprint]uint32{}
	if m.path == "" {
		return
	}
	data, err := os.ReadFile(m.path)
	if err != nil || !bytes.HasPrefix(data, []byte(header)) {
		return
	}
	body := data[len(header):]
	if len(body) < 4 || (len(body)-4)%recordLen != 0 {
		return
	}
	records, sum := body[:len(body)-4], binary.BigEndian.Uint32(body[len(body)-4:])
	if crc32.Checksum(records, castagnoli) != sum {
		return
	}
	for r := range chunks(records, recordLen) {
		f := fingerprint{binary.BigEndian.Uint32(r), binary.BigEndian.Uint32(r[4:]), binary.BigEndian.Uint32(r[8:])}
		m.old[f] = binary.BigEndian.Uint32(r[12:])
	}
}

// chunks yields b in pieces of n bytes.
func chunks(b []byte, n int) func(func([]byte) bool) {
	return func(yield func([]byte) bool) {
		for ; len(b) >= n; b = b[n:] {
			if !yield(b[:n]) {
				return
			}
		}
	}
}

// Save writes the memo back when it learnt sizes: every size used since
// Open, then older ones up to MaxEntries. Otherwise it only sets the
// file's modification time to now, so that pruning by age (package
// build) keeps the memo of a site that is still built.
func (m *Memo) Save() error {
	if m == nil || m.path == "" {
		return nil
	}
	m.once.Do(m.load)
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.new {
		now := time.Now()
		os.Chtimes(m.path, now, now) // a missing file stays missing
		return nil
	}
	b := bytes.NewBufferString(header)
	records := b.Len()
	add := func(f fingerprint, size uint32) {
		var r [recordLen]byte
		binary.BigEndian.PutUint32(r[:], f.n)
		binary.BigEndian.PutUint32(r[4:], f.castagnoli)
		binary.BigEndian.PutUint32(r[8:], f.ieee)
		binary.BigEndian.PutUint32(r[12:], size)
		b.Write(r[:])
	}
	for f, size := range m.used {
		add(f, size)
	}
	n := len(m.used)
	for f, size := range m.old {
		if n >= MaxEntries {
			break
		}
		if _, used := m.used[f]; !used {
			add(f, size)
			n++
		}
	}
	b.Write(binary.BigEndian.AppendUint32(nil, crc32.Checksum(b.Bytes()[records:], castagnoli)))
	if err := atomicfile.Write(m.path, b.Bytes()); err != nil {
		return err
	}
	m.new = false
	return nil
}
