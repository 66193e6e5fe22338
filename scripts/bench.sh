#!/usr/bin/env bash
# bench.sh times whole `qrboard build` runs on synthetic provinces (made by
# cmd/qrboard-province) and, where hugo is installed, Hugo building the same
# pages, and prints a Markdown table: median of RUNS runs with min–max, as
# measured by /usr/bin/time (Debian package "time").
#
#   scripts/bench.sh                      # 1,071 and 10,201 pages, 5 runs each
#   RUNS=9 SIZES="100x100" scripts/bench.sh
#   RUNS=1 SIZES="126x400" PRINT=0 SERVE=0 scripts/bench.sh  # a city: 50,400 pages
#
# Environment:
#   RUNS   runs per measurement (default 5)
#   SIZES  provinces as OFFICESxPROCEDURES (default "20x50 100x100")
#   WORK   scratch folder on tmpfs (default /dev/shm/qrboard-bench)
#   DISK   scratch folder on the ordinary disk (default /var/tmp/qrboard-bench)
#   PRINT  1 (default) also times `qrboard print` (every office's PDF pack)
#          and reports posters per second; 0 skips it
#   SERVE  1 (default) also measures a `qrboard serve` rebuild after one
#          procedure of the sample is edited (Go benchmark, RUNS runs); 0 skips it
#   PROFILES  a folder: after the timed runs, profile one more warm full
#          build, fee rebuild and rename rebuild of each size
#          (QRBOARD_CPUPROFILE), save SIZE-KIND.prof there and print the
#          top of each (go tool pprof -top)
#
# Every build goes into an empty output folder except the rebuilds, which
# change one procedure's fee (its pages change) or its short name (its
# pages, the boards of its offices and the home page change) and rebuild
# into the previous output. A full build writes every page's files —
# index.html, and og.png on the pages that have their own sharing picture —
# so a new page file is measured as soon as the build makes it; the files
# and bytes per page of the output are reported. The measurements take turns run
# by run, so a change in the machine's load falls on all of them alike;
# still, run it on a quiet machine. "cold" starts from an empty cache
# folder, "warm" from the cache of an earlier build: its QR codes, sharing
# pictures and page weights (see README, "Large sites").
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
SIZES=${SIZES:-"20x50 100x100"}
WORK=${WORK:-/dev/shm/qrboard-bench}
DISK=${DISK:-/var/tmp/qrboard-bench}
PRINT=${PRINT:-1}
SERVE=${SERVE:-1}
PROFILES=${PROFILES:-}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench.sh: $TIME is missing (apt-get install time)" >&2; exit 1; }

rm -rf "$WORK" "$DISK"
mkdir -p "$WORK/bin" "$WORK/results" "$DISK"
go build -o "$WORK/bin/qrboard" ./cmd/qrboard
go build -o "$WORK/bin/qrboard-province" ./cmd/qrboard-province
QB=$WORK/bin/qrboard
HUGO=$(command -v hugo || true)

# timed NAME CMD...: runs CMD under /usr/bin/time and appends "wall user
# sys maxrss_kb" to results/NAME.
timed() {
	local name=$1
	shift
	"$TIME" -f "%e %U %S %M" -o "$WORK/results/$name" -a "$@" >/dev/null 2>"$WORK/last.log" ||
		{ echo "bench.sh: $name failed:" >&2; cat "$WORK/last.log" >&2; exit 1; }
}

# summary FILE COLUMN [SCALE]: "median (min–max)" of a column of a results file.
summary() {
	sort -n -k"$2" "$1" | awk -v c="$2" -v scale="${3:-1}" '
		{ v[NR] = $c / scale }
		END {
			m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			fmt = (scale == 1) ? "%.2f" : "%.0f"
			printf fmt " (" fmt "–" fmt ")", m, v[1], v[NR]
		}'
}

