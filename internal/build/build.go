// Package build runs a whole build: it loads and checks a project, plans
// the site, checks the lock file, renders every page with its QR codes
// and writes the output folder atomically. `qrboard check` runs the same
// steps and stops before writing.
package build

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"qrboard"
	"qrboard/internal/config"
	"qrboard/internal/diag"
	"qrboard/internal/lock"
	"qrboard/internal/msg"
	"qrboard/internal/output"
	"qrboard/internal/overlay"
	"qrboard/internal/procedure"
	"qrboard/internal/qr"
	"qrboard/internal/render"
	"qrboard/internal/site"
	"qrboard/internal/value"
)

// Options says what to build and where.
type Options struct {
	Src       string    // project folder (holds qrboard.yaml)
	Out       string    // output folder; "" means <Src>/site
	BaseURL   string    // replaces base_url from qrboard.yaml when set
	Templates string    // folder laid over the embedded templates; "" means <Src>/templates if present
	Now       time.Time // the build date: decides which procedures are in force
	Check     bool      // check only: write nothing
	Cache     string    // folder of the QR cache kept between builds; "" means no cache
}

// Result is what a build did.
type Result struct {
	Site         *site.Site
	Out          string
	Pages        int // HTML pages, redirects not included
	Redirects    int
	QRCodes      int
	QREncoded    int // codes not in the cache, encoded by this build
	MaxQRVersion int
	Files        output.Stats
	LockChanged  bool
	Elapsed      time.Duration
}

// Project is a loaded and checked project, ready to render.
type Project struct {
	Site     *site.Site
	Lock     *lock.Lock
	Renderer *render.Renderer
	Level    qr.Level

	qrCache *qr.Cache // nil: encode every code
	tfs     fs.FS     // the templates
	inputs  *inputs   // hashes of the inputs, for page keys
}

// Load loads, checks and plans the project in opts.Src. It returns nil
// when there are errors; the warnings come back either way.
func Load(opts Options) (*Project, diag.List) {
	src := os.DirFS(opts.Src)
	cfg, diags := config.Load(src)
	procs, d := procedure.LoadDir(src, procedure.Dir)
	diags = append(diags, d...)
	if cfg != nil && opts.BaseURL != "" {
		diags = append(diags, cfg.SetBaseURL(opts.BaseURL)...)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	s, d := site.Plan(cfg, procs, value.NewDate(opts.Now))
	diags = append(diags, d...)
	lk, d := lock.Read(src)
	diags = append(diags, d...)
	diags = append(diags, lk.Check(s)...)
	tfs, d := Templates(opts)
	diags = append(diags, d...)
	if diags.HasErrors() {
		return nil, diags
	}
	r, d := render.New(tfs, s)
	diags = append(diags, d...)
	level, err := qr.ParseLevel(cfg.QR.Level)
	if err != nil {
		diags.Add(diag.Pos{File: config.File}, msg.BadQRLevel, cfg.QR.Level)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return &Project{Site: s, Lock: lk, Renderer: r, Level: level, tfs: tfs}, diags
}

// Templates returns the templates for opts: the embedded ones with the
// project's own laid over them.
func Templates(opts Options) (fs.FS, diag.List) {
	var diags diag.List
	dir := opts.Templates
	if dir == "" {
		dir = filepath.Join(opts.Src, "templates")
		if _, err := os.Stat(dir); err != nil {
			return qrboard.Templates(), nil
		}
	} else if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		diags.Add(diag.Pos{File: dir}, msg.NoTemplatesDir, dir)
		return nil, diags
	}
	return overlay.New(os.DirFS(dir), qrboard.Templates()), nil
}

// Run builds the project. Problems in the project come back in the
// diag.List; err is for failures of the machine (a full disk).
func Run(ctx context.Context, opts Options) (*Result, diag.List, error) {
	start := time.Now()
	outDir := opts.Out
	if outDir == "" {
		outDir = filepath.Join(opts.Src, "site")
	}
	opening := openOutput(outDir, opts)
	p, diags := Load(opts)
	if p == nil || opts.Check {
		if opening != nil {
			if o := <-opening; o.dir != nil {
				o.dir.Abort()
			}
		}
		return nil, diags, nil
	}
	res := &Result{Site: p.Site, Out: outDir}
	var o opened
	if opening != nil {
		o = <-opening
	} else {
		o.dir, o.err = output.Create(outDir, manifestFile(opts.Cache, outDir))
	}
	out, err := o.dir, o.err
	if errors.Is(err, output.ErrNotOurs) {
		diags.Add(diag.Pos{}, msg.OutputNotOurs, res.Out, output.Marker)
		return nil, diags, nil
	} else if err != nil {
		return nil, diags, err
	}
	pruneCache(opts.Cache)
	p.qrCache = openQRCache(opts.Cache, p)
	p.inputs = newInputs(p, p.tfs)
	if err := p.write(ctx, out, res); err != nil {
		out.Abort()
		return nil, diags, err
	}
	if res.Files, err = out.Commit(); err != nil {
		return nil, diags, err
	}
	res.QREncoded = p.qrCache.Misses()
	p.qrCache.Save() // a cache that cannot be saved only costs time next build
	if res.LockChanged, err = p.writeLock(opts.Src); err != nil {
		return nil, diags, err
	}
	if res.MaxQRVersion > MaxVersion {
		diags.Warn(diag.Pos{File: config.File}, msg.QRTooDense, res.MaxQRVersion, MaxVersion)
	}
	res.Elapsed = time.Since(start)
	return res, diags, nil
}

type opened struct {
	dir *output.Dir
	err error
}

// openOutput starts opening an existing output folder — reading its
// manifest and listing what the previous build left — while the project
// loads, on the other core. It returns nil, leaving the opening for
// after the load, when there is no such folder (then there is nothing to
// read, and a build with errors must not create its parent folders) or
// when only checking.
func openOutput(dir string, opts Options) chan opened {
	if opts.Check {
		return nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil
	}
	ch := make(chan opened, 1)
	go func() {
		d, err := output.Create(dir, manifestFile(opts.Cache, dir))
		ch <- opened{d, err}
	}()
	return ch
}

// MaxVersion is the largest QR version the sample's addresses need and
// the largest that stays easy to scan from a poster at arm's length.
const MaxVersion = 4

// writeLock records the published addresses in qrboard.lock, writing the
// file only when it changes, through a temporary file so it is never half
// written.
func (p *Project) writeLock(src string) (bool, error) {
	data, changed := p.Lock.Update(p.Site)
	if !changed {
		return false, nil
	}
	path := filepath.Join(src, lock.File)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return false, err
	}
	return true, os.Rename(tmp, path)
}
