// Package build turns a project into its site. Every command that reads
// a project — build, check, print, serve — runs the same pipeline, in
// this order:
//
//	Load     read qrboard.yaml, procedures/ and forms/, and check each
//	         file on its own (packages config, procedure, forms)
//	Plan     work out every page, address and redirect (package site)
//	lock     check that no address recorded in qrboard.lock disappears
//	         (package lock); Load stops here with the project's errors
//	render   make each page's files on every core (write.go): its QR code
//	         from the cache or encoded and read back (package qr), its
//	         poster laid out on the paper to check that it prints
//	         (posters.go), its HTML weighed against the 14 KB budget
//	         (budget.go), its sharing picture (package ogimage)
//	write    hand each file to a sink: the output folder (package
//	         output), which keeps a page whose key did not change
//	         (inputs.go) and writes only the files whose bytes did; or, for
//	         check, a sink that keeps nothing, so check reports exactly
//	         what build would
//	commit   put the new output folder in place, all or nothing, then
//	         record the published addresses in qrboard.lock
//	caches   save what the build learned for the next one (cache.go): QR
//	         codes, sharing pictures, page weights, and the output
//	         folder's manifest
//
// print runs Load and then makes each office's print pack on the same
// cores, with the same rule for failures (print.go): the one reported is
// that of the first office in the site's order. serve runs build into a
// temporary folder, with each page's poster.html beside it.
package build

import (
	"cmp"
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"time"

	"qrboard"
	"qrboard/internal/config"
	"qrboard/internal/diag"
	"qrboard/internal/forms"
	"qrboard/internal/lock"
	"qrboard/internal/msg"
	"qrboard/internal/outdir"
	"qrboard/internal/output"
	"qrboard/internal/overlay"
	"qrboard/internal/plainfs"
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
	LockSkipped  bool // no lock yet, and base_url a placeholder: none written (attachLock)
	Elapsed      time.Duration
}

// Project is a loaded and checked project, ready to render.
type Project struct {
	Site     *site.Site
	Lock     *lock.Lock
	Renderer *render.Renderer
	Level    qr.Level
	Paper    poster.Paper // of posters and board sheets

	posters bool       // write each page's poster.html (a preview)
	scales  scales     // page weights, filled while rendering
	caches             // QR codes, sharing pictures, page weights (cache.go)
	tfs     fs.FS      // the templates
	inputs  *inputs    // hashes of the inputs, for page keys
	forms   *forms.Set // the form files the procedures name
}

// Load loads, checks and plans the project in opts.Src, and opens its
// caches. With opts.Check it also runs the build's pipeline, keeping
// nothing (check). It returns nil when there are errors; the warnings
// come back either way.
func Load(opts Options) (*Project, diag.List) {
	src := plainfs.Dir(opts.Src) // a named pipe would hang the build
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
	lk, d := lock.Open(opts.Src)
	diags = append(diags, d...)
	s, d := site.Plan(cfg, procs, value.NewDate(opts.Now), lk.Paths())
	diags = append(diags, d...)
	diags = append(diags, lk.Check(s)...)
	lk.Assign(posterPaths(s))
	for _, pg := range s.Pages {
		pg.At = shortPath(lk, pg)
	}
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
	p.caches = openCaches(opts, p)
	p.inputs = newInputs(p, tfs)
	if opts.Check {
		return p.check(diags)
	}
	return p, diags
}

// check runs the build's pipeline into a sink that keeps nothing and
// reports what a build would: its problems, its failure, its warnings.
func (p *Project) check(diags diag.List) (*Project, diag.List) {
	var res Result
	problems, err := p.render(context.Background(), discard{}, &res, nil)
	p.caches.save(err == nil && !problems.HasErrors()) // then it asked for every page's picture
	diags = append(diags, problems...)
	if err != nil {
		diags.Add(diag.Pos{}, msg.Failed, err.Error())
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return p, append(diags, p.warnings(&res)...)
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
	for _, e := range plainfs.Irregular(os.DirFS(dir), ".") {
		diags.Add(diag.Pos{File: path.Join("templates", e.Path)}, msg.NotRegularFile, e.Kind)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return overlay.New(plainfs.Dir(dir), qrboard.Templates()), nil
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
	if !opts.Check {
		if err := outdir.Check(outDir, opts.Src); err != nil {
			d, err := folderProblem(err, outDir)
			return nil, d, err
		}
	}
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
	out, err := opened(opening, outDir, manifest)
	if err != nil {
		d, err := folderProblem(err, outDir)
		return nil, append(diags, d...), err
	}
	res := &Result{Site: p.Site, Out: outDir}
	drawn, encoded := p.og.Made(), p.qr.Misses()
	problems, err := p.render(ctx, out, res, opts.Progress)
	if err != nil || problems.HasErrors() {
		out.Abort()
		if err != nil {
			var d diag.List
			d, err = folderProblem(err, outDir)
			problems = append(problems, d...)
		}
		return nil, append(diags, problems...), err
	}
	diags = append(diags, problems...)
	if d, err := p.writeStatic(out, opts.Src); err != nil || d.HasErrors() {
		out.Abort()
		return nil, append(diags, d...), err
	}
	if !opts.Preview {
		res.LockChanged, res.LockSkipped = p.attachLock(out)
	}
	if res.Files, err = out.Commit(); err != nil {
		return nil, diags, err
	}
	res.QREncoded, res.ImagesDrawn = p.qr.Misses()-encoded, p.og.Made()-drawn
	p.caches.save(res.Files.Kept == 0) // a build that kept pages did not ask for their pictures
	res.PageChanges = p.pageChanges(res.Files)
	diags = append(diags, p.warnings(res)...)
	res.Elapsed = time.Since(start)
	return res, diags, nil
}

// warnings returns what a build that made res warns about: the pages
// over the budget and codes denser than MaxVersion.
func (p *Project) warnings(res *Result) diag.List {
	res.Heaviest = p.scales.largest
	return append(p.overweightPages(), tooDense(res.MaxQRVersion)...)
}

// opened waits for the output folder that openOutput started opening,
// or opens it now when it did not.
func opened(opening chan openedDir, dir, manifest string) (*output.Dir, error) {
	if opening == nil {
		return output.Create(output.Site, dir, manifest)
	}
	o := <-opening
	return o.dir, o.err
}

type openedDir struct {
	dir *output.Dir
	err error
}

// openOutput starts opening an existing output folder — reading its
// manifest and listing what the previous build left — while the project
// loads, on the other core. It returns nil, leaving the opening for
// after the load, when there is no such folder (then there is nothing to
// read, and a build with errors must not create its parent folders) or
// when only checking.
func openOutput(dir, manifest string, check bool) chan openedDir {
	if check {
		return nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil
	}
	ch := make(chan openedDir, 1)
	go func() {
		d, err := output.Create(output.Site, dir, manifest)
		ch <- openedDir{d, err}
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
