package build

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/outdir"
	"qrboard/internal/output"
)

// openFolder checks that out may be written into by a build of kind
// kind of the project in src, and starts writing it. A folder refused
// comes back as a problem to report, with a nil Dir and error.
func openFolder(kind output.Kind, out, src, manifest string) (*output.Dir, diag.List, error) {
	if err := outdir.Check(out, src); err != nil {
		d, err := folderProblem(err, out)
		return nil, d, err
	}
	dir, err := output.Create(kind, out, manifest)
	if err != nil {
		d, err := folderProblem(err, out)
		return nil, d, err
	}
	return dir, nil, nil
}

// folderProblem turns the refusal of an output folder, or a user's file
// where a build must write, into the problem reported to staff; other
// errors stay failures of the machine.
func folderProblem(err error, out string) (diag.List, error) {
	var diags diag.List
	var refusal *outdir.Refusal
	var other *output.OtherKindError
	var foreign *output.ForeignError
	switch {
	case errors.As(err, &refusal):
		diags.Add(diag.Pos{}, msg.Failed, "").Text = refusal.Text
	case errors.Is(err, output.ErrNotOurs):
		diags.Add(diag.Pos{}, msg.OutputNotOurs, out, someEntries(out), output.Site.Marker)
	case errors.As(err, &other):
		this := "build"
		if other.Kind.Command() == "build" {
			this = "print"
		}
		diags.Add(diag.Pos{}, msg.OutputOtherKind, out, other.Kind.Command(), this)
	case errors.As(err, &foreign):
		diags.Add(diag.Pos{}, msg.OutputForeign, foreign.Rel, out)
	default:
		return nil, err
	}
	return diags, nil
}

// someEntries names up to three entries of the folder dir.
func someEntries(dir string) string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if len(names) == 3 {
			names = append(names, "…")
			break
		}
		names = append(names, e.Name())
	}
	return strings.Join(names, ", ")
}

// attachLock has out write qrboard.lock with the addresses of the site,
// when they are new, in the same step as the folder (see package output),
// and reports whether it changed. A project with no lock yet whose
// base_url is a placeholder (the sample's, on the first day) gets none:
// nothing built there can have been published, and a lock would only
// hold the sample's addresses against the commune's own (see
// config.Placeholder).
func (p *Project) attachLock(out *output.Dir) (changed, skipped bool) {
	path := p.Lock.Path()
	if p.Lock.Len() == 0 && p.Site.Config.Placeholder() {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return false, true
		}
	}
	data, changed := p.Lock.Update(p.Site)
	if changed {
		out.Attach(path, data)
	}
	return changed, false
}
