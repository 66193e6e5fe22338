package importer

import (
	"os"
	"path/filepath"
	"time"

	"qrboard/internal/atomicfile"
	"qrboard/internal/config"
	"qrboard/internal/procedure"
	"qrboard/internal/site"
	"qrboard/internal/value"
)

// Keep adds a file to write with the import, such as a record as the
// portal sent it (national/CODE.json).
func (plan *Plan) Keep(file string, data []byte) { plan.Files[file] = data }

// Write writes the plan's files into the project, all or none: a
// failure leaves every file as it was.
func (plan *Plan) Write() error {
	files := map[string][]byte{}
	for name, data := range plan.Files {
		files[filepath.Join(plan.dir, filepath.FromSlash(name))] = data
	}
	return atomicfile.WriteAll(files)
}

// Reprints returns, for each procedure whose posters print a changed
// fact, the names of the offices whose posters of it must be printed
// again, as the project now is after Write. It returns nil when the
// project does not load (`qrboard check` then says why).
func (plan *Plan) Reprints(now time.Time) map[string][]string {
	want := map[string]bool{}
	for _, o := range plan.Outcomes {
		if o.Reprint {
			want[o.ID] = true
		}
	}
	if len(want) == 0 {
		return nil
	}
	fsys := os.DirFS(plan.dir)
	cfg, diags := config.Load(fsys)
	if cfg == nil || diags.HasErrors() {
		return nil
	}
	procs, diags := procedure.LoadDir(fsys, procedure.Dir)
	if diags.HasErrors() {
		return nil
	}
	s, diags := site.Plan(cfg, procs, value.NewDate(now), nil) // offices open now: closed ones print nothing
	if s == nil || diags.HasErrors() {
		return nil
	}
	out := map[string][]string{}
	for _, pg := range s.Pages {
		if pg.Kind == site.ProcedurePage && pg.Office != nil && want[pg.Procedure.ID] {
			out[pg.Procedure.ID] = append(out[pg.Procedure.ID], pg.Office.Name)
		}
	}
	return out
}
