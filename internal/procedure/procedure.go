package procedure

import (
	"go.yaml.in/yaml/v3"

	"qrboard/internal/diag"
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

	// National code, "2.000884"
	Code string `yaml:"code" check:"required,max=40" doc:"Mã thủ tục trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, dạng N.NNNNNN, đặt trong dấu ngoặc kép" example:"\"2.000884\""`
	// Decision that published it, "1234/QĐ-BTP"
	Decision string `yaml:"decision" check:"max=100" doc:"Số quyết định công bố thủ tục" example:"936/QĐ-BTC"`
	// Full official name
	Name string `yaml:"name" check:"required,max=600" doc:"Tên đầy đủ của thủ tục, như trên Cổng Dịch vụ công" example:"Chứng thực chữ ký trong các giấy tờ, văn bản"`
	// Name for lists and posters
	ShortName string `yaml:"short_name" check:"required,max=80" doc:"Tên ngắn, dùng trong danh sách và trên áp phích" example:"Chứng thực chữ ký"`
	// Lĩnh vực: "Chứng thực", "Hộ tịch"
	Field string `yaml:"field" check:"required,max=100" doc:"Lĩnh vực; các trang nhóm thủ tục theo lĩnh vực" example:"Chứng thực"`
	// Commune, district or province
	Level Level `yaml:"level" check:"required" doc:"Cấp thực hiện: commune là cấp xã, district là cấp huyện, province là cấp tỉnh" example:"commune"`
	// Extra words search should match
	Keywords []string `yaml:"keywords" check:"max=30" doc:"Từ khóa để tìm kiếm: những cách người dân hay gọi thủ tục" example:"sao y"`
	// One or two sentences: what it is for
	Summary value.Markdown `yaml:"summary" doc:"Thủ tục dùng để làm gì, trong một hai câu" example:"Chứng thực chữ ký của người yêu cầu trên giấy tờ, văn bản."`

	// Who may file
	Applicants []string `yaml:"applicants" check:"required,max=20" doc:"Ai được nộp hồ sơ, mỗi đối tượng một mục" example:"Công dân Việt Nam"`
	// Papers every case needs
	Documents []Document `yaml:"documents" check:"max=50" new:"fill" doc:"Giấy tờ mọi hồ sơ đều cần, mỗi giấy tờ một mục; thủ tục cần documents, cases hoặc cả hai"`
	// Papers that depend on the case
	Cases []Case `yaml:"cases" check:"max=20" doc:"Giấy tờ chỉ cần trong từng trường hợp riêng, mỗi trường hợp một mục"`
	// "Lưu ý" about the papers: explanations, not papers to bring
	Notes []value.Markdown `yaml:"notes" check:"max=60" doc:"Lưu ý về hồ sơ, giấy tờ (không phải giấy tờ phải mang): mỗi điều một mục; hiện ngay dưới danh sách giấy tờ" example:"Giấy tờ do cơ quan nước ngoài cấp phải được hợp pháp hóa lãnh sự."`
	// In person, online, post
	Channels []Channel `yaml:"channels" check:"required,max=3" doc:"Cách thực hiện: mỗi cách nộp (trực tiếp, trực tuyến, bưu chính) một mục, với thời hạn và lệ phí riêng"`
	// "Bước 1 …", in order
	Steps []value.Markdown `yaml:"steps" check:"required,max=30" doc:"Trình tự thực hiện: mỗi bước một mục, theo thứ tự" example:"Nộp hồ sơ tại Bộ phận Một cửa UBND xã."`
	// Requirements and refusals
	Conditions []value.Markdown `yaml:"conditions" check:"max=30" doc:"Yêu cầu, điều kiện thực hiện và trường hợp bị từ chối, mỗi điều một mục" example:"Người yêu cầu phải có mặt khi chứng thực."`
	// What the citizen receives
	Result     value.Markdown `yaml:"result" check:"required" doc:"Kết quả người dân nhận được" example:"Giấy tờ, văn bản đã được chứng thực chữ ký."`
	LegalBasis []Law          `yaml:"legal_basis" check:"required,max=30" doc:"Căn cứ pháp lý: mỗi văn bản quy định thủ tục một mục"`

	// Where to file online
	OnlineURL value.URL `yaml:"online_url" doc:"Địa chỉ nộp hồ sơ trực tuyến: trang của thủ tục trên Cổng Dịch vụ công quốc gia; cần khi có cách nộp online" example:"https://dichvucong.gov.vn/thu-tuc-hanh-chinh/…"`
	// The national portal's page
	PortalURL value.URL `yaml:"portal_url" doc:"Địa chỉ trang của thủ tục trên Cổng Dịch vụ công quốc gia" example:"https://dichvucong.gov.vn/…"`
	Offices   Offices   `yaml:"offices" check:"required" doc:"Nơi thực hiện: communes (mọi xã, thị trấn), district (UBND huyện), all (tất cả) hoặc danh sách mã cơ quan trong qrboard.yaml" example:"communes"`

	// "không chờ, không giấy hẹn"
	NoWait bool `yaml:"no_wait" doc:"true nếu là thủ tục \"không chờ, không giấy hẹn\": trang và áp phích có nhãn riêng" example:"true"`
	// Its caveat; a standard one if empty
	NoWaitNote string `yaml:"no_wait_note" check:"max=300" doc:"Lưu ý đi kèm nhãn \"không chờ\"; để trống thì dùng lưu ý chuẩn (nộp sau 15 giờ thì nhận kết quả vào ngày làm việc tiếp theo)"`

	// Not published before this day
	EffectiveFrom value.Date `yaml:"effective_from" doc:"Ngày thủ tục bắt đầu có hiệu lực; trước ngày này chưa có trang" example:"2026-01-01"`
	// No longer in force from this day
	RepealedOn value.Date `yaml:"repealed_on" doc:"Ngày thủ tục hết hiệu lực; từ ngày này trang ghi thủ tục không còn áp dụng" example:"2027-01-01"`
	// What to do instead
	RepealNote value.Markdown `yaml:"repeal_note" doc:"Khi thủ tục bị bãi bỏ: người dân cần làm gì thay thế"`
	// Old ids that redirect here
	Aliases []value.Ref `yaml:"aliases" check:"max=20" doc:"Mã cũ của thủ tục (tên tệp cũ), mỗi mã một mục: địa chỉ cũ sẽ chuyển đến trang này" example:"ket-hon"`

	Updated value.Date `yaml:"updated" check:"required" doc:"Ngày kiểm tra thông tin lần cuối" example:"2026-11-27"`
	Sources []Source   `yaml:"sources" check:"required,max=20" doc:"Nguồn của thông tin (văn bản, trang web đã đối chiếu), mỗi nguồn một mục"`
	// Facts not yet confirmed; `check` lists them
	Unverified []string `yaml:"unverified" check:"max=20" doc:"Thông tin chưa được xác nhận, mỗi điều một mục; lệnh check liệt kê từng mục" example:"Số hiệu mẫu tờ khai chưa rõ."`
	// The national record the file was imported from
	Imported *Import `yaml:"imported" doc:"Bản ghi của Cơ sở dữ liệu quốc gia mà lệnh qrboard import đã nhập vào tệp này; do lệnh import ghi, không cần sửa"`
}

