// Package palpng writes paletted PNG images — the sharing pictures (4
// bits a pixel) — from rows the caller has already packed and filtered.
//
// image/png reads an image pixel by pixel through an interface and
// allocates a compressor per image: most of the time of a small picture.
// Here the caller packs the bits from what it drew, and a compressor is
// reused between images. The files are what image/png writes for the
// same rows at png.BestSpeed — signature, IHDR, PLTE, IDAT, IEND —
// so they read everywhere a PNG does (a test compares the bytes).
package palpng

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"image/color"
)

// Encoder writes PNG files. It holds a compressor and its buffer, so it
// is not safe for concurrent use: keep one per goroutine, or in a
// sync.Pool.
type Encoder struct {
	z    *flate.Writer
	idat bytes.Buffer
}

// NewEncoder returns an encoder compressing at deflate's best speed.
func NewEncoder() *Encoder {
	e := &Encoder{}
	e.z, _ = flate.NewWriter(&e.idat, flate.BestSpeed) // the level is valid
	return e
}

// RowLen returns the length of one row of raw data: the filter byte,
// then width pixels of depth bits, packed from the most significant bit.
func RowLen(width, depth int) int { return 1 + (width*depth+7)/8 }

// Encode appends to w a PNG of width × height pixels of depth bits (1, 2,
// 4 or 8), in palette's colours (opaque), from raw: height rows of
// RowLen(width, depth) bytes, each starting with its filter type.
func (e *Encoder) Encode(w *bytes.Buffer, width, height, depth int, palette []color.RGBA, raw []byte) {
	w.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = byte(depth), 3 // colour type 3: paletted
	chunk(w, "IHDR", ihdr[:])
	plte := make([]byte, 0, 3*len(palette))
	for _, c := range palette {
		plte = append(plte, c.R, c.G, c.B)
	}
	chunk(w, "PLTE", plte)
	// The zlib stream, as compress/zlib writes it at BestSpeed: its
	// header, the deflate data, the Adler-32 of the raw data.
	e.idat.Reset()
	e.idat.Write([]byte{0x78, 0x01})
	e.z.Reset(&e.idat)
	e.z.Write(raw) // into memory: no error
	e.z.Close()
	e.idat.Write(binary.BigEndian.AppendUint32(nil, adler32(raw)))
	for data := e.idat.Bytes(); len(data) > 0; {
		n := min(len(data), maxIDAT)
		chunk(w, "IDAT", data[:n])
		data = data[n:]
	}
	chunk(w, "IEND", nil)
}

// maxIDAT is the size of image/png's IDAT chunks: the compressed data is
// cut where its 32 KB buffer fills.
const maxIDAT = 1 << 15

// chunk writes a PNG chunk: length, type, data and the CRC of type and
// data.
func chunk(w *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	w.WriteString(typ)
	w.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	w.Write(n[:])
}

// adler32 returns the Adler-32 checksum of data, as hash/adler32 does,
// skipping runs of zero bytes eight at a time: the raw rows of a picture
// are mostly zeros (white, and rows repeated with the Up filter), and the
// sum was a tenth of a sharing picture's time.
func adler32(data []byte) uint32 {
	const mod = 65521
	a, b := uint64(1), uint64(0)
	for len(data) > 0 {
		// Within a chunk of 64 KB neither sum can overflow 64 bits.
		chunk := data[:min(len(data), 1<<16)]
		data = data[len(chunk):]
		for len(chunk) >= 8 {
			if binary.LittleEndian.Uint64(chunk) == 0 {
				b += 8 * a
			} else {
				for _, c := range chunk[:8] {
					a += uint64(c)
					b += a
				}
			}
			chunk = chunk[8:]
		}
		for _, c := range chunk {
			a += uint64(c)
			b += a
		}
		a, b = a%mod, b%mod
	}
	return uint32(b<<16 | a)
}
