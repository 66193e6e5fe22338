// Package poster lays out and draws the printed side of qrboard: an A4
// (or A3, A5) poster per page — the paper that replaces a procedure on
// the office's wall board — and an office's board sheet, a grid of its
// procedures with a code and a name each. It writes PDF; package render
// writes the same words as an HTML poster.
//
// # The poster, top to bottom
//
// The issuing authority and the office, beside a box for the office's
// stamp (top right, 36 mm on A4, outside the code's quiet zone); the
// procedure's short name, as large as fits (it wraps between words and
// shrinks, never overflows and never cuts a word); for a procedure done
// the same day, the green badge "Nộp trước 15:00 – nhận kết quả trong
// ngày" and under it, in large type too, the rest of the rule ("Nộp sau
// 15:00: nhận kết quả ngày làm việc tiếp theo") — the legal citations
// stay on the web page; the QR code, as large as the page allows, on
// white with its 4-module quiet zone; under it what scanning gives ("Quét
// để xem giấy tờ cần mang, lệ phí, mẫu tờ khai"); the address the code
// holds, in plain text with the domain in bold, so a citizen can type it
// and see whose site it is (fake QR stickers pasted over real ones are a
// known scam), and a line telling citizens to check that domain; the
// code's printed width ("Mã rộng 13,3 cm"), so staff can measure a print
// shrunk to fit the page; the main papers to bring, the time, the fee and
// the office's reception hours when known; a footer with the print date
// and the date the facts were last checked. The title takes the height
// the rest leaves.
//
// Each field of Poster says where render takes its words from; the type
// sizes and spacing are written once, in layout.go, and poster.html's
// stylesheet reads them through A4Sizes.
//
// # The code's size
//
// A poster's code is the short address of its page (package lock), such
// as HTTPS://PHUCTHO.HANOI.GOV.VN/12/, which QR's alphanumeric mode holds
// in a version 2 code (25 modules) at levels L and M, version 3 at Q. Its
// modules are as large as fit, with the quiet zone, in a square of 176 mm
// on A4 (what the words leave of the height) and 268 mm on A3 (the width
// of the column: A3's words are A4's × 1.2, not × √2): 5.3 mm and 8.1 mm
// at version 2, a code 13.3 cm and 20.3 cm wide.
//
// Level M is the choice, from a camera simulation (package camera,
// scripts/camera.sh: each poster of the sample printed with
// https://phuctho.hanoi.gov.vn/, shot at 1/d px per mm from d metres with
// a 5–10° tilt, 3–8 % keystone, σ≈1 px blur, 15–85 % contrast, noise and
// JPEG q70; 100 shots a cell; per cent read right by zbar / gozxing):
//
//	paper distance level version module  zbar gozxing
//	A4    1.0 m    L     2       5.3 mm  100 %  92 %
//	A4    1.5 m    L     2       5.3 mm   87 %  82 %
//	A4    2.0 m    L     2       5.3 mm   11 %  37 %
//	A4    1.0 m    M     2       5.3 mm  100 %  92 %
//	A4    1.5 m    M     2       5.3 mm   97 %  81 %
//	A4    2.0 m    M     2       5.3 mm   30 %  38 %
//	A4    1.0 m    Q     3       4.7 mm  100 %  86 %
//	A4    1.5 m    Q     3       4.7 mm  100 %  80 %
//	A4    2.0 m    Q     3       4.7 mm   20 %   5 %
//	A3    1.0 m    L     2       8.1 mm   98 %  95 %
//	A3    1.5 m    L     2       8.1 mm  100 %  90 %
//	A3    2.0 m    L     2       8.1 mm   98 %  84 %
//	A3    1.0 m    M     2       8.1 mm   98 %  95 %
//	A3    1.5 m    M     2       8.1 mm  100 %  90 %
//	A3    2.0 m    M     2       8.1 mm   99 %  84 %
//	A3    1.0 m    Q     3       7.2 mm   96 %  94 %
//	A3    1.5 m    Q     3       7.2 mm  100 %  89 %
//	A3    2.0 m    Q     3       7.2 mm  100 %  83 %
//
// L gains nothing over M here (the same version, less correction), and
// Q needs version 3, whose smaller modules read as well up to 1.5 m but
// worse at 2 m. An A4 poster is for reading from up to 1.5 m (zbar 97 %);
// from 2 m and beyond, A3 (99 %). gozxing stays at 80–95 % however large
// the modules — even 8 px a module at 1 m misses 5 % — so the resolution
// is not what it misses on: on A3 from 1 m its 5 misses are all shots
// with a contrast under 25 %; on A4 from 1.5 m, 12 of its 19 misses are
// among the 14 shots under 30 %, so it reads 92 % of the others.
//
// # Density
//
// A code is printable when its modules are at least MinModule wide at
// the distance it is read from (see Paper.PosterDensity and
// Paper.SheetDensity); the build refuses addresses that would print
// smaller. The board sheet's cells are read from under 50 cm, and say so.
//
// # PDF
//
// PDFs are written with github.com/signintech/gopdf, which embeds
// TrueType fonts as subsets with a ToUnicode map, so text is small,
// searchable and copies out as the Vietnamese it was. The font is
// Liberation Sans (github.com/go-fonts/liberation), which covers every
// Vietnamese letter; it is compiled into the binary and parsed once.
// Codes are drawn as one vector path (see Doc.code). Documents carry a
// title, the authority as author, and a creation date taken from the
// build date, never the clock: the same input gives the same bytes.
// Their catalog asks viewers to print at 100 % (/ViewerPreferences
// /PrintScaling /None), which gopdf cannot say by itself (see
// printAt100).
package poster
