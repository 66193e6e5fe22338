package poster

import (
	"image"
	_ "image/png"
	"os"
	"testing"
)

type subImager interface {
	image.Image
	SubImage(r image.Rectangle) image.Image
}

func readPNG(t *testing.T, path string) subImager {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	s, ok := img.(subImager)
	if !ok {
		t.Fatalf("%s: %T cannot be cropped", path, img)
	}
	return s
}

func rect(x0, y0, x1, y1 int) image.Rectangle { return image.Rect(x0, y0, x1, y1) }
