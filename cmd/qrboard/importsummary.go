package main

import (
	"strings"

	"qrboard/internal/importer"
	"qrboard/internal/msg"
	"qrboard/internal/value"
)

// outcomes prints what an import did with each record, then how many of
// each: new and updated files by name, with the national facts that
// changed and the values staff's edits kept; skipped records with the
// reason; what the records held that staff must look at, counted by
// kind, or one by one with -v.
func (e *env) outcomes(plan *importer.Plan, verbose bool) {
	var count [4]int
	kinds := map[importer.Kind]map[string]bool{}
	for _, o := range plan.Outcomes {
		count[o.Status]++
		switch o.Status {
		case importer.New:
			e.say(0, msg.ImportNew, o.File, o.Code, o.Name)
		case importer.Updated:
			e.say(0, msg.ImportUpdated, o.File, o.Code, places(o.Changed))
		case importer.Unchanged:
			if verbose {
				e.say(0, msg.ImportUnchanged, o.File, o.Code)
			}
		case importer.Skipped:
			e.say(0, msg.ImportSkipped, o.Code, o.Name, o.Reason)
		}
		for _, n := range o.Notices {
			if kinds[n.Kind] == nil {
				kinds[n.Kind] = map[string]bool{}
			}
			kinds[n.Kind][o.Code] = true
			if verbose || n.Kind == importer.Conflict || n.Kind == importer.Renamed {
				e.say(0, msg.ImportNotice, o.Code, n.Text)
			}
		}
	}
	for k := range importer.Kind(importer.NumKinds) {
		if n := len(kinds[k]); n > 0 && !verbose {
			e.say(0, msg.ImportKinds, k.Name(), n)
		}
	}
	e.say(0, msg.ImportSummary, count[importer.New], count[importer.Updated], count[importer.Unchanged], count[importer.Skipped])
}

// places lists changed places, the first few.
func places(changed []string) msg.Text {
	if len(changed) == 0 {
		return msg.New(msg.ImportOnlyDates)
	}
	const shown = 8
	if len(changed) > shown {
		return msg.New(msg.ImportPlacesMore, strings.Join(changed[:shown], ", "), len(changed)-shown)
	}
	return msg.New(msg.ImportPlaces, strings.Join(changed, ", "))
}

// reprints says which offices' posters of which procedures show a fact
// the import changed.
func (e *env) reprints(plan *importer.Plan, now value.Date) {
	byID := plan.Reprints(now.Time())
	for _, o := range plan.Outcomes {
		if !o.Reprint {
			continue
		}
		offices, ok := byID[o.ID]
		switch {
		case !ok:
			e.say(0, msg.ImportReprintUnknown, o.File)
		case len(offices) > 10:
			e.say(0, msg.ImportReprint, o.File, len(offices), strings.Join(offices[:10], ", ")+", …")
		default:
			e.say(0, msg.ImportReprint, o.File, len(offices), strings.Join(offices, ", "))
		}
	}
}
