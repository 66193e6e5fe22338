// Package camera simulates what a cheap phone's camera sees of a printed
// poster from a distance, so tests can measure how often its code is
// read. A poster page, rasterised at a known density, is shot as a frame
// with the pixel density a phone's preview frame has at that distance —
// about 1 px per mm at 1 m (1280×720 over a field of view of about 65°),
// so 1/d px per mm at d metres — and the defects of a hand-held shot in a
// corridor: a tilt of 5–10°, a keystone of 3–8 % (the phone not square
// to the wall), a blur of σ ≈ 1 px (focus, shake), a contrast of 15–85 %
// of the full range (glare, dim light), sensor noise, and JPEG at quality
// 70. Every defect comes from a seeded generator: the same seed gives the
// same frame.
//
// It is used by tests only; nothing in the qrboard binary imports it.
package camera

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
)

// Shot is one simulated frame's defects.
type Shot struct {
	PxPerMM  float64 // the frame's density on the wall
	Rotate   float64 // degrees, either way
	Keystone float64 // how much narrower one edge is than the other, 0.03 for 3 %
	Vertical bool    // the keystone narrows the top or bottom edge, else a side
	Blur     float64 // σ of the Gaussian blur, px
	Contrast float64 // black to white, as a fraction of the full range
	Level    float64 // mean brightness, 0–1
	Noise    float64 // σ of the sensor noise, in grey levels
	Quality  int     // JPEG quality
}

// Random returns the defects of a shot from distance metres, drawn from
// seed.
func Random(distance float64, seed uint64) Shot {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	sign := func() float64 {
		if r.IntN(2) == 0 {
			return -1
		}
		return 1
	}
	between := func(a, b float64) float64 { return a + (b-a)*r.Float64() }
	return Shot{
		PxPerMM:  1.0 / distance,
		Rotate:   sign() * between(5, 10),
		Keystone: sign() * between(0.03, 0.08),
		Vertical: r.IntN(2) == 0,
		Blur:     between(0.8, 1.2),
		Contrast: between(0.15, 0.85),
		Level:    between(0.4, 0.6),
		Noise:    between(2, 6),
		Quality:  70,
	}
}

// Take shoots page, a grey raster of a poster at srcPxPerMM, as s says,
// and returns the frame as JPEG bytes. noise draws the sensor noise.
func (s Shot) Take(page *image.Gray, srcPxPerMM float64, noise uint64) []byte {
	frame := s.project(page, srcPxPerMM)
	blur(frame, s.Blur)
	r := rand.New(rand.NewPCG(noise, 0x2545f4914f6cdd1d))
	for i, v := range frame.Pix {
		x := 255 * (s.Level + (float64(v)/255-0.5)*s.Contrast)
		x += r.NormFloat64() * s.Noise
		frame.Pix[i] = uint8(max(0, min(255, math.Round(x))))
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, frame, &jpeg.Options{Quality: s.Quality}); err != nil {
		panic(err) // writing to memory does not fail
	}
	return b.Bytes()
}

