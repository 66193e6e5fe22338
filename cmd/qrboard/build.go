package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"time"

	"qrboard/internal/build"
	"qrboard/internal/config"
	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/schema"
	"qrboard/internal/value"
)

// projectFlags are the flags build and check share.
type projectFlags struct {
	src, baseURL, templates, now string
	verbose                      bool
}

func (p *projectFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&p.src, "src", ".", "project folder, holding qrboard.yaml and procedures/")
	fs.StringVar(&p.baseURL, "base-url", "", "public address of the site, replacing base_url in qrboard.yaml")
	fs.StringVar(&p.templates, "templates", "", "folder of templates laid over the built-in ones (default: <src>/templates if it exists)")
	fs.StringVar(&p.now, "now", "", "build date YYYY-MM-DD, deciding which procedures are in force (default: today in Vietnam)")
	fs.BoolVar(&p.verbose, "v", false, "print every warning")
}

// options turns the flags into build options, or reports a usage error.
func (p *projectFlags) options(e *env) (build.Options, bool) {
	opts := build.Options{Src: p.src, BaseURL: p.baseURL, Templates: p.templates, Now: time.Now(), Cache: cacheDir()}
	if p.now != "" {
		d, err := value.ParseDate(p.now)
		if err != nil {
			e.say(msg.LevelError, msg.BadNow, p.now)
			return opts, false
		}
		opts.Now = d.Time()
	}
	if !e.langSet {
		if l, ok := config.PeekLanguage(os.DirFS(p.src)); ok {
			e.lang = l
		}
	}
	return opts, true
}

// cacheDir returns the cache folder, which holds the QR codes of each
// site and the manifest of each output folder: $QRBOARD_CACHE, or
// qrboard in the user's cache folder (~/.cache, %LocalAppData%); "off"
// or no such folder means no cache.
func cacheDir() string {
	switch dir := os.Getenv("QRBOARD_CACHE"); dir {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(base, "qrboard")
	default:
		return dir
	}
}

// report prints a run's problems: all errors, and the warnings too when
// there are few or all were asked for.
func (e *env) report(diags diag.List, root string, all bool) {
	diags.Sort()
	warnings := diags.Count(diag.Warning)
	max := diag.Warning
	if !all && warnings > 5 {
		max = diag.Error
	}
	diags.Print(e.stderr, e.lang, root, max)
	if max == diag.Error && warnings > 0 {
		e.say(0, msg.WarningsHidden, warnings)
	}
}

// failed ends a command that made nothing: it says why — err, a failure
// the project's problems do not explain, or else how many problems there
// were — and returns the exit status.
func (e *env) failed(diags diag.List, err error) int {
	if err != nil {
		e.say(msg.LevelError, msg.Failed, msg.Explain(err))
	} else {
		e.say(0, msg.FailedSummary, diags.Count(diag.Error), diags.Count(diag.Warning))
	}
	return exitFailure
}

var buildCmd = &command{
	name:  "build",
	short: "build the site into site/",
	long: `Build reads qrboard.yaml and procedures/, checks everything, and writes the
site — a page per office and procedure, its QR code inside it, a sharing
picture per office and procedure, the home page, sitemap.xml, robots.txt and 404.html — into the
output folder. It warns about pages over the 14 KB budget.

A failed build leaves the previous site untouched: files are made in a new
folder next to the output folder and moved into place only when the whole
build succeeds. Only files whose bytes changed are written; the others keep
their modification time. QR codes and a record of every page are kept in a
cache folder ($QRBOARD_CACHE, by default qrboard in the user's cache folder;
"off" disables it), so a rebuild encodes no code twice and does not render
pages whose inputs did not change.

Every published address is recorded in qrboard.lock; a build that would drop
one fails, because printed posters point at it.`,
	flags: func(fs *flag.FlagSet) func(*env, []string) int {
		var p projectFlags
		p.register(fs)
		out := fs.String("out", "", "output folder (default: <src>/site)")
		return func(e *env, args []string) int {
			if !noArgs(e, "build", args) {
				return exitUsage
			}
			opts, ok := p.options(e)
			if !ok {
				return exitUsage
			}
			opts.Out = *out
			prog := newProgress(e.stderr, e.lang)
			opts.Progress = prog.update
			res, diags, err := build.Run(e.ctx, opts)
			prog.clear()
			e.report(diags, p.src, p.verbose)
			if err != nil || res == nil {
				return e.failed(diags, err)
			}
			e.say(0, msg.BuildSummary, len(res.Site.Offices), res.Pages, res.QRCodes, res.MaxQRVersion,
				res.Redirects, res.Elapsed.Round(time.Millisecond), filepath.Clean(res.Out), changes(res.PageChanges))
			if res.LockSkipped {
				e.say(0, msg.LockNotYet, res.Site.Config.Base.String())
			}
			return exitOK
		}
	},
}

// staleSchemas warns about editor schemas in the project's schema/ that
// differ from this version's, as after an update of qrboard: VS Code
// would check the files against old rules.
func staleSchemas(src string) diag.List {
	var diags diag.List
	for _, f := range schema.Files() {
		rel := schema.Dir + "/" + f.Name
		data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(rel)))
		if err == nil && !bytes.Equal(data, f.Data) {
			diags.Warn(diag.Pos{File: rel}, msg.SchemaStale).WithHint(msg.HintSchemaStale, filepath.Join(src, schema.Dir))
		}
	}
	return diags
}

// changes words what a build changed since the previous one, in pages.
func changes(pc build.PageStats) msg.Text {
	switch {
	case pc.Fresh:
		return msg.New(msg.BuildFresh)
	case pc.Added+pc.Changed+pc.Removed == 0:
		return msg.New(msg.BuildNoChanges)
	}
	return msg.New(msg.BuildChanges, pc.Added, pc.Changed, pc.Removed)
}

var checkCmd = &command{
	name:  "check",
	short: "check the project without writing anything",
	long: `Check runs every check of build — YAML syntax and fields, links, ids,
offices, the lock file, templates, page weight — and prints every problem with its file,
line and column, including warnings such as contact details still marked
TODO and facts marked unverified. It also says what became of each office
that closed (until and successor in qrboard.yaml) and of its old addresses.
It writes nothing.`,
	flags: func(fs *flag.FlagSet) func(*env, []string) int {
		var p projectFlags
		p.register(fs)
		return func(e *env, args []string) int {
			if !noArgs(e, "check", args) {
				return exitUsage
			}
			opts, ok := p.options(e)
			if !ok {
				return exitUsage
			}
			opts.Check = true
			proj, diags := build.Load(opts)
			diags = append(diags, staleSchemas(p.src)...)
			e.report(diags, p.src, true)
			if proj == nil {
				return e.failed(diags, nil)
			}
			s := proj.Site
			for _, h := range s.History() {
				e.tell(h)
			}
			e.say(0, msg.CheckSummary, len(s.Offices), len(s.Procedures), len(s.Pages), diags.Count(diag.Warning))
			return exitOK
		}
	},
}
