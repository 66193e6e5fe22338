package importer

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"qrboard/internal/diag"
	"qrboard/internal/dvcqg"
	"qrboard/internal/procedure"
	"qrboard/internal/value"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the fixture records")

// The fixtures: real records of the national database (see
// ../dvcqg/testdata/README.md).
const (
	capture  = "../dvcqg/testdata/khai-sinh.json"
	envelope = "../dvcqg/testdata/2.000635-detail-response.json"
)

// importDay is the day of the imports in tests.
var importDay = mustDate("2026-07-20")

func mustDate(s string) value.Date {
	d, err := value.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

var testOptions = Options{Now: importDay, Offices: procedure.Offices{Group: procedure.AllCommunes}}

// records reads the records of a fixture file.
func records(t testing.TB, file string) []dvcqg.Record {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	b, ok := dvcqg.Read(filepath.Base(file), data, &diags)
	if !ok {
		t.Fatal(diags)
	}
	return b.Records
}

// record returns the fixture record with a code.
func record(t testing.TB, code string) dvcqg.Record {
	t.Helper()
	for _, r := range records(t, capture) {
		if r.Code == code {
			return r
		}
	}
	t.Fatalf("no fixture record %s", code)
	return dvcqg.Record{}
}

// TestGolden maps every fixture record and compares the file it gives
// with testdata/golden/CODE.yaml (go test -update rewrites them). Each
// file must load as `qrboard build` loads procedures, without errors.
func TestGolden(t *testing.T) {
	recs := append(records(t, capture), records(t, envelope)...)
	for _, r := range recs {
		t.Run(r.Code, func(t *testing.T) {
			p, _ := Map(&r, testOptions)
			got, err := procedure.Format(procedure.Encode(p), schemaLine)
			if err != nil {
				t.Fatal(err)
			}
			var diags diag.List
			if procedure.Parse("procedures/x.yaml", "x", got, &diags) == nil {
				t.Fatalf("the file does not load: %v", diags)
			}
			golden := filepath.Join("testdata", "golden", r.Code+".yaml")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/importer -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from what the record gives now; run go test ./internal/importer -update and review the diff", golden)
			}
		})
	}
}
