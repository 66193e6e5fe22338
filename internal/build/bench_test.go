package build

import (
	"testing"

	"qrboard/internal/qr"
)

// BenchmarkPageFiles measures the cost of each file of one procedure
// page — the kind a large site has thousands of — on one core: the HTML
// (rendered and weighed), the QR codes, the sharing picture and the poster.
func BenchmarkPageFiles(b *testing.B) {
	src := copyProject(b, repoRoot)
	p, diags := Load(Options{Src: src, Now: testNow})
	if p == nil {
		b.Fatal(diags.Err())
	}
	pg := p.Site.Page("van-ha/dang-ky-ket-hon/")
	in, diags, err := p.preparePage(pg)
	if err != nil || diags.HasErrors() {
		b.Fatal(err, diags.Err())
	}
	b.Run("qr-encode", func(b *testing.B) {
		for b.Loop() {
			qr.Encode(p.Site.URL(pg.Path), p.Level)
		}
	})
	for _, f := range pageFiles {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				data, err := f.make(p, in)
				if err != nil {
					b.Fatal(err)
				}
				n = len(data)
			}
			b.ReportMetric(float64(n), "bytes")
		})
	}
}
