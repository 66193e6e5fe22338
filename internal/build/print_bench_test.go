package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qrboard/internal/poster"
)

// BenchmarkOfficePack makes the print pack of an office with 100
// procedures — the sample's five, each copied 20 times under new ids —
// in memory: "combined" makes posters.pdf, the 100 posters in one PDF;
// "pack" makes everything print/<office>/ holds: posters.pdf, the 100
// single posters, the board sheet and the door poster.
func BenchmarkOfficePack(b *testing.B) {
	src := b.TempDir()
	if err := os.CopyFS(filepath.Join(src, "procedures"), os.DirFS(filepath.Join(repoRoot, "procedures"))); err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(repoRoot, "qrboard.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	os.WriteFile(filepath.Join(src, "qrboard.yaml"), data, 0o644)
	files, _ := filepath.Glob(filepath.Join(repoRoot, "procedures", "*.yaml"))
	for _, f := range files {
		text, _ := os.ReadFile(f)
		id := strings.TrimSuffix(filepath.Base(f), ".yaml")
		for i := 2; i <= 20; i++ {
			copy := strings.Replace(string(text), "offices: communes", "offices: [phuc-loc]", 1)
			os.WriteFile(filepath.Join(src, "procedures", fmt.Sprintf("%s-%d.yaml", id, i)), []byte(copy), 0o644)
		}
	}
	p, diags := Load(Options{Src: src, Now: testNow})
	if p == nil {
		b.Fatal(diags.Err())
	}
	o := p.Site.Offices[1]
	if o.ID != "phuc-loc" || len(o.Procedures) != 100 {
		b.Fatalf("%s has %d procedures, want phuc-loc with 100", o.ID, len(o.Procedures))
	}
	b.Run("combined", func(b *testing.B) {
		var ins []*pageInput
		for _, proc := range o.Procedures {
			in, _, err := p.preparePage(p.Site.Page(o.ID + "/" + proc.ID + "/"))
			if err != nil {
				b.Fatal(err)
			}
			ins = append(ins, in)
		}
		var size int
		for b.Loop() {
			data, err := p.pdf("pack", func(d *poster.Doc) error {
				for _, in := range ins {
					if err := d.AddPoster(in.poster); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			size = len(data)
		}
		b.ReportMetric(float64(size), "bytes/pdf")
	})
	b.Run("pack", func(b *testing.B) {
		var pk *pack
		for b.Loop() {
			var err error
			if pk, diags, err = p.printOffice(o); err != nil || diags.HasErrors() {
				b.Fatal(err, diags.Err())
			}
		}
		b.ReportMetric(float64(len(pk.files[SheetFile])), "bytes/sheet")
		b.ReportMetric(float64(pk.sheets), "sheet-pages")
	})
}
