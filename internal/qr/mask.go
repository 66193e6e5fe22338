package qr

import (
	"cmp"
	"slices"
)

// Mask choice. A QR code's data modules are XORed with one of eight mask
// patterns, chosen by the encoder to avoid shapes that confuse readers.
// github.com/skip2/go-qrcode chooses by the standard's penalty score, but
// about one code in a hundred that it makes cannot be found by readers
// built on ZXing — the library behind many Android scanner apps — even
// printed perfectly: a shape in the data that ZXing's tolerant finder
// test (1:1:3:1:1 within 50 %) accepts across and down is taken for a
// corner. (Measured on 440 addresses of the sample's form: zxing-js failed
// on 5 of skip2's codes, gozxing on 4, zbar and jsQR on none; the
// sample's own /lien-hiep/dang-ky-ket-hon/ was one.) Another mask of the
// same code almost always reads.
//
// So Encode keeps skip2's code when a ZXing-family reader (gozxing),
// looking at the whole image as a phone does, finds it and decodes
// exactly the content. Otherwise it re-masks the symbol — the same data
// bits XORed with another pattern, and the format information that names
// the pattern rewritten — and keeps, of the other seven, the one with the
// lowest penalty (ISO/IEC 18004 §7.8.3, computed here) that the reader
// does decode.

// maskPatterns are the eight mask conditions of ISO/IEC 18004 Table 10,
// for the module at column x, row y: true means the module is inverted.
var maskPatterns = [8]func(x, y int) bool{
	func(x, y int) bool { return (x+y)%2 == 0 },
	func(x, y int) bool { return y%2 == 0 },
	func(x, y int) bool { return x%3 == 0 },
	func(x, y int) bool { return (x+y)%3 == 0 },
	func(x, y int) bool { return (x/3+y/2)%2 == 0 },
	func(x, y int) bool { return x*y%2+x*y%3 == 0 },
	func(x, y int) bool { return (x*y%2+x*y%3)%2 == 0 },
	func(x, y int) bool { return ((x+y)%2+x*y%3)%2 == 0 },
}

// formatLevel is the two-bit level indicator of the format information.
var formatLevel = map[Level]int{L: 1, M: 0, Q: 3, H: 2}

// alignmentCenters lists, for versions 2–40, the row and column
// coordinates of alignment pattern centres (ISO/IEC 18004 Annex E).
var alignmentCenters = [41][]int{
	2: {6, 18}, 3: {6, 22}, 4: {6, 26}, 5: {6, 30}, 6: {6, 34},
	7: {6, 22, 38}, 8: {6, 24, 42}, 9: {6, 26, 46}, 10: {6, 28, 50},
	11: {6, 30, 54}, 12: {6, 32, 58}, 13: {6, 34, 62}, 14: {6, 26, 46, 66},
	15: {6, 26, 48, 70}, 16: {6, 26, 50, 74}, 17: {6, 30, 54, 78},
	18: {6, 30, 56, 82}, 19: {6, 30, 58, 86}, 20: {6, 34, 62, 90},
	21: {6, 28, 50, 72, 94}, 22: {6, 26, 50, 74, 98}, 23: {6, 30, 54, 78, 102},
	24: {6, 28, 54, 80, 106}, 25: {6, 32, 58, 84, 110}, 26: {6, 30, 58, 86, 114},
	27: {6, 34, 62, 90, 118}, 28: {6, 26, 50, 74, 98, 122}, 29: {6, 30, 54, 78, 102, 126},
	30: {6, 26, 52, 78, 104, 130}, 31: {6, 30, 56, 82, 108, 134}, 32: {6, 34, 60, 86, 112, 138},
	33: {6, 30, 58, 86, 114, 142}, 34: {6, 34, 62, 90, 118, 146}, 35: {6, 30, 54, 78, 102, 126, 150},
	36: {6, 24, 50, 76, 102, 128, 154}, 37: {6, 28, 54, 80, 106, 132, 158},
	38: {6, 32, 58, 84, 110, 136, 162}, 39: {6, 26, 54, 82, 110, 138, 166},
	40: {6, 30, 58, 86, 114, 142, 170},
}

// functionModules returns, for a symbol of the given version, which
// modules are function patterns — finders and separators, timing,
// alignment, format and version information, the dark module — and so are
// never masked.
func functionModules(version int) [][]bool {
	size := 17 + 4*version
	fn := make([][]bool, size)
	for y := range fn {
		fn[y] = make([]bool, size)
	}
	rect := func(x0, y0, w, h int) {
		for y := max(y0, 0); y < min(y0+h, size); y++ {
			for x := max(x0, 0); x < min(x0+w, size); x++ {
				fn[y][x] = true
			}
		}
	}
	rect(0, 0, 9, 9)      // top-left finder, separator, format information
	rect(size-8, 0, 8, 9) // top-right finder, separator, format information
	rect(0, size-8, 9, 8) // bottom-left finder, separator, format information, dark module
	rect(6, 0, 1, size)   // vertical timing
	rect(0, 6, size, 1)   // horizontal timing
	centers := alignmentCenters[version]
	for i, cy := range centers {
		for j, cx := range centers {
			last := len(centers) - 1
			if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) {
				continue // these would overlap the finders
			}
			rect(cx-2, cy-2, 5, 5)
		}
	}
	if version >= 7 {
		rect(size-11, 0, 3, 6) // version information, top right
		rect(0, size-11, 6, 3) // version information, bottom left
	}
	return fn
}

