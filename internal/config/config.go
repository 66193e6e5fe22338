// Package config reads qrboard.yaml, the site configuration: the site's
// title and issuing authority, its public address, its language, how QR
// codes are made, and the offices whose boards it replaces — those of
// today and those that closed, with the dates and successors that keep
// their printed addresses working.
//
//	title: Thủ tục hành chính xã Phúc Thọ, Phúc Lộc, Hát Môn
//	authority: UBND các xã Phúc Thọ, Phúc Lộc và Hát Môn (Hà Nội)
//	base_url: https://thutuc.phuctho.example/   # absolute; may end in a sub-path
//	language: vi                                # vi or en
//	qr:
//	  level: M                                  # L, M, Q or H
//	print:
//	  paper: A4                                 # posters: A4 (default), A3 or A5
//	offices:
//	  - id: phuc-loc                            # short ASCII id, used in every URL
//	    name: Xã Phúc Lộc
//	    kind: commune                           # commune, town or district
//	    code: "09739"                           # GSO code
//	    from: 2025-07-01                        # the day it began to serve (leave out if long ago)
//	    desk: Điểm Phục vụ hành chính công      # what its desk is called (default: Bộ phận Một cửa)
//	    address: "TODO: địa chỉ trụ sở"         # TODO marks a value still to fill in
//	    phone: "TODO"
//	    hours: "TODO"
//	    map_url: https://…
//	    survey_url: https://…                   # its rating form; print makes a poster for it
//	    report_to: motcua@…gov.vn               # or a form's https:// address: "report wrong information"
//	    aliases: [old-id]                       # former ids of the same office; their pages redirect here
//	  - id: vong-xuyen                          # an office that closed
//	    name: Xã Võng Xuyên
//	    kind: commune
//	    code: "09739"
//	    until: 2025-07-01                       # the day the change took effect: from then on it is gone
//	    successor: phuc-loc                     # who took over its land and procedures (one id or a list)
//	redirects:                                  # other addresses to keep working
//	  - from: /cu/dang-ky-ket-hon/
//	    to: /phuc-loc/dang-ky-ket-hon/
//
// Contact details that are not known must not be invented: leave them out
// or write a value starting with TODO, which pages and posters never show
// and `qrboard check` lists (for offices still open).
//
// # Offices through time
//
// Communes merge, split and are renamed; in 2025 Phúc Thọ district's 21
// communes became 18 on 1 January and three on 1 July, when districts were
// abolished. Posters printed for the old offices still hang on walls, so
// an office that closes is not deleted: its entry stays, with the day it
// closed (until) and the office or offices that took over its land and
// procedures (successor). An office serves from its from day (or since
// ever) up to the day before its until day. On the day a site is built
// (-now), the offices serving are current: they have pages and posters.
// The offices closed by then are past: each address they ever published
// (recorded in qrboard.lock) shows a short notice naming the old office,
// the current one and the date, with a link to the current office's page
// for the same procedure (package site). A chain of several steps is
// followed to its end:
//
//   - id: van-ha                 # 2023
//     until: 2025-01-01
//     successor: nam-ha
//   - id: nam-ha                 # formed from Vân Hà and Vân Nam
//     from: 2025-01-01
//     until: 2025-07-01
//     successor: phuc-loc
//   - id: phuc-loc               # today
//     from: 2025-07-01
//
// A district, or a commune split between several, names every successor:
// successor: [phuc-tho, phuc-loc, hat-mon].
//
// Ids, GSO codes and names are not identities. An entry is one office in
// one period, and the same id may be written on several entries whose
// periods do not overlap: the new, larger Xã Hát Môn of 2025 keeps the id
// hat-mon of the old Xã Hát Môn (and takes old Tam Thuấn's code), and the
// new Xã Phúc Thọ keeps phuc-tho, the old town's id. The addresses under
// a reused id belong to whichever office has the id on the build date:
// /hat-mon/dang-ky-ket-hon/ is the new Xã Hát Môn's page, which is where
// the old one's citizens now go. A successor is written as an id and
// means the office that had that id on the day the predecessor closed, so
// the old Hát Môn writes successor: hat-mon. Codes and names may repeat
// freely.
//
// A rename without a merger is the same: close the old entry and start a
// new one with the new name (and, if wished, the same id); only a changed
// id of the very same office is better written as an alias.
//
// Load checks the history: until after from; a successor only with until,
// and until only with a successor (an office that closed without one would
// leave its addresses leading nowhere); every successor an office that
// existed on the day the predecessor closed — not unknown, not closed
// already, not opened only later (a gap); no chain that comes back to
// where it started; and no two entries with the same id at the same time.
package config

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"net"
	"net/url"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/idna"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/slug"
	"qrboard/internal/strictyaml"
	"qrboard/internal/value"
)

