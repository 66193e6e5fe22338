// Package palpng writes paletted PNG images — the QR codes (1 bit a
// pixel) and the sharing pictures (4 bits) — from rows the caller has
// already packed and filtered.
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
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image/color"
)

// Encoder writes PNG files. It holds a compressor and its buffer, so it
// is not safe for concurrent use: keep one per goroutine, or in a
// sync.Pool.
type Encoder struct {
	z    *zlib.Writer
	idat bytes.Buffer
}

// NewEncoder returns an encoder compressing at zlib's best speed.
func NewEncoder() *Encoder {
	e := &Encoder{}
	e.z, _ = zlib.NewWriterLevel(&e.idat, zlib.BestSpeed) // the level is valid
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
	e.idat.Reset()
	e.z.Reset(&e.idat)
	e.z.Write(raw) // into memory: no error
	e.z.Close()
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
