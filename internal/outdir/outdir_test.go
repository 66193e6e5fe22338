package outdir

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"qrboard/internal/msg"
)

func TestCheck(t *testing.T) {
	root := t.TempDir()
	proj := filepath.Join(root, "web", "proj")
	home := filepath.Join(root, "home")
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	write := func(name string) {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	write("web/proj/qrboard.yaml")
	write("web/.qrboard-site")
	write("home/notes.txt")
	write("gh-pages/.git/HEAD")
	write("gh-pages/.qrboard-site")
	write("repo/.git/HEAD")
	write("go/go.mod")
	write("other/qrboard.yaml")
	os.Symlink(proj, filepath.Join(root, "link"))
	for _, tt := range []struct {
		out  string
		want msg.ID
	}{
		{proj, msg.OutDirIsProject},
		{filepath.Join(root, "link"), msg.OutDirIsProject},
		{filepath.Join(root, "web"), msg.OutDirHoldsProject},
		{root, msg.OutDirHoldsProject},
		{home, msg.OutDirHome},
		{string(filepath.Separator), msg.OutDirRoot},
		{filepath.Join(root, "repo"), msg.OutDirOtherProject},
		{filepath.Join(root, "go"), msg.OutDirOtherProject},
		{filepath.Join(root, "other"), msg.OutDirOtherProject},
		{filepath.Join(root, "gh-pages"), 0}, // a site folder that is a git worktree
		{filepath.Join(proj, "site"), 0},
		{filepath.Join(root, "new", "site"), 0},
	} {
		err := Check(tt.out, proj)
		var r *Refusal
		switch {
		case tt.want == 0 && err != nil:
			t.Errorf("%s: %v, want accepted", tt.out, err)
		case tt.want != 0 && (!errors.As(err, &r) || r.Text.ID() != tt.want):
			t.Errorf("%s: %v, want refused with message %d", tt.out, err, tt.want)
		}
	}
}
