package ogimage

import (
	"bytes"
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
		row := out[1:]
		for x := 0; x+1 < width; x += 2 {
			row[x/2] = pix[x]<<4 | pix[x+1]
		}
		if width%2 == 1 {
			row[width/2] = pix[width-1] << 4
		}
	}
	pal := make([]color.RGBA, len(img.Palette))
	for i, c := range img.Palette {
		pal[i] = color.RGBAModel.Convert(c).(color.RGBA)
	}
	e.Encode(w, width, height, 4, pal, raw)
}
