package version

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestDescribe(t *testing.T) {
	vcs := &debug.BuildInfo{
		Main: debug.Module{Path: "qrboard", Version: "v0.0.0-20261127073611-a9a84ddc8284+dirty"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "a9a84ddc8284dc8f4c708155727145239dff738f"},
			{Key: "vcs.time", Value: "2026-11-27T07:36:11Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	tests := []struct {
		name                 string
		info                 *debug.BuildInfo
		version, commit, day string
		want                 Info
		line                 string // String() without the Go version and platform
	}{
		{"no build information", nil, "", "", "",
			Info{Version: "(devel)"}, "qrboard (devel)"},
		{"a test or -buildvcs=false", &debug.BuildInfo{Main: debug.Module{Path: "qrboard", Version: "(devel)"}}, "", "", "",
			Info{Version: "(devel)"}, "qrboard (devel)"},
		{"go build in a git checkout", vcs, "", "", "",
			Info{Version: "v0.0.0-20261127073611-a9a84ddc8284+dirty", Commit: "a9a84ddc8284dc8f4c708155727145239dff738f", Modified: true, Date: "2026-11-27T07:36:11Z"},
			"qrboard v0.0.0-20261127073611-a9a84ddc8284+dirty (a9a84ddc8284+dirty, 2026-11-27)"},
		{"a release", vcs, "1.2.0", "db8c0fb596a5984cad904aa27f7ece5322102f3f", "2026-11-27T07:30:12Z",
			Info{Version: "1.2.0", Commit: "db8c0fb596a5984cad904aa27f7ece5322102f3f", Date: "2026-11-27T07:30:12Z"},
			"qrboard 1.2.0 (db8c0fb596a5, 2026-11-27)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describe(tt.info, tt.version, tt.commit, tt.day)
			if got != tt.want {
				t.Errorf("describe = %+v, want %+v", got, tt.want)
			}
			want := tt.line + " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
			if got.String() != want {
				t.Errorf("String() = %q, want %q", got.String(), want)
			}
		})
	}
}

// TestGoBuild builds the command as a developer does, with go build in
// this git checkout, and as a release is built, with the values stamped
// by the linker, and reads what `qrboard version` says.
func TestGoBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	head, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("git rev-parse HEAD: %v", err)
		}
		t.Skipf("not a git checkout or no git: %v", err)
	}
	commit := strings.TrimSpace(string(head))
	bin := filepath.Join(t.TempDir(), "qrboard")
	build := func(flags ...string) string {
		t.Helper()
		args := append([]string{"build", "-o", bin}, flags...)
		cmd := exec.Command("go", append(args, "./cmd/qrboard")...)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		out, err := exec.Command(bin, "version").Output()
		if err != nil {
			t.Fatalf("qrboard version: %v", err)
		}
		return strings.TrimSpace(string(out))
	}

	// Go stamps a build with its commit in a clone, not in a worktree
	// made by git worktree add (where .git is a file).
	if st, err := os.Stat(filepath.Join(root, ".git")); err == nil && st.IsDir() {
		dev := build("-buildvcs=true")
		if !strings.HasPrefix(dev, "qrboard v0.0.0-") || !strings.Contains(dev, "("+commit[:12]) {
			t.Errorf("go build says %q, want a pseudo-version and the commit %s", dev, commit[:12])
		}
	} else {
		t.Logf("%s is not a clone: go build records no commit there", root)
	}

	x := "-X qrboard/internal/version."
	release := build("-trimpath", "-ldflags", x+"version=1.2.0 "+x+"commit="+commit+" "+x+"date=2026-11-27T07:36:11Z")
	if want := "qrboard 1.2.0 (" + commit[:12] + ", 2026-11-27) " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH; release != want {
		t.Errorf("a release build says %q, want %q", release, want)
	}
}
