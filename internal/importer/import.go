// Package importer turns records of the national procedure database
// (package dvcqg) into procedure files (package procedure), and keeps
// them up to date: `qrboard import` is its command.
//
// # From a record to a procedure file
//
// Map reads a record field by field, as the project's notes on the
// database (dvcqg/README.md) describe it, and meets each trap of the real
// records with a rule that has a test:
//
//   - Fees. A fee of 0 with words such as "Mức lệ phí cụ thể do Hội đồng
//     nhân dân tỉnh … quyết định" or "Theo Nghị quyết 09/2025/NQ-HĐND" is
//     not free: the channel gets fee_set_by (HĐND cấp tỉnh, the
//     resolution) and fee_national (the words), and no fee until staff
//     enter the local amount; pages say "Theo mức do … quy định — hỏi cán
//     bộ", never "0 đồng" or "Miễn". A 0 without words beside a channel
//     whose fee a council sets is taken as set the same way. Only a 0
//     without words elsewhere (or words that only say "miễn lệ phí") is
//     written "Miễn lệ phí", with an unverified entry to confirm it.
//     Other amounts are written in đồng ("8.000 đồng").
//   - Time. A unit OTHER carries no unit, and 0 says nothing: the time is
//     Ask ("Chưa có thông tin — hỏi cán bộ"), never a bare "1" or "0",
//     with an unverified entry quoting what the record and its variants
//     say. Known units are written out: "5 ngày làm việc".
//   - Papers. Cases named "* Lưu ý:" (however spaced) hold notes, not
//     papers: they become notes. Rows with neither originals nor copies
//     explain rather than name a paper ("Trường hợp …", "+ …"): notes too.
//     Rows that only announce the list ("… các giấy tờ sau:") are left
//     out. isProcessingResult rows join the result. A case "phải xuất
//     trình" makes its papers present: true; a situation's case becomes a
//     case. A paper's name is its first sentence, the rest its note;
//     "Trường hợp …", "nếu …" and "(nếu có)" make it optional.
//   - Steps. The steps' "-" items become steps, "+" and "(i)" items their
//     sub-items, a step named "* Lưu ý:" notes.
//   - Text. HTML tags and entities, invisible marks, double spaces and
//     bullets become clean text and Markdown (see text.go).
//   - Names. The short name drops "Thủ tục" and a closing parenthesis and
//     is cut at a word with "…" past 70 characters; the id is the short
//     name in ASCII (đ → d) without filler words, at most 40 characters.
//     An id another procedure or office has gets the code's digits
//     ("dang-ky-khai-sinh-yeu-to-nuoc-ngoai-1000893"). A record keeps its
//     file, and so its id, at every later import.
//   - Kinds and levels. Internal procedures (STANDARD_INTERNAL), those a
//     commune does not handle (isWard false) and records in a state other
//     than ACTIVE or UPDATED are skipped, saying why; Options let the
//     first two through.
//   - Nothing is invented. A required fact the record lacks is Ask on
//     pages and an unverified entry for `qrboard check`. The file records
//     its source: portal_url and sources name the record's page (with its
//     UUID) and its updatedAt, imported the record, its updatedAt and the
//     day of the import.
//
// # Keeping local work
//
// Import merges a new record into a file imported before as the package
// documentation of procedure describes: a three-way merge (package
// yamlmerge) of the snapshot the last import left in national/, the file
// as staff left it, and the file the new record gives. Nothing is written
// unless the record brings news; what changed, what staff's edits kept
// and which offices' posters show a changed fact are in the Outcome.
package importer

import (
	"bytes"
	"cmp"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"qrboard/internal/diag"
	"qrboard/internal/dvcqg"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
	"qrboard/internal/schema"
	"qrboard/internal/value"
	"qrboard/internal/yamlmerge"
)

// Options say how to import.
type Options struct {
	Offices   procedure.Offices // which offices handle new procedures (default: communes)
	Now       value.Date        // the day of the import
	Internal  bool              // import internal procedures (STANDARD_INTERNAL) too
	AllLevels bool              // import procedures a commune does not handle too
	Adopt     bool              // merge into files written by hand, keeping their every value
}

// Status is what an import did with a record.
type Status int

// Statuses.
const (
	Skipped Status = iota
	New
	Updated
	Unchanged
)

