package build

import (
	"context"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"qrboard/internal/site"
)

// TestSharedPartsFitTheirPage checks the parts of pages rendered once and
// reused (render's memo): on every office's page of every procedure, the
// way back leads to that office's board, the place to go names that
// office, and the documents are those of that procedure — never another
// page's.
func TestSharedPartsFitTheirPage(t *testing.T) {
	_, out, res := buildSample(t)
	for _, pg := range res.Site.Pages {
		if pg.Kind != site.ProcedurePage {
			continue
		}
		doc := parse(t, out, pg.Served()+IndexFile)
		var crumbs []string
		var strong, docs []string
		for n := range doc.Descendants() {
			switch {
			case n.DataAtom == atom.Nav && attr(n, "class") == "crumbs":
				for a := range n.Descendants() {
					if a.DataAtom == atom.A {
						crumbs = append(crumbs, attr(a, "href"))
					}
				}
			case n.DataAtom == atom.Strong && n.Parent.DataAtom == atom.Dd: // in the box of key facts
				strong = append(strong, text(n))
			case n.DataAtom == atom.Span && attr(n, "class") == "dn":
				docs = append(docs, text(n))
			}
		}
		want := res.Site.Where(pg.Office.ID+"/") + IndexFile // where the board is served
		if len(crumbs) != 2 || path.Join(pg.Served(), crumbs[1]) != want {
			t.Errorf("/%s: crumbs %q, want a link to the office's board /%s second", pg.Path, crumbs, want)
		}
		if !slices.Contains(strong, pg.Office.Name) {
			t.Errorf("/%s: the place to go is %q, want %q", pg.Path, strong, pg.Office.Name)
		}
		var wantDocs []string
		for _, d := range pg.Procedure.Documents {
			wantDocs = append(wantDocs, d.Name)
		}
		for _, c := range pg.Procedure.Cases {
			for _, d := range c.Documents {
				wantDocs = append(wantDocs, d.Name)
			}
		}
		if !slices.Equal(docs, wantDocs) {
			t.Errorf("/%s: documents %q, want those of %s: %q", pg.Path, docs, pg.Procedure.ID, wantDocs)
		}
	}
}

// TestMemoNeedsComparableData checks that a project's template that
// hands memo data it cannot use as a key — a list — fails the build with
// a message that says so, instead of sharing a part it should not.
func TestMemoNeedsComparableData(t *testing.T) {
	src := copyProject(t, repoRoot)
	data := string(readFile(t, filepath.Join(repoRoot, "templates", "procedure.html")))
	writeFile(t, filepath.Join(src, "templates", "procedure.html"),
		[]byte(strings.Replace(data, `{{- memo "procedure-facts" $.Facts}}`, `{{- memo "procedure-facts" $.Page.Procedure.Keywords}}`, 1)))
	_, _, err := Run(context.Background(), Options{Src: src, Out: filepath.Join(t.TempDir(), "site"), Now: testNow})
	if err == nil || !strings.Contains(err.Error(), "must be comparable") {
		t.Fatalf("build: %v, want an error saying memo's data must be comparable", err)
	}
}

func text(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return strings.TrimSpace(b.String())
}
