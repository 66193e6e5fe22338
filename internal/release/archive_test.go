package release

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"debug/buildinfo"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// dist is where GoReleaser puts the archives (.goreleaser.yaml).
const dist = "../../dist"

// An entry is a file in an archive.
type entry struct {
	mode  fs.FileMode
	mtime time.Time
	owner string // "uid gid uname gname" in a tar.gz, "" in a zip
	data  []byte
}

// An archive is one of the release archives.
type archive struct {
	name     string
	platform Platform
	files    map[string]*entry // by path inside the archive's folder
}

var archiveName = regexp.MustCompile(`^qrboard_(.+)_(windows|macos|linux)_(amd64|arm64)\.(zip|tar\.gz)$`)

// TestArchives inspects the release archives .ci/run makes with
// GoReleaser, as a clerk would get them: their names and checksums, what
// each holds (package doc), how its program was built, and, for this
// machine's platform, that the program runs, tells its version, builds
// and prints the project it comes with, and that the launcher opens the
// preview. Without dist/ it skips, except under CI, where it fails.
func TestArchives(t *testing.T) {
	archives, version := readDist(t)
	commit, date := gitHead(t)
	if commit != "" && !versionOf(version, commit, gitTag(t)) {
		stale(t, "the archives are of version %s, not of this commit, %s", version, commit[:12])
	}
	md, guide := realGuide(t)
	licence, err := os.ReadFile("../../LICENSE")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{"huong-dan.md": md, "huong-dan.html": guide, "LICENSE.txt": licence}

	var host *archive
	for _, a := range archives {
		t.Run(a.name, func(t *testing.T) {
			checkArchive(t, a, version, commit, want, date)
		})
		if a.platform == (Platform{runtime.GOOS, runtime.GOARCH}) {
			host = a
		}
	}
	if host == nil {
		t.Fatalf("no archive for %s/%s to run", runtime.GOOS, runtime.GOARCH)
	}
	dir := unpack(t, host)
	project := filepath.Join(dir, ProjectDir)
	t.Run("version", func(t *testing.T) {
		out := run(t, project, filepath.Join(project, "qrboard"), "version")
		line := "qrboard " + version + " (" + commit[:min(12, len(commit))] + ", " + date.Format(time.DateOnly) + ") "
		if commit == "" {
			line = "qrboard " + version + " ("
		}
		if !strings.HasPrefix(out, line) || !strings.HasSuffix(out, " "+runtime.GOOS+"/"+runtime.GOARCH+"\n") {
			t.Errorf("qrboard version says %q, want %q… %s/%s", out, line, runtime.GOOS, runtime.GOARCH)
		}
	})
	t.Run("init", func(t *testing.T) { checkProject(t, host, project) })
	t.Run("build", func(t *testing.T) { checkBuild(t, project, "qrboard "+version) })
	t.Run("launcher", func(t *testing.T) { checkLauncher(t, project, "qrboard "+version) })
}

// readDist reads checksums.txt and the archives it lists, checks their
// checksums and names, and returns them with their version.
func readDist(t *testing.T) ([]*archive, string) {
	t.Helper()
	sums, err := os.ReadFile(filepath.Join(dist, "checksums.txt"))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("no release archives: %v (.ci/run makes them with GoReleaser before the tests)", err)
		}
		t.Skipf("no release archives (%v); make them with: go run github.com/goreleaser/goreleaser/v2@v2.15.1 release --snapshot --clean", err)
	}
	var archives []*archive
	version := ""
	sc := bufio.NewScanner(bytes.NewReader(sums))
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		m := archiveName.FindStringSubmatch(name)
		if !ok || m == nil {
			t.Errorf("checksums.txt: %q is not a sum and an archive's name", sc.Text())
			continue
		}
		if version != "" && m[1] != version {
			t.Errorf("%s: version %s, others %s", name, m[1], version)
		}
		version = m[1]
		goos := strings.Replace(m[2], "macos", "darwin", 1)
		if (goos == "windows") != (m[4] == "zip") {
			t.Errorf("%s: a %s archive for %s", name, m[4], goos)
		}
		data, err := os.ReadFile(filepath.Join(dist, name))
		if err != nil {
			t.Fatal(err)
		}
		if got := sha256.Sum256(data); hex.EncodeToString(got[:]) != sum {
			t.Errorf("%s: SHA-256 %x, checksums.txt says %s", name, got, sum)
		}
		a := &archive{name: name, platform: Platform{goos, m[3]}}
		wrap := "" // Explorer's Extract All makes the folder of a zip
		if base, ok := strings.CutSuffix(name, ".tar.gz"); ok {
			wrap = base + "/"
		}
		a.files = readArchive(t, name, data, wrap)
		archives = append(archives, a)
		t.Logf("%s: %d bytes", name, len(data))
	}
	var platforms []Platform
	for _, a := range archives {
		platforms = append(platforms, a.platform)
	}
	if !slices.Equal(sortedPlatforms(platforms), sortedPlatforms(Platforms)) {
		t.Errorf("archives for %v, want %v", platforms, Platforms)
	}
	return archives, version
}

