package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qrboard/internal/diag"
	"qrboard/internal/lock"
	"qrboard/internal/msg"
	"qrboard/internal/value"
)

// edits are changes staff make between two builds, in the order
// TestIncrementalMatchesFull makes them: each keeps the ones before.
var edits = []struct {
	name   string
	change func(t *testing.T, src string)
	opts   func(o *Options) // a change of the command line, kept for the next builds
	config bool             // every page is made again, but its QR codes
	url    bool             // and every QR code too
	moved  bool             // some addresses change: their QR codes are made again
}{
	{name: "procedure short name", change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "procedures", "dang-ky-ket-hon.yaml"), "short_name: Đăng ký kết hôn", "short_name: Đăng ký kết hôn trong nước")
	}},
	{name: "procedure fee", change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "procedures", "chung-thuc-chu-ky.yaml"), "fee: 10.000 đồng/trường hợp", "fee: 12.000 đồng/trường hợp")
	}},
	{name: "procedure summary", change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "procedures", "dang-ky-ket-hon.yaml"), "summary: >-\n", "summary: >-\n  Thủ tục mới.\n")
	}},
	{name: "document added", change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "procedures", "dang-ky-ket-hon.yaml"), "documents:\n", "documents:\n  - name: Giấy mới\n")
	}},
	{name: "procedure full name", change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "procedures", "dang-ky-khai-tu.yaml"), "\nname: ", "\nname: Mới – ")
	}},
	{name: "procedure field", change: func(t *testing.T, src string) {
		// A field that keeps the order of lists: only their headings change.
		replaceIn(t, filepath.Join(src, "procedures", "trich-luc-ho-tich.yaml"), "field: Hộ tịch", "field: Giấy tờ hộ tịch")
	}},
	{name: "procedure field, moving it", change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "procedures", "trich-luc-ho-tich.yaml"), "field: Giấy tờ hộ tịch", "field: Chứng thực")
	}},
	{name: "procedure code", change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "procedures", "trich-luc-ho-tich.yaml"), `code: "2.000635"`, `code: "2.000636"`)
	}},
	{name: "procedure keywords", change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "procedures", "chung-thuc-chu-ky.yaml"), "keywords:\n", "keywords:\n  - ký tên\n")
	}},
	{name: "procedure updated date", change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "procedures", "dang-ky-khai-tu.yaml"), "updated: 2026-12-02", "updated: 2026-12-03")
	}},
	{name: "no-wait badge off", change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "procedures", "dang-ky-khai-tu.yaml"), "no_wait: true", "no_wait: false")
	}},
	{name: "procedure repealed", change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "procedures", "chung-thuc-ban-sao.yaml"), "updated:", "repealed_on: 2026-07-01\nupdated:")
	}},
	{name: "procedure added", change: func(t *testing.T, src string) {
		data := readFile(t, filepath.Join(src, "procedures", "dang-ky-khai-tu.yaml"))
		writeFile(t, filepath.Join(src, "procedures", "khai-tu-moi.yaml"), bytes.Replace(data, []byte("short_name: Đăng ký khai tử"), []byte("short_name: Khai tử mới"), 1))
	}},
	{name: "repeal date to come", change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "procedures", "khai-tu-moi.yaml"), "updated:", "repealed_on: 2027-01-15\nupdated:")
	}},
	{name: "procedure in force from a day to come", change: func(t *testing.T, src string) {
		data := string(readFile(t, filepath.Join(src, "procedures", "trich-luc-ho-tich.yaml")))
		data = strings.Replace(data, "short_name: ", "effective_from: 2027-01-20\nshort_name: Sắp có – ", 1)
		writeFile(t, filepath.Join(src, "procedures", "sap-co.yaml"), []byte(data))
	}},
	{name: "procedure renamed with an alias", change: func(t *testing.T, src string) {
		dir := filepath.Join(src, "procedures")
		rename(t, dir, "dang-ky-khai-tu.yaml", "khai-tu.yaml")
		appendFile(t, filepath.Join(dir, "khai-tu.yaml"), "aliases: [dang-ky-khai-tu]\n")
	}},
	{name: "-now after the repeal and the day in force", opts: func(o *Options) { o.Now = testNow.AddDate(0, 2, 0) }},
	{name: "office renamed", config: true, change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "qrboard.yaml"), "name: Xã Phúc Lộc\n", "name: Xã Phúc Lộc mới\n")
	}},
	{name: "office contact details", config: true, change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "qrboard.yaml"), "address: \"TODO: địa chỉ Điểm Phục vụ hành chính công xã Hát Môn\"\n    phone: \"TODO: số điện thoại Điểm Phục vụ hành chính công\"\n    hours: \"TODO: giờ tiếp nhận hồ sơ\"",
			"address: Thôn Thử, xã Hát Môn\n    phone: \"0200 000 000\"\n    hours: Sáng thứ Hai đến thứ Sáu")
	}},
	{name: "office id renamed with an alias", config: true, moved: true, change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "qrboard.yaml"), "id: phuc-loc\n", "id: phuc-loc-moi\n    aliases: [phuc-loc]\n")
	}},
	// Building as of another day shows the offices of that day; the lock
	// of 2023 holds only what was published then.
	{name: "-now before the mergers of 2025", config: true, moved: true, change: func(t *testing.T, src string) {
		writeFile(t, filepath.Join(src, "qrboard.lock"), readFile(t, filepath.Join("testdata", "qrboard-2023.lock")))
	}, opts: func(o *Options) { o.Now = time.Date(2024, 12, 1, 12, 0, 0, 0, value.Vietnam) }},
	{name: "-now between the mergers", config: true, moved: true, opts: func(o *Options) { o.Now = time.Date(2025, 3, 1, 12, 0, 0, 0, value.Vietnam) }},
	{name: "-now after the mergers", config: true, moved: true, opts: func(o *Options) { o.Now = testNow.AddDate(0, 2, 0) }},
	{name: "print paper in qrboard.yaml", config: true, change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "qrboard.yaml"), "paper: A4", "paper: A3")
	}},
	{name: "-paper", config: true, opts: func(o *Options) { o.Paper = "A4" }},
	{name: "QR level", config: true, url: true, change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "qrboard.yaml"), "level: M", "level: L")
	}},
	{name: "base address changed", config: true, url: true, change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "qrboard.yaml"), "base_url: https://phuctho.example/", "base_url: https://thutuc.phuctho.example/")
	}},
	{name: "-base-url", config: true, url: true, opts: func(o *Options) { o.BaseURL = "https://phuctho.example/thu-tuc/" }},
	// The project's own templates, laid over the built-in ones: from here
	// on every page depends on every template file.
	{name: "own page.js", config: true, change: func(t *testing.T, src string) {
		js := readFile(t, filepath.Join(repoRoot, "templates", "page.js"))
		writeFile(t, filepath.Join(src, "templates", "page.js"), append(js, "document.documentElement.dataset.own = '1';\n"...))
	}},
	{name: "own style.css", config: true, change: func(t *testing.T, src string) {
		css := readFile(t, filepath.Join(repoRoot, "templates", "style.css"))
		writeFile(t, filepath.Join(src, "templates", "style.css"), append(css, "h1{letter-spacing:.01em}\n"...))
	}},
	{name: "own interface strings", config: true, change: func(t *testing.T, src string) {
		vi := string(readFile(t, filepath.Join(repoRoot, "templates", "lang", "vi.yaml")))
		writeFile(t, filepath.Join(src, "templates", "lang", "vi.yaml"), []byte(strings.Replace(vi, "\nno_wait: \"Nộp ", "\nno_wait: \"Hãy nộp ", 1)))
	}},
	{name: "own poster.html", config: true, change: func(t *testing.T, src string) {
		poster := string(readFile(t, filepath.Join(repoRoot, "templates", "poster.html")))
		writeFile(t, filepath.Join(src, "templates", "poster.html"), []byte(strings.Replace(poster, "<article class=\"sheet\">", "<article class=\"sheet own\">", 1)))
	}},
	{name: "own template: -now shown", config: true, change: func(t *testing.T, src string) {
		home := string(readFile(t, filepath.Join(repoRoot, "templates", "home.html")))
		writeFile(t, filepath.Join(src, "templates", "home.html"), []byte(strings.Replace(home, "<h1>", "<p>{{.Site.Now.Vietnamese}}</p><h1>", 1)))
	}},
	{name: "-now with own templates", config: true, opts: func(o *Options) { o.Now = o.Now.AddDate(0, 0, 1) }},
}

