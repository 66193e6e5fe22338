#!/bin/sh
# Xem trước trang web của dự án trong thư mục này: nhấp đúp vào tệp này
# (trên macOS là xem-truoc.command), hoặc chạy ./xem-truoc.sh trong cửa sổ
# lệnh. Nó chạy "qrboard serve -open": tạo trang vào một thư mục tạm, mở
# trình duyệt, và tạo lại trang mỗi khi lưu tệp. Dừng: Ctrl+C.
# (Tệp này nằm trong bản phát hành của qrboard, xem huong-dan.html.)
cd "$(dirname "$0")" || exit 1
# Ctrl+C stops qrboard, which then says so; the script goes on to end
# with qrboard's status.
trap : INT
./qrboard serve -open "$@"
status=$?
if [ "$status" -ne 0 ] && [ -t 0 ]; then
	printf '\n[Enter] '
	read -r _
fi
exit "$status"