func sortedPlatforms(p []Platform) []Platform {
	p = slices.Clone(p)
	slices.SortFunc(p, func(a, b Platform) int { return strings.Compare(a.OS+"/"+a.Arch, b.OS+"/"+b.Arch) })
	return p
}

// readArchive returns the files of a zip or tar.gz archive, all of which
// must be in the folder wrap.
func readArchive(t *testing.T, name string, data []byte, wrap string) map[string]*entry {
	t.Helper()
	files := map[string]*entry{}
	add := func(path string, e *entry) {
		rel, ok := strings.CutPrefix(path, wrap)
		if !ok {
			t.Errorf("%s: %s is outside %s", name, path, wrap)
		}
		files[rel] = e
	}
	if strings.HasSuffix(name, ".zip") {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatalf("%s: %s: %v", name, f.Name, err)
			}
			add(f.Name, &entry{mode: f.Mode(), mtime: f.Modified, data: b})
		}
		return files
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatalf("%s: %s: %v", name, h.Name, err)
		}
		if h.Typeflag != tar.TypeReg {
			t.Errorf("%s: %s is not a plain file", name, h.Name)
		}
		add(h.Name, &entry{mode: h.FileInfo().Mode(), mtime: h.ModTime,
			owner: fmt.Sprintf("%d %d %s %s", h.Uid, h.Gid, h.Uname, h.Gname), data: b})
	}
	return files
}

// checkArchive checks what one archive holds.
func checkArchive(t *testing.T, a *archive, version, commit string, want map[string][]byte, date time.Time) {
	for name, data := range want {
		if e := a.files[name]; e == nil || !bytes.Equal(e.data, data) {
			t.Errorf("%s is missing or differs from the repository's", name)
		}
	}
	exe := ProjectDir + "/qrboard"
	if a.platform.OS == "windows" {
		exe += ".exe"
	}
	launcher, source := Launcher(a.platform.OS)
	launcher = ProjectDir + "/" + launcher
	script, _ := launch.ReadFile(source)
	if e := a.files[launcher]; e == nil || !bytes.Equal(e.data, script) {
		t.Errorf("%s is missing or differs from %s", launcher, source)
	} else if a.platform.OS == "windows" && bytes.Count(e.data, []byte("\n")) != bytes.Count(e.data, []byte("\r\n")) {
		t.Errorf("%s has line endings other than CRLF, which cmd.exe misreads", launcher)
	}
	for _, name := range []string{"THIRD_PARTY_NOTICES.txt", exe, ProjectDir + "/qrboard.yaml", ProjectDir + "/.gitignore"} {
		if a.files[name] == nil {
			t.Errorf("no %s", name)
		}
	}
	for name, e := range a.files {
		mode := fs.FileMode(0o644)
		if name == exe || name == launcher {
			mode = 0o755
		}
		if a.platform.OS != "windows" && e.mode != mode {
			t.Errorf("%s: mode %v, want %v", name, e.mode, mode)
		}
		if !e.mtime.Equal(date) && !date.IsZero() {
			t.Errorf("%s: time %v, want the commit's, %v", name, e.mtime, date)
		}
		if e.owner != "" && e.owner != "0 0 root root" {
			t.Errorf("%s: owner %s, want root", name, e.owner)
		}
	}
	if bin := a.files[exe]; bin != nil {
		checkBinary(t, a.platform, bin.data, version, commit, a.files["THIRD_PARTY_NOTICES.txt"])
	}
}

