package dvcqg

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"

	"qrboard/internal/msg"
)

// The portal's address and its public endpoints, which need no login.
// They are not documented by the portal: crawlers found them in its web
// application, and they may change. Reading saved JSON files (Read) is the
// base; fetching is a convenience on top.
const (
	DefaultBase = "https://dichvucong.gov.vn"
	listPath    = "/api/v1/submitting/formality/list-all-formality-by-citizen"
	detailPath  = "/api/v1/configuring/formality/get-formality-by-citizen"
	// pagePath is the portal's procedure search page, which a browser
	// loads first: the portal sometimes refuses API calls (HTTP 403) from
	// a client without the cookies that page sets.
	pagePath = "/thu-tuc-hanh-chinh"
	// pageSize is the rows asked for per list call; the portal gives at
	// most about 50.
	pageSize = 50
	// maxBody bounds one response: a detail record is about 35 KB.
	maxBody = 16 << 20
)

// Client calls the portal politely: one request at a time, Delay between
// two, a User-Agent saying who asks, a Timeout per request, and Retries
// with doubling waits for failures that pass — a network error, no answer
// in time, a server error (5xx) or "too many requests" (429). A refusal
// (403) is tried once more after loading the portal's search page, as a
// browser does. Failures are *Error, in the staff's words.
type Client struct {
	Base      string        // the portal's address (DefaultBase); tests use a local server
	UserAgent string        // who asks: the program and the site it builds
	Delay     time.Duration // the least time between two requests
	Timeout   time.Duration // the longest wait for one answer
	Retries   int           // attempts after the first, for failures that pass
	Backoff   time.Duration // the wait before the first retry; it doubles each time (default 2 × Delay)

	http   *http.Client
	last   time.Time // when the last request ended
	warmed bool      // the search page was loaded after a refusal
}

// NewClient returns a client for the portal at base with polite defaults:
// a second between requests, 30 seconds per request, three retries
// after 2, 4 and 8 times the delay.
func NewClient(base, userAgent string) *Client {
	return &Client{Base: strings.TrimRight(base, "/"), UserAgent: userAgent,
		Delay: time.Second, Timeout: 30 * time.Second, Retries: 3}
}

// Error is a failed call, said in the staff's words, with what to do.
type Error struct {
	Text msg.Text
	Hint msg.Text
}

func (e *Error) Error() string { return e.Text.In(msg.En) }

// Search returns the list rows of the procedures matching q — a code, a
// name, words of a name — or of every procedure when q is empty, reading
// the list page by page (the portal pages by the id of the last row,
// lastId). Each page is one request.
func (c *Client) Search(ctx context.Context, q string) ([]ListItem, error) {
	var all []ListItem
	seen := map[string]bool{}
	lastID := ""
	for range 10_000 { // far more pages than the portal has: a loop that never ends is a bug
		var page struct {
			Items  []ListItem `json:"items"`
			LastID string     `json:"lastId"`
			Total  int        `json:"total"`
		}
		body := map[string]any{"limit": pageSize, "lastId": lastID, "q": q, "categoryId": "", "departmentCode": ""}
		if _, err := c.call(ctx, listPath, body, &page); err != nil {
			return nil, err
		}
		for _, it := range page.Items {
			if !seen[it.ID] {
				seen[it.ID] = true
				all = append(all, it)
			}
		}
		next := page.LastID
		if next == "" && len(page.Items) > 0 {
			next = page.Items[len(page.Items)-1].ID
		}
		if len(page.Items) == 0 || next == "" || next == lastID || (page.Total > 0 && len(all) >= page.Total) {
			return all, nil
		}
		lastID = next
	}
	return all, nil
}

// Detail fetches the detail record with UUID id. It returns the record
// and the answer as the portal sent it, to keep.
func (c *Client) Detail(ctx context.Context, id string) (Record, []byte, error) {
	var raw json.RawMessage
	answer, err := c.call(ctx, detailPath, map[string]string{"id": id}, &raw)
	if err != nil {
		return Record{}, nil, err
	}
	var d Detail
	if err := json.Unmarshal(raw, &d); err != nil || d.ID == "" {
		return Record{}, nil, &Error{Text: msg.New(msg.FetchMalformed, c.host(), jsonProblemOr(err, "no id")), Hint: msg.New(msg.HintFetchLater)}
	}
	return Record{Detail: d, Raw: raw, Source: c.Base + PortalPath(id)}, answer, nil
}

// PortalPath is the path of a procedure's public page on the portal.
func PortalPath(id string) string { return pagePath + "/" + url.PathEscape(id) }

// call posts body to path and decodes the "data" of the answer into out,
// which must be {"code": "OK", "data": …}. It returns the answer's bytes.
func (c *Client) call(ctx context.Context, path string, body, out any) ([]byte, error) {
	answer, err := c.post(ctx, path, body)
	if err != nil {
		return nil, err
	}
	var env struct {
		Code    string          `json:"code"`
		Message string          `json:"message"`
		Data    json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(answer, &env); err != nil {
		return nil, &Error{Text: msg.New(msg.FetchMalformed, c.host(), describeBody(answer, err)), Hint: msg.New(msg.HintFetchLater)}
	}
	if env.Code != "OK" {
		return nil, &Error{Text: msg.New(msg.FetchNotOK, c.host(), env.Code, env.Message), Hint: msg.New(msg.HintFetchLater)}
	}
	if err := json.Unmarshal(env.Data, out); err != nil {
		return nil, &Error{Text: msg.New(msg.FetchMalformed, c.host(), jsonProblem(err)), Hint: msg.New(msg.HintFetchLater)}
	}
	return answer, nil
}

// post sends one request, with the retries and the one warm-up that
// failures earn.
func (c *Client) post(ctx context.Context, path string, body any) ([]byte, error) {
	payload, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		answer, status, err := c.do(ctx, http.MethodPost, path, payload)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		switch {
		case err == nil && status == http.StatusOK:
			return answer, nil
		case err == nil && status == http.StatusForbidden && !c.warmed:
			c.warmed = true
			c.do(ctx, http.MethodGet, pagePath, nil) // for its cookies; its own failure says nothing
			attempt--
			continue
		case retryable(err, status) && attempt < c.Retries:
			if err := sleep(ctx, c.backoff()<<attempt); err != nil {
				return nil, err
			}
			continue
		}
		return nil, c.failure(err, status, attempt+1)
	}
}

