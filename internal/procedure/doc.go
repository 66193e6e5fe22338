// Package procedure reads procedure files: one YAML file per
// administrative procedure, procedures/<id>.yaml, where <id> — the file
// name — is the procedure's address in the site (short ASCII: a–z, 0–9
// and hyphens, at most 40 characters; "dang-ky-ket-hon").
//
// This comment is the specification of the format. The fields follow the
// national procedure database (Cơ sở dữ liệu quốc gia về thủ tục hành
// chính); every value is text unless said otherwise, and text is stored in
// Unicode NFC whatever the editor wrote. Fields marked (md) accept
// Markdown: **bold**, lists, links — raw HTML and images are left out,
// and only http, https, tel, mailto and site links ("/dang-ky-ket-hon/")
// are kept.
//
// # Identity
//
//	code: "2.000884"          # required; national code N.NNNNNN (quote it: YAML would read a number)
//	decision: "…/QĐ-BTP"      # decision that published it
//	name: Chứng thực chữ ký … # required; full official name (up to 600 characters)
//	short_name: Chứng thực chữ ký  # required; for lists and posters (up to 80)
//	field: Chứng thực         # required; lĩnh vực — pages group procedures by it
//	level: commune            # required; commune, district or province
//	keywords: [sao y, …]      # extra words the search should match
//	summary: …                # (md) what it is for, in a sentence or two
//
// # What the citizen needs
//
//	applicants: [Công dân Việt Nam]   # required; who may file
//	documents:                        # papers every filing needs
//	  - name: Tờ khai đăng ký kết hôn # required
//	    originals: 1                  # bản chính (whole number)
//	    copies: 0                     # bản sao
//	    present: true                 # shown to the official, not handed in
//	    optional: true                # only when it applies ("nếu có")
//	    form: {name: Mẫu …, url: https://…, file: forms/to-khai-ket-hon.pdf}
//	    note: …                       # (md)
//	cases:                            # papers that depend on the situation
//	  - name: Trường hợp …            # required
//	    documents: [ …as above… ]     # required
//
// A procedure needs documents, cases or both.
//
// A form's file is a copy kept in the project's forms/ folder — a PDF,
// DOC, DOCX, ODT, XLS or XLSX file named like an id — which the build
// publishes at the same path in the site ("forms/to-khai-ket-hon.pdf")
// and the document's line links to with its kind and size ("Tải mẫu
// (PDF, 120 KB)"). `check` reports a file that is missing, not a
// regular file, larger than 5 MB or not what its extension says.
//
// # Channels, steps, conditions, result
//
//	channels:                 # required; at most one of each method
//	  - method: in_person     # in_person, online or post
//	    time: Trong ngày      # required; processing time as read by citizens
//	    fee: 10.000 đồng/trường hợp   # required; "Miễn lệ phí" when free
//	    note: …               # (md)
//	steps: [ …, … ]           # required; (md) each, in order
//	conditions: [ … ]         # (md) each; requirements and reasons for refusal
//	result: …                 # required; (md) what the citizen receives
//	legal_basis:              # required
//	  - number: 23/2015/NĐ-CP # required; số ký hiệu
//	    title: …              # trích yếu
//	    date: 2015-02-16      # ngày ban hành, YYYY-MM-DD
//	    issuer: Chính phủ
//	    articles: Điều 24–26
//	    url: https://…
//	online_url: https://dichvucong.gov.vn/thu-tuc-hanh-chinh/…  # where to file online (needed with an online channel):
//	                          # since 1 July 2025 the national portal's page of the procedure, not a provincial portal
//	portal_url: https://dichvucong.gov.vn/thu-tuc-hanh-chinh/…  # the national portal's page
//
// # Where and when
//
//	offices: communes         # required; communes (every commune and town), district, all,
//	                          # or a list of office ids from qrboard.yaml: [phuc-loc, phuc-tho]
//	                          # (an office that closed stands for its successors, with a warning)
//	no_wait: true             # "không chờ, không giấy hẹn": pages and posters show a badge
//	no_wait_note: …           # its caveat; a standard one (filings after 15:00 → next working day) if empty
//	effective_from: 2026-01-01  # no page before this day
//	repealed_on: 2027-01-01     # from this day the pages say it no longer applies
//	repeal_note: …              # (md) what to do instead
//	aliases: [ket-hon]          # former ids: their addresses redirect here
//
// # Where the facts come from
//
//	updated: 2026-11-27       # required; the day the facts were last checked
//	sources:                  # required
//	  - title: Luật Hộ tịch 2014, Điều 17–18   # required
//	    url: https://…
//	unverified: [ … ]         # facts not yet confirmed; `qrboard check` lists each
//
// Dates are written YYYY-MM-DD. Unknown fields are errors (with a "did you
// mean" hint), so a misspelt field never silently disappears. A field left
// empty ("decision:") is not given. A value starting with TODO is an error:
// it marks something still to fill in, as in the file `qrboard new` writes,
// and must never reach a page.
//
// Every field also carries a Vietnamese description (its `doc` tag) and
// often an example (`example`), from which the editor schemas (package
// schema) and the template of new files (package scaffold) are generated.
package procedure