// File is the name of the configuration file at the project root.
const File = "qrboard.yaml"

// MaxOffices bounds the offices of one site; a province has a few hundred.
const MaxOffices = 2000

// Config is the content of qrboard.yaml.
type Config struct {
	Title     string     `yaml:"title" check:"required,max=200" doc:"Tên trang web, hiện trên trang chủ và áp phích" example:"Thủ tục hành chính xã Phúc Lộc"`
	Authority string     `yaml:"authority" check:"required,max=200" doc:"Cơ quan chủ quản, hiện ở đầu mỗi trang" example:"UBND xã Phúc Lộc"`
	BaseURL   string     `yaml:"base_url" check:"required,max=200" doc:"Địa chỉ công khai của trang, bắt đầu bằng https:// (có thể có thư mục con); mã QR dẫn về địa chỉ này" example:"https://thutuc.example.gov.vn/"`
	Language  Language   `yaml:"language" doc:"Ngôn ngữ của trang và của thông báo: vi (tiếng Việt) hoặc en (tiếng Anh)" example:"vi"`
	QR        QR         `yaml:"qr" doc:"Cách tạo mã QR"`
	Print     Print      `yaml:"print" doc:"Cách in áp phích và bảng mã"`
	Offices   []Office   `yaml:"offices" check:"required" doc:"Các cơ quan tiếp nhận hồ sơ (Bộ phận Một cửa, Điểm Phục vụ hành chính công), mỗi cơ quan một mục; cơ quan đã sáp nhập vẫn giữ mục của mình, có until và successor"`
	Redirects []Redirect `yaml:"redirects" check:"max=10000" doc:"Địa chỉ cũ cần tiếp tục hoạt động: mỗi mục chuyển một đường dẫn cũ đến đường dẫn mới"`

	// Sum is the SHA-256 of the file, for incremental builds.
	Sum [32]byte `yaml:"-"`
	// Base is BaseURL parsed, always ending in "/".
	Base *url.URL `yaml:"-"`
	// basePos is where base_url was written.
	basePos diag.Pos
}

// Language is the language of the site's pages and of messages to staff.
type Language string

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (l *Language) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node) {
	value.Choose(d, n, (*string)(l), "vi", "en")
}

// Lang returns the language for messages.
func (l Language) Lang() msg.Lang {
	if l == "en" {
		return msg.En
	}
	return msg.Vi
}

// QR says how QR codes are made.
type QR struct {
	// Level is the error-correction level: L, M (the default), Q or H.
	// Higher levels survive more damage but make denser codes.
	Level string `yaml:"level" doc:"Mức sửa lỗi của mã QR: L, M (mặc định), Q hoặc H; mức cao đọc được cả khi mã bị bẩn, rách nhưng mã dày hơn" example:"M"`
}

// Print says how posters are printed.
type Print struct {
	// Paper is the sheet size of posters and board sheets: A4 (the
	// default), A3 or A5. `qrboard print -paper` overrides it.
	Paper Paper `yaml:"paper" doc:"Khổ giấy của áp phích và bảng mã: A4 (mặc định), A3 hoặc A5" example:"A4"`
}