// TestIncrementalMatchesFull makes each edit in turn and rebuilds into
// the previous output with the cache (keeping the pages whose inputs did
// not change), then builds the same project from scratch without it: the
// two folders must be byte for byte the same. This is what holds the
// page keys of inputs.go to what the templates really show.
func TestIncrementalMatchesFull(t *testing.T) {
	src := copyProject(t, repoRoot)
	cache := t.TempDir()
	out := filepath.Join(t.TempDir(), "site")
	opts := Options{Src: src, Out: out, Now: testNow, Cache: cache}
	mustBuild(t, opts)
	// The builds from scratch share their QR codes in memory, no more:
	// encoding every code for each of them made this test outlast go
	// test's ten minutes under -race on two cores.
	codes := &QRCache{}
	for _, e := range edits {
		if e.change != nil {
			e.change(t, src)
		}
		if e.opts != nil {
			e.opts(&opts)
		}
		res, diags := mustBuildDiags(t, opts)
		fresh := opts
		fresh.Out, fresh.Cache, fresh.QRCache = filepath.Join(t.TempDir(), "site"), "", codes
		want, wantDiags := mustBuildDiags(t, fresh)
		sameFolders(t, e.name, out, fresh.Out)
		// What the build says of pages it kept is what it says of pages
		// it made: the weights, the QR versions, the counts, the warnings.
		if res.Heaviest != want.Heaviest || res.MaxQRVersion != want.MaxQRVersion || res.Pages != want.Pages ||
			res.QRCodes != want.QRCodes || res.Redirects != want.Redirects {
			t.Errorf("%s: heaviest %+v, QR version %d, %d pages, %d codes, %d redirects; from scratch %+v, %d, %d, %d, %d",
				e.name, res.Heaviest, res.MaxQRVersion, res.Pages, res.QRCodes, res.Redirects,
				want.Heaviest, want.MaxQRVersion, want.Pages, want.QRCodes, want.Redirects)
		}
		if got, want := formatDiags(diags), formatDiags(wantDiags); got != want {
			t.Errorf("%s: the rebuild says\n%s\nthe build from scratch\n%s", e.name, got, want)
		}
		if !e.config && res.Files.Kept == 0 {
			t.Errorf("%s: no page kept: %+v", e.name, res.Files)
		}
		if (e.config || e.url) && res.Files.Kept != 0 {
			t.Errorf("%s: %d files kept after every address changed", e.name, res.Files.Kept)
		}
	}
}

