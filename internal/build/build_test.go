package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"qrboard/internal/diag"
	"qrboard/internal/lock"
	"qrboard/internal/msg"
)

// TestDeterministic builds the sample twice into different folders and
// expects identical bytes in every file.
func TestDeterministic(t *testing.T) {
	src, out1, _ := buildSample(t)
	out2 := filepath.Join(t.TempDir(), "site")
	mustBuild(t, Options{Src: src, Out: out2, Now: testNow})
	a, b := contents(t, out1), contents(t, out2)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestRebuildKeepsUnchangedFiles rebuilds into the same folder: every file
// is unchanged, keeps its modification time, and a changed procedure
// rewrites only its own pages.
func TestRebuildKeepsUnchangedFiles(t *testing.T) {
	src, out, first := buildSample(t)
	before := snapshot(t, out)
	res := mustBuild(t, Options{Src: src, Out: out, Now: testNow})
	total := first.Files.Added
	if res.Files.Unchanged != total || res.Files.Added+res.Files.Changed+res.Files.Removed != 0 {
		t.Errorf("rebuild: %+v, want all %d files unchanged", res.Files, total)
	}
	if after := snapshot(t, out); !equalSnapshots(t, before, after) {
		t.Error("an identical rebuild changed files or their modification times")
	}

	path := filepath.Join(src, "procedures", "dang-ky-ket-hon.yaml")
	data := readFile(t, path)
	writeFile(t, path, bytes.Replace(data, []byte("short_name: "), []byte("short_name: Đăng ký kết hôn – "), 1))
	res = mustBuild(t, Options{Src: src, Out: out, Now: testNow})
	// The procedure's 3 office pages and its overview, with the sharing
	// picture they share, which shows the short name, the lists that name
	// it (home and 3 commune boards), and the notices left at the
	// procedure's addresses at the offices that closed. The redirects at
	// the own addresses of the pages served at their short address do not
	// change.
	if want := 3 + 1 + 1 + 1 + 3 + noticesOf(res.Site, "dang-ky-ket-hon"); res.Files.Changed != want {
		t.Errorf("after editing one procedure: %d files changed, want %d", res.Files.Changed, want)
	}
}

// TestPageChanges checks the summary of what a build changed, counted in
// pages: everything new the first time, nothing after an identical
// rebuild, then the pages of an edited procedure, and the pages of a
// procedure deleted, whose addresses become redirects. With a cache, a
// rebuild keeps the pages whose inputs did not change without making
// them: the summary is the same.
func TestPageChanges(t *testing.T) {
	for _, cached := range []bool{false, true} {
		t.Run(fmt.Sprint("cache=", cached), func(t *testing.T) { testPageChanges(t, cached) })
	}
}

func testPageChanges(t *testing.T, cached bool) {
	src := copyProject(t, repoRoot)
	opts := Options{Src: src, Out: filepath.Join(t.TempDir(), "site"), Now: testNow}
	if cached {
		opts.Cache = t.TempDir()
	}
	first := mustBuild(t, opts)
	// Pages and the pages at old addresses: redirects and notices.
	pages := len(first.Site.Pages) + len(first.Site.Redirects)
	if want := (PageStats{Added: pages, Fresh: true}); first.PageChanges != want {
		t.Errorf("first build: %+v, want %+v", first.PageChanges, want)
	}
	res := mustBuild(t, opts)
	if want := (PageStats{Unchanged: pages}); res.PageChanges != want {
		t.Errorf("identical rebuild: %+v, want %+v", res.PageChanges, want)
	}
	if n := pageFileCount(first.Site) + shortCopies(t, opts.Out); cached && res.Files.Kept != n {
		t.Errorf("identical rebuild: %d files kept, want every page's %d", res.Files.Kept, n)
	}

	replaceIn(t, filepath.Join(src, "procedures", "dang-ky-khai-tu.yaml"), "short_name: ", "short_name: Khai tử – ")
	res = mustBuild(t, opts)
	// 3 office pages and the overview; home and 3 boards list it; the
	// notices at its addresses at the offices that closed name it.
	notices := noticesOf(first.Site, "dang-ky-khai-tu")
	changed := 3 + 1 + 1 + 3 + notices
	if want := (PageStats{Changed: changed, Unchanged: pages - changed}); res.PageChanges != want {
		t.Errorf("after editing one procedure: %+v, want %+v", res.PageChanges, want)
	}

	// Renamed with an alias: 4 new pages, and the 4 old addresses become
	// redirect pages (changed, not removed); the notices link to the new.
	rename(t, filepath.Join(src, "procedures"), "dang-ky-khai-tu.yaml", "khai-tu.yaml")
	appendFile(t, filepath.Join(src, "procedures", "khai-tu.yaml"), "aliases: [dang-ky-khai-tu]\n")
	res = mustBuild(t, opts)
	pc := res.PageChanges
	if pc.Added != 4 || pc.Removed != 0 || pc.Changed != 4+1+3+notices {
		t.Errorf("after renaming a procedure: %+v, want 4 added, %d changed, none removed", pc, 4+1+3+notices)
	}

	// Deleted along with the lock file that would stop it: its 4 pages
	// and the 4 redirects of its old id go, and so do the notices at the
	// procedure addresses of the offices that closed, which only the lock
	// recorded; their boards stay. The short addresses are given again
	// from 1 (the lock is gone): 15 instead of 21, so 6 of the folders
	// where pages were served go, which are not pages of their own.
	os.Remove(filepath.Join(src, "procedures", "khai-tu.yaml"))
	os.Remove(filepath.Join(src, lock.File))
	res = mustBuild(t, opts)
	for n := 16; n <= 21; n++ {
		if _, err := os.Stat(filepath.Join(opts.Out, strconv.Itoa(n))); err == nil {
			t.Errorf("/%d/ is left, numbered again", n)
		}
	}
	if want := 8 + noticesOf(first.Site, ""); res.PageChanges.Removed != want || res.PageChanges.Added != 0 {
		t.Errorf("after deleting a procedure: %+v, want %d pages removed", res.PageChanges, want)
	}
}

// TestQRCache rebuilds an edited project with the QR codes kept in
// memory from the previous build (as qrboard serve does, here without a
// cache folder) and expects no code encoded again and the same bytes as
// a build from scratch.
func TestQRCache(t *testing.T) {
	src := copyProject(t, repoRoot)
	cache := &QRCache{}
	out := filepath.Join(t.TempDir(), "site")
	first := mustBuild(t, Options{Src: src, Out: out, Now: testNow, QRCache: cache})
	if first.QREncoded != len(first.Site.Pages) {
		t.Errorf("%d codes encoded, want one per page (%d)", first.QREncoded, len(first.Site.Pages))
	}
	replaceIn(t, filepath.Join(src, "procedures", "dang-ky-khai-tu.yaml"), "short_name: ", "short_name: Khai tử – ")
	again := mustBuild(t, Options{Src: src, Out: filepath.Join(t.TempDir(), "site"), Now: testNow, QRCache: cache})
	if again.QREncoded != 0 {
		t.Errorf("%d codes encoded again", again.QREncoded)
	}
	mustBuild(t, Options{Src: src, Out: out, Now: testNow, QRCache: cache})
	fresh := filepath.Join(t.TempDir(), "site")
	mustBuild(t, Options{Src: src, Out: fresh, Now: testNow})
	a, b := contents(t, out), contents(t, fresh)
	if len(a) != len(b) {
		t.Fatalf("%d files with the cache, %d without", len(a), len(b))
	}
	for name, data := range b {
		if !bytes.Equal(a[name], data) {
			t.Errorf("%s differs between a cached and a fresh build", name)
		}
	}
}

// TestPreviewLeavesLock builds a changed project as a preview: the lock
// file is checked but not written.
func TestPreviewLeavesLock(t *testing.T) {
	src, _, _ := buildSample(t)
	lockFile := filepath.Join(src, lock.File)
	before := readFile(t, lockFile)
	appendFile(t, filepath.Join(src, "qrboard.yaml"), "redirects:\n  - from: /cu/\n    to: /phuc-loc/\n")
	out := filepath.Join(t.TempDir(), "preview")
	res := mustBuild(t, Options{Src: src, Out: out, Now: testNow, Preview: true})
	if res.LockChanged || !bytes.Equal(before, readFile(t, lockFile)) {
		t.Error("a preview build wrote qrboard.lock")
	}
	if _, err := os.Stat(filepath.Join(out, "cu", IndexFile)); err != nil {
		t.Errorf("the preview lacks the new redirect: %v", err)
	}
	res = mustBuild(t, Options{Src: src, Out: out, Now: testNow})
	if !res.LockChanged || bytes.Equal(before, readFile(t, lockFile)) {
		t.Error("a real build did not record the new address")
	}
}

// TestProgress checks that a build reports its progress up to the total,
// one call at a time.
func TestProgress(t *testing.T) {
	src := copyProject(t, repoRoot)
	var calls, last, total int
	progress := func(done, n int) {
		calls++
		if done != last+1 || (total != 0 && n != total) {
			t.Errorf("progress %d/%d after %d/%d", done, n, last, total)
		}
		last, total = done, n
	}
	res := mustBuild(t, Options{Src: src, Out: filepath.Join(t.TempDir(), "site"), Now: testNow, Progress: progress})
	// Each page is one job, with its copy at its short address; so is
	// each redirect, each short address whose page moved, and the site's
	// own files.
	lk, _ := lock.Open(src)
	moved := 0
	for _, sh := range lk.Shorts() {
		if res.Site.Page(sh.Path[1:]) == nil {
			moved++
		}
	}
	if want := res.Pages + res.Redirects + moved + 1; calls != want || last != total || total != want {
		t.Errorf("%d calls, last %d/%d, want %d", calls, last, total, want)
	}
}

func equalSnapshots(t *testing.T, a, b map[string]string) bool {
	t.Helper()
	ok := true
	for k, v := range a {
		if b[k] != v {
			t.Logf("%s: %s → %s", k, v, b[k])
			ok = false
		}
	}
	return ok && len(a) == len(b)
}

// TestFailedBuildChangesNothing breaks a file after a good build: the
// build fails, the output folder is exactly as it was, no temporary
// folder is left beside it, and the lock file is untouched.
func TestFailedBuildChangesNothing(t *testing.T) {
	src, out, _ := buildSample(t)
	before := snapshot(t, out)
	lockBefore := readFile(t, filepath.Join(src, lock.File))
	writeFile(t, filepath.Join(src, "procedures", "dang-ky-khai-tu.yaml"), []byte("name: [unclosed\n"))
	res, diags, err := Run(context.Background(), Options{Src: src, Out: out, Now: testNow})
	if err != nil || res != nil || !diags.HasErrors() {
		t.Fatalf("broken project built: res=%v err=%v", res, err)
	}
	if after := snapshot(t, out); !equalSnapshots(t, before, after) {
		t.Error("the failed build changed the output folder")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if e.Name() != "site" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	if !bytes.Equal(lockBefore, readFile(t, filepath.Join(src, lock.File))) {
		t.Error("the failed build changed qrboard.lock")
	}
}

// TestRefusesForeignFolder makes sure a build never replaces a folder it
// did not write, such as the project itself.
func TestRefusesForeignFolder(t *testing.T) {
	src := copyProject(t, repoRoot)
	res, diags, err := Run(context.Background(), Options{Src: src, Out: src, Now: testNow})
	if err != nil || res != nil || !hasMessage(diags, msg.OutDirIsProject) {
		t.Fatalf("building into the project folder: res=%v err=%v diags=%v", res, err, diags)
	}
	if _, err := os.Stat(filepath.Join(src, "qrboard.yaml")); err != nil {
		t.Fatal("the project was damaged:", err)
	}
}

func TestLockGuard(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, src string)
		want   string // the first error, in English; "" for success
		hint   msg.ID
	}{
		{
			name: "procedure deleted",
			change: func(t *testing.T, src string) {
				os.Remove(filepath.Join(src, "procedures", "dang-ky-khai-tu.yaml"))
			},
			want: "published address https://phuctho.example/dang-ky-khai-tu/ would disappear",
			hint: msg.HintLockGone,
		},
		{
			name: "procedure renamed",
			change: func(t *testing.T, src string) {
				rename(t, filepath.Join(src, "procedures"), "dang-ky-khai-tu.yaml", "khai-tu.yaml")
			},
			want: "published address https://phuctho.example/dang-ky-khai-tu/ would disappear",
			hint: msg.HintLockGone,
		},
		{
			name: "procedure renamed with an alias",
			change: func(t *testing.T, src string) {
				dir := filepath.Join(src, "procedures")
				rename(t, dir, "dang-ky-khai-tu.yaml", "khai-tu.yaml")
				appendFile(t, filepath.Join(dir, "khai-tu.yaml"), "aliases: [dang-ky-khai-tu]\n")
			},
		},
		{
			name: "office renamed",
			change: func(t *testing.T, src string) {
				name := filepath.Join(src, "qrboard.yaml") // the id and every successor naming it
				writeFile(t, name, bytes.ReplaceAll(readFile(t, name), []byte("phuc-loc"), []byte("phuc-loc-moi")))
			},
			want: "published address https://phuctho.example/phuc-loc/ would disappear",
			hint: msg.HintLockGone,
		},
		{
			name: "office renamed with an alias",
			change: func(t *testing.T, src string) {
				replaceIn(t, filepath.Join(src, "qrboard.yaml"), "id: phuc-loc\n", "id: phuc-loc-moi\n    aliases: [phuc-loc]\n")
			},
		},
		{
			name: "procedure no longer handled by an office",
			change: func(t *testing.T, src string) {
				replaceIn(t, filepath.Join(src, "procedures", "dang-ky-khai-tu.yaml"), "offices: communes", "offices: [phuc-tho]")
			},
			want: "published address https://phuctho.example/phuc-loc/dang-ky-khai-tu/ would disappear",
			hint: msg.HintLockHandler,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, out, _ := buildSample(t)
			before := snapshot(t, out)
			tc.change(t, src)
			res, diags, err := Run(context.Background(), Options{Src: src, Out: out, Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == "" {
				if res == nil {
					t.Fatalf("build failed: %v", diags.Err())
				}
				checkRedirects(t, out, res)
				return
			}
			if res != nil {
				t.Fatal("the build succeeded, dropping a published address")
			}
			d := firstError(diags)
			if got := d.Text.In(msg.En); !strings.Contains(got, tc.want) {
				t.Errorf("error %q, want it to contain %q", got, tc.want)
			}
			if d.Pos.File != lock.File || d.Pos.Line == 0 {
				t.Errorf("error at %v, want a line of %s", d.Pos, lock.File)
			}
			if d.Hint.ID() != tc.hint {
				t.Errorf("hint %q, want message %d", d.Hint.In(msg.En), tc.hint)
			}
			if after := snapshot(t, out); !equalSnapshots(t, before, after) {
				t.Error("the failed build changed the output folder")
			}
		})
	}
}

// checkRedirects checks that every redirect page leads to a page that
// exists, and that _redirects lists it; and that every notice left at
// an address of an office that closed links to the page it names and is
// left out of _redirects, where a 301 would skip it.
func checkRedirects(t *testing.T, out string, res *Result) {
	t.Helper()
	if len(res.Site.Redirects) == 0 {
		t.Fatal("an alias made no redirect")
	}
	rules := string(readFile(t, filepath.Join(out, "_redirects")))
	for _, r := range res.Site.Redirects {
		page := string(readFile(t, filepath.Join(out, filepath.FromSlash(r.From), IndexFile)))
		to := res.Site.Where(r.To) // the page's short address, where it has one
		target := strings.Repeat("../", strings.Count(r.From, "/")) + to + IndexFile
		refresh := strings.Contains(page, `<meta http-equiv="refresh"`)
		switch {
		case r.Notice != nil && (refresh || !strings.Contains(page, `href="`+target+`"`)):
			t.Errorf("/%s: a notice that refreshes (%v) or does not link to %s", r.From, refresh, target)
		case r.Notice == nil && !strings.Contains(page, `<meta http-equiv="refresh" content="0; url=`+target+`">`):
			t.Errorf("/%s: no refresh to %s", r.From, target)
		}
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(to), IndexFile)); err != nil {
			t.Errorf("/%s redirects to a missing page: %v", r.From, err)
		}
		if listed := strings.Contains(rules, "/"+r.From+" "); listed != (r.Notice == nil) {
			t.Errorf("/%s: listed in _redirects %v, want %v", r.From, listed, r.Notice == nil)
		}
		checkPage(t, out, r.From+IndexFile)
	}
}

