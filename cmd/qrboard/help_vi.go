package main

// The help in Vietnamese, the language of the staff who run qrboard:
// "qrboard help" and every command's -h show it unless -lang en (or
// QRBOARD_LANG=en) asks for English, which the commands' own fields hold.
// A command whose paragraphs here are empty (import, written in
// Vietnamese alone) shows its own.

// helpVi is each command's one line and paragraphs, by name.
var helpVi = map[string]struct{ short, long string }{
	"build": {"tạo trang web vào thư mục site/", `Lệnh build đọc qrboard.yaml và procedures/, kiểm tra mọi thứ rồi ghi trang
web — mỗi cơ quan và mỗi thủ tục một trang, có mã QR ngay trong trang, kèm ảnh
chia sẻ, cùng trang chủ, sitemap.xml, robots.txt và 404.html — vào thư mục
xuất. Lệnh cảnh báo trang nặng quá 14 KB.

Lệnh build lỗi thì trang cũ giữ nguyên: các tệp được tạo trong một thư mục
mới cạnh thư mục xuất, chỉ chuyển vào chỗ khi cả lần tạo thành công; tệp
qrboard.lock được ghi cùng bước đó. Chỉ tệp có nội dung đổi mới được ghi.

qrboard chỉ sửa, xóa những tệp chính nó đã ghi vào thư mục xuất (danh sách
trong tệp .qrboard-site); tệp khác (CNAME, tệp xác minh, thư mục .git) được
giữ nguyên. Tệp muốn đăng kèm thì đặt trong thư mục static/ của dự án.
qrboard không ghi vào thư mục dự án, thư mục chứa dự án, thư mục cá nhân,
thư mục gốc, thư mục của dự án khác hay thư mục của lệnh print.

Mọi địa chỉ đã công bố được ghi trong qrboard.lock; lần tạo nào làm mất một
địa chỉ sẽ báo lỗi, vì áp phích đã in dẫn đến đó.`},
	"check": {"kiểm tra dự án, không ghi gì", `Lệnh check chạy mọi bước kiểm tra của build — cú pháp YAML, các trường, liên
kết, mã, cơ quan, tệp khóa, mẫu trang, độ nặng trang — và in mọi vấn đề kèm
tệp, dòng, cột, cả các cảnh báo như thông tin liên hệ còn ghi TODO hay dữ
kiện chưa xác nhận. Lệnh cũng cho biết mỗi cơ quan đã sáp nhập (until và
successor trong qrboard.yaml) và các địa chỉ cũ của nó đi đâu. Lệnh không
ghi gì.`},
	"serve": {"xem trước trang web trên trình duyệt khi đang sửa; trang tự tải lại khi lưu", `Lệnh serve tạo trang web và mở nó ở http://127.0.0.1:8642/ cho trình duyệt
trên máy này. Lệnh theo dõi qrboard.yaml, procedures/ và templates/, tạo lại
khi một tệp được lưu: trang đang mở tự tải lại. Khi tệp có lỗi, trình duyệt
hiện lỗi — tệp, dòng, cột và cách sửa — thay cho trang, và trang trở lại khi
lỗi đã được sửa.

Lệnh serve tạo trang vào một thư mục tạm: không bao giờ đụng đến site/ hay
qrboard.lock. Mã QR của bản xem trước vẫn dẫn về base_url, địa chỉ công khai.

Với -bind 0.0.0.0 các máy khác trong mạng nội bộ (điện thoại) cũng xem được.
Với -open trình duyệt tự mở khi bản xem trước sẵn sàng.`},
	"print": {"tạo các tệp PDF áp phích để in, vào print/", `Lệnh print tạo, cho mỗi cơ quan, các tệp PDF để gửi nhà in, trong
print/<cơ quan>/:

  posters.pdf          mọi áp phích của cơ quan, mỗi trang một áp phích
  board.pdf            trang danh sách: các thủ tục xếp thành lưới, mỗi thủ tục một mã và tên
  door.pdf             áp phích cửa, mã mở danh sách thủ tục của cơ quan
  survey.pdf           áp phích đánh giá, mã mở phiếu đánh giá của cơ quan
                       (chỉ khi cơ quan có survey_url trong qrboard.yaml)
  posters/<mã>.pdf     từng áp phích riêng, để in lại một tờ

Khổ giấy theo print.paper trong qrboard.yaml (A4 nếu không ghi) hoặc -paper.
In đúng 100 %, không chọn "vừa trang": mã được tính cỡ để đọc từ một mét.

Lệnh print chạy mọi bước kiểm tra của build, và báo lỗi khi một mã in ra quá
nhỏ để quét hay một tên không vừa. Thư mục print chỉ được thay khi mọi tệp đã
tạo xong; qrboard chỉ sửa, xóa tệp chính nó đã ghi (danh sách trong tệp
.qrboard-print) và không ghi vào thư mục trang web của lệnh build. -office
chỉ in một số cơ quan. Địa chỉ trên áp phích được ghi vào qrboard.lock.`},
	"new": {"tạo tệp thủ tục mới procedures/ID.yaml, liệt kê mọi trường", `Lệnh new viết procedures/ID.yaml theo mẫu liệt kê mọi trường của một tệp
thủ tục, mỗi trường có một dòng chú thích tiếng Việt nói cần ghi gì, kèm ví
dụ. Giá trị cần điền ghi TODO, và "qrboard check" nêu từng chỗ cho đến khi
được thay; trường không bắt buộc để trống. Lệnh new không bao giờ ghi đè tệp.

ID là địa chỉ của thủ tục trên trang: chữ thường a–z, chữ số và dấu gạch
ngang, ví dụ dang-ky-khai-sinh.`},
	"init": {"tạo dự án mới trong DIR từ dự án mẫu", `Lệnh init viết một dự án mới vào DIR (thư mục mới hoặc trống): qrboard.yaml
mẫu (ba xã Phúc Thọ, Phúc Lộc, Hát Môn của Hà Nội từ 01/07/2025, cùng các
đơn vị cũ trước sáp nhập), procedures/ (năm thủ tục thật),
schema/ (để VS Code kiểm tra tệp khi gõ) và .gitignore. Sửa base_url và các
cơ quan cho đúng đơn vị mình, rồi chạy qrboard build.

Dự án mới chưa có qrboard.lock: tệp khóa bắt đầu giữ địa chỉ từ lần build
hay print đầu tiên với base_url thật của đơn vị.`},
	"schema": {"ghi các JSON Schema giúp trình soạn thảo kiểm tra tệp YAML khi gõ", `Lệnh schema in ra JSON Schema của tệp thủ tục ("procedure") hoặc của
qrboard.yaml ("qrboard"), hoặc ghi cả hai vào một thư mục với -o. Dự án giữ
chúng trong schema/ ("qrboard init" ghi sẵn): với tiện ích YAML của VS Code
(redhat.vscode-yaml), tệp có dòng đầu là

	# yaml-language-server: $schema=../schema/procedure.schema.json

được gợi ý và giải thích các trường bằng tiếng Việt, lỗi được gạch chân khi
gõ. Sau khi cập nhật qrboard, chạy "qrboard schema -o schema" để làm mới.`},
	"version": {"in phiên bản của qrboard", `Lệnh version in phiên bản của qrboard, commit và ngày tạo chương trình (nếu
biết), phiên bản Go và hệ điều hành: những gì bộ phận hỗ trợ cần hỏi.`},
	"import": {"nhập thủ tục từ Cơ sở dữ liệu quốc gia về thủ tục hành chính", ""}, // its own text is Vietnamese
	"help":   {"giải thích một lệnh", `Lệnh help liệt kê các lệnh, hoặc giải thích một lệnh và các tùy chọn của nó.`},
}