// Import says which national record a file written by `qrboard import`
// comes from, and when it was imported (see "Importing" in the package
// documentation).
type Import struct {
	// The record's UUID on the national portal
	Record string `yaml:"record" check:"required,max=100" doc:"Mã định danh (UUID) của bản ghi trên Cổng Dịch vụ công quốc gia" example:"019d2bfd-867c-72db-b6a7-dcbd8c763807"`
	// updatedAt of the record
	RecordUpdated value.Date `yaml:"record_updated" doc:"Ngày bản ghi được cập nhật lần cuối trên Cơ sở dữ liệu quốc gia" example:"2026-06-06"`
	// The day of the import that last changed the file
	Date value.Date `yaml:"date" check:"required" doc:"Ngày lệnh qrboard import nhập thông tin mới của bản ghi vào tệp" example:"2026-07-20"`
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
	Name string `yaml:"name" check:"required,max=500" doc:"Tên giấy tờ" example:"Tờ khai đăng ký khai tử"`
	// Bản chính
	Originals int `yaml:"originals" check:"max=20" doc:"Số bản chính phải nộp" example:"1"`
	// Bản sao
	Copies int `yaml:"copies" check:"max=20" doc:"Số bản sao phải nộp" example:"0"`
	// Shown to the official, not handed in
	Present bool `yaml:"present" doc:"true nếu chỉ xuất trình (đưa cán bộ xem), không nộp lại" example:"true"`
	// Only when it applies
	Optional bool `yaml:"optional" doc:"true nếu chỉ cần khi thuộc trường hợp đó (\"nếu có\")" example:"true"`
	// The form to fill in, if any
	Form *Form          `yaml:"form" doc:"Mẫu đơn, tờ khai phải điền, nếu có"`
	Note value.Markdown `yaml:"note" doc:"Ghi chú thêm về giấy tờ này"`
}

