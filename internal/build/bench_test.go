package build

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"qrboard"
	"qrboard/internal/province"
	"qrboard/internal/qr"
)

// Benchmarks of a whole build run on a synthetic province
// (internal/province). The 10,000-page one takes tens of seconds per
// iteration, so it runs only when -bench names it ("-bench Build/10000")
// and never with -short. scripts/bench.sh times the qrboard binary on the
// same provinces and compares with Hugo.

// provinceSizes are the synthetic provinces of the build benchmarks:
// 20 × 50 gives 1,071 pages, 100 × 100 gives 10,201.
var provinceSizes = []province.Options{{Offices: 20, Procedures: 50}, {Offices: 100, Procedures: 100}}

// writeProvince writes a synthetic province into a temporary folder.
func writeProvince(b *testing.B, opts province.Options) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "province")
	if err := province.Write(dir, qrboard.Sample(), opts); err != nil {
		b.Fatal(err)
	}
	return dir
}

// explicitlySelected reports whether the -bench pattern names the
// benchmark by its size, so the slow sizes never run by accident.
func explicitlySelected(size string) bool {
	f := flag.Lookup("test.bench")
	return f != nil && strings.Contains(f.Value.String(), size)
}

func BenchmarkLoad(b *testing.B) {
	for _, size := range provinceSizes[:1] {
		src := writeProvince(b, size)
		b.Run(fmt.Sprint(size.Pages()), func(b *testing.B) {
			for b.Loop() {
				if p, diags := Load(Options{Src: src, Now: testNow}); p == nil {
					b.Fatal(diags.Err())
				}
			}
		})
	}
}

// BenchmarkRenderPage renders one procedure page of the sample.
func BenchmarkRenderPage(b *testing.B) {
	p, diags := Load(Options{Src: repoRoot, Now: testNow})
	if p == nil {
		b.Fatal(diags.Err())
	}
	pg := p.Site.Page("phuc-loc/dang-ky-ket-hon/")
	code, _ := qr.Encode(p.Site.URL(pg.Path), p.Level)
	for b.Loop() {
		if _, err := p.Renderer.Page(pg, code); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild builds a synthetic province into an empty folder with
// the QR cache warm, as a rebuild after changing templates or a fee does.
func BenchmarkBuild(b *testing.B) {
	for _, size := range provinceSizes {
		name := fmt.Sprint(size.Pages())
		b.Run(name, func(b *testing.B) {
			if size.Pages() > 5000 && (testing.Short() || !explicitlySelected(name)) {
				b.Skipf("%s pages: run with -bench Build/%s", name, name)
			}
			src := writeProvince(b, size)
			tmp := b.TempDir()
			cache := filepath.Join(tmp, "cache")
			mustBuildB(b, Options{Src: src, Out: filepath.Join(tmp, "warm"), Now: testNow, Cache: cache})
			i := 0
			for b.Loop() {
				i++
				out := filepath.Join(tmp, fmt.Sprint("site", i))
				mustBuildB(b, Options{Src: src, Out: out, Now: testNow, Cache: cache})
				b.StopTimer()
				os.RemoveAll(out)
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(size.Pages()), "µs/page")
		})
	}
}

func mustBuildB(b *testing.B, opts Options) *Result {
	b.Helper()
	res, diags, err := Run(context.Background(), opts)
	if err != nil {
		b.Fatal(err)
	}
	if res == nil {
		b.Fatal(diags.Err())
	}
	return res
}

// BenchmarkRebuild rebuilds a synthetic province into its previous
// output after changing one procedure: the pages that show it are made
// again, the others kept.
func BenchmarkRebuild(b *testing.B) {
	for _, size := range provinceSizes {
		name := fmt.Sprint(size.Pages())
		b.Run(name, func(b *testing.B) {
			if size.Pages() > 5000 && (testing.Short() || !explicitlySelected(name)) {
				b.Skipf("%s pages: run with -bench Rebuild/%s", name, name)
			}
			src := writeProvince(b, size)
			tmp := b.TempDir()
			opts := Options{Src: src, Out: filepath.Join(tmp, "site"), Now: testNow, Cache: filepath.Join(tmp, "cache")}
			mustBuildB(b, opts)
			file := filepath.Join(src, "procedures", "dang-ky-ket-hon.yaml")
			orig, err := os.ReadFile(file)
			if err != nil {
				b.Fatal(err)
			}
			i := 0
			for b.Loop() {
				i++
				b.StopTimer()
				os.WriteFile(file, append(orig, fmt.Sprintf("# edit %d\n", i)...), 0o644)
				b.StartTimer()
				mustBuildB(b, opts)
			}
		})
	}
}

// BenchmarkRenderBoard renders the board of an office that handles 100
// procedures, the page a renamed procedure makes again at every office.
func BenchmarkRenderBoard(b *testing.B) {
	src := writeProvince(b, province.Options{Offices: 1, Procedures: 100})
	p, diags := Load(Options{Src: src, Now: testNow})
	if p == nil {
		b.Fatal(diags.Err())
	}
	pg := p.Site.Pages[1]
	code, _ := qr.Encode(p.Site.URL(pg.Path), p.Level)
	for b.Loop() {
		if _, err := p.Renderer.Page(pg, code); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPageFiles measures the cost of each file of one procedure
// page — the kind a large site has thousands of — on one core: the code,
// the HTML (rendered and weighed), the sharing picture (one per
// procedure, not per page) and the poster (serve and print only).
func BenchmarkPageFiles(b *testing.B) {
	src := copyProject(b, repoRoot)
	p, diags := Load(Options{Src: src, Now: testNow})
	if p == nil {
		b.Fatal(diags.Err())
	}
	pg := p.Site.Page("phuc-loc/dang-ky-ket-hon/")
	in, diags, err := p.preparePage(pg)
	if err != nil || diags.HasErrors() {
		b.Fatal(err, diags.Err())
	}
	b.Run("qr-encode", func(b *testing.B) {
		for b.Loop() {
			qr.Encode(p.Site.URL(pg.Path), p.Level)
		}
	})
	b.Run("prepare", func(b *testing.B) { // the poster's words, layout and checks, the code in memory
		for b.Loop() {
			p.preparePage(pg)
		}
	})
	for _, f := range []pageFile{indexFile, imageFile, posterFile} {
		b.Run(path.Base(f.at(pg)), func(b *testing.B) {
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

// BenchmarkBuildCold builds a synthetic province with no cache at all, as
// a CI runner without a saved cache folder does: every code is encoded
// and read back, every picture drawn, every page weighed.
//
//	go test ./internal/build -run - -bench BuildCold/1071 -cpuprofile cpu.out
func BenchmarkBuildCold(b *testing.B) {
	for _, size := range provinceSizes {
		name := fmt.Sprint(size.Pages())
		b.Run(name, func(b *testing.B) {
			if size.Pages() > 5000 && (testing.Short() || !explicitlySelected(name)) {
				b.Skipf("%s pages: run with -bench BuildCold/%s", name, name)
			}
			src := writeProvince(b, size)
			tmp := b.TempDir()
			i := 0
			for b.Loop() {
				i++
				out := filepath.Join(tmp, fmt.Sprint("site", i))
				mustBuildB(b, Options{Src: src, Out: out, Now: testNow})
				b.StopTimer()
				os.RemoveAll(out)
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(size.Pages()), "µs/page")
		})
	}
}
