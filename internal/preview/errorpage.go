package preview

import (
	"bytes"
	"html/template"
	"strings"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
)

// errorTemplate is shown for every page while the project has errors. It is
// the preview's own page, in the staff's language, and reloads like the
// site's pages when the files are saved again.
var errorTemplate = template.Must(template.New("").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>qrboard: {{.Title}}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:60rem;color:#1a1a1a}
h1{font-size:1.4rem;color:#a00}
ol{padding-left:1.5rem}li{margin:.6rem 0}
code{font:14px/1.4 ui-monospace,Consolas,monospace;background:#f3f3f3;padding:.1rem .3rem;word-break:break-all}
.hint{color:#444}.more{color:#555}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p>{{.Help}}</p>
<ol>
{{range .Problems}}<li>{{with .Where}}<code>{{.}}</code> {{end}}{{.Text}}{{range .Hints}}<br><span class="hint">{{.}}</span>{{end}}</li>
{{end}}</ol>
{{with .More}}<p class="more">{{.}}</p>{{end}}
<script src="{{.Script}}"></script>
</body>
</html>
`))

// problem is one error as the page shows it.
type problem struct {
	Where string // file:line:col, or "" when the error has no place
	Text  string // "lỗi: …"
	Hints []string
}

// errorPage renders the error page for the last build.
func (s *Server) errorPage() []byte {
	st := s.state
	lang := st.lang
	if lang == "" {
		lang = s.cfg.Lang
	}
	var problems []problem
	for _, d := range st.diags {
		if d.Severity == diag.Error {
			problems = append(problems, toProblem(d.Format(lang, s.cfg.Build.Src)))
		}
	}
	if st.err != nil {
		problems = append(problems, problem{Text: msg.New(msg.LevelError).In(lang) + ": " + st.err.Error()})
	}
	data := map[string]any{
		"Lang":     lang,
		"Title":    msg.New(msg.ErrorPageTitle, len(problems)).In(lang),
		"Help":     msg.New(msg.ErrorPageHelp).In(lang),
		"Problems": problems,
		"Script":   ScriptPath + "?v=" + s.version(),
	}
	if n := st.diags.Count(diag.Warning); n > 0 {
		data["More"] = msg.New(msg.ErrorPageWarnings, n).In(lang)
	}
	var b bytes.Buffer
	errorTemplate.Execute(&b, data)
	return b.Bytes()
}

// toProblem splits a diagnostic as the terminal prints it —
// "qrboard: FILE:LINE:COL: lỗi: …" and "qrboard: gợi ý: …" lines — into
// its place, its message and its hints, so the page and the terminal say
// the same thing.
func toProblem(formatted string) problem {
	var p problem
	for i, line := range strings.Split(formatted, "\n") {
		line = strings.TrimPrefix(line, "qrboard: ")
		if i > 0 {
			p.Hints = append(p.Hints, line)
			continue
		}
		p.Text = line
		if where, rest, ok := cutPlace(line); ok {
			p.Where, p.Text = where, rest
		}
	}
	return p
}

// cutPlace splits "FILE:LINE:COL: lỗi: …" after its place. The place is
// everything before the last ": " that is followed by the level, so file
// names with colons (C:\…) stay whole.
func cutPlace(line string) (where, rest string, ok bool) {
	for _, level := range []msg.Lang{msg.Vi, msg.En} {
		marker := ": " + msg.New(msg.LevelError).In(level) + ": "
		if i := strings.Index(line, marker); i > 0 {
			return line[:i], line[i+2:], true
		}
	}
	return "", line, false
}