// Paper is a paper size name.
type Paper string

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (p *Paper) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node) {
	upper := *n // "a4" is as clear as "A4"
	upper.Value = strings.ToUpper(n.Value)
	value.Choose(d, &upper, (*string)(p), "A4", "A3", "A5")
}

// Office is one one-stop office (Bộ phận Một cửa) in one period of time
// (see "Offices through time" above).
type Office struct {
	ID   string `yaml:"id" check:"required" doc:"Mã cơ quan: chữ thường không dấu, số và dấu gạch ngang; dùng trong địa chỉ trang. Đơn vị mới có thể dùng lại mã của đơn vị cũ nếu thời gian không trùng nhau" example:"phuc-loc"`
	Name string `yaml:"name" check:"required,max=150" doc:"Tên cơ quan" example:"Xã Phúc Lộc"`
	Kind Kind   `yaml:"kind" check:"required" doc:"Loại đơn vị: commune là xã, town là thị trấn, district là huyện" example:"commune"`
	// GSO administrative code
	Code string `yaml:"code" check:"max=20" doc:"Mã đơn vị hành chính của Tổng cục Thống kê, đặt trong dấu ngoặc kép" example:"\"09739\""`
	// The period it serves, and who took over when it closed.
	From      value.Date `yaml:"from" doc:"Ngày đơn vị bắt đầu hoạt động (khi được thành lập, sáp nhập); bỏ trống nếu đã có từ trước" example:"2025-07-01"`
	Until     value.Date `yaml:"until" doc:"Ngày sáp nhập, giải thể có hiệu lực: từ ngày này đơn vị không còn; cần ghi cùng successor" example:"2025-07-01"`
	Successor Successors `yaml:"successor" doc:"Mã đơn vị nhận lại địa bàn và thủ tục khi đơn vị này không còn (từ ngày until); một mã, hoặc danh sách mã khi chia cho nhiều đơn vị" example:"phuc-loc"`
	Desk      string     `yaml:"desk" check:"max=100" doc:"Tên gọi nơi tiếp nhận hồ sơ, hiện sau tên cơ quan; bỏ trống là Bộ phận Một cửa" example:"Điểm Phục vụ hành chính công"`
	Address   string     `yaml:"address" check:"max=300" doc:"Địa chỉ trụ sở; ghi TODO nếu chưa có nguồn chính thức" example:"TODO: địa chỉ trụ sở UBND"`
	Phone     string     `yaml:"phone" check:"max=50" doc:"Số điện thoại Bộ phận Một cửa; ghi TODO nếu chưa có nguồn chính thức" example:"TODO: số điện thoại"`
	Hours     string     `yaml:"hours" check:"max=300" doc:"Giờ tiếp nhận hồ sơ; ghi TODO nếu chưa có nguồn chính thức" example:"TODO: giờ tiếp nhận hồ sơ"`
	MapURL    value.URL  `yaml:"map_url" doc:"Địa chỉ bản đồ chỉ đường đến trụ sở" example:"https://…"`
	// The office's rating form and where to report wrong information (feedback.go)
	SurveyURL SurveyURL   `yaml:"survey_url" doc:"Địa chỉ phiếu đánh giá sự phục vụ chính thức của cơ quan; lệnh print in áp phích có mã QR dẫn đến đây" example:"https://…"`
	ReportTo  ReportTo    `yaml:"report_to" doc:"Email (hoặc địa chỉ biểu mẫu trên web) để người dân báo thông tin sai trên trang" example:"motcua@…gov.vn"`
	Aliases   []value.Ref `yaml:"aliases" check:"max=20" doc:"Mã cũ của chính cơ quan này (khi chỉ đổi mã), mỗi mã một mục: địa chỉ cũ chuyển đến đây. Khi sáp nhập, giữ mục của đơn vị cũ với until và successor" example:"xa-cu"`

	// Pos is where the office is written, for messages.
	Pos diag.Pos `yaml:"-"`
	// Placeholders lists the fields still marked TODO; they were cleared.
	Placeholders []string `yaml:"-"`
	// Next are the offices written in successor, each the entry that had
	// the id on the day this one closed. Load sets them.
	Next []*Office `yaml:"-"`
}

