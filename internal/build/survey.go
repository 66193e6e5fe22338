package build

import (
	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/poster"
	"qrboard/internal/site"
)

// SurveyFile is the rating poster of an office's print pack, made when
// the office gives its rating form's address (survey_url): its code opens
// the form.
const SurveyFile = "survey.pdf"

// printSurvey adds the office's rating poster to its pack, if it has a
// rating form. The code holds the form's own address, so it must be as
// readable from a metre as the others: an address too long for that is
// a problem of qrboard.yaml.
func (p *Project) printSurvey(pk *pack, o *site.Office) (diag.List, error) {
	url := string(o.SurveyURL)
	if url == "" {
		return nil, nil
	}
	code, err := p.qr.Encode(url, p.Level)
	if err != nil {
		return nil, err
	}
	if d := p.Paper.PosterDensity(code); !d.OK() {
		var diags diag.List
		diags.Add(o.Pos, msg.QRTooSmall, url, code.Version, msg.KindPoster, p.Paper.Name,
			d.Module, d.Min, p.Paper.Distance()/1000).WithHint(msg.HintSurveyTooLong)
		return diags, nil
	}
	pc := p.Renderer.SurveyPoster(o, code)
	data, err := p.pdf(p.Renderer.T("pdf_survey", o.Name), func(d *poster.Doc) error { return d.AddPoster(pc) })
	if err != nil {
		return p.pdfProblem(p.Site.Page(o.ID+"/"), err, msg.KindPoster, pc.Origins), nil
	}
	pk.files[SurveyFile], pk.surveys = data, 1
	return nil, nil
}
