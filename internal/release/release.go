// Package release makes what a release archive of qrboard holds besides
// the program, and its tests check the archives GoReleaser makes from
// them (.goreleaser.yaml; .ci/run makes them, in dist/).
//
// # The archives
//
// One archive per platform — Windows (zip), macOS and Linux (tar.gz), each
// for amd64 (x64) and arm64 (Platforms) — named
// qrboard_VERSION_OS_ARCH, with "macos" for darwin, and checksums.txt
// with the SHA-256 of each. Unpacked, an archive is one folder of its
// name — a tar.gz holds that folder, a zip only what is in it, since
// Windows' "Extract All" makes the folder — with:
//
//	huong-dan.html            the staff guide, docs/huong-dan.md, as a web page (GuideHTML)
//	huong-dan.md              the guide as written
//	LICENSE.txt               qrboard's licence
//	THIRD_PARTY_NOTICES.txt   the licences of Go and of the modules built into qrboard (Notices)
//	thu-tuc/                  a project, ready to use: the sample, as `qrboard init thu-tuc` writes it
//	thu-tuc/qrboard[.exe]     the program, static (no cgo), stamped with its version (package version)
//	thu-tuc/xem-truoc.cmd     Windows: double-click to preview (qrboard serve -open)
//	thu-tuc/xem-truoc.command macOS: the same, for Finder
//	thu-tuc/xem-truoc.sh      Linux: the same
//
// The program sits in the project folder because the guide has staff
// run it there: a command window opened in that folder finds it.
//
// Write makes everything but the program, in DIR/windows, DIR/darwin and
// DIR/linux; cmd/qrboard-release calls it before GoReleaser builds (the
// "before" hook of .goreleaser.yaml), and GoReleaser adds the program.
// Every file in an archive has the commit's date and fixed owner and
// mode, so the archives of one commit are the same bytes wherever they
// are made.
package release

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
)

// A Platform is an operating system and processor a release is built for.
type Platform struct{ OS, Arch string }

// Platforms lists the platforms of a release, as .goreleaser.yaml does.
var Platforms = []Platform{
	{"windows", "amd64"}, {"windows", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"linux", "amd64"}, {"linux", "arm64"},
}

// ProjectDir is the folder of the ready project in an archive.
const ProjectDir = "thu-tuc"

//go:embed launch
var launch embed.FS

// Launcher returns the name of the double-clickable preview script in
// the project folder on an operating system, and the file it is made from.
func Launcher(goos string) (name, source string) {
	switch goos {
	case "windows":
		return "xem-truoc.cmd", "launch/xem-truoc.cmd"
	case "darwin":
		return "xem-truoc.command", "launch/xem-truoc.sh"
	default:
		return "xem-truoc.sh", "launch/xem-truoc.sh"
	}
}

// Write makes, for each operating system of Platforms, the folder
// dir/GOOS with what its archives hold but the program: the guide, the
// licences and the project with its launcher. root is the repository;
// qrboard is a program built from it, which writes the project with init.
// dir is removed first.
func Write(dir, root, qrboard string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	md, err := os.ReadFile(filepath.Join(root, "docs", "huong-dan.md"))
	if err != nil {
		return err
	}
	guide, err := GuideHTML(md)
	if err != nil {
		return err
	}
	licence, err := os.ReadFile(filepath.Join(root, "LICENSE"))
	if err != nil {
		return err
	}
	notices, err := Notices(root)
	if err != nil {
		return err
	}
	done := map[string]bool{}
	for _, p := range Platforms {
		if done[p.OS] {
			continue
		}
		done[p.OS] = true
		files := map[string][]byte{
			"huong-dan.html":          guide,
			"huong-dan.md":            md,
			"LICENSE.txt":             licence,
			"THIRD_PARTY_NOTICES.txt": notices,
		}
		if err := writeTree(filepath.Join(dir, p.OS), p.OS, files, qrboard); err != nil {
			return err
		}
	}
	return nil
}

// writeTree writes one operating system's folder.
func writeTree(dir, goos string, files map[string][]byte, qrboard string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	project := filepath.Join(dir, ProjectDir)
	if out, err := exec.Command(qrboard, "init", project).CombinedOutput(); err != nil {
		return fmt.Errorf("qrboard init %s: %v\n%s", project, err, out)
	}
	name, source := Launcher(goos)
	script, err := launch.ReadFile(source)
	if err != nil {
		return err
	}
	launcher := filepath.Join(project, name)
	if err := os.WriteFile(launcher, script, 0o755); err != nil {
		return err
	}
	// The archives take each file's mode from here: make it the same
	// whatever the umask.
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		mode := fs.FileMode(0o644)
		if path == launcher {
			mode = 0o755
		}
		return os.Chmod(path, mode)
	})
}
