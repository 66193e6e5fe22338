// Package build runs a whole build: it loads and checks a project, plans
// the site, checks the lock file, renders every page with its QR codes
// and writes the output folder atomically. `qrboard check` runs the same
// steps and stops before writing.
package build

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"qrboard"
	"qrboard/internal/config"
	"qrboard/internal/diag"
	"qrboard/internal/forms"
	"qrboard/internal/gzipsize"
	"qrboard/internal/lock"
	"qrboard/internal/msg"
	"qrboard/internal/ogimage"
	"qrboard/internal/output"
	"qrboard/internal/overlay"
	"qrboard/internal/poster"
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
	Paper     string    // poster paper, replacing print.paper from qrboard.yaml when set

	// Preview builds a site that will not be published (qrboard serve):
	// qrboard.lock is checked but not written, since a preview publishes
	// no address.
	Preview bool
	// Progress, if set, is called as pages are written, with how many of
	// how many are done, from one goroutine at a time.
	Progress func(done, total int)

	// Cache is the folder of what builds keep to be faster next time (see
	// cache.go): the QR codes of each site, and a record of each output
	// folder, which lets a rebuild keep the pages whose inputs did not
	// change without making them again. "" keeps nothing on disk.
	Cache string
	// Manifest, if set, is where the record of the output folder is kept
	// instead of in Cache: qrboard serve keeps it in its temporary folder.
	Manifest string
	// QRCache, if set, keeps QR codes in memory from one build to the
	// next, over the files in Cache (qrboard serve).
	QRCache *QRCache
}

// Result is what a build did.
type Result struct {
	Site         *site.Site
	Out          string
	Pages        int // HTML pages, redirects not included
	Redirects    int
	QRCodes      int
	QREncoded    int // codes not in the cache, encoded by this build
	ImagesDrawn  int // sharing pictures not in the cache, drawn by this build
	MaxQRVersion int
	Files        output.Stats
	Heaviest     Weight    // the page with the largest gzip-compressed size
	PageChanges  PageStats // what changed since the previous build, in pages
	LockChanged  bool
	Elapsed      time.Duration
}

// Project is a loaded and checked project, ready to render.
type Project struct {
	Site     *site.Site
	Lock     *lock.Lock
	Renderer *render.Renderer
	Level    qr.Level
	Paper    poster.Paper // of posters and board sheets

	posters bool           // write each page's poster.html (a preview)
	scales  scales         // page weights, filled while rendering
	qrCache *qr.Cache      // nil: encode every code
	ogCache *ogimage.Cache // nil: draw every sharing picture
	weights *gzipsize.Memo // nil: compress every page to weigh it
	tfs     fs.FS          // the templates
	inputs  *inputs        // hashes of the inputs, for page keys
	forms   *forms.Set     // the form files the procedures name
}