// TestIncrementalOwnTemplates does the same with a template of the
// project's own that lists every procedure on every procedure page: there
// no page is kept after a procedure changes.
func TestIncrementalOwnTemplates(t *testing.T) {
	src := copyProject(t, repoRoot)
	page := readFile(t, filepath.Join(repoRoot, "templates", "procedure.html"))
	page = bytes.Replace(page, []byte(`<h2 id="noi-nop">`), []byte(`<p>{{range $.Site.Procedures}}{{.ShortName}} {{end}}</p><h2 id="noi-nop">`), 1)
	writeFile(t, filepath.Join(src, "templates", "procedure.html"), page)
	cache := t.TempDir()
	out := filepath.Join(t.TempDir(), "site")
	mustBuild(t, Options{Src: src, Out: out, Now: testNow, Cache: cache})
	edits[0].change(t, src)
	res := mustBuild(t, Options{Src: src, Out: out, Now: testNow, Cache: cache})
	fresh := filepath.Join(t.TempDir(), "site")
	mustBuild(t, Options{Src: src, Out: fresh, Now: testNow})
	sameFolders(t, "own templates", out, fresh)
	if res.Files.Kept != 0 {
		t.Errorf("%d files kept with the project's own templates, want none", res.Files.Kept)
	}
}

// TestRebuildRestoresHandEdits edits built files by hand, keeping their
// size and time, and deletes a page's folder: the next build puts back
// what the project says.
func TestRebuildRestoresHandEdits(t *testing.T) {
	src := copyProject(t, repoRoot)
	cache := t.TempDir()
	out := filepath.Join(t.TempDir(), "site")
	mustBuild(t, Options{Src: src, Out: out, Now: testNow, Cache: cache})
	want := contents(t, out)
	lk, _ := lock.Open(src)
	short := lk.Short("/hat-mon/")
	if short == 0 {
		t.Fatal("the board of hat-mon has no short address")
	}
	if err := os.RemoveAll(filepath.Join(out, "phuc-tho", "dang-ky-ket-hon")); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"phuc-loc/dang-ky-ket-hon/index.html", "dang-ky-ket-hon/og.png", "index.html", fmt.Sprint(short, "/index.html")} {
		p := filepath.Join(out, filepath.FromSlash(rel))
		info, _ := os.Stat(p)
		data := readFile(t, p)
		data[len(data)/2] ^= 0x20
		writeFile(t, p, data)
		os.Chtimes(p, info.ModTime(), info.ModTime())
	}
	res := mustBuild(t, Options{Src: src, Out: out, Now: testNow, Cache: cache})
	if res.Files.Changed != 4 || res.Files.Added != 1 {
		t.Errorf("%d files rewritten, %d added; want the 4 edited, and the page deleted", res.Files.Changed, res.Files.Added)
	}
	got := contents(t, out)
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s not restored", name)
		}
	}
}

