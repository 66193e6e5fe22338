package palpng

import (
	"bytes"
	adler32std "hash/adler32"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"
)

// TestSameAsImagePNG draws random paletted images of every depth and
// size class and expects exactly the bytes image/png writes at
// BestSpeed, which uses filter None for paletted images.
func TestSameAsImagePNG(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	e := NewEncoder()
	for _, depth := range []int{1, 2, 4, 8} {
		for _, size := range []image.Point{{1, 1}, {7, 3}, {33, 40}, {328, 328}, {1200, 63}} {
			colours := 1 << depth
			var pal color.Palette
			var rgba []color.RGBA
			for i := range colours {
				c := color.RGBA{uint8(i * 37), uint8(255 - i), uint8(i * 11), 0xff}
				pal, rgba = append(pal, c), append(rgba, c)
			}
			img := image.NewPaletted(image.Rect(0, 0, size.X, size.Y), pal)
			for i := range img.Pix {
				if r.IntN(3) == 0 { // runs, like drawings, and noise
					img.Pix[i] = uint8(r.IntN(colours))
				} else if i > 0 {
					img.Pix[i] = img.Pix[i-1]
				}
			}
			var want bytes.Buffer
			if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&want, img); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			e.Encode(&got, size.X, size.Y, depth, rgba, pack(img, depth))
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("depth %d, %v: %d bytes, image/png %d: not the same", depth, size, got.Len(), want.Len())
			}
		}
	}
}

// pack packs img's rows as Encode wants them, with filter None.
func pack(img *image.Paletted, depth int) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	n := RowLen(w, depth)
	raw := make([]byte, n*h)
	for y := range h {
		row := raw[y*n+1 : (y+1)*n]
		for x := range w {
			bit := x * depth
			row[bit/8] |= img.Pix[y*img.Stride+x] << (8 - depth - bit%8)
		}
	}
	return raw
}

// TestAdler32 compares the checksum with hash/adler32 on data of every
// kind: empty, short, sparse, dense, long.
func TestAdler32(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 7, 8, 9, 100, 5552, 65536, 65537, 400_000} {
		for _, density := range []int{0, 1, 10, 100} {
			data := make([]byte, n)
			for i := range data {
				if r.IntN(100) < density {
					data[i] = byte(r.IntN(256))
				}
			}
			if got, want := adler32(data), adler32std.Checksum(data); got != want {
				t.Errorf("%d bytes, %d%% non-zero: %08x, want %08x", n, density, got, want)
			}
		}
	}
	ff := bytes.Repeat([]byte{0xff}, 1<<20) // the largest sums
	if got, want := adler32(ff), adler32std.Checksum(ff); got != want {
		t.Errorf("1 MB of 0xff: %08x, want %08x", got, want)
	}
}

func BenchmarkEncode(b *testing.B) {
	// A sharing picture's worth of raw rows: mostly zeros.
	raw := make([]byte, RowLen(1200, 4)*630)
	for i := range raw {
		if i%97 < 5 {
			raw[i] = byte(i)
		}
	}
	e, pal := NewEncoder(), make([]color.RGBA, 16)
	var w bytes.Buffer
	for b.Loop() {
		w.Reset()
		e.Encode(&w, 1200, 630, 4, pal, raw)
	}
}