// Kind is the kind of administrative unit an office serves.
type Kind string

// Kinds of office.
const (
	Commune  Kind = "commune"
	Town     Kind = "town"
	District Kind = "district"
)

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (k *Kind) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node) {
	value.Choose(d, n, (*string)(k), string(Commune), string(Town), string(District))
}

// CommuneLevel reports whether the office serves a commune or a town,
// the level that "communes" in a procedure file means.
func (k Kind) CommuneLevel() bool { return k == Commune || k == Town }

// Redirect keeps an old address working by sending it to a new one.
// Both are paths from the site root, such as "/van-ha/".
type Redirect struct {
	From string   `yaml:"from" check:"required,max=300" doc:"Đường dẫn cũ, bắt đầu và kết thúc bằng /" example:"/cu/dang-ky-ket-hon/"`
	To   string   `yaml:"to" check:"required,max=300" doc:"Đường dẫn mới, bắt đầu và kết thúc bằng /" example:"/van-ha/dang-ky-ket-hon/"`
	Pos  diag.Pos `yaml:"-"`
}

// UnmarshalStrict implements strictyaml.Unmarshaler, to keep the position.
func (r *Redirect) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node) {
	type plain Redirect
	var p plain
	d.Decode(n, &p)
	*r = Redirect(p)
	r.Pos = d.Pos(n)
}

// UnmarshalStrict implements strictyaml.Unmarshaler, to keep the position.
func (o *Office) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node) {
	type plain Office
	var p plain
	d.Decode(n, &p)
	*o = Office(p)
	o.Pos = d.Pos(n)
}

// UnmarshalStrict implements strictyaml.Unmarshaler, to keep the position
// of base_url.
func (c *Config) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node) {
	type plain Config
	var p plain
	d.Decode(n, &p)
	*c = Config(p)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "base_url" {
			c.basePos = d.Pos(n.Content[i+1])
		}
	}
}

// Load reads and checks qrboard.yaml from the root of fsys.
func Load(fsys fs.FS) (*Config, diag.List) {
	var diags diag.List
	data, err := fs.ReadFile(fsys, File)
	if errors.Is(err, fs.ErrNotExist) {
		diags.Add(diag.Pos{File: File}, msg.NoConfig).WithHint(msg.HintInit)
		return nil, diags
	} else if err != nil {
		diags.Add(diag.Pos{File: File}, msg.ReadFailed, msg.Explain(err))
		return nil, diags
	}
	var c Config
	if !strictyaml.Decode(File, data, &c, &diags) {
		return nil, diags
	}
	c.validate(&diags)
	if diags.HasErrors() {
		return nil, diags
	}
	c.Sum = sha256.Sum256(data)
	return &c, diags
}

// BasePos returns where base_url is written, for messages about the
// addresses it makes.
func (c *Config) BasePos() diag.Pos {
	if c.basePos.File == "" {
		return diag.Pos{File: File}
	}
	return c.basePos
}

// SetBaseURL replaces the base URL (the -base-url flag) and checks it.
func (c *Config) SetBaseURL(s string) diag.List {
	var diags diag.List
	c.BaseURL = s
	c.basePos = diag.Pos{}
	c.checkBase(&diags)
	return diags
}

// ShownHost returns the site's domain as people read it: an
// internationalised domain in its own letters (phúcthọ.vn), not its
// xn-- form.
func (c *Config) ShownHost() string { return ShowHost(c.Base.Host) }

// ShowURL returns the absolute address url with its domain as people
// read it (ShowHost); the path is left as it is.
func ShowURL(url string) string {
	scheme, rest, ok := strings.Cut(url, "://")
	if !ok {
		return url
	}
	host, _, _ := strings.Cut(rest, "/")
	if shown := ShowHost(host); shown != host {
		return scheme + "://" + shown + rest[len(host):]
	}
	return url
}