// flagsVi is each flag's line, by "command.flag" or, for a flag that
// means the same in every command, by its name alone.
var flagsVi = map[string]string{
	"src":          "thư mục dự án, có qrboard.yaml và procedures/",
	"base-url":     "địa chỉ công khai của trang, thay cho base_url trong qrboard.yaml",
	"templates":    "thư mục mẫu trang đặt chồng lên mẫu có sẵn (mặc định: <src>/templates nếu có)",
	"now":          "ngày tạo YYYY-MM-DD, quyết định thủ tục nào đang có hiệu lực (mặc định: hôm nay, giờ Việt Nam)",
	"v":            "in mọi cảnh báo",
	"lang":         "ngôn ngữ của thông báo: vi hoặc en (mặc định: QRBOARD_LANG, rồi ngôn ngữ của trang)",
	"build.out":    "thư mục xuất (mặc định: <src>/site)",
	"print.out":    "thư mục chứa tệp in (mặc định: <src>/print)",
	"print.paper":  "khổ giấy: A4, A3 hoặc A5 (mặc định: print.paper trong qrboard.yaml, không có thì A4)",
	"print.office": "mã các cơ quan cần in, cách nhau dấu phẩy (mặc định: mọi cơ quan)",
	"serve.port":   "cổng; 0 để tự chọn một cổng trống",
	"serve.bind":   "địa chỉ lắng nghe; 0.0.0.0 mở bản xem trước cho mạng nội bộ",
	"serve.open":   "mở bản xem trước trong trình duyệt khi đã sẵn sàng",
	"schema.o":     "ghi cả hai tệp schema vào thư mục này thay vì in ra một tệp",
}

// flagVi returns the Vietnamese line of command c's flag name.
func flagVi(c, name string) (string, bool) {
	if t, ok := flagsVi[c+"."+name]; ok {
		return t, true
	}
	if c == "import" && name != "lang" {
		return "", false // written in Vietnamese already, with meanings of its own
	}
	t, ok := flagsVi[name]
	return t, ok
}
