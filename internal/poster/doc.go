// Package poster lays out and draws the printed side of qrboard: an A4
// (or A3, A5) poster per page — the paper that replaces a procedure on
// the office's wall board — and an office's board sheet, a grid of its
// procedures with a code and a name each. It writes PDF; package render
// writes the same words as an HTML poster.
//
// # The poster, top to bottom
//
// The issuing authority and the office; the procedure's short name, as
// large as fits (it wraps between words and shrinks, never overflows and
// never cuts a word); the "Không chờ, không giấy hẹn" badge with its
// caveat in small type; the QR code, 11 cm wide on A4, on white with its
// 4-module quiet zone; the page address in plain text, domain in bold, so
// a citizen can type it and see whose site it is (fake QR stickers pasted
// over real ones are a known scam); the time and the fee; the instruction
// to scan; a footer with the print date and the date the facts were last
// checked. The title takes the height the rest leaves.
//
// # Density
//
// A code is printable when its modules are at least MinModule wide at
// the distance it is read from (see Paper.PosterDensity and
// Paper.SheetDensity); the build refuses addresses that would print
// smaller.
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
package poster
