package build

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/site"
)

// TestCheckAsBuild makes projects that build warns about or fails on,
// each in a way found only while making the files, and expects check to
// say what build says: the same warnings, or an error with the same text
// as the failure.
func TestCheckAsBuild(t *testing.T) {
	own := func(name, old, new string) func(t *testing.T, src string) {
		return func(t *testing.T, src string) {
			data := string(readFile(t, filepath.Join(repoRoot, "templates", name)))
			if !strings.Contains(data, old) {
				t.Fatalf("templates/%s does not contain %q", name, old)
			}
			writeFile(t, filepath.Join(src, "templates", name), []byte(strings.Replace(data, old, new, 1)))
		}
	}
	fails := "{{index .Site.Offices 999}}" // in templates of one page each here
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, src string)
		opts   Options
		fails  bool
	}{
		{name: "code above MaxVersion", opts: Options{BaseURL: "https://thutuchanhchinh.phuctho.hanoi.gov.vn/"}},
		{name: "page template fails on home", change: own("home.html", "<h1>", fails+"<h1>"), fails: true},
		{name: "404.html fails", change: own("404.html", "<h1>", fails+"<h1>"), fails: true},
		{name: "redirect template fails", fails: true, change: func(t *testing.T, src string) {
			dir := filepath.Join(src, "procedures")
			rename(t, dir, "dang-ky-khai-tu.yaml", "khai-tu.yaml")
			appendFile(t, filepath.Join(dir, "khai-tu.yaml"), "aliases: [dang-ky-khai-tu]\n")
			own("redirect.html", "<p>", fails+"<p>")(t, src)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := copyProject(t, repoRoot)
			if tc.change != nil {
				tc.change(t, src)
			}
			opts := tc.opts
			opts.Src, opts.Out, opts.Now = src, filepath.Join(t.TempDir(), "site"), testNow
			res, buildDiags, err := Run(context.Background(), opts)
			opts.Check = true
			p, checkDiags := Load(opts)
			switch {
			case tc.fails && (err == nil || res != nil):
				t.Fatalf("build did not fail: %v", err)
			case tc.fails:
				buildDiags.Add(diag.Pos{}, msg.Failed, err.Error()) // as the command prints it
				if p != nil {
					t.Error("check passed")
				}
			case err != nil || res == nil:
				t.Fatalf("build failed: %v %v", err, buildDiags.Err())
			case p == nil:
				t.Fatalf("check failed: %v", checkDiags.Err())
			}
			if got, want := formatDiags(checkDiags), formatDiags(buildDiags); got != want {
				t.Errorf("check says\n%s\nbuild\n%s", got, want)
			}
			if !tc.fails && !strings.Contains(formatDiags(checkDiags), "needs a version 5 QR code") {
				t.Errorf("no warning of the dense code:\n%s", formatDiags(checkDiags))
			}
		})
	}
}

// TestFirstFailureInOrder breaks the template of every procedure page and
// expects build and check, run after run, to name the same page: the
// first in the site's order, however the cores share the work.
func TestFirstFailureInOrder(t *testing.T) {
	src := copyProject(t, repoRoot)
	data := string(readFile(t, filepath.Join(repoRoot, "templates", "procedure.html")))
	writeFile(t, filepath.Join(src, "templates", "procedure.html"), []byte(strings.Replace(data, "<h1", "{{index .Site.Offices 999}}<h1", 1)))
	opts := Options{Src: src, Now: testNow}
	p, diags := Load(opts)
	if p == nil {
		t.Fatal(diags.Err())
	}
	var first string
	for _, pg := range p.Site.Pages {
		if pg.Kind == site.ProcedurePage {
			first = "making /" + pg.Served() + IndexFile + ", the page /" + pg.Path + ":"
			break
		}
	}
	for i := range 4 {
		opts.Out = filepath.Join(t.TempDir(), "site")
		_, _, err := Run(context.Background(), opts)
		if err == nil || !strings.HasPrefix(err.Error(), first) {
			t.Fatalf("build %d: %v, want an error starting %q", i+1, err, first)
		}
		check := opts
		check.Check = true
		if p, diags := Load(check); p != nil || !strings.Contains(formatDiags(diags), first) {
			t.Fatalf("check %d says\n%s\nwant an error naming %q", i+1, formatDiags(diags), first)
		}
	}
}

// TestPrintFirstFailureInOrder breaks the poster template of every page
// and expects print, run after run, to name the same poster: the first
// office's first, in the site's order, however the cores share the
// offices.
func TestPrintFirstFailureInOrder(t *testing.T) {
	src := copyProject(t, repoRoot)
	data := string(readFile(t, filepath.Join(repoRoot, "templates", "poster.html")))
	writeFile(t, filepath.Join(src, "templates", "poster.html"),
		[]byte(strings.Replace(data, `<article class="sheet">`, `{{index .Site.Offices 999}}<article class="sheet">`, 1)))
	p, diags := Load(Options{Src: src, Now: testNow})
	if p == nil {
		t.Fatal(diags.Err())
	}
	var first string
	for _, o := range p.Site.Offices {
		if len(o.Procedures) > 0 {
			first = "making /" + o.ID + "/" + o.Procedures[0].ID + "/" + PosterFile + ":"
			break
		}
	}
	for i := range 4 {
		opts := PrintOptions{Options: Options{Src: src, Now: testNow, BaseURL: realBase, Out: filepath.Join(t.TempDir(), "print")}}
		res, _, err := Print(context.Background(), opts)
		if err == nil || res != nil || !strings.HasPrefix(err.Error(), first) {
			t.Fatalf("print %d: %v, want an error starting %q", i+1, err, first)
		}
	}
}
