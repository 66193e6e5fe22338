package ogimage

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"

	"qrboard/internal/palpng"
)

// encodePNG4 writes img, whose palette has at most 16 colours, as a 4-bit
// paletted PNG. The standard encoder reads such images pixel by pixel
// through an interface and took most of a picture's time; this packs two
// pixels a byte from the pixel slice, and writes a row that repeats the
// one above it with the Up filter, as all zeros, which deflate skims.
func encodePNG4(w *bytes.Buffer, e *palpng.Encoder, img *image.Paletted, rows []byte) {
	width, height := img.Rect.Dx(), img.Rect.Dy()
	stride := palpng.RowLen(width, 4)
	raw := rows[:stride*height]
	for y := range height {
		out := raw[y*stride : (y+1)*stride]
		pix := img.Pix[y*img.Stride : y*img.Stride+width]
		if y > 0 && bytes.Equal(pix, img.Pix[(y-1)*img.Stride:(y-1)*img.Stride+width]) {
			out[0] = 2 // filter Up: the same row again, as zeros
			clear(out[1:])
			continue
		}
		out[0] = 0 // filter None
		pack4(out[1:], pix)
	}
	pal := make([]color.RGBA, len(img.Palette))
	for i, c := range img.Palette {
		pal[i] = color.RGBAModel.Convert(c).(color.RGBA)
	}
	e.Encode(w, width, height, 4, pal, raw)
}

// pack4 packs pixels of at most 4 bits two to a byte, the first in the
// high nibble: eight pixels at a time, as one 64-bit word. In a word of
// pixels p0…p7 (p0 the lowest byte), each 16-bit lane holds p2k | p2k+1<<8;
// (lane<<4 | lane>>8) keeps p2k<<4 | p2k+1 in its low byte, as no pixel
// has more than 4 bits; the four low bytes are then gathered.
func pack4(row, pix []byte) {
	x := 0
	for ; x+8 <= len(pix); x += 8 {
		v := binary.LittleEndian.Uint64(pix[x:])
		v = (v<<4 | v>>8) & 0x00ff00ff00ff00ff
		v = (v | v>>8) & 0x0000ffff0000ffff
		v = (v | v>>16) & 0xffffffff
		binary.LittleEndian.PutUint32(row[x/2:], uint32(v))
	}
	for ; x+1 < len(pix); x += 2 {
		row[x/2] = pix[x]<<4 | pix[x+1]
	}
	if x < len(pix) {
		row[x/2] = pix[x] << 4
	}
}
