package msg

// The message IDs. Keep them grouped as the catalog below is; a test
// checks that each has both languages and the same formatting verbs.
const (
	_ ID = iota

	// Levels and kinds, used inside other messages.
	LevelError
	LevelWarning
	LevelHint
	KindText
	KindList
	KindMapping
	KindPoster
	KindSheet

	// Reading files.
	ReadFailed
	FileTooLarge
	FileEmpty
	EncodingUTF16
	EncodingLegacy
	EncodingBinary
	ManyDocuments
	YAMLSyntax
	SyntaxColon
	SyntaxMissingColon
	SyntaxIndent
	SyntaxBadChar
	SyntaxUnclosed
	SyntaxEscape
	TabIndent
	TooManyErrors
	TooManyNodes
	ControlChar

	// Fields and values.
	UnknownField
	DuplicateKey
	KeyNotText
	MissingField
	EmptyField
	WantText
	WantList
	WantMapping
	WantBool
	WantNumber
	NumberRange
	NumberNegative
	NumberTooLarge
	TextTooLong
	ListTooLong
	NotOneOf
	DateFormat
	DateInvalid
	BadURL
	URLEmpty
	URLSpace
	URLScheme
	URLNoScheme
	URLProtocol
	URLBackslash
	URLMalformed
	URLNoHost
	URLBadPath
	URLNotInternal
	URLTooLong
	MarkdownDropped
	MarkdownHTML
	MarkdownImage
	MarkdownLink

	// Ids.
	IDEmpty
	IDTooLong
	IDNotASCII
	IDHyphen
	IDReserved
	IDPath

	// Procedures.
	NoProceduresDir
	NoProcedures
	TooManyFiles
	IgnoredFile
	BadFileID
	DuplicateID
	CodeFormat
	NoDocuments
	DuplicateChannel
	OnlineWithoutURL
	RepealBeforeEffect
	BadAlias
	AliasIsSelf
	Unverified
	OfficesShape
	Unfilled
	FeeAwaited
	BadFormFile

	// Configuration.
	NoConfig
	BaseNotAbsolute
	BaseExtra
	BaseBadHost
	BaseDotDot
	BadQRLevel
	TooManyOffices
	DuplicateOffice
	BadOfficeID
	OfficePlaceholders
	BadRedirect
	BadSurveyURL
	BadReportTo
	FeedbackPlaceholder
	BaseNotGov

	// Offices through time.
	UntilNotAfterFrom
	SuccessorWithoutUntil
	ClosedWithoutSuccessor
	UnknownSuccessor
	SuccessorGap
	SuccessorClosed
	SuccessorCycle
	PastOfficeListed
	PastOfficePrinted
	PrintPlaceholderBase
	PrintInsecureBase
	DoorNotPrinted
	HistoryMerged
	HistoryReused
	HistoryStep
	HistoryThen
	HintReuseID
	HintUntil
	HintSuccessor
	HintSuccessorDates
	HintSuccessorCycle
	HintPastOffice
	HintPrintBase

	// The site as a whole.
	UnknownOffice
	NoHandlers
	NameTaken
	RedirectShadows
	RedirectNowhere
	LockBadLine
	LockDropped
	LockDroppedFirst
	NoTemplatesDir
	SchemaStale
	TemplateError
	OutputNotOurs
	OutputOtherKind
	OutputForeign
	OutDirIsProject
	OutDirHoldsProject
	OutDirHome
	OutDirRoot
	OutDirOtherProject
	StaticCollides
	NotRegularFile
	KindPipe
	KindSocket
	KindDevice
	KindSpecial
	SysNoSpace
	SysReadOnly
	SysNotDir
	SysIsDir
	SysNameTooLong
	SysPermission
	SysNotExist
	SysOther
	QRTooDense
	PageOverBudget
	QRTooSmall
	PosterTooLong
	PosterGlyph
	FormMissing
	FormNotFile
	FormContent
	FormTooLarge

	// Hints.
	HintSaveUTF8
	HintTabs
	HintText
	HintList
	HintMapping
	HintBool
	HintDidYouMean
	HintFields
	HintDate
	HintRenameFile
	HintTxtExtension
	HintUseID
	HintInit
	HintBaseURL
	HintOffices
	HintLockGone
	HintLockOffice
	HintLockProcedure
	HintLockHandler
	HintLockRedirect
	HintPageBudget
	HintQRTooSmall
	HintPosterTooLong
	HintUnfilled
	HintSchemaStale
	HintFeeAwaited
	HintFormFile
	HintBaseGov
	HintSurveyTooLong

	// The command line.
	Usage
	UnknownCommand
	UnknownFlag
	FlagNeedsValue
	FlagBadValue
	ExtraArguments
	BadNow
	BuildSummary
	LockNotYet
	BuildChanges
	BuildNoChanges
	BuildFresh
	Progress
	CheckSummary
	FailedSummary
	WarningsHidden
	InitDone
	InitNotEmpty
	BadPaper
	PrintSummary
	PrintSurveys
	Failed
	UnknownSchema
	SchemaWritten
	NewBadID
	NewTry
	NewExists
	NewDone

	// Previewing with qrboard serve.
	ServeBuilt
	ServeListening
	ServeLAN
	ServeOpenFailed
	ServeRebuilt
	ServeFailed
	ServeStopped
	PortTaken
	PortTry
	ListenFailed
	BadPort
	BadBind
	ErrorPageTitle
	ErrorPageHelp
	ErrorPageWarnings

	// Importing from the national database (qrboard import).
	JSONNotUTF8
	JSONBad
	JSONShape
	JSONNotOK
	JSONRecord
	JSONIncomplete
	FetchOffline
	FetchTimeout
	FetchRefused
	FetchStatus
	FetchMalformed
	FetchNotOK
	HintFetchOffline
	HintFetchTimeout
	HintFetchRefused
	HintFetchLater
	ImpKindFeeLocal
	ImpKindFeeFree
	ImpKindFeeUnclear
	ImpKindTime
	ImpKindMissing
	ImpKindNotes
	ImpKindExplained
	ImpKindHeaders
	ImpKindResults
	ImpKindShortName
	ImpKindTruncated
	ImpKindRenamed
	ImpKindConflict
	ImpInPerson
	ImpOnline
	ImpPost
	ImpFactApplicants
	ImpFactName
	ImpFactCode
	ImpFactField
	ImpFactDocuments
	ImpFactResult
	ImpFactChannels
	ImpFactSteps
	ImpFactLaws
	ImpMissing
	ImpTimeUnknown
	ImpTimeVariants
	ImpFeeFree
	ImpFeeUnclear
	ImpFeeMissing
	ImpFeeLocal
	ImpFeeSibling
	ImpShortCut
	ImpTextCut
	ImpListCut
	ImpNotes
	ImpExplained
	ImpHeaders
	ImpResultRows
	ImpSource
	ImpSourceUndated
	ImpConflictNote
	ImpSkipDuplicate
	ImpSkipBadCode
	ImpSkipAmbiguous
	ImpSkipDeleted
	ImpSkipInternal
	ImpSkipNoLevel
	ImpSkipLevel
	ImpSkipState
	ImpSkipNoID
	ImpSkipHandWritten
	ImpSkipBroken
	ImpSkipInvalid
	ImpRenamed
	ImpKept
	FetchNotFound
	HintFetchNotFound
	ImportNothingWritten
	ImportDryRun
	ImportFetched
	ImportFetching
	ImportListOnly
	HintImportFetch
	ImportNoRecords
	ImportSources
	ImportOffices
	ImportNew
	ImportUpdated
	ImportUnchanged
	ImportSkipped
	ImportNotice
	ImportKinds
	ImportSummary
	ImportOnlyDates
	ImportPlaces
	ImportPlacesMore
	ImportReprint
	ImportReprintUnknown
	ImportFlagLate
	ImportSkippedMany

	// Describing fields, in editor schemas and new procedure files.
	DescRequired
	DescRequiredUnless
	DescMaxChars
	DescMaxItems
	DescMaxNumber
	DescExample
	DescMarkdown
	DescDate
	DescURL
	DescID
	SchemaText
	SchemaList
	SchemaBool
	SchemaNumber
	SchemaDate
	SchemaURL
	SchemaID
	SchemaUnfilled
	SchemaChoose
	SchemaProcedure
	SchemaConfig
	NewIntro
	NewTODO
	NewOptional
	NewComments
	NewUncomment

	// Add new messages above this line, in the group they belong to.
	numIDs
)

