package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"qrboard/internal/output"
)

// stallChild runs the command line as a build that stops for good at
// the nth change of the output folder of kind op ("write:10",
// "rename:3"), saying "stalled" on its standard output, to be killed.
func stallChild(at string) {
	op, num, _ := strings.Cut(at, ":")
	n, _ := strconv.Atoi(num)
	count := 0
	output.Hook = func(o, path string) error {
		if o == op {
			if count++; count == n {
				fmt.Println("stalled")
				select {}
			}
		}
		return nil
	}
	os.Exit(run(context.Background(), os.Args[1:], io.Discard, os.Stderr))
}

// TestKilledBuild kills builds with SIGKILL half-way — while making the
// new files of a first build, after making its files and the lock, while
// moving the changed files of a rebuild into place — and checks that the next build removes what they
// left and makes the same site as a clean build.
func TestKilledBuild(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("kills a child process with SIGKILL: Linux only")
	}
	for _, tc := range []struct {
		at      string
		rebuild bool
	}{
		{"write:10", false}, // making the new files
		{"rename:1", false}, // the new files and the lock made, moving them in
		{"rename:5", true},  // moving the changed files in
	} {
		at := tc.at
		t.Run(at, func(t *testing.T) {
			proj, clean := t.TempDir(), t.TempDir()
			for _, dir := range []string{proj, clean} {
				if err := writeSample(dir); err != nil {
					t.Fatal(err)
				}
			}
			build := func(dir string) {
				t.Helper()
				var stderr bytes.Buffer
				if code := run(context.Background(), []string{"build", "-src", dir, "-now", "2026-11-27"}, io.Discard, &stderr); code != 0 {
					t.Fatalf("build in %s: exit %d\n%s", dir, code, stderr.String())
				}
			}
			if tc.rebuild {
				build(proj) // the killed build is a rebuild, after a change
				for _, dir := range []string{proj, clean} {
					edit(t, filepath.Join(dir, "procedures", "dang-ky-ket-hon.yaml"))
				}
			}
			killBuild(t, proj, at)
			if left := leftovers(t, proj); len(left) == 0 {
				t.Fatal("the killed build left nothing: it was not killed half-way")
			}
			build(proj)
			if left := leftovers(t, proj); len(left) > 0 {
				t.Errorf("left after the next build: %v", left)
			}
			build(clean)
			if a, b := tree(t, proj)["qrboard.lock"], tree(t, clean)["qrboard.lock"]; a != b {
				t.Errorf("qrboard.lock differs from a clean build's")
			}
			got, want := tree(t, filepath.Join(proj, "site")), tree(t, filepath.Join(clean, "site"))
			if !maps.Equal(got, want) {
				for name := range maps.Keys(want) {
					if got[name] != want[name] {
						t.Errorf("%s differs from a clean build", name)
					}
				}
				for name := range maps.Keys(got) {
					if _, ok := want[name]; !ok {
						t.Errorf("%s: not in a clean build", name)
					}
				}
			}
		})
	}
}

// killBuild starts a build of proj that stalls at at, and kills it.
func killBuild(t *testing.T, proj, at string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "build", "-src", proj, "-now", "2026-11-27")
	cmd.Env = append(os.Environ(), "QRBOARD_TEST_STALL="+at)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if line != "stalled\n" {
		cmd.Wait()
		t.Fatalf("the build did not stall at %s: %q\n%s", at, line, stderr.String())
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
}

// edit changes a procedure's fee, as staff would.
func edit(t *testing.T, file string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte("Miễn lệ phí"), []byte("Miễn lệ phí (kể cả bản sao)"), 1)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// leftovers lists the temporary folders and files in the project.
func leftovers(t *testing.T, proj string) []string {
	t.Helper()
	a, _ := filepath.Glob(filepath.Join(proj, ".site.new-*"))
	b, _ := filepath.Glob(filepath.Join(proj, "*.tmp-*"))
	return append(a, b...)
}

// tree returns the files under dir, by path, with their content.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