// project maps the page into the frame: scaled to the frame's density,
// rotated and put in perspective, on a mid-grey wall with a margin of a
// tenth of the page around it. Each frame pixel averages 4×4 samples of
// the page, as a sensor's pixel integrates the light that falls on it.
func (s Shot) project(page *image.Gray, srcPxPerMM float64) *image.Gray {
	pw := float64(page.Rect.Dx()) / srcPxPerMM // page size, mm
	ph := float64(page.Rect.Dy()) / srcPxPerMM
	// The page's corners in the frame, mm → px, before the margin.
	k := s.PxPerMM
	corners := [4][2]float64{{0, 0}, {pw * k, 0}, {pw * k, ph * k}, {0, ph * k}}
	cx, cy := pw*k/2, ph*k/2
	for i := range corners {
		x, y := corners[i][0]-cx, corners[i][1]-cy
		// Keystone: the edge at one end is narrower by Keystone.
		if s.Vertical {
			x *= 1 - s.Keystone*(y/(ph*k))
		} else {
			y *= 1 - s.Keystone*(x/(pw*k))
		}
		a := s.Rotate * math.Pi / 180
		corners[i] = [2]float64{x*math.Cos(a) - y*math.Sin(a), x*math.Sin(a) + y*math.Cos(a)}
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range corners {
		minX, maxX = min(minX, c[0]), max(maxX, c[0])
		minY, maxY = min(minY, c[1]), max(maxY, c[1])
	}
	margin := 0.1 * max(maxX-minX, maxY-minY)
	w, h := int(maxX-minX+2*margin), int(maxY-minY+2*margin)
	for i := range corners {
		corners[i][0] += margin - minX
		corners[i][1] += margin - minY
	}
	src := [4][2]float64{{0, 0}, {float64(page.Rect.Dx()), 0}, {float64(page.Rect.Dx()), float64(page.Rect.Dy())}, {0, float64(page.Rect.Dy())}}
	m := homography(corners, src) // frame px → page px
	frame := image.NewGray(image.Rect(0, 0, w, h))
	const n = 4
	for y := range h {
		for x := range w {
			sum := 0.0
			for j := range n {
				for i := range n {
					fx, fy := float64(x)+(float64(i)+0.5)/n, float64(y)+(float64(j)+0.5)/n
					sx, sy := m.apply(fx, fy)
					sum += sample(page, sx, sy)
				}
			}
			frame.Pix[y*frame.Stride+x] = uint8(math.Round(sum / (n * n)))
		}
	}
	return frame
}

// sample reads page at (x, y) with bilinear interpolation; outside the
// page is the wall, mid-grey.
func sample(page *image.Gray, x, y float64) float64 {
	x, y = x-0.5, y-0.5
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	fx, fy := x-float64(x0), y-float64(y0)
	at := func(x, y int) float64 {
		if !(image.Point{x, y}.In(page.Rect)) {
			return 128
		}
		return float64(page.GrayAt(x, y).Y)
	}
	top := at(x0, y0)*(1-fx) + at(x0+1, y0)*fx
	bottom := at(x0, y0+1)*(1-fx) + at(x0+1, y0+1)*fx
	return top*(1-fy) + bottom*fy
}

// blur applies a Gaussian blur of σ sigma px, in two passes.
func blur(img *image.Gray, sigma float64) {
	r := int(math.Ceil(3 * sigma))
	kernel := make([]float64, 2*r+1)
	total := 0.0
	for i := range kernel {
		d := float64(i - r)
		kernel[i] = math.Exp(-d * d / (2 * sigma * sigma))
		total += kernel[i]
	}
	for i := range kernel {
		kernel[i] /= total
	}
	w, h := img.Rect.Dx(), img.Rect.Dy()
	tmp := make([]float64, w*h)
	for y := range h {
		for x := range w {
			v := 0.0
			for i, k := range kernel {
				xx := min(max(x+i-r, 0), w-1)
				v += k * float64(img.Pix[y*img.Stride+xx])
			}
			tmp[y*w+x] = v
		}
	}
	for y := range h {
		for x := range w {
			v := 0.0
			for i, k := range kernel {
				yy := min(max(y+i-r, 0), h-1)
				v += k * tmp[yy*w+x]
			}
			img.Pix[y*img.Stride+x] = uint8(math.Round(v))
		}
	}
}

// matrix is a homography, row by row.
type matrix [9]float64

func (m matrix) apply(x, y float64) (float64, float64) {
	w := m[6]*x + m[7]*y + m[8]
	return (m[0]*x + m[1]*y + m[2]) / w, (m[3]*x + m[4]*y + m[5]) / w
}

// homography returns the projective map taking each of from to the same
// corner of to, solving the usual 8×8 system by Gaussian elimination.
func homography(from, to [4][2]float64) matrix {
	var a [8][9]float64
	for i := range 4 {
		x, y, u, v := from[i][0], from[i][1], to[i][0], to[i][1]
		a[2*i] = [9]float64{x, y, 1, 0, 0, 0, -u * x, -u * y, u}
		a[2*i+1] = [9]float64{0, 0, 0, x, y, 1, -v * x, -v * y, v}
	}
	for c := range 8 {
		p := c
		for r := c + 1; r < 8; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		for r := range 8 {
			if r == c {
				continue
			}
			f := a[r][c] / a[c][c]
			for k := c; k < 9; k++ {
				a[r][k] -= f * a[c][k]
			}
		}
	}
	var m matrix
	for i := range 8 {
		m[i] = a[i][8] / a[i][i]
	}
	m[8] = 1
	return m
}

// Gray converts img to grey.
func Gray(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok {
		return g
	}
	b := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := range b.Dy() {
		for x := range b.Dx() {
			g.Set(x, y, color.GrayModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)))
		}
	}
	return g
}
