package province

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"qrboard/internal/procedure"
	"qrboard/internal/site"
)

// WriteHugo writes a Hugo site into dir with one content file per page of
// s, holding the same text as qrboard's page as plain Markdown, and a
// minimal layout that puts it in a page with the same inline style sheet.
// Procedure pages become content/<office>/<procedure>.md, boards
// content/<office>/_index.md, overviews content/<procedure>.md, so every
// page has the same address as in qrboard.
func WriteHugo(dir string, s *site.Site, css []byte) error {
	files := map[string]string{
		"hugo.toml": fmt.Sprintf(`baseURL = %q
languageCode = "vi"
title = %q
disableKinds = ["taxonomy", "term", "RSS"]

[params]
authority = %q
`, s.Config.Base.String(), s.Config.Title, s.Config.Authority),
		"layouts/_default/baseof.html": `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
<style>{{ partial "style.css" . | safeCSS }}</style>
</head>
<body>
<header class="top"><a href="{{ "" | relURL }}">{{ .Site.Params.authority }}</a></header>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer class="site"><p>{{ .Site.Title }}</p></footer>
</body>
</html>
`,
		"layouts/_default/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
		"layouts/_default/list.html":   `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
		"layouts/partials/style.css":   string(css),
	}
	for name, text := range files {
		if err := writeText(filepath.Join(dir, name), text); err != nil {
			return err
		}
	}
	for _, p := range s.Pages {
		if err := writeHugoPage(dir, s, p); err != nil {
			return err
		}
	}
	return nil
}

// writeHugoPage writes one page's content file.
func writeHugoPage(dir string, s *site.Site, p *site.Page) error {
	var name, title string
	var b strings.Builder
	switch p.Kind {
	case site.Home:
		name, title = "_index.md", s.Config.Title
		b.WriteString("## Cơ quan\n\n")
		for _, o := range s.Offices {
			fmt.Fprintf(&b, "- [%s](/%s/)\n", o.Name, o.ID)
		}
		listByField(&b, s.Listed, "")
	case site.Board:
		name, title = p.Office.ID+"/_index.md", p.Office.Name
		contact(&b, p.Office)
		listByField(&b, p.Office.Procedures, p.Office.ID+"/")
	case site.ProcedurePage:
		name, title = p.Office.ID+"/"+p.Procedure.ID+".md", p.Procedure.ShortName+" – "+p.Office.Name
		procedurePage(&b, p.Procedure)
		fmt.Fprintf(&b, "\n## Nơi nộp hồ sơ\n\n**%s** – Bộ phận Một cửa\n\n", p.Office.Name)
		contact(&b, p.Office)
	case site.Overview:
		name, title = p.Procedure.ID+".md", p.Procedure.ShortName
		summary(&b, p.Procedure)
		b.WriteString("\n## Chọn nơi nộp\n\n")
		for _, o := range p.Offices {
			fmt.Fprintf(&b, "- [%s](/%s/%s/)\n", o.Name, o.ID, p.Procedure.ID)
		}
	}
	return writeText(filepath.Join(dir, "content", filepath.FromSlash(name)),
		"---\ntitle: "+strconv.Quote(title)+"\n---\n\n"+b.String())
}

func summary(b *strings.Builder, p *procedure.Procedure) {
	if p.Name != p.ShortName {
		fmt.Fprintf(b, "%s\n\n", p.Name)
	}
	if p.NoWait {
		fmt.Fprintf(b, "**Không chờ, không giấy hẹn**\n\n%s\n\n", p.NoWaitNote)
	}
	fmt.Fprintf(b, "%s\n", p.Summary.Source)
}

// procedurePage writes what a procedure's page at an office says.
func procedurePage(b *strings.Builder, p *procedure.Procedure) {
	summary(b, p)
	b.WriteString("\n## Giấy tờ cần mang\n\n")
	documents(b, p.Documents)
	for _, c := range p.Cases {
		fmt.Fprintf(b, "\n### %s\n\n", c.Name)
		documents(b, c.Documents)
	}
	for i, c := range p.Channels {
		if i == 0 {
			fmt.Fprintf(b, "\n## Thời gian giải quyết\n\n%s\n\n## Lệ phí\n\n%s\n\n%s\n", c.Time, c.Fee, c.Note.Source)
			b.WriteString("\n## Các bước\n\n")
			for j, s := range p.Steps {
				fmt.Fprintf(b, "%d. %s\n", j+1, oneLine(s.Source))
			}
			continue
		}
		fmt.Fprintf(b, "\n- **%s**: thời gian %s; lệ phí %s  \n  %s\n", c.Method, c.Time, c.Fee, oneLine(c.Note.Source))
	}
	if len(p.Conditions) > 0 {
		b.WriteString("\n## Điều kiện\n\n")
		for _, c := range p.Conditions {
			fmt.Fprintf(b, "- %s\n", oneLine(c.Source))
		}
	}
	b.WriteString("\n## Căn cứ pháp lý\n\n")
	for _, l := range p.LegalBasis {
		fmt.Fprintf(b, "- %s %s %s %s\n", l.Number, l.Title, l.Articles, l.Issuer)
	}
	fmt.Fprintf(b, "\n## Kết quả\n\n%s\n\nCập nhật: %s\n\nNguồn:\n\n", p.Result.Source, p.Updated.Vietnamese())
	for _, s := range p.Sources {
		if s.URL != "" {
			fmt.Fprintf(b, "- [%s](%s)\n", s.Title, s.URL)
		} else {
			fmt.Fprintf(b, "- %s\n", s.Title)
		}
	}
	b.WriteString("\n![Mã QR](qr.svg)\n")
}

func documents(b *strings.Builder, docs []procedure.Document) {
	for _, d := range docs {
		fmt.Fprintf(b, "- %s", oneLine(d.Name))
		if d.Originals > 0 {
			fmt.Fprintf(b, " – %d bản chính", d.Originals)
		}
		if d.Copies > 0 {
			fmt.Fprintf(b, " – %d bản sao", d.Copies)
		}
		b.WriteByte('\n')
	}
}

func contact(b *strings.Builder, o *site.Office) {
	fmt.Fprintf(b, "\nĐịa chỉ: %s\n\nGiờ tiếp nhận: %s\n\nĐiện thoại: %s\n", or(o.Address), or(o.Hours), or(o.Phone))
}

func or(s string) string {
	if s == "" {
		return "Chưa có thông tin"
	}
	return s
}

func listByField(b *strings.Builder, procs []*procedure.Procedure, prefix string) {
	for _, g := range site.ByField(procs) {
		fmt.Fprintf(b, "\n### %s\n\n", g.Field)
		for _, p := range g.Procedures {
			fmt.Fprintf(b, "- [%s](/%s%s/)\n", p.ShortName, prefix, p.ID)
		}
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func writeText(name, text string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	w.WriteString(text)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