// checkBinary checks how the program was built, from the build
// information Go records in every binary: the platform, static, without
// local paths; that it is stamped with the version and commit; and that
// every module in it is in the notices.
func checkBinary(t *testing.T, p Platform, data []byte, version, commit string, notices *entry) {
	bi, err := buildinfo.Read(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the program: %v", err)
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	for key, want := range map[string]string{"GOOS": p.OS, "GOARCH": p.Arch, "CGO_ENABLED": "0", "-trimpath": "true"} {
		if settings[key] != want {
			t.Errorf("built with %s=%q, want %q", key, settings[key], want)
		}
	}
	// Go records no -ldflags with -trimpath: look for what they stamp.
	for _, stamp := range []string{version, commit} {
		if !bytes.Contains(data, []byte(stamp)) {
			t.Errorf("the program is not stamped with %s", stamp)
		}
	}
	if notices == nil {
		return
	}
	text := string(notices.data)
	for _, section := range append([]string{"Go " + bi.GoVersion}, depNames(bi)...) {
		if !strings.Contains(text, "\n"+section+"\n") {
			t.Errorf("THIRD_PARTY_NOTICES.txt lacks %s, which the program contains", section)
		}
	}
}

func depNames(bi *buildinfo.BuildInfo) []string {
	var names []string
	for _, d := range bi.Deps {
		names = append(names, d.Path+" "+d.Version)
	}
	return names
}

// unpack writes the archive's files into a temporary folder, with their
// modes.
func unpack(t *testing.T, a *archive) string {
	t.Helper()
	dir := t.TempDir()
	for name, e := range a.files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, e.data, e.mode.Perm()); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// checkProject checks that the archive's project is what the program's
// init writes, plus the program and its launcher.
func checkProject(t *testing.T, a *archive, project string) {
	fresh := filepath.Join(t.TempDir(), "p")
	run(t, project, filepath.Join(project, "qrboard"), "init", fresh)
	got := map[string]bool{}
	for name, e := range a.files {
		if rel, ok := strings.CutPrefix(name, ProjectDir+"/"); ok {
			got[rel] = true
			data, err := os.ReadFile(filepath.Join(fresh, filepath.FromSlash(rel)))
			if err == nil && !bytes.Equal(data, e.data) {
				t.Errorf("%s differs from what qrboard init writes", name)
			}
		}
	}
	launcher, _ := Launcher(a.platform.OS)
	want := map[string]bool{"qrboard": true, launcher: true}
	filepath.WalkDir(fresh, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(fresh, path)
			want[filepath.ToSlash(rel)] = true
		}
		return err
	})
	if !maps.Equal(got, want) {
		t.Errorf("the project holds %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
}

// checkBuild builds and prints the project as its clerk would, with the
// program from the archive, and reads which program the pages and the
// PDFs say made them.
func checkBuild(t *testing.T, project, generator string) {
	exe := filepath.Join(project, "qrboard")
	run(t, project, exe, "build")
	tag := []byte(`<meta name="generator" content="` + generator + `">`)
	pages := 0
	err := filepath.WalkDir(filepath.Join(project, "site"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".html") || filepath.Base(path) == "poster.html" {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.Contains(data, tag) {
			t.Errorf("%s does not say %s made it", path, generator)
		}
		pages++
		return nil
	})
	if err != nil || pages < 2 {
		t.Fatalf("site/: %d pages, %v", pages, err)
	}
	// The sample's address is a placeholder, which print refuses to put
	// on a wall (cmd/qrboard/testdata/print.txt): print as an office
	// would, at its real address.
	run(t, project, exe, "print", "-base-url", "https://phuctho.hanoi.gov.vn/")
	pdfs, _ := filepath.Glob(filepath.Join(project, "print", "*", "posters.pdf"))
	if len(pdfs) == 0 {
		t.Fatal("qrboard print made no posters.pdf")
	}
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdfinfo (poppler-utils) is missing")
		}
		t.Skip("pdfinfo (poppler-utils) is missing")
	}
	out, err := exec.Command("pdfinfo", pdfs[0]).Output()
	if err != nil || !regexp.MustCompile(`(?m)^Producer: +`+regexp.QuoteMeta(generator)+`$`).Match(out) {
		t.Errorf("pdfinfo %s (%v):\n%s\nwant Producer: %s", pdfs[0], err, out, generator)
	}
}

