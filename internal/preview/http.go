package preview

import (
	"bytes"
	_ "embed"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// Addresses the preview adds to the site; no site path starts with "__".
const (
	ScriptPath = "/__qrboard/reload.js"
	EventsPath = "/__qrboard/events"
)

//go:embed reload.js
var reloadJS []byte

// ServeHTTP serves the site, the reload script and the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case ScriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(w, r, "reload.js", time.Time{}, bytes.NewReader(reloadJS))
		return
	case EventsPath:
		s.serveEvents(w, r)
		return
	}
	name, ok := sitePath(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	s.serveFile(w, r, name)
}

// sitePath returns the file that the URL path p names inside the site:
// p without its leading slash, with index.html added to a folder. It
// refuses, rather than cleans, any path that climbs or could be read as
// another file: ".." or "." segments (net/http has already decoded
// %2e%2e), backslashes (%5c), colons (Windows drives and streams), NUL and
// names starting with a dot.
func sitePath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\:\x00") {
		return "", false
	}
	name := p[1:]
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == "" || strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	return name, fs.ValidPath(name)
}

// serveFile serves name from the last build: an HTML page with the reload
// script added, the error page instead while the project has errors, the
// site's 404 page for a missing file.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, name string) {
	resp := s.lookup(name)
	switch {
	case resp.redirect:
		// A folder without its final slash: relative links inside it would
		// resolve against its parent.
		http.Redirect(w, r, path.Base(name)+"/", http.StatusMovedPermanently)
	case resp.data == nil:
		http.NotFound(w, r)
	case resp.status != http.StatusOK:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(resp.status)
		w.Write(resp.data)
	default:
		if resp.html {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		http.ServeContent(w, r, name, resp.mod, bytes.NewReader(resp.data))
	}
}

// response is what a request for a file gets.
type response struct {
	data     []byte
	mod      time.Time
	status   int
	html     bool
	redirect bool
}

// lookup reads what to answer for name while holding the read lock, so
// that a rebuild never swaps the folder under a read, and a slow client
// never holds up a rebuild while its response is written.
func (s *Server) lookup(name string) response {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.state.failed && path.Ext(name) == ".html" || s.root == nil {
		return response{data: s.errorPage(), status: http.StatusInternalServerError, html: true}
	}
	data, mod, err := s.read(name)
	if errors.Is(err, errIsDir) {
		return response{redirect: true}
	}
	resp := response{data: data, mod: mod, status: http.StatusOK, html: path.Ext(name) == ".html"}
	if err != nil {
		resp = response{status: http.StatusNotFound, html: true}
		if resp.data, _, err = s.read("404.html"); err != nil {
			return response{}
		}
	}
	if resp.html {
		resp.data = s.inject(resp.data)
	}
	return resp
}

var errIsDir = errors.New("is a folder")

// read returns a file of the current build through the os.Root, which
// refuses any name that would leave the site folder.
func (s *Server) read(name string) ([]byte, time.Time, error) {
	f, err := s.root.Open(name)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, time.Time{}, err
	}
	if st.IsDir() {
		return nil, time.Time{}, errIsDir
	}
	data, err := io.ReadAll(f)
	return data, st.ModTime(), err
}

// inject adds the reload script to an HTML page, before </body> or at the
// end, and lets the page's own security policy load it.
func (s *Server) inject(page []byte) []byte {
	page = allowPreview(page)
	tag := []byte(`<script src="` + ScriptPath + "?v=" + s.version() + `"></script>`)
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		return append(page, tag...)
	}
	out := make([]byte, 0, len(page)+len(tag)+1)
	out = append(out, page[:i]...)
	out = append(out, tag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}