// Load loads, checks and plans the project in opts.Src. It returns nil
// when there are errors; the warnings come back either way.
func Load(opts Options) (*Project, diag.List) {
	src := os.DirFS(opts.Src)
	cfg, diags := config.Load(src)
	procs, d := procedure.LoadDir(src, procedure.Dir)
	diags = append(diags, d...)
	formFiles, d := forms.Load(opts.Src, procs)
	diags = append(diags, d...)
	if cfg != nil && opts.BaseURL != "" {
		diags = append(diags, cfg.SetBaseURL(opts.BaseURL)...)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	diags = append(diags, cfg.CheckOfficial()...)
	lk, d := lock.Read(src)
	diags = append(diags, d...)
	s, d := site.Plan(cfg, procs, value.NewDate(opts.Now), lk.Paths())
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
	paper, ok := poster.ParsePaper(cmp.Or(opts.Paper, string(cfg.Print.Paper)))
	if !ok {
		diags.Add(diag.Pos{}, msg.BadPaper, opts.Paper)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	p := &Project{Site: s, Lock: lk, Renderer: r, Level: level, Paper: paper, tfs: tfs, forms: formFiles, posters: opts.Preview}
	p.qrCache = opts.QRCache.open(opts.Cache, p)
	p.weights = openWeights(opts.Cache, p)
	if opts.Check {
		d, err := p.check()
		p.weights.Save() // a memo that cannot be saved only costs time next time
		diags = append(diags, d...)
		if err != nil {
			diags.Add(diag.Pos{}, msg.Failed, err.Error())
		}
		if diags.HasErrors() {
			return nil, diags
		}
	}
	return p, diags
}

// check makes in memory what a build writes, but the sharing pictures,
// and reports what a build reports: the problems of the posters and,
// when there are none, the pages over the budget and codes denser than
// MaxVersion. err is a failure a build would stop at, such as a template
// that fails on some page.
func (p *Project) check() (diag.List, error) {
	diags, version, err := p.checkPosters()
	if err != nil || diags.HasErrors() {
		return diags, err
	}
	// Pages, then redirects, then the site's own files: the order a
	// build makes them in, so that the failure reported is the same.
	d, err := p.weighPages()
	if err != nil {
		return diags, err
	}
	for _, rd := range p.Site.Redirects {
		if _, err := p.redirect(rd); err != nil {
			return diags, err
		}
	}
	if _, err := p.siteFiles(); err != nil {
		return diags, err
	}
	diags = append(diags, d...)
	return append(diags, tooDense(version)...), nil
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
		// No position: the folder is outside the project, and the message names it.
		diags.Add(diag.Pos{}, msg.NoTemplatesDir, dir)
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
	manifest := cmp.Or(opts.Manifest, manifestFile(opts.Cache, outDir))
	opening := openOutput(outDir, manifest, opts.Check)
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
		o.dir, o.err = output.Create(outDir, manifest)
	}
	out, err := o.dir, o.err
	if errors.Is(err, output.ErrNotOurs) {
		diags.Add(diag.Pos{}, msg.OutputNotOurs, res.Out, output.Marker)
		return nil, diags, nil
	} else if err != nil {
		return nil, diags, err
	}
	pruneCache(opts.Cache)
	p.inputs = newInputs(p, p.tfs)
	p.ogCache = openOGCache(opts.Cache, p)
	encoded := p.qrCache.Misses()
	problems, err := p.write(ctx, out, res, opts.Progress)
	if err != nil || problems.HasErrors() {
		out.Abort()
		return nil, append(diags, problems...), err
	}
	diags = append(diags, problems...)
	if res.Files, err = out.Commit(); err != nil {
		return nil, diags, err
	}
	res.QREncoded = p.qrCache.Misses() - encoded
	p.qrCache.Save() // a cache that cannot be saved only costs time next build
	res.ImagesDrawn = p.ogCache.Made()
	p.ogCache.Tidy(res.Files.Kept == 0) // a build that kept pages did not ask for their pictures
	p.weights.Save()
	res.PageChanges = p.pageChanges(res.Files)
	if !opts.Preview {
		if res.LockChanged, err = p.writeLock(opts.Src); err != nil {
			return nil, diags, err
		}
	}
	res.Heaviest = p.scales.largest
	diags = append(diags, p.overweightPages()...)
	diags = append(diags, tooDense(res.MaxQRVersion)...)
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
func openOutput(dir, manifest string, check bool) chan opened {
	if check {
		return nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil
	}
	ch := make(chan opened, 1)
	go func() {
		d, err := output.Create(dir, manifest)
		ch <- opened{d, err}
	}()
	return ch
}

// MaxVersion is the largest QR version the sample's addresses need and
// the largest that stays easy to scan from a poster at arm's length.
const MaxVersion = 4

// tooDense warns when the densest code, of version version, is above
// MaxVersion.
func tooDense(version int) diag.List {
	var diags diag.List
	if version > MaxVersion {
		diags.Warn(diag.Pos{File: config.File}, msg.QRTooDense, version, MaxVersion)
	}
	return diags
}

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
