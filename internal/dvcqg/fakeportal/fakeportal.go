// Package fakeportal serves saved records of the national procedure
// database as the portal's list and detail endpoints would, for tests
// that must not touch the network (tests only). It pages the list by
// lastId with small pages, so that paging is exercised, and can misbehave
// on demand: refuse (403), answer late, send broken JSON or fail with a
// server error.
package fakeportal

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"time"

	"qrboard/internal/slug"
)

// Portal is a fake portal. Set its fields before the first request.
type Portal struct {
	PageSize int // rows per list page (3)

	// Misbehaviour.
	Refuse     bool          // answer every API call with 403
	NeedCookie bool          // answer 403 until the search page was loaded
	Slow       time.Duration // wait this long before answering an API call
	Broken     bool          // answer API calls with a page of HTML
	Failures   int           // answer this many API calls with 503 first

	rows    []json.RawMessage
	details map[string]json.RawMessage // by id

	mu       sync.Mutex
	requests []string // "list q lastId", "detail id", "page"
	agents   []string
}

// New returns a portal serving the records of capture files in the shape
// {records: [{searchItem, detail}]}.
func New(captures ...string) (*Portal, error) {
	p := &Portal{PageSize: 3, details: map[string]json.RawMessage{}}
	for _, file := range captures {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		var c struct {
			Records []struct {
				SearchItem json.RawMessage `json:"searchItem"`
				Detail     json.RawMessage `json:"detail"`
			} `json:"records"`
		}
		if err := json.Unmarshal(data, &c); err != nil {
			return nil, err
		}
		for _, r := range c.Records {
			p.Add(r.SearchItem, r.Detail)
		}
	}
	return p, nil
}

// Add serves one more record with its list row.
func (p *Portal) Add(row, detail json.RawMessage) {
	var id struct {
		ID string `json:"id"`
	}
	json.Unmarshal(row, &id)
	p.rows = append(p.rows, row)
	p.details[id.ID] = detail
}

// Start starts serving; the caller closes the server.
func (p *Portal) Start() *httptest.Server { return httptest.NewServer(p) }

// Requests returns the requests served so far: "list Q LASTID", "detail
// ID", "page".
func (p *Portal) Requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.requests...)
}

// UserAgents returns the User-Agent of every request.
func (p *Portal) UserAgents() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.agents...)
}

func (p *Portal) log(s string, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.requests = append(p.requests, s)
	p.agents = append(p.agents, r.UserAgent())
}

// ServeHTTP implements http.Handler.
func (p *Portal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet && r.URL.Path == "/thu-tuc-hanh-chinh" {
		p.log("page", r)
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "ok", Path: "/"})
		w.Write([]byte("<!doctype html><title>Tra cứu thủ tục</title>"))
		return
	}
	if !p.misbehave(w, r) {
		return
	}
	switch r.URL.Path {
	case "/api/v1/submitting/formality/list-all-formality-by-citizen":
		p.list(w, r)
	case "/api/v1/configuring/formality/get-formality-by-citizen":
		p.detail(w, r)
	default:
		http.NotFound(w, r)
	}
}

// misbehave answers as asked to instead of serving, and reports whether
// to serve.
func (p *Portal) misbehave(w http.ResponseWriter, r *http.Request) bool {
	p.mu.Lock()
	_, cookieErr := r.Cookie("session")
	failing := p.Failures > 0
	if failing {
		p.Failures--
	}
	p.mu.Unlock()
	switch {
	case p.Slow > 0:
		select {
		case <-time.After(p.Slow):
		case <-r.Context().Done():
			return false
		}
	case p.Refuse, p.NeedCookie && cookieErr != nil:
		p.log("refused", r)
		http.Error(w, "<html>403 Forbidden</html>", http.StatusForbidden)
		return false
	case failing:
		p.log("failed", r)
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return false
	case p.Broken:
		p.log("broken", r)
		w.Write([]byte("<html><body>Hệ thống đang bảo trì</body></html>"))
		return false
	}
	return true
}

func (p *Portal) list(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Limit  int    `json:"limit"`
		LastID string `json:"lastId"`
		Q      string `json:"q"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Limit <= 0 {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	p.log("list "+body.Q+" "+body.LastID, r)
	var match []json.RawMessage
	var ids []string
	for _, row := range p.rows {
		var it struct{ ID, Code, Name string }
		json.Unmarshal(row, &it)
		q := slug.Fold(body.Q)
		if q == "" || strings.Contains(slug.Fold(it.Name), q) || it.Code == body.Q {
			match = append(match, row)
			ids = append(ids, it.ID)
		}
	}
	start := 0
	if body.LastID != "" {
		for i, id := range ids {
			if id == body.LastID {
				start = i + 1
			}
		}
	}
	end := min(start+min(body.Limit, p.PageSize), len(match))
	page := match[start:end]
	last := ""
	if len(page) > 0 {
		last = ids[end-1]
	}
	writeJSON(w, map[string]any{"code": "OK", "data": map[string]any{"items": page, "lastId": last, "total": len(match)}})
}

func (p *Portal) detail(w http.ResponseWriter, r *http.Request) {
	var body struct {
		ID string `json:"id"`
	}
	json.NewDecoder(r.Body).Decode(&body)
	p.log("detail "+body.ID, r)
	d, ok := p.details[body.ID]
	if !ok {
		writeJSON(w, map[string]any{"code": "NOT_FOUND", "message": "Không tìm thấy thủ tục", "data": nil})
		return
	}
	writeJSON(w, map[string]any{"code": "OK", "data": d})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}
