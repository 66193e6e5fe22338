// Package qrscan reads QR codes back from the images a build wrote, so
// tests can check that every code leads exactly where it should. It
// decodes with a pure-Go decoder (github.com/makiuchi-d/gozxing) and,
// where installed, with zbarimg, an independent implementation.
//
// It is used by tests only; nothing in the qrboard binary imports it.
package qrscan

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	_ "image/png" // decode the image files File and ReadImage read (pdftoppm pages)
	"os/exec"
	"regexp"
	"strconv"
	"strings"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// Image decodes the QR code in img, which may hold other things too (a
// whole poster page): the reader looks for the finder patterns as a phone
// does.
func Image(img image.Image) (string, error) {
	return decode(img, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
}

// Pure decodes an image of nothing but one code and its quiet zone — a
// code as the build writes it, or cut out of a page — module by module.
// gozxing switches to this mode when the PURE_BARCODE hint is present at
// all, whatever its value.
func Pure(img image.Image) (string, error) {
	return decode(img, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true})
}

// Cut decodes a code cut out of a page, with its quiet zone: by finding
// its finder patterns, as Image does, or else module by module, as Pure
// does. gozxing's finder misjudges the size of a few codes in any
// rendering (the sample's /lien-hiep/dang-ky-ket-hon/ is one), and its
// pure mode needs a whole number of pixels per module, which a page
// rasterized at a round resolution rarely gives; zbarimg reads all of
// them either way. Either read must give the exact text.
func Cut(img image.Image) (string, error) {
	text, err := Image(img)
	if err != nil {
		return Pure(img)
	}
	return text, nil
}

func decode(img image.Image, hints map[gozxing.DecodeHintType]any) (string, error) {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", err
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		return "", err
	}
	return res.GetText(), nil
}

var (
	viewBoxRE = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
	pathRE    = regexp.MustCompile(`<path[^>]* d="([^"]*)"`)
	cmdRE     = regexp.MustCompile(`([MmHhVvZz])\s*([-\d. ]*)`)
)

// SVG rasterizes an SVG QR code as qrboard writes it — a viewBox in
// modules and paths of M, h, v and z commands drawing dark rectangles —
// at scale pixels per module, and decodes it. It fails on any other
// command, so an SVG writer change cannot pass unnoticed.
func SVG(data []byte, scale int) (string, error) {
	img, err := RasterizeSVG(data, scale)
	if err != nil {
		return "", err
	}
	return Pure(img)
}

// RasterizeSVG draws the SVG's paths, filled with the non-zero rule
// restricted to axis-aligned rectangles, on white.
func RasterizeSVG(data []byte, scale int) (*image.Gray, error) {
	m := viewBoxRE.FindSubmatch(data)
	if m == nil {
		return nil, errors.New("qrscan: no viewBox")
	}
	w, _ := strconv.Atoi(string(m[1]))
	h, _ := strconv.Atoi(string(m[2]))
	img := image.NewGray(image.Rect(0, 0, w*scale, h*scale))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	paths := pathRE.FindAllSubmatch(data, -1)
	if paths == nil {
		return nil, errors.New("qrscan: no path")
	}
	for _, p := range paths {
		if err := fillPath(img, string(p[1]), scale); err != nil {
			return nil, err
		}
	}
	return img, nil
}

// fillPath fills each closed sub-path, which must be a rectangle.
func fillPath(img *image.Gray, d string, scale int) error {
	var x, y float64
	var pts [][2]float64
	for _, c := range cmdRE.FindAllStringSubmatch(d, -1) {
		args := strings.Fields(c[2])
		num := func(i int) (float64, error) {
			if i >= len(args) {
				return 0, fmt.Errorf("qrscan: %s needs %d numbers", c[1], i+1)
			}
			return strconv.ParseFloat(args[i], 64)
		}
		var err error
		switch c[1] {
		case "M":
			var nx, ny float64
			if nx, err = num(0); err == nil {
				ny, err = num(1)
			}
			x, y = nx, ny
			pts = [][2]float64{{x, y}}
		case "h":
			var dx float64
			dx, err = num(0)
			x += dx
			pts = append(pts, [2]float64{x, y})
		case "v":
			var dy float64
			dy, err = num(0)
			y += dy
			pts = append(pts, [2]float64{x, y})
		case "z", "Z":
			fillRect(img, pts, scale)
			pts = nil
		default:
			return fmt.Errorf("qrscan: unexpected path command %q", c[1])
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func fillRect(img *image.Gray, pts [][2]float64, scale int) {
	if len(pts) == 0 {
		return
	}
	x0, y0, x1, y1 := pts[0][0], pts[0][1], pts[0][0], pts[0][1]
	for _, p := range pts {
		x0, y0 = min(x0, p[0]), min(y0, p[1])
		x1, y1 = max(x1, p[0]), max(y1, p[1])
	}
	r := image.Rect(int(x0*float64(scale)), int(y0*float64(scale)), int(x1*float64(scale)), int(y1*float64(scale)))
	draw.Draw(img, r, image.NewUniform(color.Black), image.Point{}, draw.Src)
}

// Zbar decodes the codes in the image file at path with zbarimg. It
// returns exec.ErrNotFound when zbarimg is not installed.
func Zbar(path string) ([]string, error) {
	bin, err := exec.LookPath("zbarimg")
	if err != nil {
		return nil, exec.ErrNotFound
	}
	out, err := exec.Command(bin, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", path).Output()
	if err != nil {
		return nil, fmt.Errorf("zbarimg %s: %v", path, err)
	}
	var codes []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if line != "" {
			codes = append(codes, line)
		}
	}
	return codes, nil
}