// sameFolders expects the same files with the same bytes in a and b.
func sameFolders(t *testing.T, name, a, b string) {
	t.Helper()
	ca, cb := contents(t, a), contents(t, b)
	for rel, data := range ca {
		if other, ok := cb[rel]; !ok {
			t.Errorf("%s: %s only in the incremental build", name, rel)
		} else if !bytes.Equal(data, other) {
			t.Errorf("%s: %s differs from a build from scratch", name, rel)
		}
	}
	for rel := range cb {
		if _, ok := ca[rel]; !ok {
			t.Errorf("%s: %s missing from the incremental build", name, rel)
		}
	}
}

// TestFailedRebuildChangesNothing breaks a procedure so that the build
// fails while writing — its short name has a character the poster font
// lacks, found when the pages are made, after other pages were staged —
// and expects the output folder, its manifest in the cache and
// qrboard.lock exactly as they were. Fixed, the next rebuild equals a
// build from scratch.
func TestFailedRebuildChangesNothing(t *testing.T) {
	src := copyProject(t, repoRoot)
	cache := t.TempDir()
	out := filepath.Join(t.TempDir(), "site")
	opts := Options{Src: src, Out: out, Now: testNow, Cache: cache}
	mustBuild(t, opts)
	before, cacheBefore := snapshot(t, out), contents(t, cache)
	lockFile := filepath.Join(src, "qrboard.lock")
	lockBefore := readFile(t, lockFile)

	file := filepath.Join(src, "procedures", "trich-luc-ho-tich.yaml")
	good := readFile(t, file)
	replaceIn(t, file, "short_name: ", "short_name: 結婚 ")
	replaceIn(t, filepath.Join(src, "procedures", "dang-ky-ket-hon.yaml"), "short_name: Đăng ký kết hôn", "short_name: Kết hôn")
	res, diags, err := Run(context.Background(), opts)
	if err != nil || res != nil || !diags.HasErrors() {
		t.Fatalf("a poster the font cannot print was built: res=%v err=%v", res, err)
	}
	if after := snapshot(t, out); !equalSnapshots(t, before, after) {
		t.Error("the failed build changed the output folder")
	}
	for name, data := range cacheBefore {
		if strings.HasSuffix(name, manifestExt) && !bytes.Equal(data, readFile(t, filepath.Join(cache, name))) {
			t.Errorf("the failed build changed the manifest %s", name)
		}
	}
	if !bytes.Equal(lockBefore, readFile(t, lockFile)) {
		t.Error("the failed build changed qrboard.lock")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if e.Name() != "site" {
			t.Errorf("left behind: %s", e.Name())
		}
	}

	writeFile(t, file, good)
	mustBuild(t, opts)
	fresh := filepath.Join(t.TempDir(), "site")
	mustBuild(t, Options{Src: src, Out: fresh, Now: testNow})
	sameFolders(t, "after the failed build", out, fresh)
}

