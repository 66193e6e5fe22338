package importer

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"qrboard/internal/dvcqg"
)

// A commune handles 300–400 procedures. These benchmarks, and the
// project TestWriteCommune writes for timing the commands, use 400
// distinct records made from the ten fixtures: each a fixture record with
// its own id, code and name (marked as a test), so that every one becomes
// its own file. They are test data, never facts.

var communeDir = flag.String("commune", "", "write a commune of 400 synthetic records and 3 offices into this folder (TestWriteCommune)")

// communeConfig is a commune with three one-stop offices.
const communeConfig = `title: Thủ tục hành chính xã thử
authority: UBND xã thử
base_url: https://thutuc.example/
language: vi
offices:
  - id: xa-a
    name: Xã A
    kind: commune
  - id: xa-b
    name: Xã B
    kind: commune
  - id: xa-c
    name: Xã C
    kind: commune
`

// synthetic returns n distinct records made from the fixtures, and the
// capture file that holds them.
func synthetic(tb testing.TB, n int) ([]dvcqg.Record, []byte) {
	tb.Helper()
	base := records(tb, capture)
	var recs []dvcqg.Record
	type entry struct {
		SearchItem map[string]any  `json:"searchItem"`
		Detail     json.RawMessage `json:"detail"`
	}
	var capture struct {
		Records []entry `json:"records"`
	}
	for i := range n {
		var d map[string]any
		if err := json.Unmarshal(base[i%len(base)].Raw, &d); err != nil {
			tb.Fatal(err)
		}
		id := fmt.Sprintf("019d2bfd-0000-7000-8000-%012d", i)
		code := fmt.Sprintf("9.%06d", i)
		d["id"], d["code"], d["codeNotation"] = id, code, code
		d["name"] = fmt.Sprintf("Thử %d: %s", i, d["name"])
		raw, err := json.Marshal(d)
		if err != nil {
			tb.Fatal(err)
		}
		capture.Records = append(capture.Records, entry{map[string]any{"id": id, "code": code, "name": d["name"]}, raw})
		var r dvcqg.Detail
		if err := json.Unmarshal(raw, &r); err != nil {
			tb.Fatal(err)
		}
		recs = append(recs, dvcqg.Record{Detail: r, Raw: raw})
	}
	data, err := json.Marshal(capture)
	if err != nil {
		tb.Fatal(err)
	}
	return recs, data
}

// newCommune writes a commune project without procedures into dir.
func newCommune(tb testing.TB, dir string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "procedures"), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "qrboard.yaml"), []byte(communeConfig), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// TestWriteCommune writes, with -commune DIR, a commune project and
// DIR/commune.json holding its 400 records, to time qrboard import, build
// and print on (see README.md, "Importing").
func TestWriteCommune(t *testing.T) {
	if *communeDir == "" {
		t.Skip("give -commune DIR")
	}
	_, data := synthetic(t, 400)
	newCommune(t, *communeDir)
	if err := os.WriteFile(filepath.Join(*communeDir, "commune.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSyntheticCommune imports the 400 records and checks each became
// its own file that loads.
func TestSyntheticCommune(t *testing.T) {
	if testing.Short() {
		t.Skip("400 procedures")
	}
	recs, _ := synthetic(t, 400)
	dir := t.TempDir()
	newCommune(t, dir)
	plan := importAll(t, dir, recs, testOptions)
	news := 0
	for _, o := range plan.Outcomes {
		if o.Status == New {
			news++
		}
	}
	if news != 400 {
		t.Errorf("%d new files of 400 records", news)
	}
}

// BenchmarkImport imports a commune's 400 procedures into an empty
// project, and again when nothing changed.
func BenchmarkImport(b *testing.B) {
	recs, _ := synthetic(b, 400)
	b.Run("new/400", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			dir := b.TempDir()
			newCommune(b, dir)
			b.StartTimer()
			plan, _ := Prepare(dir, recs, testOptions)
			if err := plan.Write(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("unchanged/400", func(b *testing.B) {
		dir := b.TempDir()
		newCommune(b, dir)
		plan, _ := Prepare(dir, recs, testOptions)
		if err := plan.Write(); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			plan, _ := Prepare(dir, recs, testOptions)
			if len(plan.Files) != 0 {
				b.Fatal("files to write")
			}
		}
	})
}