func firstError(diags diag.List) diag.Diagnostic {
	for _, d := range diags {
		if d.Severity == diag.Error {
			return d
		}
	}
	return diag.Diagnostic{}
}

func hasMessage(diags diag.List, id msg.ID) bool {
	for _, d := range diags {
		if d.Text.ID() == id {
			return true
		}
	}
	return false
}

func rename(t *testing.T, dir, from, to string) {
	t.Helper()
	if err := os.Rename(filepath.Join(dir, from), filepath.Join(dir, to)); err != nil {
		t.Fatal(err)
	}
}

func appendFile(t *testing.T, name, text string) {
	t.Helper()
	writeFile(t, name, append(readFile(t, name), text...))
}

func replaceIn(t *testing.T, name, old, new string) {
	t.Helper()
	data := string(readFile(t, name))
	if !strings.Contains(data, old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	writeFile(t, name, []byte(strings.Replace(data, old, new, 1)))
}

// contents reads every file under dir.
func contents(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for name := range snapshot(t, dir) {
		if st, err := os.Stat(filepath.Join(dir, name)); err == nil && !st.IsDir() {
			files[name] = readFile(t, filepath.Join(dir, name))
		}
	}
	return files
}

// TestEffectiveDates publishes a procedure only from its effective date,
// and keeps a repealed procedure's pages with a notice but off the lists.
func TestEffectiveDates(t *testing.T) {
	src, out, _ := buildSample(t)
	dir := filepath.Join(src, "procedures")
	future := string(readFile(t, filepath.Join(dir, "dang-ky-khai-tu.yaml")))
	future = strings.Replace(future, `code: "1.000656"`, "code: \"1.000656\"\neffective_from: 2027-01-01", 1)
	writeFile(t, filepath.Join(dir, "khai-tu-moi.yaml"), []byte(future))
	replaceIn(t, filepath.Join(dir, "chung-thuc-ban-sao.yaml"), "updated:", "repealed_on: 2026-07-01\nrepeal_note: Hỏi cán bộ về thủ tục thay thế.\nupdated:")

	res := mustBuild(t, Options{Src: src, Out: out, Now: testNow})
	if _, err := os.Stat(filepath.Join(out, "phuc-loc", "khai-tu-moi")); err == nil {
		t.Error("a procedure not yet in force has a page")
	}
	board := string(readPage(t, out, "phuc-loc/index.html"))
	if strings.Contains(board, "khai-tu-moi") {
		t.Error("a procedure not yet in force is listed")
	}
	repealed := res.Site.Page("phuc-loc/chung-thuc-ban-sao/")
	if repealed == nil {
		t.Fatal("a repealed procedure has no page")
	}
	if strings.Contains(board, `"`+linkTo(res.Site, "phuc-loc/", repealed.Path)+`"`) || strings.Contains(board, "chung-thuc-ban-sao/") {
		t.Error("a repealed procedure is still listed on the board")
	}
	page := string(readPage(t, out, "phuc-loc/chung-thuc-ban-sao/index.html"))
	for _, want := range []string{"không còn áp dụng từ ngày 01/07/2026", "Hỏi cán bộ về thủ tục thay thế.", "Xã Phúc Lộc"} {
		if !strings.Contains(page, want) {
			t.Errorf("repealed page lacks %q", want)
		}
	}
	if strings.Contains(page, `class="badge"`) {
		t.Error("a repealed procedure still shows the no-wait badge")
	}
	if res.Pages != 1+3+3*5+5 {
		t.Errorf("%d pages, want the sample's %d", res.Pages, 1+3+3*5+5)
	}

	later := testNow.AddDate(0, 2, 0) // 2027-01-27
	res = mustBuild(t, Options{Src: src, Out: out, Now: later})
	if _, err := os.Stat(filepath.Join(out, "phuc-loc", "khai-tu-moi", IndexFile)); err != nil {
		t.Error("a procedure in force has no page:", err)
	}
	if res.Pages != 1+3+3*6+6 {
		t.Errorf("%d pages after the effective date, want %d", res.Pages, 1+3+3*6+6)
	}
}

// TestPanicIsAnError makes a page fail with a panic: the build returns
// an error instead of ending the program.
func TestPanicIsAnError(t *testing.T) {
	err := safely(func() error { panic("boom") })
	if err == nil || !strings.Contains(err.Error(), "internal error: boom") {
		t.Errorf("safely: %v", err)
	}
	if err := safely(func() error { return nil }); err != nil {
		t.Errorf("safely without a panic: %v", err)
	}
}
