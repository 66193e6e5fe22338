package importer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"qrboard/internal/diag"
	"qrboard/internal/dvcqg"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
	"qrboard/internal/projecttest"
	"qrboard/internal/value"
)

// prepare works out an import into dir and fails the test on problems.
func prepare(t *testing.T, dir string, recs []dvcqg.Record, opt Options) *Plan {
	t.Helper()
	plan, diags := Prepare(dir, recs, opt)
	if plan == nil || diags.HasErrors() {
		t.Fatalf("prepare: %v", diags)
	}
	return plan
}

// importAll prepares and writes an import.
func importAll(t *testing.T, dir string, recs []dvcqg.Record, opt Options) *Plan {
	t.Helper()
	plan := prepare(t, dir, recs, opt)
	if err := plan.Write(); err != nil {
		t.Fatal(err)
	}
	return plan
}

func outcome(t *testing.T, plan *Plan, code string) Outcome {
	t.Helper()
	for _, o := range plan.Outcomes {
		if o.Code == code {
			return o
		}
	}
	t.Fatalf("no outcome for %s", code)
	return Outcome{}
}

func readFile(t *testing.T, dir, file string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func load(t *testing.T, dir, file string) *procedure.Procedure {
	t.Helper()
	var diags diag.List
	p := procedure.Parse(file, strings.TrimSuffix(filepath.Base(file), ".yaml"), []byte(readFile(t, dir, file)), &diags)
	if p == nil {
		t.Fatalf("%s: %v", file, diags)
	}
	return p
}

// TestImportSample imports every fixture record into the sample project:
// the nine it lacks become files, the one it has by hand is left alone;
// importing the same records again changes no byte and no file's time.
func TestImportSample(t *testing.T) {
	dir := projecttest.Copy(t, "../..")
	plan := importAll(t, dir, records(t, capture), testOptions)
	count := map[Status]int{}
	for _, o := range plan.Outcomes {
		count[o.Status]++
		if o.Status == New {
			p := load(t, dir, o.File)
			if p.Code != o.Code || readFile(t, dir, snapshotName(o.Code, "", ".yaml")) != readFile(t, dir, o.File) {
				t.Errorf("%s: code %q or snapshot differs", o.File, p.Code)
			}
		}
	}
	if count[New] != 9 || count[Skipped] != 1 {
		t.Fatalf("outcomes %v", count)
	}
	if o := outcome(t, plan, "2.000635"); o.Reason.ID() != msg.ImpSkipHandWritten || o.File != "procedures/trich-luc-ho-tich.yaml" {
		t.Errorf("2.000635: %v %s", o.Reason, o.File)
	}
	if o := outcome(t, plan, "2.000528"); o.ID != "dang-ky-khai-sinh-yeu-to-nuoc-ngoai" {
		t.Errorf("the plainer name lost its id: %s", o.ID)
	}
	if o := outcome(t, plan, "1.000893"); o.ID != "dang-ky-khai-sinh-yeu-to-nuoc-1000893" {
		t.Errorf("collision resolved as %s", o.ID)
	}

	before := projecttest.Snapshot(t, dir)
	// -office chooses for new files only: the same records with another
	// choice change nothing either.
	again := importAll(t, dir, records(t, capture), Options{Now: mustDate("2026-08-01"),
		Offices: procedure.Offices{IDs: []value.Ref{{ID: "hat-mon"}}}})
	for _, o := range again.Outcomes {
		if o.Status != Unchanged && o.Code != "2.000635" {
			t.Errorf("%s: %v on a second import of the same records", o.Code, o.Status)
		}
	}
	if len(again.Files) != 0 {
		t.Errorf("a second import writes %d files", len(again.Files))
	}
	if diff := projecttest.Diff(before, projecttest.Snapshot(t, dir)); len(diff) > 0 {
		t.Errorf("a second import changed %v", diff)
	}
}

// TestReimportKeepsLocalEdits imports a record, edits what staff edit —
// the local fee, the short name, a keyword, the offices — then imports a
// newer record: the edits stay, the national changes come in, and the
// outcome names them and asks for new posters.
func TestReimportKeepsLocalEdits(t *testing.T) {
	dir := projecttest.Copy(t, "../..")
	rec := record(t, "2.000528")
	first := importAll(t, dir, []dvcqg.Record{rec}, testOptions)
	file := outcome(t, first, "2.000528").File

	edited := readFile(t, dir, file)
	for old, new := range map[string]string{
		"short_name: Đăng ký khai sinh có yếu tố nước ngoài": "short_name: Khai sinh có yếu tố nước ngoài",
		"    fee_set_by: HĐND cấp tỉnh\n":                    "    fee: 50.000 đồng\n    fee_set_by: HĐND cấp tỉnh\n",
		"offices: communes":                                  "offices: [van-ha, phuc-tho]",
		"level: commune\n":                                   "level: commune\nkeywords: [khai sinh cho con lai]\n",
	} {
		if !strings.Contains(edited, old) {
			t.Fatalf("the file has no %q:\n%s", old, edited)
		}
		edited = strings.Replace(edited, old, new, 1)
	}
	projecttest.WriteFile(t, filepath.Join(dir, file), []byte(edited))

	newer := record(t, "2.000528")
	newer.UpdatedAt += 86_400_000 * 30
	for i := range newer.Methods {
		newer.Methods[i].Time, newer.Methods[i].Unit = 3, "WORKING_DAY"
	}
	newer.Laws = append(newer.Laws, dvcqg.Named{Code: "99/2026/NĐ-CP", Name: "Nghị định sửa đổi thủ tục hộ tịch"})
	plan := importAll(t, dir, []dvcqg.Record{newer}, Options{Now: mustDate("2026-08-20")})

	o := outcome(t, plan, "2.000528")
	if o.Status != Updated || !o.Reprint || len(o.Kept) != 0 {
		t.Errorf("status %v, reprint %v, kept %v", o.Status, o.Reprint, o.Kept)
	}
	for _, want := range []string{"channels[in_person].time", "channels[online].time", "legal_basis[99/2026/NĐ-CP]", "unverified"} {
		if !slices.Contains(o.Changed, want) {
			t.Errorf("changed %q lacks %q", o.Changed, want)
		}
	}
	p := load(t, dir, file)
	c := p.MainChannel()
	if c.Fee != "50.000 đồng" || c.Time != "3 ngày làm việc" || p.ShortName != "Khai sinh có yếu tố nước ngoài" ||
		!slices.Equal(p.Keywords, []string{"khai sinh cho con lai"}) || len(p.Offices.IDs) != 2 ||
		p.LegalBasis[len(p.LegalBasis)-1].Number != "99/2026/NĐ-CP" || p.Updated.String() != "2026-08-20" {
		t.Errorf("merged badly:\n%s", readFile(t, dir, file))
	}
	for _, u := range p.Unverified {
		if strings.Contains(u, "Thời hạn") {
			t.Errorf("the time's entry stayed after the record gave a unit: %q", u)
		}
	}
	if got := readFile(t, dir, "national/2.000528.yaml"); strings.Contains(got, "50.000") || !strings.Contains(got, "3 ngày làm việc") {
		t.Error("the snapshot is not what the new record gives")
	}
}

// TestBothChanged keeps staff's value where the national database changed
// it too, and quotes the national one in unverified.
func TestBothChanged(t *testing.T) {
	dir := projecttest.Copy(t, "../..")
	first := importAll(t, dir, []dvcqg.Record{record(t, "1.003583")}, testOptions)
	file := outcome(t, first, "1.003583").File
	text := strings.Replace(readFile(t, dir, file), "time: 5 ngày làm việc", "time: Trong ngày", 1)
	projecttest.WriteFile(t, filepath.Join(dir, file), []byte(text))

	newer := record(t, "1.003583")
	newer.UpdatedAt++
	newer.Methods[0].Time = 3
	plan := importAll(t, dir, []dvcqg.Record{newer}, Options{Now: mustDate("2026-08-20")})
	o := outcome(t, plan, "1.003583")
	if len(o.Kept) != 1 || o.Kept[0].Path != "channels[in_person].time" {
		t.Fatalf("kept %+v", o.Kept)
	}
	p := load(t, dir, file)
	if p.MainChannel().Time != "Trong ngày" {
		t.Errorf("staff's time lost: %q", p.MainChannel().Time)
	}
	if !slices.ContainsFunc(p.Unverified, func(u string) bool {
		return strings.Contains(u, "channels[in_person].time") && strings.Contains(u, "3 ngày làm việc")
	}) {
		t.Errorf("the national value is not quoted: %q", p.Unverified)
	}
}

// TestDeletedStaysDeleted does not bring back a file staff deleted.
func TestDeletedStaysDeleted(t *testing.T) {
	dir := projecttest.Copy(t, "../..")
	first := importAll(t, dir, []dvcqg.Record{record(t, "1.001193")}, testOptions)
	file := outcome(t, first, "1.001193").File
	if err := os.Remove(filepath.Join(dir, file)); err != nil {
		t.Fatal(err)
	}
	plan := importAll(t, dir, []dvcqg.Record{record(t, "1.001193")}, testOptions)
	if o := outcome(t, plan, "1.001193"); o.Reason.ID() != msg.ImpSkipDeleted {
		t.Errorf("outcome %v", o.Reason)
	}
	if _, err := os.Stat(filepath.Join(dir, file)); err == nil {
		t.Error("a deleted file came back")
	}
}

// TestAdopt lets import manage a file written by hand, keeping its every
// value.
func TestAdopt(t *testing.T) {
	dir := projecttest.Copy(t, "../..")
	file := "procedures/trich-luc-ho-tich.yaml"
	before := load(t, dir, file)
	plan := importAll(t, dir, records(t, envelope), Options{Now: importDay, Adopt: true})
	o := outcome(t, plan, "2.000635")
	if o.Status != Updated || !slices.Contains(o.Changed, "notes") || slices.Contains(o.Changed, "documents") {
		t.Fatalf("status %v, changed %v", o.Status, o.Changed)
	}
	after := load(t, dir, file)
	if after.ShortName != before.ShortName || len(after.Documents) != len(before.Documents) ||
		after.MainChannel().Fee != before.MainChannel().Fee || len(after.Notes) == 0 || after.Imported == nil {
		t.Errorf("adopted badly:\n%s", readFile(t, dir, file))
	}
	if !strings.Contains(readFile(t, dir, file), "# Thủ tục cấp bản sao trích lục hộ tịch (mã 2.000635)") {
		t.Error("the file's own comment was lost")
	}
}

// TestIDs gives a new procedure an id no office or procedure has.
func TestIDs(t *testing.T) {
	dir := projecttest.Copy(t, "../..")
	r := record(t, "1.001193")
	r.Name = "Thủ tục Vân Hà" // the id of an office
	plan := importAll(t, dir, []dvcqg.Record{r}, testOptions)
	if o := outcome(t, plan, "1.001193"); o.ID != "van-ha-1001193" || !slices.ContainsFunc(o.Notices, func(n Notice) bool { return n.Kind == Renamed }) {
		t.Errorf("id %q", o.ID)
	}
}

// TestWriteFails leaves the project as it was when a file cannot be
// written.
func TestWriteFails(t *testing.T) {
	dir := projecttest.Copy(t, "../..")
	projecttest.WriteFile(t, filepath.Join(dir, Dir), []byte("a file where the folder goes"))
	before := projecttest.Snapshot(t, dir)
	plan := prepare(t, dir, records(t, capture), testOptions)
	if err := plan.Write(); err == nil {
		t.Fatal("no error")
	}
	if diff := projecttest.Diff(before, projecttest.Snapshot(t, dir)); len(diff) > 0 {
		t.Errorf("a failed import changed %v", diff)
	}
}

// TestBrokenFile does not import a record whose file staff broke: it
// says which file to mend, and writes nothing for it.
func TestBrokenFile(t *testing.T) {
	dir := projecttest.Copy(t, "../..")
	first := importAll(t, dir, []dvcqg.Record{record(t, "1.001193")}, testOptions)
	file := outcome(t, first, "1.001193").File
	projecttest.WriteFile(t, filepath.Join(dir, file), []byte("code: \"1.001193\"\nname: [unclosed\n"))
	plan := importAll(t, dir, []dvcqg.Record{record(t, "1.001193")}, testOptions)
	if o := outcome(t, plan, "1.001193"); o.Reason.ID() != msg.ImpSkipBroken || !strings.Contains(o.Reason.In(msg.Vi), file) {
		t.Errorf("outcome %v", o.Reason)
	}
	if got := readFile(t, dir, file); !strings.Contains(got, "[unclosed") {
		t.Error("the broken file was replaced")
	}
}

// TestNewUUID finds a file by its code when the portal gave the record a
// new UUID, and records the new one.
func TestNewUUID(t *testing.T) {
	dir := projecttest.Copy(t, "../..")
	first := importAll(t, dir, []dvcqg.Record{record(t, "1.001193")}, testOptions)
	file := outcome(t, first, "1.001193").File
	r := record(t, "1.001193")
	r.ID = "019d2bfd-0000-7000-8000-000000000001"
	plan := importAll(t, dir, []dvcqg.Record{r}, testOptions)
	if o := outcome(t, plan, "1.001193"); o.Status != Updated || o.File != file {
		t.Errorf("status %v, file %s", o.Status, o.File)
	}
	if p := load(t, dir, file); p.Imported.Record != r.ID || !strings.HasSuffix(string(p.PortalURL), r.ID) {
		t.Errorf("record %s, page %s", p.Imported.Record, p.PortalURL)
	}
}