// catalog holds every message in Vietnamese and English. Messages are
// lower case without a final period (they follow "lỗi:" or "error:"),
// name the field or file in question, and say what to do when that is
// not obvious.
var catalog = map[ID]entry{
	LevelError:   {"lỗi", "error"},
	LevelWarning: {"cảnh báo", "warning"},
	LevelHint:    {"gợi ý", "hint"},
	KindText:     {"một đoạn văn bản", "text"},
	KindList:     {"một danh sách", "a list"},
	KindMapping:  {"một nhóm trường (tên: giá trị)", "a group of fields (name: value)"},
	KindPoster:   {"áp phích", "poster"},
	KindSheet:    {"tờ danh sách thủ tục", "board sheet"},

	ReadFailed:         {"không đọc được: %s", "cannot read: %s"},
	FileTooLarge:       {"tệp quá lớn (%d KB); tối đa %d KB", "file is too large (%d KB); the limit is %d KB"},
	FileEmpty:          {"tệp trống", "file is empty"},
	EncodingUTF16:      {"tệp được lưu bằng bảng mã UTF-16 (Unicode), không phải UTF-8", "file is saved as UTF-16 (Unicode), not UTF-8"},
	EncodingLegacy:     {"tệp không phải văn bản UTF-8 (có thể là bảng mã cũ Windows-1258, TCVN3 hoặc VNI)", "file is not UTF-8 text (perhaps an old Vietnamese encoding: Windows-1258, TCVN3 or VNI)"},
	EncodingBinary:     {"tệp chứa ký tự rỗng (NUL): đây không phải tệp văn bản", "file contains a NUL byte: it is not a text file"},
	ManyDocuments:      {"tệp có nhiều hơn một tài liệu YAML (dòng \"---\"); mỗi tệp chỉ mô tả một thủ tục", "file holds more than one YAML document (a \"---\" line); one file describes one thing"},
	YAMLSyntax:         {"YAML không hợp lệ: %s", "invalid YAML: %s"},
	SyntaxColon:        {"dấu hai chấm hoặc gạch đầu dòng ở chỗ không được phép; văn bản có \": \" cần đặt trong dấu ngoặc kép", "a colon or dash where none is allowed; text containing \": \" needs quotes"},
	SyntaxMissingColon: {"thiếu dấu hai chấm sau tên trường", "a colon is missing after a field name"},
	SyntaxIndent:       {"thụt lề không khớp với các dòng phía trên", "the indentation does not match the lines above"},
	SyntaxBadChar:      {"có ký tự không được phép ở đầu giá trị (ví dụ @ hoặc `); hãy đặt giá trị trong dấu ngoặc kép", "a value starts with a character YAML does not allow there (such as @ or `); put the value in quotes"},
	SyntaxUnclosed:     {"dấu ngoặc hoặc dấu ngoặc kép mở mà chưa đóng", "a bracket or quote is opened but not closed"},
	SyntaxEscape:       {"ký tự sau dấu \\ trong ngoặc kép không hợp lệ; dùng ngoặc đơn hoặc viết \\\\", "unknown escape after \\ inside double quotes; use single quotes or write \\\\"},
	TabIndent:          {"dùng phím Tab để thụt lề; YAML chỉ chấp nhận dấu cách", "a tab is used for indentation; YAML accepts only spaces"},
	TooManyErrors:      {"quá nhiều lỗi (hơn %d); hãy sửa các lỗi trên rồi chạy lại", "too many errors (more than %d); fix the ones above and run again"},
	TooManyNodes:       {"tệp mở rộng thành hơn %d phần tử (do neo & và bí danh *); hãy viết trực tiếp", "file expands to more than %d values (through & anchors and * aliases); write the values out"},
	ControlChar:        {"có ký tự điều khiển vô hình %U ở ký tự thứ %d; thường do dán từ Word hoặc PDF — hãy xóa và gõ lại", "an invisible control character %U at character %d; usually pasted from Word or a PDF — delete it and type again"},

	UnknownField:    {"không có trường %q", "unknown field %q"},
	DuplicateKey:    {"trường %q đã có ở dòng %d", "field %q is already given on line %d"},
	KeyNotText:      {"tên trường phải là chữ", "a field name must be text"},
	MissingField:    {"thiếu trường bắt buộc %q", "missing required field %q"},
	EmptyField:      {"trường bắt buộc %q đang để trống", "required field %q is empty"},
	WantText:        {"cần một đoạn văn bản, nhưng ở đây là %s", "expected text, found %s"},
	WantList:        {"cần một danh sách, nhưng ở đây là %s", "expected a list, found %s"},
	WantMapping:     {"cần một nhóm trường (tên: giá trị), nhưng ở đây là %s", "expected a group of fields (name: value), found %s"},
	WantBool:        {"cần true hoặc false, nhưng ở đây là %s", "expected true or false, found %s"},
	WantNumber:      {"cần một số nguyên, nhưng ở đây là %s", "expected a whole number, found %s"},
	NumberRange:     {"số %s quá lớn", "number %s is too large"},
	NumberNegative:  {"số %s không được âm", "number %s must not be negative"},
	NumberTooLarge:  {"%q là %d, tối đa %d", "%q is %d; the most allowed is %d"},
	TextTooLong:     {"%q dài %d ký tự, tối đa %d", "%q is %d characters long; the limit is %d"},
	ListTooLong:     {"%q có %d mục, tối đa %d", "%q has %d items; the limit is %d"},
	NotOneOf:        {"%q không phải giá trị hợp lệ; chọn một trong: %s", "%q is not allowed here; choose one of: %s"},
	DateFormat:      {"ngày %q phải viết theo dạng năm-tháng-ngày (YYYY-MM-DD)", "date %q must be written year-month-day (YYYY-MM-DD)"},
	DateInvalid:     {"ngày %q không có thật trên lịch", "date %q does not exist"},
	BadURL:          {"địa chỉ %q không dùng được: %s", "address %q cannot be used: %s"},
	URLEmpty:        {"để trống", "it is empty"},
	URLSpace:        {"có dấu cách hoặc ký tự vô hình", "it contains a space or an invisible character"},
	URLScheme:       {"chỉ chấp nhận http, https, tel và mailto", "only http, https, tel and mailto are allowed"},
	URLNoScheme:     {"cần địa chỉ đầy đủ bắt đầu bằng https://", "a full address starting with https:// is needed"},
	URLProtocol:     {"địa chỉ bắt đầu bằng // dẫn sang trang khác; hãy viết đầy đủ https://", "an address starting with // leads to another site; write https:// in full"},
	URLBackslash:    {"có dấu \\; địa chỉ web dùng dấu /", "it contains \\; web addresses use /"},
	URLMalformed:    {"không phải địa chỉ web hợp lệ", "it is not a valid web address"},
	URLNoHost:       {"thiếu tên miền sau https://", "the domain after https:// is missing"},
	URLBadPath:      {"liên kết trong trang không được dùng \"..\"", "links inside the site must not use \"..\""},
	URLNotInternal:  {"liên kết trong trang phải bắt đầu bằng / (ví dụ /dang-ky-ket-hon/)", "links inside the site start with / (for example /dang-ky-ket-hon/)"},
	URLTooLong:      {"quá dài", "it is too long"},
	MarkdownDropped: {"đã bỏ khỏi trang: %s", "left out of the page: %s"},
	MarkdownHTML:    {"mã HTML (không được phép trong nội dung)", "HTML code (not allowed in content)"},
	MarkdownImage:   {"hình ảnh %q (trang không tải ảnh từ nơi khác)", "image %q (pages load no images from elsewhere)"},
	MarkdownLink:    {"liên kết %q: %s", "link %q: %s"},

	IDEmpty:    {"trống", "it is empty"},
	IDTooLong:  {"dài quá 40 ký tự", "it is longer than 40 characters"},
	IDNotASCII: {"chỉ được dùng chữ thường không dấu a–z, số và dấu gạch ngang", "only lower-case a–z, digits and hyphens are allowed"},
	IDHyphen:   {"không được bắt đầu, kết thúc bằng dấu gạch ngang hoặc có hai dấu liền nhau", "it must not start or end with a hyphen or have two in a row"},
	IDReserved: {"là tên dành riêng (của Windows hoặc của trang)", "it is a reserved name (of Windows or of the site)"},
	IDPath:     {"không được chứa dấu / \\ hoặc dấu chấm", "it must not contain / \\ or dots"},

	NoProceduresDir:    {"không có thư mục %s", "folder %s does not exist"},
	NoProcedures:       {"thư mục %s chưa có thủ tục nào (tệp .yaml)", "folder %s has no procedures (.yaml files)"},
	TooManyFiles:       {"quá nhiều tệp thủ tục; tối đa %d", "too many procedure files; the limit is %d"},
	IgnoredFile:        {"bỏ qua: không phải tệp .yaml", "ignored: not a .yaml file"},
	BadFileID:          {"tên tệp %q không dùng làm mã được: %s", "file name %q cannot be used as an id: %s"},
	DuplicateID:        {"mã %q trùng với %s", "id %q is also used by %s"},
	CodeFormat:         {"mã thủ tục %q không theo dạng N.NNNNNN của Cơ sở dữ liệu quốc gia", "procedure code %q is not in the national database's N.NNNNNN form"},
	NoDocuments:        {"chưa có giấy tờ nào: cần \"documents\" hoặc \"cases\"", "no documents: give \"documents\" or \"cases\""},
	DuplicateChannel:   {"cách thực hiện %q được ghi hai lần", "channel %q is given twice"},
	OnlineWithoutURL:   {"có cách nộp trực tuyến nhưng thiếu \"online_url\"", "an online channel is given but \"online_url\" is missing"},
	RepealBeforeEffect: {"ngày hết hiệu lực %s không sau ngày có hiệu lực %s", "repeal date %s is not after the effective date %s"},
	BadAlias:           {"bí danh %q không dùng được: %s", "alias %q cannot be used: %s"},
	AliasIsSelf:        {"bí danh %q trùng với chính mã của thủ tục", "alias %q is the procedure's own id"},
	Unverified:         {"thông tin chưa được xác minh: %s", "not yet verified: %s"},
	OfficesShape:       {"\"offices\" cần là communes, district, all hoặc danh sách mã cơ quan", "\"offices\" must be communes, district, all or a list of office ids"},
	Unfilled:           {"trường %q chưa được điền (vẫn ghi TODO)", "field %q is not filled in yet (it still says TODO)"},
	FeeAwaited:         {"cách nộp %s: chưa có mức thu do %s quy định, nên trang và áp phích chỉ ghi \"hỏi cán bộ\"", "channel %s: the amount %s sets is not entered, so pages and posters only say \"ask the staff\""},
	BadFormFile:        {"tệp mẫu %q không dùng được: cần một tệp PDF, DOC, DOCX, ODT, XLS hoặc XLSX trong thư mục forms/, tên viết chữ thường không dấu, số và dấu gạch ngang", "form file %q cannot be used: it must be a PDF, DOC, DOCX, ODT, XLS or XLSX file in the forms/ folder, named with lower-case a–z, digits and hyphens"},

	NoConfig:            {"không tìm thấy qrboard.yaml (tệp cấu hình của trang)", "qrboard.yaml (the site configuration) not found"},
	BaseNotAbsolute:     {"base_url %q phải là địa chỉ đầy đủ bắt đầu bằng https://", "base_url %q must be a full address starting with https://"},
	BaseBadHost:         {"base_url %q có tên miền không hợp lệ (%s): kiểm tra lại cách viết", "base_url %q has an invalid domain name (%s): check its spelling"},
	BaseDotDot:          {"base_url %q có \"..\" hoặc \".\" trong đường dẫn: viết đường dẫn đầy đủ, không có \"..\"", "base_url %q has \"..\" or \".\" in its path: write the path in full, without \"..\""},
	BaseExtra:           {"base_url %q không được có ?, # hoặc tên đăng nhập", "base_url %q must not contain ?, # or a user name"},
	BadQRLevel:          {"mức sửa lỗi QR %q không hợp lệ; chọn L, M, Q hoặc H", "QR error-correction level %q is not valid; choose L, M, Q or H"},
	TooManyOffices:      {"có %d cơ quan, tối đa %d", "%d offices; the limit is %d"},
	DuplicateOffice:     {"mã cơ quan %q đã dùng ở dòng %d", "office id %q is already used on line %d"},
	BadOfficeID:         {"mã cơ quan %q không dùng được: %s", "office id %q cannot be used: %s"},
	OfficePlaceholders:  {"cơ quan %q chưa có %s: trang và áp phích sẽ ghi \"chưa có thông tin\"", "office %q has no %s yet: pages and posters will say \"not available\""},
	BadRedirect:         {"đường dẫn chuyển hướng %q phải bắt đầu bằng / và không có dấu cách, \"..\", ? hoặc #", "redirect path %q must start with / and contain no spaces, \"..\", ? or #"},
	BadSurveyURL:        {"survey_url %q phải là địa chỉ trang web, bắt đầu bằng https://", "survey_url %q must be a web address starting with https://"},
	BadReportTo:         {"report_to %q phải là một địa chỉ email (ví dụ motcua@phuctho.gov.vn) hoặc địa chỉ biểu mẫu trên web, bắt đầu bằng https://", "report_to %q must be an e-mail address (such as motcua@phuctho.gov.vn) or a web form's address starting with https://"},
	FeedbackPlaceholder: {"%s chưa được điền (vẫn ghi TODO): trang và áp phích sẽ không có liên kết này", "%s is not filled in yet (it still says TODO): pages and posters will go without it"},
	BaseNotGov:          {"base_url %q không thuộc tên miền .gov.vn: người dân khó nhận ra đây là trang chính thức của cơ quan nhà nước", "base_url %q is not under .gov.vn: citizens cannot easily tell it is an official government site"},

	UntilNotAfterFrom:      {"cơ quan %q: until %s phải sau from %s", "office %q: until %s must be after from %s"},
	SuccessorWithoutUntil:  {"cơ quan %q có successor nhưng không có until", "office %q has a successor but no until"},
	ClosedWithoutSuccessor: {"cơ quan %q không còn từ %s nhưng không ghi successor: các địa chỉ cũ của nó sẽ không dẫn đến đâu", "office %q closed on %s but names no successor: its old addresses would lead nowhere"},
	UnknownSuccessor:       {"không có cơ quan %q trong qrboard.yaml (successor của %q)", "there is no office %q in qrboard.yaml (successor of %q)"},
	SuccessorGap:           {"successor %[1]q của %[2]q chỉ có từ %[3]s, sau ngày %[2]q không còn (%[4]s): địa chỉ cũ sẽ không dẫn đến đâu trong khoảng đó", "successor %[1]q of %[2]q only starts on %[3]s, after %[2]q closed (%[4]s): its old addresses would lead nowhere in between"},
	SuccessorClosed:        {"successor %[1]q của %[2]q đã không còn từ %[3]s, trước ngày %[2]q không còn (%[4]s)", "successor %[1]q of %[2]q had already closed on %[3]s, before %[2]q closed (%[4]s)"},
	SuccessorCycle:         {"các successor tạo thành vòng lặp: %s", "the successors go round in a circle: %s"},
	PastOfficeListed:       {"cơ quan %q không còn từ %s: thủ tục được làm tại %s", "office %q closed on %s: the procedure is done at %s"},
	PrintPlaceholderBase:   {"không in áp phích với địa chỉ %q: %q chỉ dùng để thử, mã QR sẽ dẫn người dân đến một trang không có thật", "posters are not printed for the address %q: %q is only for trying things out, so the codes would lead citizens to a page that does not exist"},
	PrintInsecureBase:      {"không in áp phích với địa chỉ %q: địa chỉ http:// không được bảo vệ, người khác có thể thay trang giữa đường; dùng https://", "posters are not printed for the address %q: an http:// address is not protected and the page can be swapped on the way; use https://"},
	DoorNotPrinted:         {"không in áp phích cửa cho cơ quan %q: %s", "no door poster for office %q: %s"},
	PastOfficePrinted:      {"cơ quan %q không còn từ %s: không in áp phích cho cơ quan đã sáp nhập", "office %q closed on %s: no posters are printed for an office that merged"},
	HistoryMerged:          {"%s: đã nhập vào %s; %d địa chỉ cũ chuyển đến đó", "%s: merged into %s; %d old address(es) lead there"},
	HistoryReused:          {"%s (%s cũ): đã nhập vào %s; %d địa chỉ cũ nay là trang của đơn vị mới cùng mã", "%s (the former %s): merged into %s; %d old address(es) are now the pages of the new office with the same id"},
	HistoryStep:            {"%s từ %s", "%s on %s"},
	HistoryThen:            {"%s, rồi %s", "%s, then %s"},
	HintReuseID:            {"một mã chỉ dùng lại được cho đơn vị khác khi thời gian không trùng nhau: ghi until cho đơn vị cũ và from cho đơn vị mới", "an id can be reused by another office only at another time: give the old one until and the new one from"},
	HintUntil:              {"ghi until: ngày sáp nhập có hiệu lực, ví dụ until: 2025-07-01", "add until: the day the merger took effect, for example until: 2025-07-01"},
	HintSuccessor:          {"ghi successor: mã của đơn vị nhận lại địa bàn và thủ tục, ví dụ successor: phuc-loc", "add successor: the id of the office that took over its land and procedures, for example successor: phuc-loc"},
	HintSuccessorDates:     {"sửa from của %q hoặc until của %q: đơn vị nhận lại phải đang hoạt động vào ngày đơn vị cũ không còn", "correct the from of %q or the until of %q: the successor must be serving on the day the old office closes"},
	HintSuccessorCycle:     {"successor là đơn vị nhận lại sau khi đơn vị này không còn, không phải đơn vị trước nó", "a successor is the office that takes over after this one closes, never one before it"},
	HintPrintBase:          {"ghi địa chỉ thật của trang vào base_url trong qrboard.yaml, hoặc in thử với -base-url https://thutuc.phuctho.gov.vn/", "write the site's real address as base_url in qrboard.yaml, or try with -base-url https://thutuc.phuctho.gov.vn/"},
	HintPastOffice:         {"ghi %s", "write %s"},

	UnknownOffice:      {"không có cơ quan %q trong qrboard.yaml", "there is no office %q in qrboard.yaml"},
	NoHandlers:         {"thủ tục %q không có cơ quan nào thực hiện nên sẽ không có trang", "no office handles procedure %q, so it gets no page"},
	NameTaken:          {"tên %q đã được dùng trong %s (cơ quan và thủ tục dùng chung các địa chỉ cấp đầu)", "name %q is already used in %s (offices and procedures share the top-level addresses)"},
	RedirectShadows:    {"chuyển hướng từ %s trùng với một trang đang có", "redirect from %s would hide an existing page"},
	RedirectNowhere:    {"chuyển hướng từ %s đến %s: không có trang đích", "redirect from %s to %s: there is no such page"},
	LockBadLine:        {"dòng %q không phải một đường dẫn (bắt đầu và kết thúc bằng /)", "line %q is not a path (starting and ending with /)"},
	LockDroppedFirst:   {"địa chỉ %s đã công bố sẽ biến mất: mã QR đã in sẽ dẫn đến trang lỗi (qrboard.lock giữ mọi địa chỉ đã công bố vì lẽ đó; nếu chưa in áp phích nào và chưa đưa trang lên mạng, có thể xóa tệp qrboard.lock để bắt đầu lại)", "published address %s would disappear: printed QR codes would lead nowhere (that is why qrboard.lock keeps every published address; if no poster was printed and the site was never put online, you may delete qrboard.lock to start over)"},
	LockDropped:        {"địa chỉ %s đã công bố sẽ biến mất: mã QR đã in sẽ dẫn đến trang lỗi", "published address %s would disappear: printed QR codes would lead nowhere"},
	NoTemplatesDir:     {"không có thư mục mẫu trang %s", "templates folder %s does not exist"},
	SchemaStale:        {"lược đồ cho trình soạn thảo đã cũ so với phiên bản qrboard này: VS Code sẽ kiểm tra tệp theo quy tắc cũ", "the editor schema is older than this version of qrboard: VS Code would check files against old rules"},
	TemplateError:      {"lỗi trong mẫu trang: %s", "error in template: %s"},
	OutputNotOurs:      {"thư mục %s đã có tệp không do qrboard tạo (như %s) và không có tệp %s: qrboard không ghi vào đó; chọn một thư mục mới bằng -out", "folder %s holds files qrboard did not make (such as %s) and no %s file: qrboard does not write into it; choose a new folder with -out"},
	OutputOtherKind:    {"thư mục %s do qrboard %s tạo: qrboard %s không ghi vào đó, để không xóa tệp của lệnh kia; chọn thư mục khác bằng -out", "folder %s was made by qrboard %s: qrboard %s does not write into it, so as not to remove the other command's files; choose another folder with -out"},
	OutputForeign:      {"tệp %s trong thư mục %s không do qrboard tạo, nhưng qrboard cần ghi một tệp đúng tên đó: chuyển tệp này ra chỗ khác rồi chạy lại; không có gì bị thay đổi", "%s in folder %s was not made by qrboard, but qrboard must write a file of that name: move it elsewhere and run again; nothing was changed"},
	OutDirIsProject:    {"thư mục xuất %s là thư mục dự án: qrboard không ghi trang web vào đó; dùng thư mục mặc định (bỏ -out) hoặc một thư mục mới", "output folder %s is the project folder: qrboard does not write a site there; use the default folder (no -out) or a new one"},
	OutDirHoldsProject: {"thư mục xuất %s chứa thư mục dự án %s: qrboard không ghi vào đó; chọn một thư mục mới, ngoài dự án hoặc bên trong nó", "output folder %s holds the project folder %s: qrboard does not write there; choose a new folder, outside the project or inside it"},
	OutDirHome:         {"thư mục xuất %s là thư mục cá nhân của người dùng: qrboard không ghi vào đó; chọn một thư mục mới", "output folder %s is the user's home folder: qrboard does not write there; choose a new folder"},
	OutDirRoot:         {"thư mục xuất %s là thư mục gốc của ổ đĩa: qrboard không ghi vào đó; chọn một thư mục mới", "output folder %s is the root of a disk: qrboard does not write there; choose a new folder"},
	OutDirOtherProject: {"thư mục xuất %s có %s, tức là thư mục của một dự án khác: qrboard không ghi vào đó; chọn một thư mục mới", "output folder %s holds %s, so it is another project's folder: qrboard does not write there; choose a new folder"},
	NotRegularFile:     {"đây là %s, không phải một tệp: qrboard không mở nó (việc đọc sẽ treo mãi); hãy xóa hoặc chuyển nó ra khỏi thư mục dự án", "this is %s, not a file: qrboard does not open it (reading would hang); remove it or move it out of the project folder"},
	KindPipe:           {"một ống dẫn có tên (named pipe)", "a named pipe"},
	KindSocket:         {"một socket", "a socket"},
	KindDevice:         {"một thiết bị", "a device"},
	KindSpecial:        {"một mục đặc biệt của hệ thống", "a special entry of the system"},
	SysNoSpace:         {"ổ đĩa đã đầy: hãy giải phóng chỗ trống (xóa tệp không cần, dọn thùng rác) rồi chạy lại; không có gì bị thay đổi (hệ thống báo: %s)", "the disk is full: free some space (delete files you do not need, empty the bin) and run again; nothing was changed (the system says: %s)"},
	SysReadOnly:        {"ổ đĩa chỉ cho đọc, không ghi được: chọn thư mục trên một ổ ghi được (hệ thống báo: %s)", "the disk is read-only: choose a folder on a disk that can be written (the system says: %s)"},
	SysNotDir:          {"một phần của đường dẫn là tệp chứ không phải thư mục: kiểm tra lại đường dẫn, ví dụ -out hoặc -src (hệ thống báo: %s)", "part of the path is a file, not a folder: check the path, for example -out or -src (the system says: %s)"},
	SysIsDir:           {"đây là thư mục, không phải tệp: kiểm tra lại đường dẫn (hệ thống báo: %s)", "this is a folder, not a file: check the path (the system says: %s)"},
	SysNameTooLong:     {"đường dẫn quá dài: chọn thư mục có đường dẫn ngắn hơn (hệ thống báo: %s)", "the path is too long: choose a folder with a shorter path (the system says: %s)"},
	SysPermission:      {"không có quyền đọc hoặc ghi: kiểm tra quyền của thư mục hoặc chọn thư mục khác (hệ thống báo: %s)", "permission denied: check the folder's permissions or choose another folder (the system says: %s)"},
	SysNotExist:        {"không tìm thấy tệp hoặc thư mục: kiểm tra lại đường dẫn (hệ thống báo: %s)", "no such file or folder: check the path (the system says: %s)"},
	SysOther:           {"%s", "%s"},
	StaticCollides:     {"tệp %s trùng tên với tệp mà qrboard tạo cho trang web (%s): đổi tên hoặc bỏ tệp này khỏi static/", "%s has the name of a file qrboard makes for the site (%s): rename it or take it out of static/"},
	QRTooSmall:         {"địa chỉ %s cần mã QR phiên bản %d: trên %s khổ %s mỗi ô của mã chỉ còn %.2f mm, nhỏ hơn %.2f mm mà camera điện thoại đọc được từ %.1f m", "address %s needs a version %d QR code: on a %s of size %s each module would be %.2f mm, below the %.2f mm a phone camera reads from %.1f m"},
	PosterTooLong:      {"%q quá dài, không vừa %s khổ %s kể cả ở cỡ chữ nhỏ nhất", "%q is too long to fit a %s of size %s even in the smallest type"},
	PosterGlyph:        {"%q có ký tự %q (%U) mà phông chữ của áp phích không có", "%q contains the character %q (%U), which the poster font lacks"},
	FormMissing:        {"không có tệp mẫu %s", "form file %s does not exist"},
	FormNotFile:        {"%s không phải một tệp thường", "%s is not a regular file"},
	FormContent:        {"tệp %s không phải tệp %s thật: nội dung không khớp với đuôi tên tệp", "%s is not a real %s file: its content does not match its extension"},
	FormTooLarge:       {"tệp mẫu %s nặng %d KB; tối đa %d KB", "form file %s is %d KB; the limit is %d KB"},
	QRTooDense:         {"địa chỉ dài nhất cần mã QR phiên bản %d; nên giữ ở phiên bản %d trở xuống bằng tên miền hoặc mã ngắn hơn", "the longest address needs a version %d QR code; keep to version %d or below with a shorter domain or ids"},
	PageOverBudget:     {"%d trang nặng hơn %d KB khi nén gzip, nặng nhất là /%s: %d KB, vượt %d KB; trang sẽ mở chậm trên mạng di động yếu", "%d page(s) weigh more than %d KB gzip-compressed, the heaviest /%s: %d KB, %d KB over; they will open slowly on weak mobile data"},

	HintSaveUTF8:      {"mở tệp bằng Notepad, chọn File > Save As, mục Encoding chọn UTF-8 rồi lưu", "open the file in Notepad, choose File > Save As, set Encoding to UTF-8 and save"},
	HintTabs:          {"thay mỗi Tab bằng hai dấu cách (trong VS Code: góc dưới phải, chọn \"Spaces\")", "replace each tab with two spaces (in VS Code: bottom right, choose \"Spaces\")"},
	HintText:          {"viết trên một dòng, hoặc dùng | rồi xuống dòng cho văn bản nhiều dòng", "write it on one line, or use | and new lines for longer text"},
	HintList:          {"mỗi mục một dòng, bắt đầu bằng \"- \"", "put each item on its own line starting with \"- \""},
	HintMapping:       {"viết mỗi trường một dòng dạng tên: giá trị, thụt lề thêm hai dấu cách", "write one field per line as name: value, indented two more spaces"},
	HintBool:          {"viết true (có) hoặc false (không)", "write true or false"},
	HintDidYouMean:    {"có phải ý bạn là %q?", "did you mean %q?"},
	HintFields:        {"các trường có thể dùng: %s", "fields allowed here: %s"},
	HintDate:          {"viết %s", "write %s"},
	HintRenameFile:    {"đổi tên tệp thành %s", "rename the file to %s"},
	HintTxtExtension:  {"Notepad đã thêm đuôi .txt; đổi tên tệp thành %s", "Notepad added .txt; rename the file to %s"},
	HintUseID:         {"ví dụ: %s", "for example: %s"},
	HintInit:          {"chạy lệnh trong thư mục dự án, hoặc tạo dự án mới bằng: qrboard init THƯ-MỤC", "run the command in the project folder, or start a project with: qrboard init DIR"},
	HintBaseURL:       {"ví dụ: base_url: https://thutuc.phuctho.gov.vn/", "for example: base_url: https://thutuc.phuctho.gov.vn/"},
	HintOffices:       {"ví dụ: offices: communes", "for example: offices: communes"},
	HintLockGone:      {"nếu %q được đổi tên, thêm tên cũ vào \"aliases\" của cơ quan hoặc thủ tục mới; nếu là cơ quan đã sáp nhập, giữ mục của nó trong qrboard.yaml và ghi until, successor; nếu bỏ hẳn, thêm một mục \"redirects\" trong qrboard.yaml", "if %q was renamed, add the old name to \"aliases\" of the new office or procedure; if it is an office that merged, keep its entry in qrboard.yaml with until and successor; if it is gone, add an entry to \"redirects\" in qrboard.yaml"},
	HintLockOffice:    {"cơ quan %q đã bị xóa hoặc đổi mã: nếu sáp nhập, giữ mục của nó trong qrboard.yaml và ghi until, successor; nếu chỉ đổi mã, thêm mã cũ vào \"aliases\" của cơ quan thay thế", "office %q was removed or renamed: if it merged, keep its entry in qrboard.yaml with until and successor; if only its id changed, add the old id to \"aliases\" of the office that replaces it"},
	HintLockProcedure: {"tệp procedures/%[1]s.yaml đã bị xóa hoặc đổi tên: nếu đổi tên, thêm \"aliases: [%[1]s]\" vào tệp mới; nếu bãi bỏ, giữ tệp và ghi \"repealed_on\"", "procedures/%[1]s.yaml was deleted or renamed: if renamed, add \"aliases: [%[1]s]\" to the new file; if abolished, keep the file and set \"repealed_on\""},
	HintLockHandler:   {"thủ tục %q không còn do cơ quan %q thực hiện: thêm lại vào \"offices\" hoặc thêm một mục \"redirects\" trong qrboard.yaml", "procedure %q is no longer handled by office %q: add it back to \"offices\" or add an entry to \"redirects\" in qrboard.yaml"},
	HintQRTooSmall:    {"rút ngắn địa chỉ (base_url, mã cơ quan hoặc tên tệp thủ tục, kèm \"aliases\" cho tên cũ), dùng qr.level M hoặc L, hoặc in khổ lớn hơn (print: paper: A3)", "shorten the address (base_url, the office id or the procedure's file name, with \"aliases\" for the old name), use qr.level M or L, or print larger (print: paper: A3)"},
	HintPosterTooLong: {"viết ngắn hơn, hoặc chia từ quá dài bằng dấu cách", "shorten it, or split an overlong word with a space"},
	HintLockRedirect:  {"thêm một mục \"redirects\" trong qrboard.yaml với from: %s", "add an entry to \"redirects\" in qrboard.yaml with from: %s"},
	HintPageBudget:    {"rút ngắn các đoạn dài (ghi chú, điều kiện, căn cứ pháp lý) hoặc bớt chữ trong templates/", "shorten long texts (notes, conditions, legal basis) or trim the templates/"},
	HintSchemaStale:   {"cập nhật bằng: qrboard schema -o %s", "update it with: qrboard schema -o %s"},
	HintUnfilled:      {"thay TODO bằng thông tin thật; trường không bắt buộc mà chưa có thông tin thì để trống", "replace TODO with the real information; leave an optional field empty if there is none"},
	HintFormFile:      {"đặt tệp mẫu vào thư mục forms/ của dự án, rồi ghi file: forms/TÊN-TỆP (ví dụ file: forms/to-khai-khai-tu.pdf)", "put the form in the project's forms/ folder and write file: forms/NAME (for example file: forms/to-khai-khai-tu.pdf)"},
	HintSurveyTooLong: {"dùng địa chỉ ngắn hơn của phiếu đánh giá (nhiều dịch vụ biểu mẫu có địa chỉ rút gọn), hoặc in khổ lớn hơn (print: paper: A3)", "use a shorter address of the rating form (many form services give a short one), or print larger (print: paper: A3)"},
	HintBaseGov:       {"khi có tên miền chính thức, ví dụ base_url: https://thutuc.phuctho.gov.vn/", "once there is an official domain, for example base_url: https://thutuc.phuctho.gov.vn/"},

	HintFeeAwaited: {"ghi mức thu của địa phương vào \"fee\", ví dụ fee: 8.000 đồng/trường hợp (giữ fee_set_by để biết ai quy định)", "enter the local amount in \"fee\", for example fee: 8.000 đồng/trường hợp (keep fee_set_by as the record of who sets it)"},

	Usage:          {"cách dùng: %s", "usage: %s"},
	UnknownCommand: {"không có lệnh %q; chạy \"qrboard help\" để xem các lệnh", "unknown command %q; run \"qrboard help\" for the list"},
	UnknownFlag:    {"không có tùy chọn %s", "unknown flag %s"},
	FlagNeedsValue: {"tùy chọn %s cần một giá trị đi sau, ví dụ %[1]s GIÁ-TRỊ", "flag %s needs a value after it, as in %[1]s VALUE"},
	FlagBadValue:   {"giá trị %s không dùng được cho %s", "value %s cannot be used for %s"},
	ExtraArguments: {"thừa tham số: %s", "unexpected arguments: %s"},
	BadNow:         {"-now %q phải là ngày dạng YYYY-MM-DD", "-now %q must be a date YYYY-MM-DD"},
	LockNotYet:     {"chưa ghi qrboard.lock: base_url %s là địa chỉ mẫu, chưa công bố được; tệp khóa bắt đầu giữ địa chỉ từ lần build hay print đầu tiên với địa chỉ thật của đơn vị", "qrboard.lock not written: base_url %s is an example address that cannot be published; the lock starts keeping addresses at the first build or print with the office's real address"},
	BuildSummary:   {"đã tạo %d cơ quan, %d trang, %d mã QR (phiên bản ≤ %d), %d chuyển hướng trong %s → %s; %s", "built %d offices, %d pages, %d QR codes (version ≤ %d), %d redirects in %s → %s; %s"},
	BuildChanges:   {"so với lần trước: %d trang mới, %d trang thay đổi, %d trang bỏ", "since the last build: %d pages added, %d changed, %d removed"},
	BuildNoChanges: {"không trang nào thay đổi so với lần trước", "no page changed since the last build"},
	BuildFresh:     {"lần tạo đầu tiên", "first build"},
	Progress:       {"đang tạo trang %d/%d…", "writing page %d/%d…"},
	CheckSummary:   {"kiểm tra xong: %d cơ quan, %d thủ tục, %d trang, không có lỗi (%d cảnh báo)", "check passed: %d offices, %d procedures, %d pages, no errors (%d warning(s))"},
	FailedSummary:  {"có %d lỗi, %d cảnh báo; chưa ghi gì", "%d error(s), %d warning(s); nothing was written"},
	WarningsHidden: {"%d cảnh báo; chạy \"qrboard check\" để xem", "%d warning(s); run \"qrboard check\" to see them"},
	InitDone:       {"đã tạo dự án mới trong %s; tiếp theo: cd %s && qrboard build", "created a new project in %s; next: cd %s && qrboard build"},
	InitNotEmpty:   {"thư mục %s đã có tệp; chọn một thư mục mới hoặc trống", "folder %s is not empty; choose a new or empty folder"},
	BadPaper:       {"khổ giấy %q không hợp lệ; chọn A4, A3 hoặc A5", "paper size %q is not valid; choose A4, A3 or A5"},
	PrintSurveys:   {"và %d áp phích đánh giá sự phục vụ (survey.pdf)", "and %d service rating poster(s) (survey.pdf)"},
	PrintSummary:   {"đã tạo áp phích khổ %s cho %d cơ quan: %d áp phích, %d trang danh sách, %d áp phích cửa trong %s → %s", "made %s posters for %d offices: %d posters, %d board sheet pages, %d door posters in %s → %s"},
	Failed:         {"%s", "%s"},
	UnknownSchema:  {"không có lược đồ %q; chọn procedure (tệp thủ tục) hoặc qrboard (qrboard.yaml)", "there is no schema %q; choose procedure (procedure files) or qrboard (qrboard.yaml)"},
	NewBadID:       {"mã thủ tục %q không dùng được: %s", "procedure id %q cannot be used: %s"},
	NewTry:         {"thử: qrboard new %s", "try: qrboard new %s"},
	NewExists:      {"tệp %s đã có; qrboard new không ghi đè: hãy sửa tệp đó hoặc chọn mã khác", "%s already exists; qrboard new does not overwrite: edit that file or choose another id"},
	NewDone:        {"đã tạo %s: thay các chữ TODO bằng thông tin thật, rồi chạy qrboard check (hoặc xem trước bằng qrboard serve)", "created %s: replace each TODO with the real information, then run qrboard check (or preview with qrboard serve)"},
	SchemaWritten:  {"đã ghi lược đồ JSON cho tệp thủ tục và qrboard.yaml vào %s", "wrote the JSON Schemas of procedure files and qrboard.yaml to %s"},

	ServeBuilt:        {"đã tạo %d trang trong %s, vào một thư mục tạm: site/ và qrboard.lock giữ nguyên", "built %d pages in %s, into a temporary folder: site/ and qrboard.lock stay as they are"},
	ServeListening:    {"xem trước tại %s — trang tự tải lại khi lưu tệp; dừng bằng Ctrl+C", "previewing at %s — pages reload when files are saved; stop with Ctrl+C"},
	ServeLAN:          {"từ điện thoại cùng mạng: %s", "from a phone on the same network: %s"},
	ServeOpenFailed:   {"không mở được trình duyệt (%s): hãy tự mở địa chỉ trên", "cannot open a web browser (%s): open the address above yourself"},
	ServeRebuilt:      {"%s đã thay đổi: tạo lại trong %s; %s", "%s changed: rebuilt in %s; %s"},
	ServeFailed:       {"có %d lỗi; trình duyệt hiện danh sách lỗi cho đến khi sửa xong", "%d errors; the browser shows them until they are fixed"},
	ServeStopped:      {"đã dừng xem trước", "preview stopped"},
	PortTaken:         {"cổng %d trên %s đang được chương trình khác dùng (có thể là một qrboard serve khác)", "port %d on %s is in use by another program (perhaps another qrboard serve)"},
	PortTry:           {"thử: qrboard serve -port %d", "try: qrboard serve -port %d"},
	ListenFailed:      {"không mở được %s: %s", "cannot listen on %s: %s"},
	BadPort:           {"-port %q phải là số từ 0 đến 65535", "-port %q must be a number from 0 to 65535"},
	BadBind:           {"-bind %q không phải địa chỉ IP (ví dụ 127.0.0.1, hoặc 0.0.0.0 để mở cho cả mạng nội bộ)", "-bind %q is not an IP address (such as 127.0.0.1, or 0.0.0.0 to open it to the local network)"},
	ErrorPageTitle:    {"Chưa tạo được trang: có %d lỗi", "The site could not be built: %d errors"},
	ErrorPageHelp:     {"Sửa các lỗi dưới đây rồi lưu tệp; trang này tự tải lại khi sửa xong", "Fix the errors below and save the file; this page reloads by itself when they are fixed"},
	ErrorPageWarnings: {"Ngoài ra có %d cảnh báo; xem bằng qrboard check", "There are also %d warning(s); see them with qrboard check"},

	JSONNotUTF8:          {"tệp không phải văn bản UTF-8: dữ liệu của Cổng Dịch vụ công luôn là UTF-8, có thể tệp đã bị lưu lại bằng bảng mã khác", "the file is not UTF-8 text: the portal's data always is, so the file may have been saved again in another encoding"},
	JSONBad:              {"dữ liệu JSON hỏng (%s)", "malformed JSON (%s)"},
	JSONShape:            {"không nhận ra dữ liệu: cần bản ghi thủ tục của Cổng Dịch vụ công quốc gia — {\"code\": \"OK\", \"data\": {…}}, một bản ghi, {\"records\": […]} hoặc trang danh sách {\"data\": {\"items\": […]}}", "unrecognised data: expected procedure records of the national portal — {\"code\": \"OK\", \"data\": {…}}, a record, {\"records\": […]} or a list page {\"data\": {\"items\": […]}}"},
	JSONNotOK:            {"Cổng Dịch vụ công trả lời mã %q thay vì dữ liệu: %s", "the portal answered with code %q instead of data: %s"},
	JSONRecord:           {"bản ghi có giá trị sai kiểu, bỏ qua bản ghi này (%s)", "a record has a value of the wrong kind and is left out (%s)"},
	FetchOffline:         {"không kết nối được tới %s (%s)", "cannot reach %s (%s)"},
	FetchTimeout:         {"%s không trả lời trong %s (đã thử %d lần)", "%s did not answer within %s (tried %d times)"},
	FetchRefused:         {"%s từ chối yêu cầu (HTTP 403 — cấm truy cập), cả sau khi mở trang tra cứu thủ tục như trình duyệt", "%s refused the request (HTTP 403 — forbidden), even after loading its search page as a browser does"},
	FetchStatus:          {"%s trả lời lỗi HTTP %d (đã thử %d lần)", "%s answered with HTTP error %d (tried %d times)"},
	FetchMalformed:       {"%s trả về dữ liệu không đọc được thay cho bản ghi (%s)", "%s sent data that cannot be read instead of a record (%s)"},
	FetchNotOK:           {"%s trả lời mã %q thay vì dữ liệu: %s", "%s answered with code %q instead of data: %s"},
	HintFetchOffline:     {"kiểm tra kết nối Internet của máy rồi chạy lại; không có mạng thì nhập từ tệp JSON đã lưu: qrboard import TỆP.json", "check this computer's Internet connection and run again; without one, import saved JSON files: qrboard import FILE.json"},
	HintFetchTimeout:     {"cổng có thể đang quá tải: chạy lại sau ít phút, hoặc cho chờ lâu hơn, ví dụ -timeout 2m", "the portal may be overloaded: run again in a few minutes, or wait longer, for example -timeout 2m"},
	HintFetchRefused:     {"cổng đôi khi chặn máy gửi nhiều yêu cầu: đợi 15–30 phút rồi chạy lại với -delay 5s; nếu vẫn bị chặn, mở trang thủ tục trên dichvucong.gov.vn bằng trình duyệt, lưu dữ liệu JSON như docs/huong-dan.md hướng dẫn, rồi chạy qrboard import TỆP.json", "the portal sometimes blocks a computer that sends many requests: wait 15–30 minutes and run again with -delay 5s; if it still refuses, open the procedure on dichvucong.gov.vn in a browser, save its JSON as docs/huong-dan.md explains, and run qrboard import FILE.json"},
	HintFetchLater:       {"cổng có thể đang gặp sự cố hoặc đã đổi cách trả dữ liệu: chạy lại sau; nếu vẫn lỗi, lưu dữ liệu JSON bằng trình duyệt rồi chạy qrboard import TỆP.json", "the portal may be having trouble or may have changed its data: run again later; if it still fails, save the JSON with a browser and run qrboard import FILE.json"},
	ImpKindFeeLocal:      {"lệ phí do địa phương quy định, chờ ghi mức thu", "fees a local council sets, amount awaited"},
	ImpKindFeeFree:       {"lệ phí 0 đồng không lời giải thích, ghi miễn và chờ xác nhận", "fees of 0 without words, shown free and awaiting confirmation"},
	ImpKindFeeUnclear:    {"lệ phí không rõ", "unclear fees"},
	ImpKindTime:          {"thời hạn không có đơn vị (OTHER) hoặc bằng 0", "times without a unit (OTHER) or of 0"},
	ImpKindMissing:       {"thông tin bắt buộc bản ghi không có", "required facts the record lacks"},
	ImpKindNotes:         {"mục “Lưu ý” chuyển thành notes", "“Lưu ý” entries made notes"},
	ImpKindExplained:     {"dòng giải thích chuyển thành notes", "explanation rows made notes"},
	ImpKindHeaders:       {"dòng mở đầu danh sách được bỏ", "rows announcing a list left out"},
	ImpKindResults:       {"dòng kết quả chuyển vào result", "result rows moved to result"},
	ImpKindShortName:     {"tên ngắn phải cắt", "short names cut"},
	ImpKindTruncated:     {"văn bản hoặc danh sách phải cắt", "texts or lists cut"},
	ImpKindRenamed:       {"mã tệp trùng, thêm số thủ tục", "ids taken, code added"},
	ImpKindConflict:      {"giá trị cả cán bộ lẫn Cơ sở dữ liệu quốc gia cùng sửa", "values both staff and the national database changed"},
	ImpInPerson:          {"nộp trực tiếp", "in person"},
	ImpOnline:            {"nộp trực tuyến", "online"},
	ImpPost:              {"qua bưu chính", "by post"},
	ImpFactCode:          {"mã thủ tục", "the procedure's code"},
	ImpFactName:          {"tên thủ tục", "the procedure's name"},
	ImpFactApplicants:    {"đối tượng thực hiện", "who may file"},
	ImpFactField:         {"lĩnh vực", "the field"},
	ImpFactDocuments:     {"thành phần hồ sơ", "the papers"},
	ImpFactResult:        {"kết quả thực hiện", "the result"},
	ImpFactChannels:      {"cách thức thực hiện", "the channels"},
	ImpFactSteps:         {"trình tự thực hiện", "the steps"},
	ImpFactLaws:          {"căn cứ pháp lý", "the legal basis"},
	ImpMissing:           {"Cơ sở dữ liệu quốc gia không ghi %s: trang ghi “hỏi cán bộ” — hãy điền theo văn bản quy định rồi xóa mục này", "the national database does not give %s: pages say “ask the staff” — fill it in from the legal texts and delete this entry"},
	ImpTimeUnknown:       {"Thời hạn giải quyết (%s): Cơ sở dữ liệu quốc gia ghi %s, không có đơn vị%s; trang ghi “hỏi cán bộ” — hãy ghi thời hạn vào time rồi xóa mục này", "Processing time (%s): the national database gives %s without a unit%s; pages say “ask the staff” — write the time in time and delete this entry"},
	ImpTimeVariants:      {"; các biến thể của thủ tục ghi %s", "; the procedure's variants give %s"},
	ImpFeeFree:           {"Lệ phí (%s): Cơ sở dữ liệu quốc gia ghi 0 đồng, không kèm lời giải thích; trang ghi “Miễn lệ phí” — hãy đối chiếu văn bản quy định rồi xóa mục này", "Fee (%s): the national database gives 0 without words; pages say “Miễn lệ phí” (free) — check the legal texts and delete this entry"},
	ImpFeeUnclear:        {"Lệ phí (%s): Cơ sở dữ liệu quốc gia ghi 0 đồng kèm lời “%s”; trang ghi “hỏi cán bộ” — hãy ghi mức thu vào fee rồi xóa mục này", "Fee (%s): the national database gives 0 with the words “%s”; pages say “ask the staff” — write the amount in fee and delete this entry"},
	ImpFeeMissing:        {"Lệ phí (%s): Cơ sở dữ liệu quốc gia không ghi lệ phí; trang ghi “hỏi cán bộ” — hãy ghi mức thu vào fee rồi xóa mục này", "Fee (%s): the national database gives no fee; pages say “ask the staff” — write the amount in fee and delete this entry"},
	ImpFeeLocal:          {"lệ phí %s do %s quy định: trang ghi “hỏi cán bộ” cho đến khi ghi mức thu vào fee", "the fee %s is set by %s: pages say “ask the staff” until the amount is written in fee"},
	ImpFeeSibling:        {"lệ phí %s: ghi 0 đồng không kèm lời, nhưng cách nộp khác ghi mức do %s quy định; coi như cùng mức đó", "the fee %s: 0 without words, but another channel's is set by %s; taken as the same"},
	ImpShortCut:          {"tên ngắn phải cắt: %q — nên viết lại short_name", "the short name had to be cut: %q — better write short_name yourself"},
	ImpTextCut:           {"%s dài hơn %d ký tự nên đã cắt", "%s was longer than %d characters and was cut"},
	ImpListCut:           {"%s có %d mục, tối đa %d: bỏ các mục sau", "%s has %d items, at most %d: the rest left out"},
	ImpNotes:             {"%d mục “Lưu ý” thành notes, không phải giấy tờ", "%d “Lưu ý” entries made notes, not papers"},
	ImpExplained:         {"%d dòng giải thích (không ghi số bản) thành notes, không phải giấy tờ", "%d explanation rows (no number of copies) made notes, not papers"},
	ImpHeaders:           {"%d dòng chỉ mở đầu danh sách (“… các giấy tờ sau:”) được bỏ", "%d rows that only announce a list (“… các giấy tờ sau:”) left out"},
	ImpResultRows:        {"%d dòng là kết quả (isProcessingResult) chuyển vào result", "%d rows that are results (isProcessingResult) moved to result"},
	ImpSource:            {"Cơ sở dữ liệu quốc gia về thủ tục hành chính (Cổng Dịch vụ công quốc gia) – thủ tục %s, bản cập nhật ngày %s", "National database of administrative procedures (national public-service portal) – procedure %s, as updated on %s"},
	ImpSourceUndated:     {"Cơ sở dữ liệu quốc gia về thủ tục hành chính (Cổng Dịch vụ công quốc gia) – thủ tục %s", "National database of administrative procedures (national public-service portal) – procedure %s"},
	ImpConflictNote:      {"Cơ sở dữ liệu quốc gia đã đổi %s thành: %s — tệp vẫn giữ giá trị cán bộ đã sửa; hãy đối chiếu rồi xóa mục này", "the national database changed %s to: %s — the file keeps the value staff wrote; compare and delete this entry"},
	ImpSkipBadCode:       {"mã thủ tục dài quá 40 ký tự: không phải mã của Cơ sở dữ liệu quốc gia", "the code is longer than 40 characters: not a code of the national database"},
	ImpSkipDuplicate:     {"có bản ghi khác cùng mã %s (%s) cập nhật sau hơn: chỉ nhập bản đó", "another record with code %s (%s) was updated later: only that one is imported"},
	ImpSkipAmbiguous:     {"nhiều tệp cùng mang mã này (%s): hãy giữ một tệp rồi nhập lại", "several files carry this code (%s): keep one and import again"},
	ImpSkipDeleted:       {"tệp của thủ tục này đã bị xóa khỏi procedures/ sau lần nhập trước, nên không tạo lại; muốn nhập lại thì xóa %s", "this procedure's file was deleted from procedures/ after the last import, so it is not made again; to import it again, delete %s"},
	ImpSkipInternal:      {"thủ tục nội bộ giữa các cơ quan nhà nước (STANDARD_INTERNAL); nhập cả loại này bằng -internal", "an internal procedure between state bodies (STANDARD_INTERNAL); import these too with -internal"},
	ImpSkipNoLevel:       {"không thực hiện ở cấp xã hay cấp tỉnh (chỉ cấp bộ, ngành dọc hoặc cơ quan khác)", "handled neither by communes nor by provinces (only by a ministry, a vertical agency or another body)"},
	ImpSkipLevel:         {"không thực hiện ở cấp xã; nhập cả loại này bằng -all-levels", "not handled at commune level; import these too with -all-levels"},
	ImpSkipState:         {"trạng thái %s trên Cơ sở dữ liệu quốc gia (không phải ACTIVE hay UPDATED): có thể đã bị bãi bỏ — nếu đã nhập trước đây, hãy kiểm tra và ghi repealed_on", "its state in the national database is %s (not ACTIVE or UPDATED): it may be repealed — if imported before, check and set repealed_on"},
	ImpSkipNoID:          {"không đặt được mã tệp: %q và các biến thể đều đã có", "no id is free: %q and its variants are all taken"},
	ImpSkipHandWritten:   {"%s viết tay đã có mã này: giữ nguyên; để lệnh import quản lý tệp đó, chạy lại với -adopt (giữ mọi giá trị của tệp, chỉ thêm thông tin còn thiếu)", "%s, written by hand, has this code: left as it is; to let import manage it, run again with -adopt (keeps the file's every value, adds only what it lacks)"},
	ImpSkipBroken:        {"%s có lỗi YAML nên không gộp được: sửa tệp (qrboard check chỉ chỗ lỗi) rồi nhập lại", "%s has YAML errors and cannot be merged: fix it (qrboard check shows where) and import again"},
	ImpSkipInvalid:       {"tệp tạo ra không hợp lệ (%s: %s) nên không ghi — hãy báo lỗi này cho người phát triển qrboard", "the file made is not valid (%s: %s) and was not written — please report this to qrboard's developers"},
	ImpRenamed:           {"mã %q đã thuộc về %s: dùng %q", "id %q belongs to %s: using %q"},
	ImpKept:              {"giữ giá trị cán bộ đã sửa ở %s; giá trị mới của Cơ sở dữ liệu quốc gia ghi trong unverified", "kept staff's value of %s; the national database's new value is in unverified"},
	FetchNotFound:        {"không tìm thấy thủ tục mã %s trên %s", "no procedure with code %s on %s"},
	HintFetchNotFound:    {"kiểm tra mã thủ tục (dạng 1.000894); có thể tìm theo tên: qrboard import -search \"khai sinh\"", "check the code (such as 1.000894); you can search by name: qrboard import -search \"khai sinh\""},
	ImportNothingWritten: {"chưa ghi gì vào dự án", "nothing was written to the project"},
	ImportDryRun:         {"chạy thử (-dry-run): không ghi tệp nào", "dry run (-dry-run): no file was written"},
	ImportFetched:        {"đã tải %d bản ghi từ %s", "fetched %d records from %s"},
	ImportFetching:       {"đang tải bản ghi %d/%d…", "fetching record %d/%d…"},
	ImportListOnly:       {"tệp chỉ là danh sách %d thủ tục, không có bản ghi chi tiết nên không tạo được trang", "the file is only a list of %d procedures, without their records, which pages need"},
	HintImportFetch:      {"tải bản ghi chi tiết rồi nhập: qrboard import -fetch %s", "fetch their records and import them: qrboard import -fetch %s"},
	ImportNoRecords:      {"không có bản ghi thủ tục nào để nhập", "no procedure records to import"},
	ImportSources:        {"cho biết nhập từ đâu, một trong: các tệp JSON, -fetch MÃ…, -search \"từ khóa\" hoặc -all", "say what to import from, one of: JSON files, -fetch CODE…, -search \"words\" or -all"},
	ImportOffices:        {"dùng -offices hoặc -office, không dùng cả hai", "use -offices or -office, not both"},
	ImportNew:            {"mới: %s — %s %s", "new: %s — %s %s"},
	ImportUpdated:        {"cập nhật: %s — %s: %s", "updated: %s — %s: %s"},
	ImportUnchanged:      {"không đổi: %s — %s", "unchanged: %s — %s"},
	ImportSkipped:        {"bỏ qua %s %s: %s", "skipped %s %s: %s"},
	ImportNotice:         {"  %s: %s", "  %s: %s"},
	ImportKinds:          {"đã gặp — %s: %d thủ tục (-v: từng điều)", "met — %s: %d procedure(s) (-v: each)"},
	ImportSummary:        {"nhập xong: %d mới, %d cập nhật, %d không đổi, %d bỏ qua; tiếp theo: qrboard check để xem những gì cần điền, rồi qrboard build", "import done: %d new, %d updated, %d unchanged, %d skipped; next: qrboard check to see what to fill in, then qrboard build"},
	ImportOnlyDates:      {"chỉ ngày cập nhật của bản ghi đổi", "only the record's update date changed"},
	ImportPlaces:         {"đổi %s", "changed %s"},
	ImportPlacesMore:     {"đổi %s và %d chỗ khác", "changed %s and %d more"},
	ImportReprint:        {"%s: điều in trên áp phích đã đổi — in lại áp phích của %d cơ quan: %s", "%s: what its posters print changed — print again the posters of %d office(s): %s"},
	ImportSkippedMany:    {"bỏ qua %d thủ tục: %s (-v: từng thủ tục)", "skipped %d procedure(s): %s (-v: each)"},
	ImportFlagLate:       {"%s đứng sau tên tệp: các tùy chọn phải đứng trước, ví dụ qrboard import -adopt TỆP.json", "%s comes after a file name: flags go first, as in qrboard import -adopt FILE.json"},
	ImportReprintUnknown: {"%s: điều in trên áp phích đã đổi — in lại áp phích của các cơ quan thực hiện thủ tục (qrboard check cho biết vì sao chưa liệt kê được)", "%s: what its posters print changed — print again the posters of the offices that handle it (qrboard check says why they cannot be listed)"},
	JSONIncomplete:       {"bản ghi %q thiếu mã định danh (UUID) hợp lệ, mã thủ tục hoặc tên, bỏ qua bản ghi này", "record %q lacks a valid id (UUID), its code or its name and is left out"},

	DescRequired:    {"bắt buộc", "required"},
	DescMaxChars:    {"tối đa %d ký tự", "at most %d characters"},
	DescMaxItems:    {"tối đa %d mục", "at most %d items"},
	DescMaxNumber:   {"tối đa %d", "at most %d"},
	DescExample:     {"ví dụ: %s", "for example: %s"},
	DescMarkdown:    {"có thể dùng Markdown: **chữ đậm**, danh sách, liên kết", "Markdown allowed: **bold**, lists, links"},
	DescDate:        {"ngày viết dạng năm-tháng-ngày (YYYY-MM-DD)", "a date written year-month-day (YYYY-MM-DD)"},
	DescURL:         {"địa chỉ đầy đủ bắt đầu bằng https:// (hoặc tel:, mailto:)", "a full address starting with https:// (or tel:, mailto:)"},
	DescID:          {"chữ thường không dấu a–z, số và dấu gạch ngang", "lower-case a–z, digits and hyphens"},
	SchemaText:      {"cần một đoạn văn bản: viết trên một dòng, hoặc dùng | rồi xuống dòng cho văn bản nhiều dòng", "expected text: write it on one line, or use | and new lines for longer text"},
	SchemaList:      {"cần một danh sách: mỗi mục một dòng, bắt đầu bằng \"- \"", "expected a list: put each item on its own line starting with \"- \""},
	SchemaBool:      {"cần true (có) hoặc false (không)", "expected true or false"},
	SchemaNumber:    {"cần một số nguyên không âm", "expected a whole number, not negative"},
	SchemaDate:      {"ngày phải viết dạng năm-tháng-ngày (YYYY-MM-DD), ví dụ 2026-11-27", "dates are written year-month-day (YYYY-MM-DD), for example 2026-11-27"},
	SchemaURL:       {"cần địa chỉ đầy đủ bắt đầu bằng https:// (hoặc tel:, mailto:), không có dấu cách", "expected a full address starting with https:// (or tel:, mailto:), without spaces"},
	SchemaID:        {"mã chỉ dùng chữ thường không dấu a–z, số và dấu gạch ngang, tối đa 40 ký tự", "ids use only lower-case a–z, digits and hyphens, at most 40 characters"},
	SchemaChoose:    {"chọn một trong: %s", "choose one of: %s"},
	SchemaUnfilled:  {"chưa điền: thay TODO bằng thông tin thật", "not filled in: replace TODO with the real information"},
	SchemaProcedure: {"Tệp thủ tục của qrboard (procedures/<mã>.yaml): mỗi tệp một thủ tục hành chính", "A qrboard procedure file (procedures/<id>.yaml): one administrative procedure per file"},
	NewIntro:        {"Thủ tục %s. Mỗi dòng bắt đầu bằng # là ghi chú cho trường ngay dưới nó; ghi chú không hiện trên trang", "Procedure %s. Each line starting with # is a note on the field below it; notes are not shown on pages"},
	NewTODO:         {"Thay mọi chữ TODO bằng thông tin thật, lấy từ văn bản pháp luật hoặc Cổng Dịch vụ công; qrboard check chỉ ra chỗ nào còn TODO", "Replace every TODO with the real information, from the legal texts or the public service portal; qrboard check shows where TODO is left"},
	NewOptional:     {"Trường để trống là không bắt buộc: chưa có thông tin thì cứ để trống", "Fields left empty are optional: leave them empty when there is nothing to say"},
	NewComments:     {"Danh sách: mỗi mục một dòng, bắt đầu bằng \"- \". Văn bản dài: viết | rồi xuống dòng, thụt lề hai dấu cách", "Lists: one item per line, starting with \"- \". Long text: write | and continue on the next lines, indented two spaces"},
	NewUncomment:    {"Nếu cần: xóa dấu \"# \" ở đầu các dòng dưới đây rồi điền", "If needed: delete the \"# \" at the start of the lines below and fill them in"},
	SchemaConfig:    {"Tệp cấu hình qrboard.yaml: tên trang, địa chỉ công khai và các Bộ phận Một cửa", "The qrboard.yaml configuration: site title, public address and one-stop offices"},

	DescRequiredUnless: {"bắt buộc, trừ khi đã có %s", "required unless %s is given"},
}
