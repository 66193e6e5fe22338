package build

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"qrboard/internal/config"
	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/output"
	"qrboard/internal/poster"
	"qrboard/internal/site"
	"qrboard/internal/strictyaml"
	"qrboard/internal/value"
	"qrboard/internal/version"
)

// Files of an office's print pack, in print/<office>/.
const (
	PostersFile = "posters.pdf" // every poster of the office, one per page: the file for the print shop
	SheetFile   = "board.pdf"   // the board sheet: its procedures in a grid
	DoorFile    = "door.pdf"    // the door poster, whose code opens the office's board page
	// SurveyFile, survey.pdf: the rating poster, when the office has a rating form (survey.go)
	SinglesDir = "posters" // posters/<procedure>.pdf: one poster, to reprint it alone; .html, to print from a browser
)

// PrintOptions says what to print: the build options (Out is the print
// folder, default <Src>/print; Paper overrides print.paper) and the
// offices, all when empty.
type PrintOptions struct {
	Options
	Offices []string
}

// PrintResult is what a print run made.
type PrintResult struct {
	Out                             string
	Paper                           poster.Paper
	Offices, Posters, Sheets, Doors int    // Sheets counts board sheet pages
	Surveys                         int    // rating posters (survey.go)
	LockSkipped                     bool   // see Result
	BaseURL                         string // the site's address, on the posters
	Files                           output.Stats
	Elapsed                         time.Duration
}

// Print writes the print packs of the project's offices into the print
// folder, which, like the site, is replaced only when everything was
// made. The addresses on the posters are recorded in qrboard.lock, as a
// build does: printed codes point at them.
func Print(ctx context.Context, opts PrintOptions) (*PrintResult, diag.List, error) {
	start := time.Now()
	p, diags := Load(opts.Options)
	if p == nil {
		return nil, diags, nil
	}
	if d := p.Site.Config.CheckPrintable(); d.HasErrors() {
		return nil, append(diags, d...), nil
	}
	offices, ok := p.selectOffices(opts.Offices, &diags)
	if !ok {
		return nil, diags, nil
	}
	res := &PrintResult{Out: opts.Out, Paper: p.Paper, Offices: len(offices), BaseURL: p.Site.Config.Base.String()}
	if res.Out == "" {
		res.Out = filepath.Join(opts.Src, "print")
	}
	out, d, err := openFolder(output.Print, res.Out, opts.Src, "")
	if out == nil {
		return nil, append(diags, d...), err
	}
	problems, err := p.printAll(ctx, out, offices, res)
	if err != nil || problems.HasErrors() {
		out.Abort()
		return nil, append(diags, problems...), err
	}
	diags = append(diags, problems...) // warnings: a door poster left out
	_, res.LockSkipped = p.attachLock(out)
	if res.Files, err = out.Commit(); err != nil {
		return nil, diags, err
	}
	p.caches.save(false) // it drew no sharing picture
	res.Elapsed = time.Since(start)
	return res, diags, nil
}

// selectOffices returns the offices named by ids, or all of them: the
// current offices only, since an office that closed has no posters.
func (p *Project) selectOffices(ids []string, diags *diag.List) ([]*site.Office, bool) {
	if len(ids) == 0 {
		return p.Site.Offices, true
	}
	var out []*site.Office
	var known []string
	for _, o := range p.Site.Offices {
		known = append(known, o.ID)
		if slices.Contains(ids, o.ID) {
			out = append(out, o)
		}
	}
	for _, id := range ids {
		if past := p.Site.PastOffice(id); past != nil && !slices.Contains(known, id) {
			diags.Add(diag.Pos{}, msg.PastOfficePrinted, id, past.Until.String()).
				WithHint(msg.HintPastOffice, "-office "+strings.Join(site.IDs(past.Successors), ","))
			continue
		}
		if !slices.Contains(known, id) {
			d := diags.Add(diag.Pos{}, msg.UnknownOffice, id)
			if near := strictyaml.Suggest(id, known); near != "" {
				d.WithHint(msg.HintDidYouMean, near)
			}
		}
	}
	return out, !diags.HasErrors()
}

