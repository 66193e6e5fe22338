// Package dvcqg reads the national procedure database as the national
// public-service portal (Cổng Dịch vụ công quốc gia, dichvucong.gov.vn)
// serves it: the JSON of its records, in every shape the portal and the
// crawlers that save it produce (see Read), and a polite client for the
// portal's two public endpoints (see Client). What a record means for a
// procedure file is package importer's business; this package only
// reads, faithfully and leniently: a field a record leaves out is empty,
// never an error, and numbers written as text are read as numbers.
//
// # Records
//
// A detail record (Detail) is one procedure: its UUID (id), national code,
// name, the levels that handle it (isWard is the commune level), its kind
// (type STANDARD, STANDARD_INTERNAL or SPECIFIC) and state, the steps,
// the channels (executionMethods: DIRECT, ONLINE or POSTAL, each with a
// processing time and unit and its fees), the papers grouped by case
// (executionCases), the results, the legal bases, the publishing decision
// (procedureProposal) and its dates in milliseconds since 1970
// (createdAt, updatedAt). A list row (ListItem) is what the list endpoint
// returns for a search: id, code, name and a few labels, too little to
// make a page. The field-by-field meaning, and the traps of real records,
// are written down in the project's domain notes (dvcqg/README.md), from
// which the fixtures in testdata come.
package dvcqg

import (
	"bytes"
	"encoding/json"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Detail is one detail record.
type Detail struct {
	ID           string `json:"id"`
	Code         string `json:"code"`
	CodeNotation string `json:"codeNotation"`
	Name         string `json:"name"`
	Type         string `json:"type"`  // STANDARD, STANDARD_INTERNAL, SPECIFIC
	State        string `json:"state"` // ACTIVE, UPDATED, …
	IsInternal   Bool   `json:"isInternal"`

	// The levels that handle the procedure; several may be true.
	IsWard        Bool `json:"isWard"` // the commune level
	IsProvince    Bool `json:"isProvince"`
	IsMinistry    Bool `json:"isMinistry"`
	IsVertical    Bool `json:"isVertical"`
	IsOtherAgency Bool `json:"isOtherAgency"`

	Description  string `json:"description"`
	Keywords     string `json:"keywords"`
	Note         string `json:"note"`
	Requirements string `json:"requirementsAndConditions"`
	DecisionNo   string `json:"decisionNo"`

	Categories []Named    `json:"categoriesDetails"`
	Category   *Named     `json:"category"`
	Subjects   []Named    `json:"subjectTypesDetails"`
	Targets    []Flexible `json:"formalityTargetType"`
	Steps      []Step     `json:"executionSteps"`
	Methods    []Method   `json:"executionMethods"`
	Cases      []Case     `json:"executionCases"`
	Results    []Named    `json:"resultsDetails"`
	Laws       []Named    `json:"legalBasisesDetails"`
	Variants   []Variant  `json:"cases"`
	Proposal   *Proposal  `json:"procedureProposal"`
	CreatedAt  Millis     `json:"createdAt"`
	UpdatedAt  Millis     `json:"updatedAt"`
}

// Named is an item of a lookup list: a field, a result, a legal basis
// (whose code is the document's number), a kind of applicant.
type Named struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Code string `json:"code"`
}

// Step is one entry of the steps; its description is text with "-", "+"
// and "(i)" bullets, sometimes HTML.
type Step struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// Method is one channel: how to file, with its time and fees.
type Method struct {
	Submission  string `json:"submissionMethod"` // DIRECT, ONLINE, POSTAL
	Time        Number `json:"processingTime"`
	Unit        string `json:"processingTimeUnit"` // WORKING_DAY, DAY, MONTH, HOUR, YEAR, OTHER
	Description string `json:"description"`
	Fees        []Fee  `json:"fees"`
}

// Fee is one fee of a channel.
type Fee struct {
	Type        string `json:"type"` // FEE, SERVICE_FEE, PRICE_LEVEL
	Value       Number `json:"value"`
	Description string `json:"description"`
}

// Case is a group of papers: its name says to submit, to show, notes ("*
// Lưu ý:"), a situation, or nothing.
type Case struct {
	Name       string      `json:"name"`
	Components []Component `json:"profileComponents"`
}

