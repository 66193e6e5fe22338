package build

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// edits are changes staff make between two builds.
var edits = []struct {
	name   string
	change func(t *testing.T, src string)
	config bool // qrboard.yaml changes: every page is made again
	url    bool // and every address: every QR code too
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
		replaceIn(t, filepath.Join(src, "procedures", "trich-luc-ho-tich.yaml"), "field: Hộ tịch", "field: Chứng thực")
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
	{name: "office renamed", config: true, change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "qrboard.yaml"), "name: Xã Vân Hà\n", "name: Xã Vân Hà mới\n")
	}},
	{name: "base address changed", config: true, url: true, change: func(t *testing.T, src string) {
		replaceIn(t, filepath.Join(src, "qrboard.yaml"), "base_url: https://phuctho.example/", "base_url: https://thutuc.phuctho.example/")
	}},
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
	mustBuild(t, Options{Src: src, Out: out, Now: testNow, Cache: cache})
	for _, e := range edits {
		e.change(t, src)
		res := mustBuild(t, Options{Src: src, Out: out, Now: testNow, Cache: cache})
		fresh := filepath.Join(t.TempDir(), "site")
		mustBuild(t, Options{Src: src, Out: fresh, Now: testNow})
		sameFolders(t, e.name, out, fresh)
		if !e.config && res.Files.Kept == 0 {
			t.Errorf("%s: no page kept: %+v", e.name, res.Files)
		}
		if qrFiles := 2 * res.Pages; e.config && !e.url && res.Files.Kept != qrFiles {
			t.Errorf("%s: %d files kept after qrboard.yaml changed, want only the %d QR codes", e.name, res.Files.Kept, qrFiles)
		}
		if e.url && res.Files.Kept != 0 {
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
	if qrFiles := 2 * res.Pages; res.Files.Kept != qrFiles {
		t.Errorf("%d files kept with the project's own templates, want only the %d QR codes", res.Files.Kept, qrFiles)
	}
}

// TestRebuildRestoresHandEdits edits built files by hand, keeping their
// size and time: the next build puts back what the project says.
func TestRebuildRestoresHandEdits(t *testing.T) {
	src := copyProject(t, repoRoot)
	cache := t.TempDir()
	out := filepath.Join(t.TempDir(), "site")
	mustBuild(t, Options{Src: src, Out: out, Now: testNow, Cache: cache})
	want := contents(t, out)
	for _, rel := range []string{"van-ha/dang-ky-ket-hon/index.html", "van-ha/dang-ky-ket-hon/qr.png", "index.html"} {
		p := filepath.Join(out, filepath.FromSlash(rel))
		info, _ := os.Stat(p)
		data := readFile(t, p)
		data[len(data)/2] ^= 0x20
		writeFile(t, p, data)
		os.Chtimes(p, info.ModTime(), info.ModTime())
	}
	res := mustBuild(t, Options{Src: src, Out: out, Now: testNow, Cache: cache})
	if res.Files.Changed != 3 {
		t.Errorf("%d files rewritten, want the 3 edited", res.Files.Changed)
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
