@echo off
rem Xem trước trang web của dự án trong thư mục này: nhấp đúp vào tệp này.
rem Nó chạy "qrboard serve -open": tạo trang vào một thư mục tạm, mở trình
rem duyệt, và tạo lại trang mỗi khi lưu tệp. Dừng: đóng cửa sổ hoặc Ctrl+C.
rem (Tệp này nằm trong bản phát hành của qrboard, xem huong-dan.html.)
title qrboard serve
cd /d "%~dp0"
"%~dp0qrboard.exe" serve -open %*
if errorlevel 1 pause
