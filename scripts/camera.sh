#!/bin/sh
# camera.sh measures how often a phone reads the codes of the sample's
# posters, printed with a real .gov.vn address, on A4 and A3, at levels
# L, M and Q, from 1, 1.5 and 2 m (see internal/camera): a Markdown table
# of decode rates by zbar and gozxing. Needs pdftoppm and zbarimg.
#
#   scripts/camera.sh [trials per cell, default 100]
set -eu
cd "$(dirname "$0")/.."
exec go test ./internal/camera -run TestDistance -count 1 -v -timeout 60m \
	-args -camera.table -camera.trials "${1:-100}"
