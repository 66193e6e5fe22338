package ogimage

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
)

// encodePNG4 writes img, whose palette has at most 16 colours, as a 4-bit
// paletted PNG. The standard encoder reads such images pixel by pixel
// through an interface and took most of a picture's time; this one packs
// two pixels a byte from the pixel slice, and writes a row that repeats
// the one above it with the Up filter, as all zeros, which deflate skims.
func encodePNG4(w *bytes.Buffer, z *zlib.Writer, img *image.Paletted, rows []byte) {
	width, height := img.Rect.Dx(), img.Rect.Dy()
	stride := 1 + (width+1)/2
	w.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 4, 3 // bit depth 4, colour type 3 (paletted)
	chunk(w, "IHDR", ihdr[:])
	plte := make([]byte, 0, 3*len(img.Palette))
	for _, c := range img.Palette {
		rgba := color.RGBAModel.Convert(c).(color.RGBA)
		plte = append(plte, rgba.R, rgba.G, rgba.B)
	}
	chunk(w, "PLTE", plte)

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
		row := out[1:]
		for x := 0; x+1 < width; x += 2 {
			row[x/2] = pix[x]<<4 | pix[x+1]
		}
		if width%2 == 1 {
			row[width/2] = pix[width-1] << 4
		}
	}
	var idat bytes.Buffer
	z.Reset(&idat)
	z.Write(raw)
	z.Close()
	chunk(w, "IDAT", idat.Bytes())
	chunk(w, "IEND", nil)
}

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