// printAll makes the offices' packs on every core (onAllCores), one
// office at a time each. A failure is reported as a build reports one:
// the first office's, in the site's order.
func (p *Project) printAll(ctx context.Context, out *output.Dir, offices []*site.Office, res *PrintResult) (diag.List, error) {
	var mu sync.Mutex
	var problems problems
	jobs := func(yield func(func() error) bool) {
		for _, o := range offices {
			if !yield(func() error {
				pack, diags, err := p.printOffice(o)
				if err == nil && !diags.HasErrors() {
					err = pack.write(out, o.ID)
				}
				mu.Lock()
				defer mu.Unlock()
				problems.add(diags)
				res.Posters += pack.posters
				res.Sheets += pack.sheets
				res.Doors += pack.doors
				res.Surveys += pack.surveys
				return err
			}) {
				return
			}
		}
	}
	if err := onAllCores(ctx, jobs); err != nil {
		return nil, err
	}
	return problems.list(), nil
}

// pack is an office's print pack, made in memory.
type pack struct {
	files           map[string][]byte // by name inside the office's folder
	posters, sheets int
	doors, surveys  int // 1 with a door poster, with a rating poster
}

func (pk *pack) write(out *output.Dir, office string) error {
	for _, name := range slices.Sorted(maps.Keys(pk.files)) {
		if err := out.Write(office+"/"+name, pk.files[name]); err != nil {
			return err
		}
	}
	return nil
}

// printOffice makes one office's pack: the door poster, and when the
// office handles procedures in force, their posters together and one by
// one, and the board sheet.
func (p *Project) printOffice(o *site.Office) (*pack, diag.List, error) {
	pk := &pack{files: map[string][]byte{}}
	diags, err := p.printDoor(pk, o)
	if err != nil || diags.HasErrors() {
		return pk, diags, err
	}
	d, err := p.printSurvey(pk, o)
	diags = append(diags, d...)
	if err != nil || diags.HasErrors() {
		return pk, diags, err
	}
	if len(o.Procedures) == 0 {
		return pk, diags, nil
	}
	var ins []*pageInput
	for _, proc := range o.Procedures {
		in, d, err := p.preparePage(p.Site.Page(o.ID + "/" + proc.ID + "/"))
		if err != nil {
			return pk, nil, err
		}
		diags = append(diags, d...)
		ins = append(ins, in)
	}
	if diags.HasErrors() {
		return pk, diags, nil
	}
	d, err = p.printProcedures(pk, o, ins)
	return pk, append(diags, d...), err
}

// printDoor adds office o's door poster to its pack, unless the poster
// would send citizens to an empty list or could not say when the office
// receives them: then it warns instead.
func (p *Project) printDoor(pk *pack, o *site.Office) (diag.List, error) {
	var why string
	switch {
	case len(o.Procedures) == 0:
		why = p.Renderer.T("door_no_procedures")
	case o.Hours == "":
		why = p.Renderer.T("door_no_hours")
	}
	if why != "" {
		var diags diag.List
		diags.Warn(o.Pos, msg.DoorNotPrinted, o.ID, why)
		return diags, nil
	}
	board, diags, err := p.preparePage(p.Site.Page(o.ID + "/"))
	if err != nil || diags.HasErrors() {
		return diags, err
	}
	door, err := p.pdf(p.Renderer.T("pdf_door", o.Name), func(d *poster.Doc) error { return d.AddPoster(board.poster) })
	if err != nil {
		return p.pdfProblem(board.page, err, msg.KindPoster, board.poster.Origins), nil
	}
	pk.files[DoorFile], pk.doors = door, 1
	return diags, nil
}