median() { # median FILE EXPR: median of an awk expression over the lines
	awk "{ print $2 }" "$1" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$($QB version)"
echo
declare -A labels=(
	[qrboard-warm-tmpfs]="qrboard, warm cache, tmpfs"
	[qrboard-cold-tmpfs]="qrboard, empty cache, tmpfs"
	[qrboard-warm-disk]="qrboard, warm cache, disk"
	[qrboard-cold-disk]="qrboard, empty cache, disk"
	[qrboard-fee-tmpfs]="qrboard, rebuild after one fee changed, tmpfs"
	[qrboard-name-tmpfs]="qrboard, rebuild after one procedure renamed, tmpfs"
	[qrboard-fee-disk]="qrboard, rebuild after one fee changed, disk"
	[hugo-tmpfs]="Hugo, tmpfs"
	[hugo-disk]="Hugo, disk"
	[qrboard-print-tmpfs]="qrboard print (PDF packs of all offices), tmpfs"
)
table="| pages | files | build | wall s | user s | sys s | peak RSS MB |
|---:|---:|---|---|---|---|---|"
ratios=""
for size in $SIZES; do
	offices=${size%x*} procs=${size#*x}
	src=$WORK/src-$size hugosrc=$WORK/hugo-$size cache=$WORK/cache-$size
	"$WORK/bin/qrboard-province" -offices "$offices" -procedures "$procs" -hugo "$hugosrc" "$src" 2>/dev/null
	pages=$((1 + offices + offices * procs + procs))
	# Prime: write qrboard.lock and fill the warm cache.
	QRBOARD_CACHE=$cache "$QB" build -src "$src" -out "$WORK/prime" 2>/dev/null
	files=$(find "$WORK/prime" -type f | wc -l)
	bytes=$(find "$WORK/prime" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
	html=$(find "$WORK/prime" -type f -name index.html -printf '%s\n' | awk '{ s += $1; n++ } END { printf "%.1f", s / n / 1024 }')
	pngs=$(find "$WORK/prime" -type f -name og.png | wc -l)
	rm -rf "$WORK/prime"

	# Rebuilds go into the previous output after changing one procedure
	# of their own copy of the project: its fee (its own pages change) or
	# its name (the lists that show it too).
	for kind in fee name feedisk; do
		rm -rf "$src-$kind"
		cp -r "$src" "$src-$kind"
	done
	for dir in "$WORK/inc-fee" "$WORK/inc-name" "$DISK/inc-feedisk"; do
		rm -rf "$dir"
		QRBOARD_CACHE=$cache "$QB" build -src "$src-${dir##*-}" -out "$dir" 2>/dev/null
	done
	n=0
	edit() { # edit KIND: change the fee or the short name of a procedure
		n=$((n + 1))
		local file=$src-$1/procedures/dang-ky-ket-hon.yaml
		case $1 in
		name) sed -i "s/^short_name: .*/short_name: Đăng ký kết hôn ($n)/" "$file" ;;
		*) sed -i -E "s/^    fee: Miễn lệ phí( \([0-9]+\))?$/    fee: Miễn lệ phí ($n)/" "$file" ;;
		esac
	}
	[ -n "$HUGO" ] && "$HUGO" --quiet -s "$hugosrc" --destination "$WORK/hout" --cacheDir "$WORK/hcache" # warm Hugo's cache
	hugofiles=$([ -n "$HUGO" ] && find "$WORK/hout" -type f | wc -l || echo "")

	# The runs of all measurements take turns, so that a change in the
	# machine's load falls on all of them alike.
	for _ in $(seq "$RUNS"); do
		rm -rf "$WORK/out"
		timed "$size-qrboard-warm-tmpfs" env QRBOARD_CACHE="$cache" "$QB" build -src "$src" -out "$WORK/out"
		if [ -n "$HUGO" ]; then
			rm -rf "$WORK/hout"
			timed "$size-hugo-tmpfs" "$HUGO" --quiet -s "$hugosrc" --destination "$WORK/hout" --cacheDir "$WORK/hcache"
		fi
		rm -rf "$WORK/out" "$WORK/cold"
		timed "$size-qrboard-cold-tmpfs" env QRBOARD_CACHE="$WORK/cold" "$QB" build -src "$src" -out "$WORK/out"
		edit fee
		timed "$size-qrboard-fee-tmpfs" env QRBOARD_CACHE="$cache" "$QB" build -src "$src-fee" -out "$WORK/inc-fee"
		edit name
		timed "$size-qrboard-name-tmpfs" env QRBOARD_CACHE="$cache" "$QB" build -src "$src-name" -out "$WORK/inc-name"
		rm -rf "$DISK/out"
		sync
		timed "$size-qrboard-warm-disk" env QRBOARD_CACHE="$cache" "$QB" build -src "$src" -out "$DISK/out"
		rm -rf "$DISK/out" "$WORK/cold"
		sync
		timed "$size-qrboard-cold-disk" env QRBOARD_CACHE="$WORK/cold" "$QB" build -src "$src" -out "$DISK/out"
		edit feedisk
		sync
		timed "$size-qrboard-fee-disk" env QRBOARD_CACHE="$cache" "$QB" build -src "$src-feedisk" -out "$DISK/inc-feedisk"
		if [ -n "$HUGO" ]; then
			rm -rf "$DISK/hout"
			sync
			timed "$size-hugo-disk" "$HUGO" --quiet -s "$hugosrc" --destination "$DISK/hout" --cacheDir "$WORK/hcache"
		fi
		if [ "$PRINT" = 1 ]; then
			rm -rf "$WORK/print"
			timed "$size-qrboard-print-tmpfs" env QRBOARD_CACHE="$cache" "$QB" print -src "$src" -out "$WORK/print"
		fi
	done

	if [ -n "$PROFILES" ]; then
		mkdir -p "$PROFILES"
		rm -rf "$WORK/out"
		QRBOARD_CACHE=$cache QRBOARD_CPUPROFILE=$PROFILES/$size-full.prof "$QB" build -src "$src" -out "$WORK/out" 2>/dev/null
		edit fee
		QRBOARD_CACHE=$cache QRBOARD_CPUPROFILE=$PROFILES/$size-fee.prof "$QB" build -src "$src-fee" -out "$WORK/inc-fee" 2>/dev/null
		edit name
		QRBOARD_CACHE=$cache QRBOARD_CPUPROFILE=$PROFILES/$size-name.prof "$QB" build -src "$src-name" -out "$WORK/inc-name" 2>/dev/null
		for kind in full fee name; do
			echo "CPU profile, $pages pages, $kind ($PROFILES/$size-$kind.prof):"
			# qrboard's own functions by cumulative time, without the
			# frames every job passes through.
			go tool pprof -top -cum -nodecount=200 "$QB" "$PROFILES/$size-$kind.prof" 2>/dev/null |
				grep -E '^ .*qrboard/' | grep -vE 'safely|onAllCores|render\.func|main\.' | head -12
			echo
		done
	fi

	for name in qrboard-warm-tmpfs qrboard-cold-tmpfs qrboard-warm-disk qrboard-cold-disk \
		qrboard-fee-tmpfs qrboard-name-tmpfs qrboard-fee-disk hugo-tmpfs hugo-disk qrboard-print-tmpfs; do
		f=$WORK/results/$size-$name
		[ -f "$f" ] || continue
		n=$files
		[ "${name%%-*}" = hugo ] && n=$hugofiles
		[ "$name" = qrboard-print-tmpfs ] && n=$(find "$WORK/print" -type f | wc -l)
		table+="
| $pages | $n | ${labels[$name]} | $(summary "$f" 1) | $(summary "$f" 2) | $(summary "$f" 3) | $(summary "$f" 4 1024) |"
	done

	r=$WORK/results/$size
	ratios+="
- $pages pages: $files files, $(awk -v f="$files" -v p="$pages" 'BEGIN { printf "%.2f", f / p }') files and $(awk -v b="$bytes" -v p="$pages" 'BEGIN { printf "%.1f", b / p / 1024 }') KB per page (index.html $html KB on average; $pngs sharing pictures)
- $pages pages: peak RSS, warm $(median "$r-qrboard-warm-tmpfs" '$4' | awk '{ printf "%.0f", $1 / 1024 }') MB, empty cache $(median "$r-qrboard-cold-tmpfs" '$4' | awk '{ printf "%.0f", $1 / 1024 }') MB (tmpfs; target ≤ 300 MB)"
	for kind in fee name; do
		ratios+="
- $pages pages: full build (warm, tmpfs) / rebuild after one $kind change (tmpfs): wall $(awk -v a="$(median "$r-qrboard-warm-tmpfs" '$1')" -v b="$(median "$r-qrboard-$kind-tmpfs" '$1')" 'BEGIN { printf "%.1f×", a / b }'), CPU $(awk -v a="$(median "$r-qrboard-warm-tmpfs" '$2 + $3')" -v b="$(median "$r-qrboard-$kind-tmpfs" '$2 + $3')" 'BEGIN { printf "%.1f×", a / b }') (target ≥ $([ "$kind" = fee ] && echo 10 || echo 5)×)"
	done
	if [ -n "$HUGO" ]; then
		ratios+="
- $pages pages: qrboard (warm, disk) / Hugo (disk): wall $(awk -v a="$(median "$r-qrboard-warm-disk" '$1')" -v b="$(median "$r-hugo-disk" '$1')" 'BEGIN { printf "%.2f", a / b }')
- $pages pages: qrboard (warm, tmpfs) / Hugo (tmpfs): wall $(awk -v a="$(median "$r-qrboard-warm-tmpfs" '$1')" -v b="$(median "$r-hugo-tmpfs" '$1')" 'BEGIN { printf "%.2f", a / b }'), CPU (user + sys) $(awk -v a="$(median "$r-qrboard-warm-tmpfs" '$2 + $3')" -v b="$(median "$r-hugo-tmpfs" '$2 + $3')" 'BEGIN { printf "%.2f", a / b }'), peak RSS $(awk -v a="$(median "$r-qrboard-warm-tmpfs" '$4')" -v b="$(median "$r-hugo-tmpfs" '$4')" 'BEGIN { printf "%.2f", a / b }'); cold: wall $(awk -v a="$(median "$r-qrboard-cold-tmpfs" '$1')" -v b="$(median "$r-hugo-tmpfs" '$1')" 'BEGIN { printf "%.2f", a / b }')"
	fi
	if [ -f "$r-qrboard-print-tmpfs" ]; then
		ratios+="
- $pages pages: print: $((offices * procs)) procedure posters (in posters.pdf and one PDF each), $offices door posters and board sheets: $(awk -v p="$((offices * procs))" -v w="$(median "$r-qrboard-print-tmpfs" '$1')" 'BEGIN { printf "%.0f posters/s", p / w }')"
	fi
done
if [ "$SERVE" = 1 ]; then
	# ns/op of each run, in seconds: "median (min–max)".
	go test ./internal/preview -run XXX -bench RebuildOneFile -count "$RUNS" |
		awk '/^BenchmarkRebuildOneFile/ { print $3 / 1e9 }' >"$WORK/results/serve"
	ratios+="
- qrboard serve, rebuild after one procedure of the sample is renamed (go test ./internal/preview -bench RebuildOneFile): $(summary "$WORK/results/serve" 1) s"
fi
echo "$table"
echo "$ratios"
echo
echo "Load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)."
rm -rf "$WORK"/out "$WORK"/inc-* "$WORK/hout" "$WORK/print" "$DISK"