// formatBits returns the 15-bit format information for level l and mask:
// five data bits, ten BCH error-correction bits, XORed with 0x5412.
func formatBits(l Level, mask int) int {
	data := formatLevel[l]<<3 | mask
	rem := data
	for range 10 {
		rem = rem<<1 ^ (rem>>9)*0x537
	}
	return (data<<10 | rem) ^ 0x5412
}

// setFormat writes the format information for l and mask into both of its
// places in modules (ISO/IEC 18004 Figure 25), bit 0 being the least
// significant.
func setFormat(modules [][]bool, l Level, mask int) {
	bits := formatBits(l, mask)
	bit := func(i int) bool { return bits>>i&1 != 0 }
	size := len(modules)
	set := func(x, y int, v bool) { modules[y][x] = v }
	for i := range 6 {
		set(8, i, bit(i))
	}
	set(8, 7, bit(6))
	set(8, 8, bit(7))
	set(7, 8, bit(8))
	for i := 9; i < 15; i++ {
		set(14-i, 8, bit(i))
	}
	for i := range 8 {
		set(size-1-i, 8, bit(i))
	}
	for i := 8; i < 15; i++ {
		set(8, size-15+i, bit(i))
	}
	set(8, size-8, true) // the dark module
}

// maskOf reads which mask a symbol uses from its format information, or
// returns -1 if the information does not match level l.
func maskOf(modules [][]bool, l Level) int {
	for m := range maskPatterns {
		probe := make([][]bool, len(modules))
		for y := range modules {
			probe[y] = append([]bool(nil), modules[y]...)
		}
		setFormat(probe, l, m)
		if equalModules(probe, modules) {
			return m
		}
	}
	return -1
}

func equalModules(a, b [][]bool) bool {
	for y := range a {
		for x := range a[y] {
			if a[y][x] != b[y][x] {
				return false
			}
		}
	}
	return true
}

// remask returns the symbol with mask to instead of from.
func remask(modules [][]bool, version int, l Level, from, to int) [][]bool {
	fn := functionModules(version)
	out := make([][]bool, len(modules))
	for y := range modules {
		out[y] = make([]bool, len(modules))
		for x := range modules[y] {
			v := modules[y][x]
			if !fn[y][x] && maskPatterns[from](x, y) != maskPatterns[to](x, y) {
				v = !v
			}
			out[y][x] = v
		}
	}
	setFormat(out, l, to)
	return out
}

// chooseMask returns the masking of a symbol to publish, and its mask;
// see the comment at the top of this file. A symbol whose format
// information cannot be read back is returned as it is.
func chooseMask(content string, modules [][]bool, version int, l Level) ([][]bool, int) {
	from := maskOf(modules, l)
	if from < 0 || readable(content, modules) {
		return modules, from
	}
	type variant struct {
		mask, penalty int
		modules       [][]bool
	}
	var variants []variant
	for m := range maskPatterns {
		if m != from {
			v := remask(modules, version, l, from, m)
			variants = append(variants, variant{m, penalty(v), v})
		}
	}
	slices.SortStableFunc(variants, func(a, b variant) int { return cmp.Compare(a.penalty, b.penalty) })
	for _, v := range variants {
		if readable(content, v.modules) {
			return v.modules, v.mask
		}
	}
	return modules, from // no mask reads: keep skip2's; tests decode every code
}

// penalty scores a symbol by the four rules of ISO/IEC 18004 §7.8.3.2:
// runs of five or more same-coloured modules, 2×2 blocks, finder-like
// 1:1:3:1:1 patterns with four light modules on either side (counting the
// light area around the symbol), and imbalance of dark and light.
func penalty(m [][]bool) int {
	size := len(m)
	score := 0
	at := func(x, y int, vertical bool) bool {
		if vertical {
			return m[x][y]
		}
		return m[y][x]
	}
	for _, vertical := range []bool{false, true} {
		for y := range size {
			run := 0
			for x := range size {
				if x > 0 && at(x, y, vertical) == at(x-1, y, vertical) {
					run++
				} else {
					if run >= 5 {
						score += 3 + run - 5
					}
					run = 1
				}
			}
			if run >= 5 {
				score += 3 + run - 5
			}
			score += 40 * finderLike(size, func(x int) bool {
				return x >= 0 && x < size && at(x, y, vertical)
			})
		}
	}
	dark := 0
	for y := range size {
		for x := range size {
			if m[y][x] {
				dark++
			}
			if x+1 < size && y+1 < size && m[y][x] == m[y][x+1] && m[y][x] == m[y+1][x] && m[y][x] == m[y+1][x+1] {
				score += 3
			}
		}
	}
	k := (abs(dark*20-size*size*10) + size*size - 1) / (size * size)
	return score + 10*max(k-1, 0)
}

// finderLike counts, in one row read through dark, the places where
// dark-light-dark-dark-dark-light-dark (1:1:3:1:1) has four light modules
// before or after it; positions outside the symbol are light.
func finderLike(size int, dark func(x int) bool) int {
	n := 0
	pattern := [7]bool{true, false, true, true, true, false, true}
	for x := -4; x+7 <= size+4; x++ {
		match := true
		for i, want := range pattern {
			if dark(x+i) != want {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		lightBefore, lightAfter := true, true
		for i := 1; i <= 4; i++ {
			lightBefore = lightBefore && !dark(x-i)
			lightAfter = lightAfter && !dark(x+6+i)
		}
		if lightBefore || lightAfter {
			n++
		}
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
