#!/usr/bin/env bash
# The soak: minutes of wrk at saturation over page, article, page image, search and API URLs while imports run.
#   bench/soak.sh [seconds] [warm-up seconds]      (defaults 600 s, 180 s; wrk -t2 -c64, bench/soak.lua rotates the URLs)
# The warm-up: the server's memory rises over its first imports (page cache, search readers, SQLite's and malloc's
# heaps filling) for about three minutes, then holds (bench/HISTORY.md, "The soak"): RSS is judged after that.
# Archive: a year of one 8-page sample edition (bench/ReaderArchive seed), served by `broadsheet serve`.
# Beside wrk, `broadsheet import --replace` of a generated 8-page edition for the day after runs again and again,
# so pages are rendered, blobs stored and swept, the search index written and the output cache invalidated under load.
# Prints every 10 s the server's RSS; at the end the statuses (errors: anything but 2xx, 3xx and 429), p50-p99.9,
# the imports that ran and failed, and the RSS after warm-up (min, max, spread around the mean). Exit status 1 when a
# request failed, an import failed, or RSS after warm-up left ±10% of its mean.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
warmup=${2:-180}
for tool in wrk curl; do command -v "$tool" >/dev/null || { echo "needs $tool (scripts/install-deps --bench)" >&2; exit 1; }; done

dotnet build bench/ReaderArchive -c Release -v quiet -nologo >/dev/null
dotnet build src/Broadsheet.Cli -c Release -v quiet -nologo >/dev/null
dotnet build tools/Broadsheet.Samples.Cli -c Release -v quiet -nologo >/dev/null
archive=(dotnet bench/ReaderArchive/bin/Release/net10.0/ReaderArchive.dll)
broadsheet=(dotnet src/Broadsheet.Cli/bin/Release/net10.0/broadsheet.dll)
samples=(dotnet tools/Broadsheet.Samples.Cli/bin/Release/net10.0/broadsheet-samples.dll)
work=$(mktemp -d)
port=${BENCH_PORT:-5097}
base=http://127.0.0.1:$port
cleanup() {
  stop_imports
  [[ -n "${app_pid:-}" ]] && kill "$app_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work" 2>/dev/null || { sleep 5; rm -rf "$work"; }
}
# The import loop, then the import it is running (by its parent's id: only this script's).
stop_imports() {
  [[ -n "${imports_pid:-}" ]] || return 0
  kill "$imports_pid" 2>/dev/null || true
  pkill -P "$imports_pid" 2>/dev/null || true
  wait "$imports_pid" 2>/dev/null || true
  imports_pid=
}
trap cleanup EXIT

# BENCH_DATA=<folder> starts from a copy of an archive seeded before (the soak's imports change it).
data=$work/data
if [[ -n "${BENCH_DATA:-}" ]]; then cp -r "$BENCH_DATA" "$data"; else "${archive[@]}" seed "$data" 365 >/dev/null; fi
"${samples[@]}" sample "$work/2026-11-03" --seed 8 --date 2026-11-03 >/dev/null
"${broadsheet[@]}" serve --data "$data" --urls "$base" >"$work/server.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do curl -fs -o /dev/null "$base/binjiang" && break; sleep 0.5; done

page=/binjiang/2026-11-02/03
image=$(curl -fs "$base$page" | grep -o '/media/[^" ]*/page\.webp' | head -1)
[[ -n "$image" ]] || { echo "no page image in $page" >&2; exit 1; }
cat >"$work/urls" <<URLS
/binjiang/2026-11-02/01
$page
/binjiang/2026-11-02/03/1
/binjiang/2026-11-02/05/2
$image
/search?q=%E6%BB%A8%E6%B1%9F
/search?q=%E7%BB%8F%E6%B5%8E&pub=binjiang
/api/v1/publications/binjiang/editions/2026-11-02
/api/v1/publications/binjiang/editions
/binjiang/2026-10-15/02
/binjiang
URLS
while read -r path; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
  echo "$code $path"
  [[ $code == 2* || $code == 3* ]] || { echo "the soak's URL $path answers $code before the soak" >&2; exit 1; }
done <"$work/urls"

: >"$work/imports.log"
# Imports, one after the other, for as long as the soak runs; each line of imports.log is one import's exit status.
(
  while true; do
    if "${broadsheet[@]}" import "$work/2026-11-03" --publication binjiang --replace --quiet --data "$data" >>"$work/import.out" 2>&1
    then echo 0 >>"$work/imports.log"; else echo 1 >>"$work/imports.log"; fi
  done
) &
imports_pid=$!

rss() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$app_pid/status"; }
# RSS split: anonymous (the heaps) and file-backed (mapped index segments, libraries), in MB.
rss_kinds() { awk '/^RssAnon/ {a = int($2 / 1024)} /^RssFile/ {f = int($2 / 1024)} END {print "anon " a " file " f}' "/proc/$app_pid/status"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "start $(date -u +%H:%M:%S) load $(load)"
SOAK_URLS=$work/urls wrk -t2 -c64 -d"${seconds}s" --timeout 10s -s bench/soak.lua "$base/" >"$work/wrk.out" 2>&1 &
wrk_pid=$!
samples=()
elapsed=0
while kill -0 "$wrk_pid" 2>/dev/null; do
  sleep 10
  elapsed=$((elapsed + 10))
  kill -0 "$wrk_pid" 2>/dev/null || break
  r=$(rss)
  echo "t=${elapsed}s rss ${r} MB ($(rss_kinds)) load $(load) imports $(wc -l <"$work/imports.log" 2>/dev/null || echo 0)"
  (( elapsed > warmup )) && samples+=("$r")
done
wait "$wrk_pid" || true
stop_imports
echo "end $(date -u +%H:%M:%S) load $(load)"
cat "$work/wrk.out"
runs=$(grep -c . "$work/imports.log" 2>/dev/null || echo 0)
bad=$(grep -c '^1' "$work/imports.log" 2>/dev/null || true)
echo "imports: ${runs} finished, ${bad:-0} failed"
[[ ${bad:-0} == 0 ]] || tail -5 "$work/import.out"
read -r lo hi mean spread < <(printf '%s\n' "${samples[@]}" | awk '
  { v[NR] = $1; s += $1; if (NR == 1 || $1 < lo) lo = $1; if ($1 > hi) hi = $1 }
  END { m = s / NR; d = (hi - m > m - lo) ? hi - m : m - lo; printf "%d %d %.0f %.1f\n", lo, hi, m, 100 * d / m }')
echo "rss after ${warmup}s: min ${lo} MB, max ${hi} MB, mean ${mean} MB, furthest from the mean ${spread}%"
grep -i "fail\|exception" "$work/server.log" | head -5 || true

status=0
grep -q "errors 0, socket errors 0 " "$work/wrk.out" || status=1
[[ ${bad:-0} == 0 ]] || status=1
[[ $(echo "$spread <= 10" | bc -l) == 1 ]] || status=1
exit $status
