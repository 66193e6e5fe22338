package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"time"

	"qrboard/internal/config"
	"qrboard/internal/diag"
	"qrboard/internal/dvcqg"
	"qrboard/internal/importer"
	"qrboard/internal/msg"
	"qrboard/internal/procedure"
	"qrboard/internal/slug"
	"qrboard/internal/strictyaml"
	"qrboard/internal/value"
	"qrboard/internal/version"
)

var importCmd = &command{
	name:  "import",
	args:  "FILE… | -fetch CODE… | -search WORDS | -all",
	short: "import procedures from the national procedure database",
	long: `Lệnh import viết procedures/<mã>.yaml từ dữ liệu của Cơ sở dữ liệu quốc gia về
thủ tục hành chính (Cổng Dịch vụ công quốc gia, dichvucong.gov.vn), mỗi thủ
tục một tệp, giống tệp viết tay, để cán bộ sửa tiếp.

  qrboard import khai-sinh.json          nhập từ tệp JSON đã lưu (mọi dạng
                                         của cổng: chi tiết, bản ghi, tệp
                                         thu thập {records}, trang danh sách)
  qrboard import -fetch 2.000635 1.001193   tải theo mã (hoặc mã định danh UUID)
  qrboard import -search "khai sinh"     tải mọi thủ tục tìm được
  qrboard import -all                    tải mọi thủ tục cấp xã (lâu: mỗi
                                         thủ tục một lần gọi, cách nhau -delay)

Chỉ nhập thủ tục thực hiện ở cấp xã; thủ tục nội bộ và thủ tục cấp khác được
bỏ qua (trừ khi có -internal, -all-levels). Bản ghi tải về được lưu vào
national/<mã>.json, kèm bản tệp do lần nhập này viết (national/<mã>.yaml):
hãy commit cả thư mục national/ và đừng sửa nó.

Nhập lại một thủ tục đã nhập (tệp mới hơn, hoặc tải lại) chỉ đổi những gì
Cơ sở dữ liệu quốc gia đã đổi: mọi chỗ cán bộ đã sửa (tên ngắn, mức lệ phí
địa phương, từ khóa, nơi thực hiện, ghi chú…) được giữ nguyên. Dữ liệu không
đổi thì không tệp nào đổi. Bảng tóm tắt nêu thủ tục mới, thủ tục đổi và các
trường đổi, thủ tục bỏ qua và lý do, và áp phích của cơ quan nào cần in lại.

Những gì bản ghi không nói (lệ phí do HĐND quy định, thời hạn không có đơn
vị…) trang ghi "hỏi cán bộ" và lệnh qrboard check nhắc cho đến khi cán bộ
điền. Có lỗi thì không ghi gì.`,
	flags: func(fs *flag.FlagSet) func(*env, []string) int {
		var f importFlags
		f.register(fs)
		return func(e *env, args []string) int { return runImport(e, &f, args) }
	},
}

// importFlags are import's flags.
type importFlags struct {
	src, offices, office, now, search, portal string
	fetch, all, internal, allLevels, adopt    bool
	dryRun, verbose                           bool
	delay, timeout                            time.Duration
}

func (f *importFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.src, "src", ".", "thư mục dự án, có qrboard.yaml và procedures/")
	fs.StringVar(&f.offices, "offices", "", "nơi thực hiện thủ tục mới: communes (mọi xã, thị trấn; mặc định), district hoặc all")
	fs.StringVar(&f.office, "office", "", "hoặc danh sách mã cơ quan thực hiện thủ tục mới, cách nhau dấu phẩy: phuc-tho,hat-mon")
	fs.BoolVar(&f.fetch, "fetch", false, "tải từ Cổng Dịch vụ công các thủ tục có mã (hoặc UUID) là các tham số")
	fs.StringVar(&f.search, "search", "", "tải mọi thủ tục mà Cổng Dịch vụ công tìm được với các từ này")
	fs.BoolVar(&f.all, "all", false, "tải mọi thủ tục của Cổng Dịch vụ công rồi nhập những thủ tục cấp xã")
	fs.BoolVar(&f.internal, "internal", false, "nhập cả thủ tục nội bộ giữa các cơ quan nhà nước (STANDARD_INTERNAL)")
	fs.BoolVar(&f.allLevels, "all-levels", false, "nhập cả thủ tục không thực hiện ở cấp xã")
	fs.BoolVar(&f.adopt, "adopt", false, "gộp vào tệp viết tay cùng mã: giữ mọi giá trị của tệp, chỉ thêm thông tin còn thiếu")
	fs.BoolVar(&f.dryRun, "dry-run", false, "chỉ cho biết sẽ làm gì, không ghi tệp nào")
	fs.StringVar(&f.now, "now", "", "ngày nhập YYYY-MM-DD (mặc định: hôm nay, giờ Việt Nam)")
	fs.StringVar(&f.portal, "portal", dvcqg.DefaultBase, "địa chỉ Cổng Dịch vụ công quốc gia")
	fs.DurationVar(&f.delay, "delay", time.Second, "thời gian nghỉ giữa hai lần gọi cổng")
	fs.DurationVar(&f.timeout, "timeout", 30*time.Second, "thời gian chờ tối đa mỗi lần gọi cổng")
	fs.BoolVar(&f.verbose, "v", false, "in mọi điều đã gặp khi nhập từng thủ tục")
}

