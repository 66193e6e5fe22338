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
//	notes: [ …, … ]                   # (md) each; "Lưu ý": explanations, not papers —
//	                                  # pages show them under the papers, never as checklist items
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
//	    fee: 10.000 đồng/trường hợp   # required (unless fee_set_by); "Miễn lệ phí" when free
//	    fee_set_by: HĐND cấp tỉnh     # who sets the amount, when the national database leaves it to the locality
//	    fee_national: …       # the national database's words on the fee, for staff; never shown
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
//	imported:                 # written by `qrboard import` (see below)
//	  record: 019d2bfd-…      # required; the record's UUID on the national portal
//	  record_updated: 2026-06-06  # the record's updatedAt
//	  date: 2026-07-20        # required; the day an import last brought news
//
// Dates are written YYYY-MM-DD. Unknown fields are errors (with a "did you
// mean" hint), so a misspelt field never silently disappears. A field left
// empty ("decision:") is not given. A value starting with TODO is an error:
// it marks something still to fill in, as in the file `qrboard new` writes,
// and must never reach a page.
//
// # Fees a local council sets
//
// For many procedures the national database gives the fee as 0 with a
// text such as "Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh … quyết
// định": the amount is not 0, the province sets it. Such a channel names
// the body in fee_set_by and leaves fee empty until staff enter the local
// amount. Meanwhile pages and posters say "Theo mức do HĐND cấp tỉnh quy
// định — hỏi cán bộ" (the wording is in templates/lang, key fee_set_by,
// and package render prints it), never a number or "free", and `qrboard
// check` warns at the channel. Writing the amount into fee ends both.
//
// # Importing from the national database
//
// `qrboard import` writes procedure files from the national database's
// records (package importer; its documentation lists how each field is
// read and the traps of the real records). An imported file is an
// ordinary procedure file, which staff edit like any other. Its fields
// are of two kinds. National facts come from the record: code, decision,
// name, field, level, summary, applicants, documents, cases, notes,
// channels, steps, conditions, result, legal_basis, online_url,
// portal_url, updated, sources, unverified and imported. Local facts are
// the office's own: short_name (the import proposes one), keywords,
// offices, no_wait, no_wait_note, effective_from, repealed_on,
// repeal_note, aliases, and the amount of a fee a local council sets.
// Staff may also correct a national fact; the correction is theirs then.
//
// A later import of a newer record keeps every local edit by merging
// three versions of the file, as version control merges branches: the
// file as the last import wrote it (a snapshot kept in
// national/<code>.yaml, which nobody edits), the file as it is now, and
// the file the new record gives. A value nobody changed since the last
// import takes the new national value; a value staff changed stays as
// they wrote it; when staff and the national database both changed it,
// staff's value stays and an unverified entry quotes the new national
// value, so that `check` shows it until someone decides. Lists are merged
// item by item — channels by method, documents and cases by name, laws by
// number, sources by title, texts (keywords, notes, conditions,
// applicants, unverified) by text — so that a keyword added or an
// unverified entry deleted by staff survives; steps, which only make
// sense in order, are merged as a whole. A snapshot keeps the file free
// of bookkeeping: it looks and reads like a file written by hand.
//
// When the new record gives exactly the file the snapshot holds, nothing
// is written: importing the same record again changes no byte, and
// updated and imported.date keep the day of the import that last brought
// news. A file that describes the record's code but has no snapshot was
// written by hand; import leaves it alone unless asked to adopt it (then
// its every value is kept and only what it lacks comes from the record).
//
// Every field also carries a Vietnamese description (its `doc` tag) and
// often an example (`example`), from which the editor schemas (package
// schema) and the template of new files (package scaffold) are generated.
package procedure