// backoff is the wait before the first retry.
func (c *Client) backoff() time.Duration {
	if c.Backoff > 0 {
		return c.Backoff
	}
	return 2 * c.Delay
}

// do sends one request after the polite delay and returns the answer.
func (c *Client) do(ctx context.Context, method, path string, payload []byte) ([]byte, int, error) {
	if err := sleep(ctx, time.Until(c.last.Add(c.Delay))); err != nil {
		return nil, 0, err
	}
	defer func() { c.last = time.Now() }()
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.Base+path, body)
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("User-Agent", c.UserAgent)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Referer", c.Base+pagePath)
	if payload != nil {
		req.Header.Set("Content-Type", "application/json; charset=UTF-8")
		req.Header.Set("Origin", c.Base)
	}
	resp, err := c.client().Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	return data, resp.StatusCode, err
}

func (c *Client) client() *http.Client {
	if c.http == nil {
		jar, _ := cookiejar.New(nil)
		c.http = &http.Client{Jar: jar, Timeout: c.Timeout}
	}
	return c.http
}

// retryable reports whether a failure may pass if tried again.
func retryable(err error, status int) bool {
	if err != nil {
		return true // the network, or no answer in time
	}
	return status >= 500 || status == http.StatusTooManyRequests
}

// failure turns what went wrong into the staff's words.
func (c *Client) failure(err error, status, attempts int) *Error {
	host := c.host()
	var ne net.Error
	switch {
	case err != nil && errors.As(err, &ne) && ne.Timeout():
		return &Error{Text: msg.New(msg.FetchTimeout, host, c.Timeout.String(), attempts), Hint: msg.New(msg.HintFetchTimeout)}
	case err != nil:
		return &Error{Text: msg.New(msg.FetchOffline, host, cause(err)), Hint: msg.New(msg.HintFetchOffline)}
	case status == http.StatusForbidden:
		return &Error{Text: msg.New(msg.FetchRefused, host), Hint: msg.New(msg.HintFetchRefused)}
	}
	return &Error{Text: msg.New(msg.FetchStatus, host, status, attempts), Hint: msg.New(msg.HintFetchLater)}
}

// host names the portal in messages.
func (c *Client) host() string {
	if u, err := url.Parse(c.Base); err == nil && u.Host != "" {
		return u.Host
	}
	return c.Base
}

// cause is the innermost words of a network error ("connection refused",
// "no such host"), without the request's details.
func cause(err error) string {
	for {
		var op *net.OpError
		var ue *url.Error
		var se *os.SyscallError
		switch {
		case errors.As(err, &ue) && ue.Err != err:
			err = ue.Err
		case errors.As(err, &op) && op.Err != nil && op.Err != err:
			err = op.Err
		case errors.As(err, &se) && se.Err != nil && se.Err != err:
			err = se.Err
		default:
			return err.Error()
		}
	}
}

// describeBody says what came instead of JSON: an HTML page (what a
// firewall or an error page sends) or broken JSON.
func describeBody(body []byte, err error) string {
	if t := bytes.TrimSpace(body); len(t) > 0 && t[0] == '<' {
		return "HTML"
	}
	return jsonProblem(err)
}

func jsonProblemOr(err error, s string) string {
	if err != nil {
		return jsonProblem(err)
	}
	return s
}

// sleep waits for d, or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Records fetches the records named by codes ("2.000635") or UUIDs, one
// request at a time, finding a code's UUID by a search. It returns each
// record with the portal's answer, and calls progress after each.
func (c *Client) Records(ctx context.Context, names []string, progress func(done, total int)) ([]Record, [][]byte, error) {
	var ids []string
	for _, name := range names {
		if uuidRE.MatchString(name) {
			ids = append(ids, name)
			continue
		}
		id, err := c.find(ctx, name)
		if err != nil {
			return nil, nil, err
		}
		ids = append(ids, id)
	}
	return c.Details(ctx, ids, progress)
}

// Details fetches the records with the UUIDs ids, one request at a time.
func (c *Client) Details(ctx context.Context, ids []string, progress func(done, total int)) ([]Record, [][]byte, error) {
	var records []Record
	var answers [][]byte
	for i, id := range ids {
		if progress != nil {
			progress(i, len(ids))
		}
		rec, answer, err := c.Detail(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		records, answers = append(records, rec), append(answers, answer)
	}
	return records, answers, nil
}

// uuidRE is a record's UUID, as opposed to a national code.
var uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// find returns the UUID of the record with a national code, searching
// the list for it.
func (c *Client) find(ctx context.Context, code string) (string, error) {
	items, err := c.Search(ctx, code)
	if err != nil {
		return "", err
	}
	for _, it := range items {
		if it.Code == code || it.CodeNotation == code {
			return it.ID, nil
		}
	}
	return "", &Error{Text: msg.New(msg.FetchNotFound, code, c.host()), Hint: msg.New(msg.HintFetchNotFound)}
}