// Component is one row of a case: a paper, a result, or an explanation.
type Component struct {
	Name         string       `json:"name"`
	Code         string       `json:"code"`
	Originals    Number       `json:"originalQty"`
	Copies       Number       `json:"copyQty"`
	ElectronicOK Bool         `json:"hasElectronicForm"`
	IsResult     Bool         `json:"isProcessingResult"`
	Attachments  []Attachment `json:"attachments"`
}

// Attachment is a form file attached to a paper. The records seen so far
// carry none; the portal serves such files at
// /api/v1/submitting/preview-attachment?fileId=ID.
type Attachment struct {
	FileName string `json:"fileName"`
	FileID   string `json:"fileId"`
	ID       string `json:"id"`
}

// Variant is one of the local variants of a procedure (code 2.000635.02),
// each with its own processing time.
type Variant struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Time struct {
		Qty  Number `json:"qty"`
		Unit string `json:"type"`
	} `json:"processingDay"`
}

// Proposal is the decision that published the procedure.
type Proposal struct {
	Number       string `json:"proposalNumber"` // "163/QĐ-BTP"
	DecisionDate Millis `json:"decisionDate"`
}

// ListItem is one row of the list endpoint: a search result.
type ListItem struct {
	ID           string     `json:"id"`
	Code         string     `json:"code"`
	CodeNotation string     `json:"codeNotation"`
	Name         string     `json:"name"`
	Categories   []string   `json:"categories"`
	Departments  []Flexible `json:"departments"`
	State        string     `json:"state"`
	Type         string     `json:"type"`
}

// Internal reports whether the procedure is one between state bodies
// (STANDARD_INTERNAL), not for citizens.
func (d *Detail) Internal() bool { return bool(d.IsInternal) || d.Type == "STANDARD_INTERNAL" }

// Updated returns the day the record was last updated, in Vietnam.
func (d *Detail) Updated() time.Time { return d.UpdatedAt.Time() }

// PortalURL is the public page of a procedure on the national portal.
const PortalURL = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/"

// AttachmentURL is the address of a form file on the national portal.
func AttachmentURL(fileID string) string {
	return DefaultBase + "/api/v1/submitting/preview-attachment?fileId=" + url.QueryEscape(fileID)
}

// Page returns the record's public page on the national portal.
func (d *Detail) Page() string { return PortalURL + url.PathEscape(d.ID) }

// Number is a number a record may write as a number, as text or as null.
type Number float64

// UnmarshalJSON reads a number, a numeric string or null (0).
func (n *Number) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(bytes.TrimSpace(b)), `"`)
	if s == "" || s == "null" {
		*n = 0
		return nil
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
	if err != nil {
		return &json.UnmarshalTypeError{Value: "number " + strconv.Quote(s), Type: reflect.TypeFor[float64]()}
	}
	*n = Number(f)
	return nil
}

// Int returns n as a whole number, and whether it is one.
func (n Number) Int() (int, bool) {
	i := int(n)
	return i, Number(i) == n
}

// Bool is a flag a record may write as true/false, as text or as null.
type Bool bool

// UnmarshalJSON reads true, false, "true", "false" or null (false).
func (v *Bool) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(bytes.TrimSpace(b)), `"`)
	*v = Bool(strings.EqualFold(s, "true") || s == "1")
	return nil
}

// Millis is a time in milliseconds since 1970, as records write dates.
type Millis int64

// UnmarshalJSON reads a number, a numeric string or null (zero).
func (m *Millis) UnmarshalJSON(b []byte) error {
	var n Number
	if err := n.UnmarshalJSON(b); err != nil {
		return err
	}
	*m = Millis(n)
	return nil
}

// Time returns m as a time, or the zero time for 0.
func (m Millis) Time() time.Time {
	if m == 0 {
		return time.Time{}
	}
	return time.UnixMilli(int64(m))
}

// Flexible is a list entry a record writes either as text or as an
// object with a name.
type Flexible string

// UnmarshalJSON reads "text" or {"name": "text", …}.
func (f *Flexible) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '{' {
		var n Named
		if err := json.Unmarshal(b, &n); err != nil {
			return err
		}
		*f = Flexible(n.Name)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil && string(b) != "null" {
		return err
	}
	*f = Flexible(s)
	return nil
}
