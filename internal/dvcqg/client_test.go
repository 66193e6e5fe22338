package dvcqg_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"qrboard/internal/dvcqg"
	"qrboard/internal/dvcqg/fakeportal"
	"qrboard/internal/msg"
)

const capture = "testdata/khai-sinh.json"

// client returns a client of p's server, quick enough for tests.
func client(t *testing.T, p *fakeportal.Portal) *dvcqg.Client {
	t.Helper()
	srv := p.Start()
	t.Cleanup(srv.Close)
	c := dvcqg.NewClient(srv.URL, "qrboard/test (+https://phuctho.example/)")
	c.Delay, c.Timeout, c.Retries, c.Backoff = time.Millisecond, 2*time.Second, 2, time.Millisecond
	return c
}

func portal(t *testing.T) *fakeportal.Portal {
	t.Helper()
	p, err := fakeportal.New(capture)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSearchPages lists every record through pages of three, following
// lastId, and then a search.
func TestSearchPages(t *testing.T) {
	p := portal(t)
	c := client(t, p)
	items, err := c.Search(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 10 {
		t.Fatalf("%d rows, want 10", len(items))
	}
	lists := 0
	for _, r := range p.Requests() {
		if strings.HasPrefix(r, "list") {
			lists++
		}
	}
	if lists != 4 { // 3 + 3 + 3 + 1; the fourth page is short and total is reached
		t.Errorf("%d list calls for 10 rows in pages of 3: %v", lists, p.Requests())
	}
	if want := "list  " + items[2].ID; !slices.Contains(p.Requests(), want) {
		t.Errorf("the second page was not asked for after the third row: %v", p.Requests())
	}
	found, err := c.Search(context.Background(), "khai sinh có yếu tố nước ngoài")
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 2 {
		t.Errorf("search found %d, want 2", len(found))
	}
	for _, ua := range p.UserAgents() {
		if !strings.HasPrefix(ua, "qrboard/") {
			t.Errorf("User-Agent %q", ua)
		}
	}
}

// TestDetail fetches one record and checks it reads as the saved one.
func TestDetail(t *testing.T) {
	c := client(t, portal(t))
	rec, answer, err := c.Detail(context.Background(), "019d2bfd-867c-72db-b6a7-dcbd8c763807")
	if err != nil {
		t.Fatal(err)
	}
	if rec.Code != "2.000635" || len(rec.Cases) != 4 || !strings.HasPrefix(string(answer), `{"code":"OK"`) {
		t.Errorf("record %q with %d cases; answer %.40s", rec.Code, len(rec.Cases), answer)
	}
	_, _, err = c.Detail(context.Background(), "no-such-id")
	wantError(t, err, msg.FetchNotOK)
}

// TestFailures checks each way the portal fails, and its message.
func TestFailures(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(*fakeportal.Portal, *dvcqg.Client)
		want  msg.ID
		hint  msg.ID
	}{
		{"refused", func(p *fakeportal.Portal, c *dvcqg.Client) { p.Refuse = true }, msg.FetchRefused, msg.HintFetchRefused},
		{"no answer in time", func(p *fakeportal.Portal, c *dvcqg.Client) {
			p.Slow, c.Timeout = time.Second, 50*time.Millisecond
		}, msg.FetchTimeout, msg.HintFetchTimeout},
		{"HTML instead of JSON", func(p *fakeportal.Portal, c *dvcqg.Client) { p.Broken = true }, msg.FetchMalformed, msg.HintFetchLater},
		{"server errors", func(p *fakeportal.Portal, c *dvcqg.Client) { p.Failures = 100 }, msg.FetchStatus, msg.HintFetchLater},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := portal(t)
			c := client(t, p)
			tc.setup(p, c)
			_, err := c.Search(context.Background(), "khai sinh")
			e := wantError(t, err, tc.want)
			if e != nil && e.Hint.ID() != tc.hint {
				t.Errorf("hint %q", e.Hint.In(msg.Vi))
			}
		})
	}
}

// TestRecovers checks the failures that pass: server errors retried
// with growing waits, and a refusal lifted by the search page's cookie.
func TestRecovers(t *testing.T) {
	p := portal(t)
	p.Failures = 2
	c := client(t, p)
	if _, err := c.Search(context.Background(), "khai sinh"); err != nil {
		t.Fatalf("two server errors then an answer: %v", err)
	}
	p = portal(t)
	p.NeedCookie = true
	c = client(t, p)
	if _, _, err := c.Detail(context.Background(), "019d2bfd-867c-72db-b6a7-dcbd8c763807"); err != nil {
		t.Fatalf("refused until the page is loaded: %v", err)
	}
	if got := p.Requests(); !slices.Equal(got[:2], []string{"refused", "page"}) {
		t.Errorf("requests %v", got)
	}
}

// TestOffline calls a portal that is not there.
func TestOffline(t *testing.T) {
	srv := httptest.NewServer(nil)
	url := srv.URL
	srv.Close()
	c := dvcqg.NewClient(url, "qrboard/test")
	c.Delay, c.Retries, c.Backoff = 0, 1, time.Millisecond
	_, err := c.Search(context.Background(), "x")
	e := wantError(t, err, msg.FetchOffline)
	if e != nil && !strings.Contains(e.Text.In(msg.Vi), "127.0.0.1") {
		t.Errorf("message does not name the address: %s", e.Text.In(msg.Vi))
	}
}

func wantError(t *testing.T, err error, id msg.ID) *dvcqg.Error {
	t.Helper()
	var e *dvcqg.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T), want a *dvcqg.Error", err, err)
	}
	if e.Text.ID() != id {
		t.Errorf("error %q", e.Text.In(msg.Vi))
	}
	if strings.Contains(e.Text.In(msg.Vi), "%!") || strings.Contains(e.Text.In(msg.En), "%!") {
		t.Errorf("badly formatted: %s", e.Text.In(msg.Vi))
	}
	return e
}
