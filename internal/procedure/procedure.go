package procedure

import (
	"go.yaml.in/yaml/v3"

	"qrboard/internal/strictyaml"
	"qrboard/internal/value"
)

// Procedure is one administrative procedure, read from procedures/<id>.yaml.
// The field comments are the specification of the file format; the package
// documentation shows a whole file.
type Procedure struct {
	ID   string `yaml:"-"` // the file name without .yaml
	File string `yaml:"-"` // the file, relative to the project root
	// Sum is the SHA-256 of the file: a rebuild re-renders the pages of
	// a procedure whose file changed (see package build).
	Sum [32]byte `yaml:"-"`

	Code      string         `yaml:"code" check:"required,max=40"`       // national code, "2.000884"
	Decision  string         `yaml:"decision" check:"max=100"`           // decision that published it, "1234/QĐ-BTP"
	Name      string         `yaml:"name" check:"required,max=600"`      // full official name
	ShortName string         `yaml:"short_name" check:"required,max=80"` // name for lists and posters
	Field     string         `yaml:"field" check:"required,max=100"`     // lĩnh vực: "Chứng thực", "Hộ tịch"
	Level     Level          `yaml:"level" check:"required"`             // commune, district or province
	Keywords  []string       `yaml:"keywords" check:"max=30"`            // extra words search should match
	Summary   value.Markdown `yaml:"summary"`                            // one or two sentences: what it is for

	Applicants []string         `yaml:"applicants" check:"required,max=20"` // who may file
	Documents  []Document       `yaml:"documents" check:"max=50"`           // papers every case needs
	Cases      []Case           `yaml:"cases" check:"max=20"`               // papers that depend on the case
	Channels   []Channel        `yaml:"channels" check:"required,max=3"`    // in person, online, post
	Steps      []value.Markdown `yaml:"steps" check:"required,max=30"`      // "Bước 1 …", in order
	Conditions []value.Markdown `yaml:"conditions" check:"max=30"`          // requirements and refusals
	Result     value.Markdown   `yaml:"result" check:"required"`            // what the citizen receives
	LegalBasis []Law            `yaml:"legal_basis" check:"required,max=30"`

	OnlineURL value.URL `yaml:"online_url"` // where to file online
	PortalURL value.URL `yaml:"portal_url"` // the national portal's page
	Offices   Offices   `yaml:"offices" check:"required"`

	NoWait     bool   `yaml:"no_wait"`                      // "không chờ, không giấy hẹn"
	NoWaitNote string `yaml:"no_wait_note" check:"max=300"` // its caveat; a standard one if empty

	EffectiveFrom value.Date     `yaml:"effective_from"`         // not published before this day
	RepealedOn    value.Date     `yaml:"repealed_on"`            // no longer in force from this day
	RepealNote    value.Markdown `yaml:"repeal_note"`            // what to do instead
	Aliases       []value.Ref    `yaml:"aliases" check:"max=20"` // old ids that redirect here

	Updated    value.Date `yaml:"updated" check:"required"`
	Sources    []Source   `yaml:"sources" check:"required,max=20"`
	Unverified []string   `yaml:"unverified" check:"max=20"` // facts not yet confirmed; `check` lists them
}

// Level is the administrative level that handles a procedure.
type Level string

// Levels.
const (
	Commune  Level = "commune"
	District Level = "district"
	Province Level = "province"
)

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (l *Level) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node) {
	value.Choose(d, n, (*string)(l), string(Commune), string(District), string(Province))
}

// Document is one paper to bring.
type Document struct {
	Name      string         `yaml:"name" check:"required,max=500"`
	Originals int            `yaml:"originals" check:"max=20"` // bản chính
	Copies    int            `yaml:"copies" check:"max=20"`    // bản sao
	Present   bool           `yaml:"present"`                  // shown to the official, not handed in
	Optional  bool           `yaml:"optional"`                 // only when it applies
	Form      *Form          `yaml:"form"`                     // the form to fill in, if any
	Note      value.Markdown `yaml:"note"`
}

// Form is a form (mẫu đơn, tờ khai) and where to get it.
type Form struct {
	Name string    `yaml:"name" check:"required,max=300"`
	URL  value.URL `yaml:"url"`
}

// Case is a group of papers needed only in one situation ("Trường hợp …").
type Case struct {
	Name      string     `yaml:"name" check:"required,max=300"`
	Documents []Document `yaml:"documents" check:"required,max=50"`
}

// Channel is one way to file, with its own time limit and fee.
type Channel struct {
	Method Method         `yaml:"method" check:"required"`
	Time   string         `yaml:"time" check:"required,max=300"` // "Trong ngày", "05 ngày làm việc"
	Fee    string         `yaml:"fee" check:"required,max=300"`  // "10.000 đồng/trường hợp", "Miễn lệ phí"
	Note   value.Markdown `yaml:"note"`
}

// Method is a way to file.
type Method string

// Methods, in the order pages show them.
const (
	InPerson Method = "in_person"
	Online   Method = "online"
	Post     Method = "post"
)

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (m *Method) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node) {
	value.Choose(d, n, (*string)(m), string(InPerson), string(Online), string(Post))
}

// Law is one legal document the procedure rests on.
type Law struct {
	Number   string     `yaml:"number" check:"required,max=100"` // số ký hiệu, "23/2015/NĐ-CP"
	Title    string     `yaml:"title" check:"max=500"`           // trích yếu
	Date     value.Date `yaml:"date"`                            // ngày ban hành
	Issuer   string     `yaml:"issuer" check:"max=200"`          // cơ quan ban hành
	Articles string     `yaml:"articles" check:"max=200"`        // "Điều 24–26"
	URL      value.URL  `yaml:"url"`
}

// Source says where the facts of the file come from.
type Source struct {
	Title string    `yaml:"title" check:"required,max=300"`
	URL   value.URL `yaml:"url"`
}

// Channel returns the channel with method m, or nil.
func (p *Procedure) Channel(m Method) *Channel {
	for i := range p.Channels {
		if p.Channels[i].Method == m {
			return &p.Channels[i]
		}
	}
	return nil
}

// InForce reports whether p applies on day now: it has taken effect and
// has not been repealed.
func (p *Procedure) InForce(now value.Date) bool {
	return !p.Future(now) && !p.Repealed(now)
}

// Future reports whether p takes effect after now and so is not published yet.
func (p *Procedure) Future(now value.Date) bool {
	return !p.EffectiveFrom.IsZero() && p.EffectiveFrom.After(now)
}

// Repealed reports whether p is no longer in force on day now.
func (p *Procedure) Repealed(now value.Date) bool {
	return !p.RepealedOn.IsZero() && !p.RepealedOn.After(now)
}
