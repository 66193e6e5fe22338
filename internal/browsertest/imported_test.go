package browsertest

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"qrboard/internal/build"
	"qrboard/internal/diag"
	"qrboard/internal/dvcqg"
	"qrboard/internal/importer"
	"qrboard/internal/projecttest"
	"qrboard/internal/site"
	"qrboard/internal/value"
)

// TestKeyFactsImported imports the real records of the national database
// (the fixtures of internal/dvcqg: the search "khai sinh") into a copy of
// the sample and measures their pages at 360×800 as
// TestKeyFactsOnFirstScreen measures the sample's: their long names, many
// papers and notes must not push the fee, the time and the place to go
// out of the first screen and a half, nor the fee at 200 % text out of
// three screens. axe-core finds no violation on them. What the box says
// of each fee is checked by cmd/qrboard's TestImportBuildPrint.
func TestKeyFactsImported(t *testing.T) {
	e := setup(t)
	out, model, ids := importedSite(t)
	srv := httptest.NewServer(handler(out))
	defer srv.Close()
	imported := &env{out: out, site: model, http: srv.URL + subPath}
	tb := e.newTab(t)
	var paths []string
	for _, id := range ids {
		paths = append(paths, "phuc-loc/"+id+"/")
	}
	worst := measureKeyFacts(t, tb, imported, paths, func(p string) {
		if fee := eval[string](t, tb, `document.querySelector('#le-phi dd').textContent`); fee == "" {
			t.Errorf("/%s: the box says no fee", p)
		}
		eval[bool](t, tb, e.axe+";true")
		for _, v := range eval[[]string](t, tb, axeRun) {
			t.Errorf("/%s: %s", p, v)
		}
	})
	t.Logf("%d imported procedures: fee %d px, time %d px, where %d px at most; at 200 %% text the fee %d px",
		len(ids), worst[0], worst[1], worst[2], worst[3])
}

// importedSite imports the fixture records into a copy of the sample,
// builds it and returns the site's folder, its model and the new
// procedures' ids.
func importedSite(t *testing.T) (string, *site.Site, []string) {
	t.Helper()
	dir := t.TempDir()
	src := projecttest.Copy(t, filepath.Join("..", ".."))
	data, err := os.ReadFile(filepath.Join("..", "dvcqg", "testdata", "khai-sinh.json"))
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	batch, ok := dvcqg.Read("khai-sinh.json", data, &diags)
	if !ok {
		t.Fatal(diags)
	}
	day, _ := value.ParseDate("2026-07-20")
	plan, diags := importer.Prepare(src, batch.Records, importer.Options{Now: day})
	if plan == nil || diags.HasErrors() {
		t.Fatal(diags)
	}
	if err := plan.Write(); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, o := range plan.Outcomes {
		if o.Status == importer.New {
			ids = append(ids, o.ID)
		}
	}
	if len(ids) != 9 {
		t.Fatalf("%d procedures imported, want 9", len(ids))
	}
	out := filepath.Join(dir, "site")
	now := time.Date(2026, 7, 20, 12, 0, 0, 0, value.Vietnam)
	res, diags, err := build.Run(context.Background(), build.Options{Src: src, Out: out, Now: now})
	if err != nil || res == nil {
		t.Fatal(err, diags)
	}
	return out, res.Site, ids
}
