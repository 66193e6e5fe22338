package main

import (
	"strings"
	"time"

	"qrboard/internal/importer"
	"qrboard/internal/msg"
)

// outcomes prints what an import did with each record, then how many of
// each: new and updated files by name, with the national facts that
// changed, the values staff's edits kept and the offices whose posters
// show a changed fact; skipped records with the reason; and what the new
// records held that staff must look at, counted by kind, or one by one
// with -v. written is false for a dry run, which cannot tell the
// offices; now decides, as for a build, which procedures are in force.
func (e *env) outcomes(plan *importer.Plan, written bool, now time.Time, verbose bool) {
	var reprints map[string][]string
	if written {
		reprints = plan.Reprints(now)
	}
	var count [4]int
	kinds := map[importer.Kind]int{}
	quiet := map[msg.ID]int{} // skipped as asked: counted, not listed
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
			if id := o.Reason.ID(); !verbose && routineSkip[id] {
				quiet[id]++
				break
			}
			e.say(0, msg.ImportSkipped, o.Code, o.Name, o.Reason)
		}
		seen := map[importer.Kind]bool{}
		for _, n := range o.Notices {
			// A record imported before met its traps then: an update
			// reports only what is new, the values staff's edits kept.
			if o.Status == importer.New && !seen[n.Kind] {
				seen[n.Kind] = true
				kinds[n.Kind]++
			}
			if verbose || n.Kind == importer.Conflict || n.Kind == importer.Renamed {
				e.say(0, msg.ImportNotice, o.Code, n.Text)
			}
		}
		if o.Reprint && written {
			e.reprint(o, reprints)
		}
	}
	for _, id := range []msg.ID{msg.ImpSkipInternal, msg.ImpSkipLevel, msg.ImpSkipNoLevel} {
		if n := quiet[id]; n > 0 {
			e.say(0, msg.ImportSkippedMany, n, msg.New(id))
		}
	}
	for k := range importer.Kind(importer.NumKinds) {
		if n := kinds[k]; n > 0 && !verbose {
			e.say(0, msg.ImportKinds, k.Name(), n)
		}
	}
	e.say(0, msg.ImportSummary, count[importer.New], count[importer.Updated], count[importer.Unchanged], count[importer.Skipped])
}

// routineSkip are the reasons to skip that -all meets hundreds of times
// and need nothing done: they are counted, and listed only with -v.
var routineSkip = map[msg.ID]bool{msg.ImpSkipInternal: true, msg.ImpSkipLevel: true, msg.ImpSkipNoLevel: true}

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

// reprint says which offices' posters of a procedure show a fact the
// import changed.
func (e *env) reprint(o importer.Outcome, reprints map[string][]string) {
	offices, ok := reprints[o.ID]
	switch {
	case !ok:
		e.say(0, msg.ImportReprintUnknown, o.File)
	case len(offices) > 10:
		e.say(0, msg.ImportReprint, o.File, len(offices), strings.Join(offices[:10], ", ")+", …")
	default:
		e.say(0, msg.ImportReprint, o.File, len(offices), strings.Join(offices, ", "))
	}
}