// runImport runs qrboard import.
func runImport(e *env, f *importFlags, args []string) int {
	if !e.langSet {
		if l, ok := config.PeekLanguage(os.DirFS(f.src)); ok {
			e.lang = l
		}
	}
	opt, ok := f.options(e, args)
	if !ok {
		return exitUsage
	}
	if _, err := os.Stat(filepath.Join(f.src, config.File)); err != nil {
		e.say(msg.LevelError, msg.NoConfig)
		e.say(msg.LevelHint, msg.HintInit)
		return exitFailure
	}
	if !knownOffices(e, f.src, opt.Offices.IDs) {
		return exitUsage
	}
	records, answers, ok := f.records(e, args)
	if !ok {
		e.say(0, msg.ImportNothingWritten)
		return exitFailure
	}
	plan, diags := importer.Prepare(f.src, records, opt)
	if plan == nil {
		e.report(diags, f.src, true)
		return e.failed(diags, nil)
	}
	for _, o := range plan.Outcomes {
		if o.Status != importer.Skipped && answers[o.Record.ID] != nil {
			plan.Keep(filepath.ToSlash(filepath.Join(importer.Dir, o.Code+".json")), answers[o.Record.ID])
		}
	}
	if f.dryRun {
		e.outcomes(plan, false, opt.Now.Time(), f.verbose)
		e.say(0, msg.ImportDryRun)
		return exitOK
	}
	if err := plan.Write(); err != nil {
		e.say(msg.LevelError, msg.Failed, msg.Explain(err))
		e.say(0, msg.ImportNothingWritten)
		return exitFailure
	}
	e.outcomes(plan, true, opt.Now.Time(), f.verbose)
	return exitOK
}

// options checks the flags that do not depend on fetching.
func (f *importFlags) options(e *env, args []string) (importer.Options, bool) {
	opt := importer.Options{Internal: f.internal, AllLevels: f.allLevels, Adopt: f.adopt, Now: value.NewDate(time.Now())}
	if f.now != "" {
		d, err := value.ParseDate(f.now)
		if err != nil {
			e.say(msg.LevelError, msg.BadNow, f.now)
			return opt, false
		}
		opt.Now = d
	}
	sources := 0
	for _, on := range []bool{f.fetch, f.search != "", f.all, !f.fetch && len(args) > 0} {
		if on {
			sources++
		}
	}
	switch {
	case sources != 1 || (f.all && len(args) > 0) || (f.search != "" && len(args) > 0) || (f.fetch && len(args) == 0):
		e.say(msg.LevelError, msg.ImportSources)
		e.say(msg.LevelHint, msg.Usage, usageLine(lookup("import")))
		return opt, false
	case f.office != "" && f.offices != "":
		e.say(msg.LevelError, msg.ImportOffices)
		return opt, false
	}
	switch g := procedure.Group(f.offices); g {
	case "":
	case procedure.AllCommunes, procedure.DistrictOff, procedure.AllOffices:
		opt.Offices.Group = g
	default:
		e.say(msg.LevelError, msg.FlagBadValue, `"`+f.offices+`"`, "-offices")
		e.say(msg.LevelHint, msg.HintOffices)
		return opt, false
	}
	for id := range strings.SplitSeq(f.office, ",") {
		if id = strings.TrimSpace(id); id == "" {
			continue
		}
		if slug.Check(id) != slug.OK {
			e.say(msg.LevelError, msg.FlagBadValue, `"`+id+`"`, "-office")
			return opt, false
		}
		opt.Offices.IDs = append(opt.Offices.IDs, value.Ref{ID: id})
	}
	return opt, true
}