// ShowHost returns host, in ASCII, as people read it.
func ShowHost(host string) string {
	if !strings.Contains(host, "xn--") {
		return host
	}
	if u, err := idna.Display.ToUnicode(host); err == nil {
		return u
	}
	return host
}

// Placeholder reports whether the site's address is one that cannot be
// published (see reserved), as in the sample that qrboard init writes.
// No poster printed with it can lead anywhere, so qrboard.lock has
// nothing to protect yet.
func (c *Config) Placeholder() bool {
	return reserved(c.Base.Hostname()) != ""
}

// reserved returns the domain reserved for examples and tests (RFC 2606,
// RFC 6761: .example, .test, .invalid, .localhost, example.com and its
// kin; and .local, the local network's) that host is under, with its
// leading dot, or "" when it is under none: no citizen can reach a site
// under one.
func reserved(host string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, d := range []string{"example", "test", "invalid", "localhost", "local", "example.com", "example.net", "example.org"} {
		if host == d || strings.HasSuffix(host, "."+d) {
			return "." + d
		}
	}
	return ""
}

// GovDomain is the domain under which the sites of Vietnam's state
// bodies live.
const GovDomain = "gov.vn"

// CheckOfficial warns when the site's address is not under .gov.vn:
// citizens are told to trust a page only under its official domain, and
// one that is not a government domain is hard to tell from a fake. It is
// called once the base URL is final (after -base-url).
func (c *Config) CheckOfficial() diag.List {
	var diags diag.List
	host := strings.ToLower(c.Base.Hostname())
	if host != GovDomain && !strings.HasSuffix(host, "."+GovDomain) {
		diags.Warn(c.BasePos(), msg.BaseNotGov, c.BaseURL).WithHint(msg.HintBaseGov)
	}
	return diags
}

// CheckPrintable refuses a base URL that must not be printed on a
// poster: a placeholder (.example, .test, .invalid, localhost), an IP
// address, or http://. A build may use one to try the site out; a poster
// carries its address on a wall for years. It is called once the base
// URL is final (after -base-url).
func (c *Config) CheckPrintable() diag.List {
	var diags diag.List
	host := c.Base.Hostname()
	switch {
	case reserved(host) != "":
		diags.Add(c.BasePos(), msg.PrintPlaceholderBase, c.BaseURL, reserved(host)).WithHint(msg.HintPrintBase)
	case net.ParseIP(host) != nil:
		diags.Add(c.BasePos(), msg.PrintPlaceholderBase, c.BaseURL, host).WithHint(msg.HintPrintBase)
	case c.Base.Scheme != "https":
		diags.Add(c.BasePos(), msg.PrintInsecureBase, c.BaseURL).WithHint(msg.HintPrintBase)
	}
	return diags
}

func (c *Config) validate(diags *diag.List) {
	if c.Language == "" {
		c.Language = "vi"
	}
	c.checkBase(diags)
	c.checkQR(diags)
	if c.Print.Paper == "" {
		c.Print.Paper = "A4"
	}
	if len(c.Offices) > MaxOffices {
		diags.Add(diag.Pos{File: File}, msg.TooManyOffices, len(c.Offices), MaxOffices)
		return
	}
	for i := range c.Offices {
		o := &c.Offices[i]
		if p := slug.Check(o.ID); p != slug.OK {
			d := diags.Add(o.Pos, msg.BadOfficeID, o.ID, p.Message())
			if s := slug.Make(o.ID); s != "" && slug.Check(s) == slug.OK {
				d.WithHint(msg.HintUseID, s)
			}
		}
		for _, a := range o.Aliases {
			if p := slug.Check(a.ID); p != slug.OK {
				diags.Add(a.Pos, msg.BadAlias, a.ID, p.Message())
			}
		}
		o.clearPlaceholders(diags)
	}
	c.checkIDs(diags)
	c.checkHistory(diags)
	for i := range c.Redirects {
		c.Redirects[i].check(diags)
	}
}