// checkLauncher double-clicks the launcher, as far as a test can: it runs
// it from another folder, with a browser that notes what it is asked to
// open, and reads that page; then it stops it with Ctrl+C.
func checkLauncher(t *testing.T, project, generator string) {
	if runtime.GOOS == "windows" {
		t.Skip("the .cmd launcher needs Windows' cmd.exe")
	}
	name, _ := Launcher(runtime.GOOS)
	bin := t.TempDir()
	opened := filepath.Join(bin, "opened")
	browser := "#!/bin/sh\necho \"$1\" > " + strconv.Quote(opened) + "\n"
	for _, b := range []string{"xdg-open", "open"} {
		if err := os.WriteFile(filepath.Join(bin, b), []byte(browser), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(filepath.Join(project, name), "-port", "0")
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "QRBOARD_CACHE="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stop := startGroup(t, cmd)
	url := ""
	for deadline := time.Now().Add(time.Minute); url == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if b, err := os.ReadFile(opened); err == nil && bytes.HasSuffix(b, []byte("\n")) {
			url = strings.TrimSpace(string(b))
		}
	}
	if url == "" {
		stop()
		t.Fatalf("%s opened no browser within a minute:\n%s", name, stderr.String())
	}
	page := get(t, url)
	if !strings.Contains(page, `<meta name="generator" content="`+generator+`">`) {
		t.Errorf("%s does not show the home page of the project:\n%.500s", url, page)
	}
	if code := stop(); code != 0 {
		t.Errorf("stopped with Ctrl+C, the launcher exits with %d:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "đã dừng xem trước") {
		t.Errorf("the preview did not say it stopped:\n%s", stderr.String())
	}
}

// run runs a program in dir and returns its standard output, failing the
// test if it fails.
func run(t *testing.T, dir, exe string, args ...string) string {
	t.Helper()
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "QRBOARD_CACHE="+t.TempDir(), "QRBOARD_LANG=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(exe), strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// gitHead returns the commit of the checkout and its date, or nothing
// where there is no git.
func gitHead(t *testing.T) (string, time.Time) {
	out, err := exec.Command("git", "-C", "../..", "log", "-1", "--format=%H %cI").Output()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("git log: %v", err)
		}
		t.Logf("no commit to compare with: %v", err)
		return "", time.Time{}
	}
	commit, date, _ := strings.Cut(strings.TrimSpace(string(out)), " ")
	d, err := time.Parse(time.RFC3339, date)
	if err != nil {
		t.Fatal(err)
	}
	return commit, d.UTC()
}

// versionOf reports whether version is the one GoReleaser gives commit:
// its tag without the v, or for a snapshot the start of the commit.
func versionOf(version, commit, tag string) bool {
	if tag != "" {
		return version == strings.TrimPrefix(tag, "v")
	}
	short, ok := strings.CutPrefix(version, "0.0.0-SNAPSHOT-")
	return ok && len(short) >= 7 && strings.HasPrefix(commit, short)
}

// gitTag returns the version tag at the checkout's commit, if any.
func gitTag(t *testing.T) string {
	out, _ := exec.Command("git", "-C", "../..", "tag", "--points-at", "HEAD", "v*").Output()
	tags := strings.Fields(string(out))
	if len(tags) == 0 {
		return ""
	}
	return tags[len(tags)-1]
}

// stale reports archives made from another commit: a failure in CI, where
// they were just made; elsewhere a reason to skip.
func stale(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format+"; make them again", args...)
}

// get returns the body of the page at url.
func get(t *testing.T, url string) string {
	t.Helper()
	c := &http.Client{Timeout: time.Minute}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
	}
	return string(body)
}