// printProcedures adds the posters and the board sheet of an office's
// procedures to its pack. err is a failure of a template.
func (p *Project) printProcedures(pk *pack, o *site.Office, ins []*pageInput) (diag.List, error) {
	t := p.Renderer.T
	all, err := p.pdf(t("pdf_posters", o.Name), func(d *poster.Doc) error {
		for _, in := range ins {
			if err := d.AddPoster(in.poster); err != nil {
				return &pageError{in.page, in.poster.Origins, err}
			}
		}
		return nil
	})
	if err != nil {
		return p.pdfProblem(ins[0].page, err, msg.KindPoster, ins[0].poster.Origins), nil
	}
	pk.files[PostersFile], pk.posters = all, len(ins)
	for _, in := range ins {
		one, err := p.pdf(in.poster.Title+" – "+o.Name, func(d *poster.Doc) error { return d.AddPoster(in.poster) })
		if err != nil {
			return p.pdfProblem(in.page, err, msg.KindPoster, in.poster.Origins), nil
		}
		html, err := posterFile.make(p, in)
		if err != nil {
			return nil, fmt.Errorf("making /%s: %w", in.page.Path+PosterFile, err)
		}
		name := SinglesDir + "/" + in.page.Procedure.ID
		pk.files[name+".pdf"], pk.files[name+".html"] = one, html
	}
	sheet := &poster.Sheet{
		Authority: p.Site.Config.Authority, Office: o.Name, Title: t("sheet_title"), Intro: t("sheet_intro"),
		FooterLeft: t("poster_printed", p.Site.Now.Vietnamese()), FooterRight: poster.ShownAddress(p.Site.URL(o.ID + "/")),
		PageLabel: t("sheet_page"),
	}
	sheet.Origins.Add(sheet.Authority, diag.Pos{File: config.File}, "authority")
	sheet.Origins.Add(sheet.Office, o.Pos, "name")
	for _, in := range ins {
		pr := in.page.Procedure
		sheet.Origins.Add(pr.ShortName, diag.Pos{File: pr.File}, "short_name")
		sheet.Origins.Add(pr.Field, diag.Pos{File: pr.File}, "field")
		c := poster.Cell{Field: pr.Field, Title: pr.ShortName, Code: in.code}
		if in.poster.Badge != "" {
			c.Note = in.poster.Badge
		}
		sheet.Cells = append(sheet.Cells, c)
	}
	var pages int
	data, err := p.pdf(t("pdf_sheet", o.Name), func(d *poster.Doc) error {
		err := d.AddSheet(sheet)
		pages = d.Pages()
		return err
	})
	if err != nil {
		return p.pdfProblem(p.Site.Page(o.ID+"/"), err, msg.KindSheet, sheet.Origins), nil
	}
	pk.files[SheetFile], pk.sheets = data, pages
	return nil, nil
}

// pageError says which page a PDF problem is about, and where the
// texts of its poster were written.
type pageError struct {
	page    *site.Page
	origins poster.Origins
	err     error
}

func (e *pageError) Error() string { return e.err.Error() }
func (e *pageError) Unwrap() error { return e.err }

// pdfProblem turns an error from making a PDF into a diagnostic about
// the page it concerns.
func (p *Project) pdfProblem(pg *site.Page, err error, kind msg.ID, origins poster.Origins) diag.List {
	var pe *pageError
	if errors.As(err, &pe) {
		pg, origins = pe.page, pe.origins
	}
	return diag.List{p.posterError(pg, err, p.Paper, kind, origins)}
}

// pdf makes one PDF document with the project's paper and metadata.
func (p *Project) pdf(title string, add func(*poster.Doc) error) ([]byte, error) {
	now := p.Site.Now.Time()
	d, err := poster.New(p.Paper, poster.Info{
		Title:     title,
		Author:    p.Site.Config.Authority,
		Subject:   p.Site.Config.Title,
		Created:   time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, value.Vietnam),
		Generator: version.Generator(),
	})
	if err != nil {
		return nil, err
	}
	if err := add(d); err != nil {
		return nil, err
	}
	return d.Bytes()
}