// Form is a form (mẫu đơn, tờ khai) and where to get it.
type Form struct {
	Name string    `yaml:"name" check:"required,max=300" doc:"Tên mẫu đơn, tờ khai" example:"Tờ khai đăng ký khai tử"`
	URL  value.URL `yaml:"url" doc:"Địa chỉ tải mẫu" example:"https://…"`
	// A copy kept in the project's forms/ folder, published with the site
	File FormFile `yaml:"file" doc:"Tệp mẫu đặt trong thư mục forms/ của dự án (PDF, DOC, DOCX, ODT, XLS hoặc XLSX, tên chữ thường không dấu); trang có nút tải về kèm loại và dung lượng tệp" example:"forms/to-khai-dang-ky-khai-tu.pdf"`
}

// Case is a group of papers needed only in one situation ("Trường hợp …").
type Case struct {
	Name      string     `yaml:"name" check:"required,max=300" doc:"Trường hợp cần các giấy tờ này" example:"Trường hợp một bên không cư trú tại xã nơi đăng ký"`
	Documents []Document `yaml:"documents" check:"required,max=50" doc:"Giấy tờ cần thêm trong trường hợp này, mỗi giấy tờ một mục"`
}

// Channel is one way to file, with its own time limit and fee.
type Channel struct {
	Method Method `yaml:"method" check:"required" doc:"Cách nộp: in_person là trực tiếp, online là trực tuyến, post là qua bưu chính" example:"in_person"`
	// "Trong ngày", "05 ngày làm việc"
	Time string `yaml:"time" check:"required,max=300" doc:"Thời hạn giải quyết, viết như người dân đọc" example:"Trong ngày"`
	// "10.000 đồng/trường hợp", "Miễn lệ phí"; may wait for the local
	// amount when FeeSetBy says who sets it
	Fee string `yaml:"fee" check:"required,unless=fee_set_by,max=300" doc:"Phí, lệ phí; ghi \"Miễn lệ phí\" nếu không thu" example:"10.000 đồng/trường hợp"`
	// Who sets the amount locally: "HĐND cấp tỉnh"
	FeeSetBy string `yaml:"fee_set_by" check:"max=150" doc:"Cơ quan quy định mức thu khi Cơ sở dữ liệu quốc gia để địa phương quyết định; khi fee còn trống, trang và áp phích ghi \"Theo mức do … quy định — hỏi cán bộ\" và lệnh check nhắc ghi mức thu vào fee" example:"HĐND cấp tỉnh"`
	// The national database's words on the fee, for staff; never shown
	FeeNational string         `yaml:"fee_national" check:"max=2000" doc:"Lời về phí, lệ phí trong Cơ sở dữ liệu quốc gia, để cán bộ đối chiếu khi ghi mức thu của địa phương; không hiện trên trang"`
	Note        value.Markdown `yaml:"note" doc:"Ghi chú về cách nộp này"`

	Pos diag.Pos `yaml:"-"` // where the channel is written
}

// UnmarshalStrict implements strictyaml.Unmarshaler: a channel decodes as
// its fields and remembers where it is, for `check`.
func (c *Channel) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node) {
	type fields Channel // the same fields, without this method
	d.Decode(n, (*fields)(c))
	c.Pos = d.Pos(n)
}

// FeeAwaited reports whether the channel's fee is an amount a local
// council sets and staff have not entered yet: pages then say who sets
// it and to ask the staff, never a number or "free".
func (c *Channel) FeeAwaited() bool { return c.Fee == "" && c.FeeSetBy != "" }

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
	// Số ký hiệu, "23/2015/NĐ-CP"
	Number string `yaml:"number" check:"required,max=100" doc:"Số ký hiệu văn bản" example:"23/2015/NĐ-CP"`
	// Trích yếu
	Title string `yaml:"title" check:"max=500" doc:"Trích yếu (tên) văn bản" example:"Luật Hộ tịch"`
	// Ngày ban hành
	Date value.Date `yaml:"date" doc:"Ngày ban hành" example:"2015-02-16"`
	// Cơ quan ban hành
	Issuer string `yaml:"issuer" check:"max=200" doc:"Cơ quan ban hành" example:"Chính phủ"`
	// "Điều 24–26"
	Articles string    `yaml:"articles" check:"max=200" doc:"Điều, khoản áp dụng" example:"Điều 24–26"`
	URL      value.URL `yaml:"url" doc:"Địa chỉ đọc văn bản" example:"https://…"`
}

// Source says where the facts of the file come from.
type Source struct {
	Title string    `yaml:"title" check:"required,max=300" doc:"Tên nguồn" example:"Luật Hộ tịch 2014, Điều 17–18"`
	URL   value.URL `yaml:"url" doc:"Địa chỉ của nguồn, nếu có" example:"https://…"`
}

// MainChannel returns the channel pages and posters describe first:
// filing in person if the procedure has it, else its first channel.
func (p *Procedure) MainChannel() *Channel {
	if c := p.Channel(InPerson); c != nil {
		return c
	}
	return &p.Channels[0]
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
