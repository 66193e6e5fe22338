package slug

import "testing"

func TestMake(t *testing.T) {
	for in, want := range map[string]string{
		"Phụng Thượng":                      "phung-thuong",
		"Đăng ký khai tử":                   "dang-ky-khai-tu",
		"ĐĂNG KÝ KẾT HÔN":                   "dang-ky-ket-hon",
		"Trạch Mỹ Lộc":                      "trach-my-loc",
		"Xã Hát Môn":                        "xa-hat-mon",
		"  --Chứng thực: bản sao!! ":        "chung-thuc-ban-sao",
		"Ke\u0302\u0301t ho\u0302n":         "ket-hon", // decomposed input
		"Cấp bản sao trích lục hộ tịch năm": "cap-ban-sao-trich-luc-ho-tich-nam",
		"Chứng thực chữ ký trong các giấy tờ, văn bản": "chung-thuc-chu-ky-trong-cac-giay-to-van", // cut at a word
		"!!!": "",
	} {
		if got := Make(in); got != want {
			t.Errorf("Make(%q) = %q, want %q", in, got, want)
		}
		if got := Make(in); got != "" && Check(got) != OK {
			t.Errorf("Make(%q) = %q, which Check refuses: %v", in, got, Check(got))
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Khai Tử":         "khai tu",
		"đăng ký":         "dang ky",
		"Đ":               "d",
		"Ơ ơ Ư ư Ă â ệ ỹ": "o o u u a a e y",
		"2.000884":        "2.000884",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheck(t *testing.T) {
	for id, want := range map[string]Problem{
		"ket-hon":  OK,
		"van-ha":   OK,
		"a1":       OK,
		"":         Empty,
		"../etc":   PathElement,
		"a/b":      PathElement,
		`a\b`:      PathElement,
		"ket.hon":  PathElement,
		"ket hon":  NotASCII,
		"Ket-hon":  NotASCII,
		"kết-hôn":  NotASCII,
		"ket_hon":  NotASCII,
		"-ket":     BadHyphen,
		"ket-":     BadHyphen,
		"ket--hon": BadHyphen,
		"con":      Reserved,
		"aux":      Reserved,
		"lpt1":     Reserved,
		"404":      Reserved,
		"a23456789012345678901234567890123456789012": TooLong,
	} {
		if got := Check(id); got != want {
			t.Errorf("Check(%q) = %v, want %v", id, got, want)
		}
	}
}
