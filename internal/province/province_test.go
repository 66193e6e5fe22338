package province_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qrboard"
	"qrboard/internal/build"
	"qrboard/internal/province"
	"qrboard/internal/qr"
)

var now = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// TestProvinceBuilds writes a small province and its Hugo twin, builds
// it, and checks that it has the pages Options.Pages promises, each with
// its own content, and a content file per page for Hugo.
func TestProvinceBuilds(t *testing.T) {
	opts := province.Options{Offices: 27, Procedures: 7} // offices wrap round the sample's 25 communes
	dir := t.TempDir()
	src := filepath.Join(dir, "province")
	if err := province.Write(src, qrboard.Sample(), opts); err != nil {
		t.Fatal(err)
	}
	res, diags, err := build.Run(context.Background(), build.Options{Src: src, Out: filepath.Join(dir, "site"), Now: now})
	if err != nil || res == nil {
		t.Fatalf("build failed: %v %v", err, diags.Err())
	}
	if res.Pages != opts.Pages() {
		t.Errorf("%d pages, want %d", res.Pages, opts.Pages())
	}
	if res.MaxQRVersion > build.MaxVersion {
		t.Errorf("QR version %d, want ≤ %d", res.MaxQRVersion, build.MaxVersion)
	}
	seen := map[string]string{}
	for _, p := range []string{"phuc-loc/chung-thuc-ban-sao/", "phuc-loc-2/chung-thuc-ban-sao/", "phuc-loc/chung-thuc-ban-sao-2/"} {
		data, err := os.ReadFile(filepath.Join(dir, "site", filepath.FromSlash(res.Site.Where(p)), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		title := between(string(data), "<title>", "</title>")
		if other, dup := seen[title]; dup {
			t.Errorf("%s and %s have the same title %q", p, other, title)
		}
		seen[title] = p
	}

	hugo := filepath.Join(dir, "hugo")
	p, diags := build.Load(build.Options{Src: src, Now: now})
	if p == nil {
		t.Fatal(diags.Err())
	}
	if err := province.WriteHugo(hugo, p.Site, []byte("body{}")); err != nil {
		t.Fatal(err)
	}
	var content int
	filepath.WalkDir(filepath.Join(hugo, "content"), func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			content++
		}
		return nil
	})
	if content != opts.Pages() {
		t.Errorf("%d Hugo content files, want %d", content, opts.Pages())
	}
}

// TestLongestAddress checks that the longest address of a 100 × 100
// province, the size the benchmarks use, fits a version 4 code at level M.
func TestLongestAddress(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "province")
	opts := province.Options{Offices: 100, Procedures: 100}
	if err := province.Write(dir, qrboard.Sample(), opts); err != nil {
		t.Fatal(err)
	}
	p, diags := build.Load(build.Options{Src: dir, Now: now})
	if p == nil {
		t.Fatal(diags.Err())
	}
	if len(p.Site.Pages) != opts.Pages() {
		t.Errorf("%d pages, want %d", len(p.Site.Pages), opts.Pages())
	}
	longest := ""
	for _, pg := range p.Site.Pages {
		if u := p.Site.URL(pg.Path); len(u) > len(longest) {
			longest = u
		}
	}
	c, err := qr.Encode(longest, qr.M)
	if err != nil || c.Version > build.MaxVersion {
		t.Errorf("%s: version %d (%v), want ≤ %d", longest, c.Version, err, build.MaxVersion)
	}
}

func between(s, from, to string) string {
	_, s, _ = strings.Cut(s, from)
	s, _, _ = strings.Cut(s, to)
	return s
}
