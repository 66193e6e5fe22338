// Package outdir refuses output folders that qrboard must never write
// into, before anything is touched: the project folder or a folder that
// holds it (qrboard init web/proj, then -out .. from inside it), the
// user's home folder, the root of a disk, and a folder that holds another
// project's files (qrboard.yaml, go.mod, …, or a .git folder at the top
// of a folder qrboard did not make). A folder qrboard made keeps its
// .git: a gh-pages worktree is a site folder.
//
// Package output keeps the finer rule for the folders it accepts: it
// changes only the files it wrote (see its doc).
package outdir

import (
	"os"
	"path/filepath"
	"strings"

	"qrboard/internal/msg"
)

// Refusal says why a folder is refused. Its Text names the folder and
// the reason, in the staff's language.
type Refusal struct{ Text msg.Text }

func (r *Refusal) Error() string { return r.Text.In(msg.En) }

// projectFiles are files at the top of a folder that say it is a
// project's, of qrboard or another program.
var projectFiles = []string{"qrboard.yaml", "procedures", "go.mod", "package.json", "Cargo.toml", "pyproject.toml", "composer.json", "pom.xml", "Makefile"}

// markers are the files that say qrboard made a folder.
var markers = []string{".qrboard-site", ".qrboard-print"}

// Check returns a *Refusal when out must not be written into by a build
// of the project in project.
func Check(out, project string) error {
	abs, err := real(out)
	if err != nil {
		return err
	}
	proj, err := real(project)
	if err != nil {
		return err
	}
	refuse := func(id msg.ID, args ...any) error {
		return &Refusal{msg.New(id, append([]any{out}, args...)...)}
	}
	home, _ := os.UserHomeDir()
	if home != "" {
		home, _ = real(home)
	}
	switch {
	case filepath.Dir(abs) == abs:
		return refuse(msg.OutDirRoot)
	case abs == home:
		return refuse(msg.OutDirHome)
	case abs == proj:
		return refuse(msg.OutDirIsProject)
	case within(proj, abs):
		return refuse(msg.OutDirHoldsProject, proj)
	}
	ours := false
	for _, m := range markers {
		if _, err := os.Lstat(filepath.Join(abs, m)); err == nil {
			ours = true
		}
	}
	names := projectFiles
	if !ours {
		names = append([]string{".git"}, names...)
	}
	for _, name := range names {
		if _, err := os.Lstat(filepath.Join(abs, name)); err == nil {
			return refuse(msg.OutDirOtherProject, name)
		}
	}
	return nil
}

// real returns path made absolute, with the links in its existing part
// followed, so that two names of one folder compare equal.
func real(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest), nil
		}
		if filepath.Dir(dir) == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether path is inside dir (or is dir).
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
