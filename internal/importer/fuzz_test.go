package importer

import (
	"testing"

	"qrboard/internal/diag"
	"qrboard/internal/dvcqg"
	"qrboard/internal/procedure"
)

// FuzzImport reads any JSON as portal data and maps every record it
// holds: nothing may panic, and every file the import would write must
// load without errors — a record, however odd, never breaks a build.
func FuzzImport(f *testing.F) {
	// Small seeds: the fuzzer minimizes what it finds, and a whole real
	// record (35 KB) makes that slow; the real records have their golden
	// tests.
	for _, seed := range []string{
		`{"code":"OK","data":{"id":"019d2bfd-867c","code":"2.000635","name":"Thủ tục cấp bản sao","isWard":true,"executionMethods":[{"submissionMethod":"DIRECT","processingTime":0,"processingTimeUnit":"OTHER","fees":[{"type":"FEE","value":8000,"description":""}]}],"executionCases":[{"name":"* Lưu ý:","profileComponents":[{"name":"+ Giấy tờ nước ngoài","originalQty":0,"copyQty":0}]},{"name":"* Giấy tờ phải xuất trình:","profileComponents":[{"name":"- Hộ chiếu. Trường hợp khác thì thôi.","originalQty":1,"copyQty":0}]}],"executionSteps":[{"name":"","description":"- Nộp\n(i) Nếu đủ\n+ nhận"}],"legalBasisesDetails":[{"code":"Thông tư số 03/2023/TT-BTP","name":"Luật 60/2014/QH13"}],"updatedAt":1780712310917}}`,
		`{"records":[{"searchItem":{"id":"a","code":"1.000001"},"detail":{"id":"a","code":"1.000001","name":"A","isWard":true,"executionMethods":[{"submissionMethod":"ONLINE","processingTime":"5","processingTimeUnit":"WORKING_DAY","fees":[{"value":0,"description":"Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định"}]}]}},{"searchItem":{"id":"b","code":"1.000002"}}]}`,
		`{"data":{"items":[{"id":"a","code":"1.000001","name":"A"}]}}`,
		`[{"id":"x","code":"1","name":"<b>A</b>","isWard":true,"executionSteps":[{"name":"* Lưu ý:","description":"- a\n+ b"}],"executionMethods":[{"submissionMethod":"DIRECT","processingTime":"2","processingTimeUnit":"OTHER","fees":[{"value":-1,"description":"&amp;"}]}],"executionCases":[{"name":"","profileComponents":[{"name":"x","originalQty":99,"copyQty":-3,"isProcessingResult":true}]}]}]`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var diags diag.List
		b, _ := dvcqg.Read("x.json", data, &diags)
		for i := range b.Records {
			if !skip(&b.Records[i], Options{Internal: true, AllLevels: true}).IsZero() {
				continue
			}
			p, _ := Map(&b.Records[i], testOptions)
			out, err := procedure.Format(procedure.Encode(p), schemaLine)
			if err != nil {
				t.Fatal(err)
			}
			var d diag.List
			if procedure.Parse("procedures/x.yaml", "x", out, &d) == nil {
				t.Fatalf("the file does not load: %v\n%s", d, out)
			}
		}
	})
}