func mustBuildDiags(t *testing.T, opts Options) (*Result, diag.List) {
	t.Helper()
	res, diags, err := Run(context.Background(), opts)
	if err != nil || res == nil {
		t.Fatalf("build failed: %v %v", err, diags.Err())
	}
	return res, diags
}

func formatDiags(diags diag.List) string {
	diags.Sort()
	var b strings.Builder
	diags.Print(&b, msg.En, "", diag.Warning)
	return b.String()
}

// TestIncrementalRenumbered rebuilds a project without qrboard.lock (its
// address still the sample's, so no lock is written) after a procedure
// is added: every short address after its own is numbered again, so
// pages move, and every page that links to one must follow it. The
// rebuild must match a build from scratch.
func TestIncrementalRenumbered(t *testing.T) {
	src := copyProject(t, repoRoot)
	os.Remove(filepath.Join(src, lock.File))
	cache := t.TempDir()
	out := filepath.Join(t.TempDir(), "site")
	opts := Options{Src: src, Out: out, Now: testNow, Cache: cache}
	before := mustBuild(t, opts)
	if _, err := os.Stat(filepath.Join(src, lock.File)); err == nil {
		t.Fatal("a lock was written for the sample's address")
	}
	data := readFile(t, filepath.Join(src, "procedures", "dang-ky-ket-hon.yaml"))
	data = bytes.Replace(data, []byte(`code: "1.000894"`), []byte(`code: "1.999999"`), 1)
	data = bytes.Replace(data, []byte("short_name: Đăng ký kết hôn\n"), []byte("short_name: Thủ tục thử\n"), 1)
	data = bytes.Replace(data, []byte("offices: communes"), []byte("offices: [hat-mon]"), 1)
	// Its address sorts among the first office's: the other offices'
	// pages move, and the overviews of the other procedures, which link to
	// them, change only by that.
	writeFile(t, filepath.Join(src, "procedures", "d-thu-tuc-thu.yaml"), data)

	res := mustBuild(t, opts)
	moved := 0
	for _, pg := range res.Site.Pages {
		if old := before.Site.Page(pg.Path); old != nil && old.At != pg.At {
			moved++
		}
	}
	if moved == 0 {
		t.Fatal("no page moved to another short address: the test proves nothing")
	}
	if res.Files.Kept == 0 {
		t.Error("no page kept")
	}
	fresh := filepath.Join(t.TempDir(), "site")
	mustBuild(t, Options{Src: src, Out: fresh, Now: testNow})
	sameFolders(t, "renumbered", out, fresh)
}
