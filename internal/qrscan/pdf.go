package qrscan

import (
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// packages names the Debian package of each external tool the tests use.
var packages = map[string]string{
	"pdftoppm":  "poppler-utils",
	"pdffonts":  "poppler-utils",
	"pdftotext": "poppler-utils",
	"pdfinfo":   "poppler-utils",
	"zbarimg":   "zbar-tools",
}

// Need skips t when tool is not installed, saying which package brings
// it — except in CI (the CI variable set), where a missing tool fails the
// test: checks that quietly stop running are worse than none.
func Need(t testing.TB, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err == nil {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s must be installed in CI (apt-get install %s)", tool, packages[tool])
	}
	t.Skipf("%s not installed (apt-get install %s)", tool, packages[tool])
}

// RenderPDF rasterizes every page of the PDF file at path with pdftoppm
// (poppler) at dpi dots per inch into PNG files in dir, and returns
// their paths in page order.
func RenderPDF(path string, dpi int, dir string) ([]string, error) {
	prefix := filepath.Join(dir, "page")
	out, err := exec.Command("pdftoppm", "-r", strconv.Itoa(dpi), "-gray", "-png", path, prefix).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("pdftoppm %s: %v\n%s", path, err, out)
	}
	pages, err := filepath.Glob(prefix + "-*.png")
	if err != nil {
		return nil, err
	}
	// pdftoppm pads page numbers to the width of the last one, so the
	// names sort in page order.
	slices.Sort(pages)
	return pages, nil
}

// File decodes the single QR code in the image file at path.
func File(path string) (string, error) {
	img, err := readImage(path)
	if err != nil {
		return "", err
	}
	return Image(img)
}

// Cropper is an image that can be cut into parts, as every image the
// standard decoders return can: a board sheet is read cell by cell.
type Cropper interface {
	image.Image
	SubImage(r image.Rectangle) image.Image
}

// ReadImage decodes the image file at path (a page pdftoppm rendered),
// failing t if it cannot.
func ReadImage(t testing.TB, path string) Cropper {
	t.Helper()
	img, err := readImage(path)
	if err != nil {
		t.Fatal(err)
	}
	c, ok := img.(Cropper)
	if !ok {
		t.Fatalf("%s: %T cannot be cropped", path, img)
	}
	return c
}

func readImage(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	return img, err
}