// knownOffices reports whether the offices -office names are in
// qrboard.yaml, saying which is not and suggesting the likely one: a
// procedure handled by no known office would not build.
func knownOffices(e *env, src string, ids []value.Ref) bool {
	cfg, _ := config.Load(os.DirFS(src))
	if cfg == nil {
		return true // the import reports the broken qrboard.yaml
	}
	var known []string
	for _, o := range cfg.Offices {
		known = append(known, o.ID)
	}
	for _, r := range ids {
		if cfg.Office(r.ID) == nil {
			e.say(msg.LevelError, msg.UnknownOffice, r.ID)
			if near := strictyaml.Suggest(r.ID, known); near != "" {
				e.say(msg.LevelHint, msg.HintDidYouMean, near)
			}
			return false
		}
	}
	return true
}

// records reads the files named, or fetches the records asked for, and
// returns them with the portal's answers by record id (to keep). It
// reports false, having said why, when anything failed.
func (f *importFlags) records(e *env, args []string) ([]dvcqg.Record, map[string][]byte, bool) {
	if !f.fetch && f.search == "" && !f.all {
		return f.readFiles(e, args)
	}
	c := dvcqg.NewClient(f.portal, userAgent(f.src))
	c.Delay, c.Timeout = f.delay, f.timeout
	prog := newProgress(e.stderr, e.lang)
	if prog != nil {
		prog.text = msg.ImportFetching
	}
	var records []dvcqg.Record
	var answers [][]byte
	var err error
	if f.fetch {
		records, answers, err = c.Records(e.ctx, args, prog.update)
	} else {
		var items []dvcqg.ListItem
		if items, err = c.Search(e.ctx, f.search); err == nil {
			ids := make([]string, len(items))
			for i, it := range items {
				ids[i] = it.ID
			}
			records, answers, err = c.Details(e.ctx, ids, prog.update)
		}
	}
	prog.clear()
	if err != nil {
		e.fetchFailed(err)
		return nil, nil, false
	}
	kept := map[string][]byte{}
	for i, r := range records {
		kept[r.ID] = indentJSON(answers[i])
	}
	e.say(0, msg.ImportFetched, len(records), f.portal)
	return records, kept, true
}

// readFiles reads saved portal JSON. List rows without their records
// cannot make pages: they are named with the command that fetches them.
func (f *importFlags) readFiles(e *env, files []string) ([]dvcqg.Record, map[string][]byte, bool) {
	var records []dvcqg.Record
	var diags diag.List
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil && strings.HasPrefix(file, "-") {
			diags.Add(diag.Pos{}, msg.ImportFlagLate, file)
			continue
		}
		if err != nil {
			diags.Add(diag.Pos{File: filepath.ToSlash(file)}, msg.ReadFailed, cause(err))
			continue
		}
		b, _ := dvcqg.Read(filepath.ToSlash(file), data, &diags)
		records = append(records, b.Records...)
		if len(b.Listed) > 0 {
			var codes []string
			for _, it := range b.Listed {
				codes = append(codes, it.Code)
			}
			diags.Warn(diag.Pos{File: filepath.ToSlash(file)}, msg.ImportListOnly, len(b.Listed)).
				WithHint(msg.HintImportFetch, strings.Join(codes, " "))
		}
	}
	e.report(diags, "", true)
	if diags.HasErrors() {
		return nil, nil, false
	}
	if len(records) == 0 {
		e.say(msg.LevelError, msg.ImportNoRecords)
		return nil, nil, false
	}
	return records, nil, true
}

// cause is an error without the path the message already names.
func cause(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// fetchFailed says why fetching failed and what to do.
func (e *env) fetchFailed(err error) {
	var fe *dvcqg.Error
	if errors.As(err, &fe) {
		fmt := diag.Diagnostic{Severity: diag.Error, Text: fe.Text, Hint: fe.Hint}
		e.stderr.Write([]byte(fmt.Format(e.lang, "") + "\n"))
		return
	}
	e.say(msg.LevelError, msg.Failed, msg.Explain(err))
}

// userAgent says who asks the portal: the program and the site it builds.
func userAgent(src string) string {
	ua := "qrboard/" + version.Get().Version + " (procedure notice boards for one-stop offices"
	if cfg, _ := config.Load(os.DirFS(src)); cfg != nil && cfg.Base != nil {
		ua += "; +" + cfg.Base.String()
	}
	return ua + ")"
}

// indentJSON returns JSON indented for reading and diffs; the content is
// the portal's, unchanged.
func indentJSON(data []byte) []byte {
	var b bytes.Buffer
	if json.Indent(&b, data, "", "  ") != nil {
		return data
	}
	b.WriteByte('\n')
	return b.Bytes()
}
