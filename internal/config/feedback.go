package config

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"qrboard/internal/msg"
	"qrboard/internal/safeurl"
	"qrboard/internal/strictyaml"
	"qrboard/internal/value"
)

// Feedback. An office may give two addresses for citizens to reach it
// without a server of ours: survey_url, its official form to rate how it
// served them (a commune's own survey; the national SIPAS index samples
// its own respondents), which `qrboard print` puts on a poster as a QR
// code; and report_to, where to report wrong information on a page — an
// e-mail address, which pages turn into a mailto: link with the page's
// address and the procedure's code filled in, or a web form's address.
// Either may be left out: then pages and posters have no such link. A
// value still saying TODO counts as left out, with a warning.

// SurveyURL is the address of an office's rating form: a web page,
// http or https.
type SurveyURL string

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (s *SurveyURL) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node) {
	text, ok := feedbackText(d, n, "survey_url")
	if !ok {
		return
	}
	if kind, p := safeurl.Check(text, false); p != safeurl.OK || kind != safeurl.External {
		d.Error(n, msg.BadSurveyURL, text)
		return
	}
	*s = SurveyURL(text)
}

// ReportTo is where citizens report wrong information: "mailto:" and an
// e-mail address (written with or without mailto:), or a web form's
// address, http or https.
type ReportTo string

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (r *ReportTo) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node) {
	text, ok := feedbackText(d, n, "report_to")
	if !ok {
		return
	}
	addr := text
	if !strings.Contains(addr, ":") && strings.Contains(addr, "@") {
		addr = "mailto:" + addr
	}
	kind, p := safeurl.Check(addr, false)
	switch {
	case p != safeurl.OK:
	case kind == safeurl.External:
		*r = ReportTo(addr)
		return
	case kind == safeurl.Mail && isEmail(strings.TrimPrefix(addr, "mailto:")):
		*r = ReportTo(addr)
		return
	}
	d.Error(n, msg.BadReportTo, text)
}

// IsMail reports whether reports go by e-mail, and to which address.
func (r ReportTo) IsMail() (string, bool) { return strings.CutPrefix(string(r), "mailto:") }

// feedbackText returns the text of a feedback field, false when it is
// empty or still says TODO (with a warning: the link is left out).
func feedbackText(d *strictyaml.Decoder, n *yaml.Node, field string) (string, bool) {
	s, ok := d.Text(n)
	if !ok || s == "" {
		return "", false
	}
	if value.IsPlaceholder(s) {
		d.Warn(n, msg.FeedbackPlaceholder, field)
		return "", false
	}
	return s, true
}

// isEmail reports whether s is one plain e-mail address: a name, one @
// and a domain with a dot, nothing that would add to a mailto: link.
func isEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") &&
		!strings.HasSuffix(domain, ".") && !strings.ContainsAny(s, "?&#,;<>\"' ") && !strings.Contains(domain, "@")
}

// JSONSchema describes a rating form's address, for editor schemas.
func (SurveyURL) JSONSchema() map[string]any {
	return map[string]any{
		"type":                "string",
		"pattern":             `^https?://[^\s\\/][^\s\\]*$`,
		"patternErrorMessage": msg.New(msg.BadSurveyURL, "…").In(msg.Vi),
		"description":         msg.New(msg.DescURL).In(msg.Vi),
	}
}

// JSONSchema describes where to report wrong information, for editor schemas.
func (ReportTo) JSONSchema() map[string]any {
	return map[string]any{
		"type":                "string",
		"pattern":             `^(https?://[^\s\\/][^\s\\]*|(mailto:)?[^\s@?&#,;]+@[^\s@?&#,;]+\.[^\s@?&#,;]+)$`,
		"patternErrorMessage": msg.New(msg.BadReportTo, "…").In(msg.Vi),
	}
}
