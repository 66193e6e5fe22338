package qr

import (
	"image"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// readScale is the size of a module, in pixels, of the image a code is
// read back from: enough for the finder search to measure proportions.
const readScale = 3

// readable reports whether a ZXing-family reader, looking for the code in
// the whole image as a phone does, finds it and decodes exactly content.
func readable(content string, modules [][]bool) bool {
	img := gray(modules, readScale)
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return false
	}
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, hints)
	return err == nil && res.GetText() == content
}

// gray draws modules, with the quiet zone, scale pixels per module.
func gray(modules [][]bool, scale int) *image.Gray {
	side := (len(modules) + 2*QuietZone) * scale
	img := image.NewGray(image.Rect(0, 0, side, side))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y, row := range modules {
		for x, dark := range row {
			if !dark {
				continue
			}
			for py := (y + QuietZone) * scale; py < (y+QuietZone+1)*scale; py++ {
				for px := (x + QuietZone) * scale; px < (x+QuietZone+1)*scale; px++ {
					img.Pix[py*img.Stride+px] = 0
				}
			}
		}
	}
	return img
}