// clearPlaceholders empties fields marked TODO and warns about them and
// about contact details left out, so none reaches a page or poster.
func (o *Office) clearPlaceholders(diags *diag.List) {
	for _, f := range []struct {
		name string
		v    *string
	}{{"address", &o.Address}, {"phone", &o.Phone}, {"hours", &o.Hours}} {
		if *f.v == "" || value.IsPlaceholder(*f.v) {
			o.Placeholders = append(o.Placeholders, f.name)
			*f.v = ""
		}
	}
	if len(o.Placeholders) > 0 && o.Until.IsZero() { // a closed office needs none
		diags.Warn(o.Pos, msg.OfficePlaceholders, o.ID, strings.Join(o.Placeholders, ", "))
	}
}

// checkBase parses base_url: absolute http(s), no query or fragment; a
// missing final slash is added so that sub-paths join correctly.
func (c *Config) checkBase(diags *diag.List) {
	pos := c.basePos
	if pos.File == "" {
		pos = diag.Pos{File: File}
	}
	u, err := url.Parse(c.BaseURL)
	switch {
	case err != nil, u.Scheme != "http" && u.Scheme != "https", u.Host == "":
		diags.Add(pos, msg.BaseNotAbsolute, c.BaseURL).WithHint(msg.HintBaseURL)
		return
	case u.RawQuery != "" || u.Fragment != "" || u.User != nil:
		diags.Add(pos, msg.BaseExtra, c.BaseURL)
		return
	case slices.ContainsFunc(strings.Split(u.Path, "/"), func(s string) bool { return s == ".." || s == "." }):
		diags.Add(pos, msg.BaseDotDot, c.BaseURL)
		return
	}
	// An internationalised domain goes into QR codes and links in its
	// ASCII form (xn--…), which every phone and browser reads; people are
	// shown its own letters (ShownHost). An IP address stays as it is
	// (print refuses it; a preview may use one).
	if net.ParseIP(u.Hostname()) == nil {
		host, err := idna.Lookup.ToASCII(u.Hostname())
		if err != nil {
			diags.Add(pos, msg.BaseBadHost, c.BaseURL, err.Error())
			return
		}
		if port := u.Port(); port != "" {
			host += ":" + port
		}
		u.Host = host
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawPath = ""
	c.Base = u
}

func (c *Config) checkQR(diags *diag.List) {
	switch strings.ToUpper(c.QR.Level) {
	case "":
		c.QR.Level = "M"
	case "L", "M", "Q", "H":
		c.QR.Level = strings.ToUpper(c.QR.Level)
	default:
		diags.Add(diag.Pos{File: File}, msg.BadQRLevel, c.QR.Level)
	}
}

// check accepts redirects between two paths of the site.
func (r *Redirect) check(diags *diag.List) {
	for _, p := range []*string{&r.From, &r.To} {
		if !strings.HasPrefix(*p, "/") || strings.Contains(*p, "..") || strings.ContainsAny(*p, " \\?#") {
			diags.Add(r.Pos, msg.BadRedirect, *p)
			continue
		}
		if !strings.HasSuffix(*p, "/") {
			*p += "/"
		}
	}
}

// Office returns the office with id, or nil. Where several entries share
// the id (see "Offices through time"), it returns the one that started
// last: the one that has the id today or will have it.
func (c *Config) Office(id string) *Office {
	var found *Office
	for i := range c.Offices {
		if o := &c.Offices[i]; o.ID == id && (found == nil || !o.From.Before(found.From)) {
			found = o
		}
	}
	return found
}

// PeekLanguage returns the language set in qrboard.yaml, reading only that
// field and ignoring every problem, so that messages about a broken file
// can already be in the site's language.
func PeekLanguage(fsys fs.FS) (msg.Lang, bool) {
	data, err := fs.ReadFile(fsys, File)
	if err != nil || len(data) > strictyaml.MaxFileSize {
		return "", false
	}
	var c struct {
		Language string `yaml:"language"`
	}
	if yaml.Unmarshal(data, &c) != nil {
		return "", false
	}
	return msg.ParseLang(c.Language)
}
