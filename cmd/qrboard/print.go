package main

import (
	"flag"
	"path/filepath"
	"strings"
	"time"

	"qrboard/internal/build"
	"qrboard/internal/msg"
	"qrboard/internal/poster"
)

var printCmd = &command{
	name:  "print",
	short: "make the PDF posters to print into print/",
	long: `Print makes, for every office, the PDFs to send to a print shop, in
print/<office>/:

  posters.pdf          every poster of the office, one per page
  board.pdf            the board sheet: its procedures in a grid, a code and a name each
  door.pdf             the door poster, whose code opens the office's list of procedures
  survey.pdf           the rating poster, whose code opens the office's rating form
                       (only for offices with survey_url in qrboard.yaml)
  posters/<id>.pdf     each poster alone, to reprint one

Paper is print.paper in qrboard.yaml (A4 unless set) or -paper. Print at
100 %, never "fit to page": the codes are sized to be read from a metre.

Print refuses a base URL that is a placeholder (.example, .test,
.invalid, localhost), an IP address or http://, and warns when it is not
under .gov.vn. A door poster is left out, with a warning, for an office
with no procedures or whose hours are still TODO.

Print runs every check of build, and also fails when a code would print
too small to scan or a name does not fit. Like the site, the print folder
is replaced only when everything was made; -office limits it to some
offices, and then holds only theirs. The addresses on the posters are
recorded in qrboard.lock.`,
	flags: func(fs *flag.FlagSet) func(*env, []string) int {
		var p projectFlags
		p.register(fs)
		out := fs.String("out", "", "print folder (default: <src>/print)")
		paper := fs.String("paper", "", "paper size: A4, A3 or A5 (default: print.paper in qrboard.yaml, else A4)")
		offices := fs.String("office", "", "comma-separated office ids to print (default: every office)")
		return func(e *env, args []string) int {
			if !noArgs(e, "print", args) {
				return exitUsage
			}
			opts, ok := p.options(e)
			if !ok {
				return exitUsage
			}
			if _, ok := poster.ParsePaper(*paper); *paper != "" && !ok {
				e.say(msg.LevelError, msg.BadPaper, *paper)
				return exitUsage
			}
			opts.Out, opts.Paper = *out, *paper
			popts := build.PrintOptions{Options: opts}
			for _, id := range strings.Split(*offices, ",") {
				if id = strings.TrimSpace(id); id != "" {
					popts.Offices = append(popts.Offices, id)
				}
			}
			res, diags, err := build.Print(e.ctx, popts)
			e.report(diags, p.src, p.verbose)
			if err != nil || res == nil {
				return e.failed(diags, err)
			}
			e.say(0, msg.PrintSummary, res.Paper.Name, res.Offices, res.Posters, res.Sheets, res.Doors,
				res.Elapsed.Round(time.Millisecond), filepath.Clean(res.Out))
			if res.Surveys > 0 {
				e.say(0, msg.PrintSurveys, res.Surveys)
			}
			if res.LockSkipped {
				e.say(0, msg.LockNotYet, res.BaseURL)
			}
			return exitOK
		}
	},
}