// Outcome is what an import did with one record.
type Outcome struct {
	Code, Name string
	Status     Status
	Reason     msg.Text // why it was skipped
	ID, File   string   // the procedure file
	Record     *dvcqg.Record
	// Changed names the national facts the record changed since the last
	// import ("channels[in_person].time", "documents").
	Changed []string
	// Kept are the places where staff's value was kept over a new
	// national one.
	Kept    []yamlmerge.Conflict
	Notices []Notice
	// Reprint says a fact the posters print changed: their short name,
	// code, time, fee or badge.
	Reprint bool
}

// Plan is an import worked out in memory: what each record gives, and
// the files to write.
type Plan struct {
	Outcomes []Outcome
	Files    map[string][]byte // project path → contents
	dir      string
}

// Prepare works out the import of records into the project in dir, and
// writes nothing. Problems of the project itself (no qrboard.yaml) are in
// the diagnostics.
func Prepare(dir string, records []dvcqg.Record, opt Options) (*Plan, diag.List) {
	proj, diags := scan(dir)
	if proj == nil {
		return nil, diags
	}
	if opt.Offices.IsZero() {
		opt.Offices = procedure.Offices{Group: procedure.AllCommunes}
	}
	plan := &Plan{Files: map[string][]byte{}, dir: dir}
	// Records the project has keep their files; the new ones then take
	// ids, the shortest names first, so that of two names that give the
	// same id the plainer keeps it ("Đăng ký khai sinh có yếu tố nước
	// ngoài" before "… cho người đã có hồ sơ, giấy tờ cá nhân").
	var fresh []*dvcqg.Record
	for _, rec := range latest(records, plan) {
		if len(proj.find(rec.ID, strings.TrimSpace(rec.Code))) == 0 {
			fresh = append(fresh, rec)
			continue
		}
		plan.Outcomes = append(plan.Outcomes, plan.one(proj, rec, opt))
	}
	slices.SortStableFunc(fresh, func(a, b *dvcqg.Record) int {
		return cmp.Compare(len([]rune(oneLine(a.Name))), len([]rune(oneLine(b.Name))))
	})
	for _, rec := range fresh {
		plan.Outcomes = append(plan.Outcomes, plan.one(proj, rec, opt))
	}
	slices.SortStableFunc(plan.Outcomes, func(a, b Outcome) int { return cmp.Compare(a.Code, b.Code) })
	return plan, diags
}

// latest keeps one record per code, the last updated, sorted by code; the
// others are skipped.
func latest(records []dvcqg.Record, plan *Plan) []*dvcqg.Record {
	byCode := map[string]*dvcqg.Record{}
	var codes []string
	for i := range records {
		r := &records[i]
		code := strings.TrimSpace(r.Code)
		prev := byCode[code]
		switch {
		case prev == nil:
			codes = append(codes, code)
			byCode[code] = r
		case prev.ID == r.ID && prev.UpdatedAt == r.UpdatedAt:
			// the same record twice (a capture and its envelope)
		default:
			older := r
			if r.UpdatedAt > prev.UpdatedAt {
				byCode[code], older = r, prev
			}
			plan.Outcomes = append(plan.Outcomes, Outcome{Code: code, Name: oneLine(older.Name), Record: older,
				Reason: msg.New(msg.ImpSkipDuplicate, code, byCode[code].ID)})
		}
	}
	slices.Sort(codes)
	var out []*dvcqg.Record
	for _, c := range codes {
		out = append(out, byCode[c])
	}
	return out
}

// one works out the import of one record.
func (plan *Plan) one(proj *project, rec *dvcqg.Record, opt Options) Outcome {
	o := Outcome{Code: strings.TrimSpace(rec.Code), Name: oneLine(rec.Name), Record: rec}
	if reason := skip(rec, opt); !reason.IsZero() {
		o.Reason = reason
		return o
	}
	snapshot := snapshotName(o.Code, rec.ID, ".yaml")
	files := proj.find(rec.ID, o.Code)
	switch {
	case len(files) > 1:
		var names []string
		for _, f := range files {
			names = append(names, f.file)
		}
		o.Reason = msg.New(msg.ImpSkipAmbiguous, strings.Join(names, ", "))
		return o
	case len(files) == 0 && proj.read(snapshot) != nil && len(proj.broken()) > 0:
		// Its file may be one of those that cannot be read.
		o.Reason = msg.New(msg.ImpSkipBroken, strings.Join(proj.broken(), ", "))
		return o
	case len(files) == 0 && proj.read(snapshot) != nil:
		o.Reason = msg.New(msg.ImpSkipDeleted, snapshot)
		return o
	case len(files) == 0:
		return plan.create(proj, rec, opt, o, snapshot)
	}
	return plan.update(proj, files[0], rec, opt, o, snapshot)
}

