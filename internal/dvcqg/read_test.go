package dvcqg

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
)

// The fixtures are real records as the portal served them; see
// testdata/README.md.
const (
	captureFile  = "testdata/khai-sinh.json"
	envelopeFile = "testdata/2.000635-detail-response.json"
)

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestReadFixtures reads both fixtures and checks what they hold.
func TestReadFixtures(t *testing.T) {
	var diags diag.List
	b, ok := Read("khai-sinh.json", readFile(t, captureFile), &diags)
	if !ok || len(diags) > 0 {
		t.Fatalf("problems: %v", diags)
	}
	if b.Shape != Capture || len(b.Records) != 10 || len(b.Listed) != 0 {
		t.Fatalf("capture: shape %v, %d records, %d rows", b.Shape, len(b.Records), len(b.Listed))
	}
	for _, r := range b.Records {
		if r.Listed == nil || r.Listed.ID != r.ID || r.Source != "khai-sinh.json" {
			t.Errorf("%s: list row %+v, source %q", r.Code, r.Listed, r.Source)
		}
	}
	e, ok := Read("env.json", readFile(t, envelopeFile), &diags)
	if !ok || e.Shape != Envelope || len(e.Records) != 1 {
		t.Fatalf("envelope: %v %v", e.Shape, diags)
	}
	d := e.Records[0].Detail
	if d.Code != "2.000635" || !bool(d.IsWard) || !bool(d.IsProvince) || d.Internal() ||
		len(d.Methods) != 3 || d.Methods[0].Fees[0].Value != 8000 || d.Proposal.Number != "163/QĐ-BTP" ||
		d.Updated().Year() != 2026 || d.Page() != "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-867c-72db-b6a7-dcbd8c763807" {
		t.Errorf("envelope record read as %+v", d)
	}
	// The same record in the capture reads the same.
	for _, r := range b.Records {
		if r.Code == "2.000635" && (len(r.Cases) != len(d.Cases) || r.Name != d.Name || r.UpdatedAt != d.UpdatedAt) {
			t.Error("the capture's 2.000635 differs from the envelope's")
		}
	}
}

// TestReadShapes reads every shape the portal and crawlers save, built
// from the fixture record.
func TestReadShapes(t *testing.T) {
	var env struct {
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(readFile(t, envelopeFile), &env); err != nil {
		t.Fatal(err)
	}
	detail := string(env.Data)
	row := `{"id": "019d2bfd-867c-72db-b6a7-dcbd8c763807", "code": "2.000635", "name": "Cấp bản sao Trích lục hộ tịch", "departments": ["Sở Tư pháp", {"name": "UBND cấp xã"}]}`
	for _, tc := range []struct {
		name            string
		json            string
		shape           Shape
		records, listed int
	}{
		{"bare detail", detail, Bare, 1, 0},
		{"envelope", `{"code": "OK", "data": ` + detail + `}`, Envelope, 1, 0},
		{"list page envelope", `{"code": "OK", "data": {"items": [` + row + `], "lastId": "x", "total": 1}}`, ListPage, 0, 1},
		{"list page without code", `{"data": {"items": [` + row + `, ` + row + `]}}`, ListPage, 0, 2},
		{"bare items", `{"items": [` + row + `]}`, ListPage, 0, 1},
		{"capture with a missing detail", `{"records": [{"searchItem": ` + row + `, "detail": ` + detail + `}, {"searchItem": ` + row + `, "detail": null}]}`, Capture, 1, 1},
		{"array of records", `[` + detail + `, ` + detail + `]`, Array, 2, 0},
		{"array of rows", `[` + row + `]`, Array, 0, 1},
		{"byte order mark", "\ufeff" + detail, Bare, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.List
			b, ok := Read("x.json", []byte(tc.json), &diags)
			if !ok || len(diags) > 0 {
				t.Fatalf("problems: %v", diags)
			}
			if b.Shape != tc.shape || len(b.Records) != tc.records || len(b.Listed) != tc.listed {
				t.Errorf("shape %v with %d records and %d rows; want %v, %d, %d", b.Shape, len(b.Records), len(b.Listed), tc.shape, tc.records, tc.listed)
			}
			for _, r := range b.Records {
				if r.Code != "2.000635" || len(r.Raw) == 0 {
					t.Errorf("record %q read badly", r.Code)
				}
			}
			if tc.listed > 0 && b.Listed[0].Departments[len(b.Listed[0].Departments)-1] == "" {
				t.Error("a department written as an object was lost")
			}
		})
	}
}

// TestReadProblems checks the message and position of each problem a
// file can have.
func TestReadProblems(t *testing.T) {
	for _, tc := range []struct {
		name, json string
		want       string // "line:col id", as reported
		records    int
	}{
		{"syntax", "{\n  \"code\": \"OK\",\n  \"data\": {,}\n}", "3:12 JSONBad", 0},
		{"cut short", `{"code": "OK", "data": {"id": "x"`, "1:33 JSONBad", 0},
		{"html error page", "<html><body>403 Forbidden</body></html>", "1:1 JSONBad", 0},
		{"not OK", `{"code": "NOT_FOUND", "message": "Không tìm thấy", "data": null}`, "1:1 JSONNotOK", 0},
		{"unknown object", `{"hello": 1}`, "1:1 JSONShape", 0},
		{"a number", `42`, "1:1 JSONShape", 0},
		{"wrong kind in a record", "[\n{\"id\": \"a\", \"code\": \"1.000001\", \"name\": \"A\", \"executionMethods\": []},\n{\"id\": \"b\", \"code\": \"1.000002\", \"name\": \"B\", \"executionMethods\": [{\"fees\": \"none\"}]}\n]", "3:81 JSONRecord", 1},
		{"record without id", `[{"code": "1.000001", "name": "A", "executionSteps": []}]`, "1:2 JSONIncomplete", 0},
		{"not utf-8", "{\"name\": \"K\xe9t\"}", "0:0 JSONNotUTF8", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.List
			b, ok := Read("x.json", []byte(tc.json), &diags)
			if ok || len(diags) != 1 {
				t.Fatalf("ok %v, problems %v", ok, diags)
			}
			d := diags[0]
			got := formatPos(d) + " " + idName(d.Text.ID())
			if got != tc.want {
				t.Errorf("got %s (%s), want %s", got, d.Text.In(msg.Vi), tc.want)
			}
			if len(b.Records) != tc.records {
				t.Errorf("%d records kept, want %d", len(b.Records), tc.records)
			}
			if strings.Contains(d.Text.In(msg.Vi), "%!") {
				t.Errorf("badly formatted: %s", d.Text.In(msg.Vi))
			}
		})
	}
}

func formatPos(d diag.Diagnostic) string { return fmt.Sprintf("%d:%d", d.Pos.Line, d.Pos.Col) }

var idNames = map[msg.ID]string{
	msg.JSONBad: "JSONBad", msg.JSONNotOK: "JSONNotOK", msg.JSONShape: "JSONShape",
	msg.JSONRecord: "JSONRecord", msg.JSONIncomplete: "JSONIncomplete", msg.JSONNotUTF8: "JSONNotUTF8",
}

func idName(id msg.ID) string { return idNames[id] }
