// Package preview serves a project's site while staff edit it, for
// `qrboard serve`: it builds the site into a temporary folder — never the
// project's site/, never qrboard.lock — serves it over HTTP, rebuilds when
// a project file changes, and makes open browser tabs reload by
// themselves. While the project has errors, every page shows the list of
// errors, each with its file, line and column, in the staff's language,
// and comes back by itself once the file is fixed.
//
// # Reloading
//
// Every HTML page served gets one extra tag before </body>,
//
//	<script src="/__qrboard/reload.js?v=VERSION"></script>
//
// added as the page is served, not in the built files. The script listens
// to /__qrboard/events (Server-Sent Events, in the standard library on both
// ends) and reloads the page when the version there is no longer the one
// it was served with: after a rebuild that changed pages, when errors
// appear or go, and when the server was restarted. Because the script is
// a file from the same origin rather than inline code, a page's
// Content-Security-Policy only has to allow 'self' for scripts and
// connections; a policy in a <meta> tag is adjusted so, in the preview
// only (see allowPreview).
//
// # Paths
//
// Only files inside the built site are served. A request whose path has a
// ".." or "." segment (also when percent-encoded), a backslash, a colon or
// a NUL is refused with 400 before any file is opened, and files are opened
// through an os.Root of the site folder, which cannot leave it whatever the
// name. Names starting with a dot are not served.
package preview

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"qrboard/internal/build"
	"qrboard/internal/config"
	"qrboard/internal/diag"
	"qrboard/internal/msg"
)

// Config says what to preview.
type Config struct {
	// Build holds the project folder, templates, base URL, build date
	// and cache folder; a zero Now means today, at each rebuild. Out,
	// Preview, Manifest and QRCache are set by New.
	Build build.Options
	// Lang is the language of the error page, unless LangFromSite is set
	// and qrboard.yaml names one.
	Lang         msg.Lang
	LangFromSite bool
}

// Server builds and serves one project. It is an http.Handler.
type Server struct {
	cfg    Config
	dir    string // temporary folder holding the site
	events *broker
	id     string // differs between runs, so tabs reload after a restart

	mu    sync.RWMutex
	root  *os.Root // the last good build, or nil
	state state
}

// state is the outcome of the last build.
type state struct {
	gen    int       // counts builds that changed what a tab shows
	diags  diag.List // problems of the last build
	failed bool      // the last build failed: pages show its errors
	err    error     // a failure of the machine rather than the project
	errKey string    // the errors, to tell one failure from another
	lang   msg.Lang
}

// Report says what one build did, for the command to print.
type Report struct {
	Changed []string // project files whose change started the build, relative to its folder
	Result  *build.Result
	Diags   diag.List
	Err     error
	Lang    msg.Lang // the language chosen for messages
	Reload  bool     // open tabs were told to reload
}

// New prepares a server for the project in cfg; Build builds it.
func New(cfg Config) (*Server, error) {
	dir, err := os.MkdirTemp("", "qrboard-preview-")
	if err != nil {
		return nil, err
	}
	var b [6]byte
	rand.Read(b[:])
	cfg.Build.Out = filepath.Join(dir, "site")
	cfg.Build.Preview = true
	// A rebuild keeps the pages whose inputs did not change (the record
	// of the folder stays beside it, gone with it), and the QR codes stay
	// in memory between builds, over the cache folder if there is one.
	cfg.Build.Manifest = filepath.Join(dir, "manifest")
	cfg.Build.QRCache = &build.QRCache{}
	return &Server{cfg: cfg, dir: dir, events: newBroker(), id: hex.EncodeToString(b[:])}, nil
}

// Close stops the event streams and removes the temporary folder.
func (s *Server) Close() error {
	s.events.close()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.root != nil {
		s.root.Close()
		s.root = nil
	}
	return os.RemoveAll(s.dir)
}

// Dir returns the folder the site is built in, for tests.
func (s *Server) Dir() string { return s.cfg.Build.Out }

// version names what tabs are showing: this run and its build count.
func (s *Server) version() string {
	return fmt.Sprintf("%s.%d", s.id, s.state.gen)
}

// Build builds the project and tells open tabs to reload when what they
// show has changed. Requests wait while it runs, so a tab never sees half
// a build. It never panics: a panic in a build is reported as its error.
func (s *Server) Build(ctx context.Context, changed []string) Report {
	s.mu.Lock()
	defer s.mu.Unlock()
	rep := Report{Changed: changed, Lang: s.lang()}
	opts := s.cfg.Build
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if s.root != nil {
		s.root.Close() // Windows cannot rename a folder held open
		s.root = nil
	}
	rep.Result, rep.Diags, rep.Err = safeRun(ctx, opts)
	if root, err := os.OpenRoot(opts.Out); err == nil {
		s.root = root // the new build, or the last good one
	}
	rep.Reload = s.update(rep)
	if rep.Reload {
		s.events.publish(s.version())
	}
	return rep
}

// update records the outcome of a build and reports whether open tabs
// should reload.
func (s *Server) update(rep Report) bool {
	failed := rep.Result == nil
	key := ""
	if failed {
		key = errorKey(rep)
	}
	changed := failed != s.state.failed || key != s.state.errKey || rep.Lang != s.state.lang
	if !failed {
		pc := rep.Result.PageChanges
		changed = changed || pc.Fresh || pc.Added+pc.Changed+pc.Removed > 0
	}
	s.state = state{gen: s.state.gen, diags: rep.Diags, failed: failed, err: rep.Err, errKey: key, lang: rep.Lang}
	if changed {
		s.state.gen++
	}
	return changed
}

// errorKey identifies a failure by its errors, so that a save that leaves
// the same errors does not reload the error page.
func errorKey(rep Report) string {
	key := ""
	if rep.Err != nil {
		key = rep.Err.Error()
	}
	for _, d := range rep.Diags {
		if d.Severity == diag.Error {
			key += "\n" + d.Format(msg.En, "")
		}
	}
	return key
}

// safeRun runs a build, turning a panic into an error so that a preview
// never stops because of a broken project or template.
func safeRun(ctx context.Context, opts build.Options) (res *build.Result, diags diag.List, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("%v", p)
		}
	}()
	return build.Run(ctx, opts)
}

// lang returns the language of messages for the next build.
func (s *Server) lang() msg.Lang {
	if s.cfg.LangFromSite {
		if l, ok := config.PeekLanguage(os.DirFS(s.cfg.Build.Src)); ok {
			return l
		}
	}
	return s.cfg.Lang
}