// skip says why a record is not imported, or nothing.
func skip(rec *dvcqg.Record, opt Options) msg.Text {
	switch {
	case utf8.RuneCountInString(oneLine(rec.Code)) > 40:
		return msg.New(msg.ImpSkipBadCode)
	case rec.Internal() && !opt.Internal:
		return msg.New(msg.ImpSkipInternal)
	case !bool(rec.IsWard) && !bool(rec.IsProvince):
		return msg.New(msg.ImpSkipNoLevel)
	case !bool(rec.IsWard) && !opt.AllLevels:
		return msg.New(msg.ImpSkipLevel)
	case rec.State != "" && rec.State != "ACTIVE" && rec.State != "UPDATED":
		return msg.New(msg.ImpSkipState, rec.State)
	}
	return msg.Text{}
}

// create writes a procedure the project does not have yet.
func (plan *Plan) create(proj *project, rec *dvcqg.Record, opt Options, o Outcome, snapshot string) Outcome {
	p, notices := Map(rec, opt)
	o.Notices = notices
	id, renamed := proj.claim(p.ShortName, o.Code, "")
	if id == "" {
		o.Reason = msg.New(msg.ImpSkipNoID, makeID(p.ShortName))
		return o
	}
	if renamed {
		o.Notices = append(o.Notices, Notice{Renamed, msg.New(msg.ImpRenamed, makeID(p.ShortName), proj.taken[makeID(p.ShortName)], id)})
	}
	file := path.Join(procedure.Dir, id+".yaml")
	proj.taken[id] = file
	data, ok := render(file, id, procedure.Encode(p), &o)
	if !ok {
		return o
	}
	o.Status, o.ID, o.File = New, id, file
	plan.Files[file], plan.Files[snapshot] = data, data
	return o
}

// update merges a record into a file the project has.
func (plan *Plan) update(proj *project, x *existing, rec *dvcqg.Record, opt Options, o Outcome, snapshot string) Outcome {
	o.ID, o.File = x.id, x.file
	base := proj.read(snapshot)
	if base == nil && !opt.Adopt {
		o.Reason = msg.New(msg.ImpSkipHandWritten, x.file)
		return o
	}
	if x.broken {
		o.Reason = msg.New(msg.ImpSkipBroken, x.file)
		return o
	}
	// Which offices handle it is local: -office and -offices choose for
	// new files only, and an update keeps what the last import wrote.
	if offices, ok := snapshotOffices(snapshot, base); ok {
		opt.Offices = offices
	}
	// Map again as of the last import: if that gives the snapshot, the
	// record brings no news and nothing is written.
	if last := importDate(base); !last.IsZero() {
		then := opt
		then.Now = last
		p, _ := Map(rec, then)
		if data, err := procedure.Format(procedure.Encode(p), schemaLine); err == nil && bytes.Equal(data, base) {
			o.Status = Unchanged
			return o
		}
	}
	p, notices := Map(rec, opt)
	o.Notices = notices
	theirs := procedure.Encode(p)
	snap, err := procedure.Format(theirs, schemaLine) // before the merge, which shares theirs' nodes
	if err != nil {
		o.Reason = msg.New(msg.Failed, err.Error())
		return o
	}
	merged, ok := plan.merge(base, x.data, theirs, &o)
	if !ok {
		return o
	}
	data, ok := render(x.file, x.id, merged, &o)
	if !ok {
		return o
	}
	o.Status = Updated
	o.Reprint = posterFacts(x.file, x.id, x.data) != posterFacts(x.file, x.id, data)
	if !bytes.Equal(data, x.data) {
		plan.Files[x.file] = data
	}
	plan.Files[snapshot] = snap
	return o
}

// schemaLine links procedure files to the editor schema.
var schemaLine = schema.Line("procedure.schema.json", 1)

// render writes a procedure mapping as a file and checks that the file
// reads back without errors, as `qrboard build` will read it; a file that
// would not is not written, and the outcome says why.
func render(file, id string, n *yaml.Node, o *Outcome) ([]byte, bool) {
	data, err := procedure.Format(n, schemaLine)
	if err != nil {
		o.Reason = msg.New(msg.Failed, err.Error())
		return nil, false
	}
	var diags diag.List
	if procedure.Parse(file, id, data, &diags) == nil {
		for _, d := range diags {
			if d.Severity == diag.Error {
				o.Reason = msg.New(msg.ImpSkipInvalid, d.Pos.String(), d.Text)
				break
			}
		}
		return nil, false
	}
	return data, true
}
