#!/usr/bin/env bash
# Import speed and memory, as a ratio against MuPDF rasterising the same pages, measured in one run.
#   bench/import-vs-mutool.sh [runs]      (default 3 runs; prints the medians and the ratio)
# Reference: `mutool draw` rendering each of the 8 page PDFs to a 2000 px wide PNG, one after another.
# Also prints both sides' CPU time and the load average: on a shared machine they say how fair the run was.
# Subject:   `broadsheet import <edition>.zip --quiet` into an empty data folder, end to end (unzip,
#            validate, rasterise, read text, detect articles, store blobs, save the edition).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
scripts/install-deps --bench
dotnet build src/Broadsheet.Cli -c Release -v quiet -nologo >/dev/null
dotnet build tools/Broadsheet.Samples.Cli -c Release -v quiet -nologo >/dev/null
cli=(dotnet src/Broadsheet.Cli/bin/Release/net10.0/broadsheet.dll)
samples=(dotnet tools/Broadsheet.Samples.Cli/bin/Release/net10.0/broadsheet-samples.dll)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${samples[@]}" sample "$work/2026-11-02" --seed 7 >/dev/null
(cd "$work" && zip -qr 2026-11-02.zip 2026-11-02 -x '*.truth.json')

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mutool_times=() mutool_cpu=() import_times=() import_rss=() import_cpu=() loads=()
for ((i = 1; i <= runs; i++)); do
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$work/mutool-cpu" bash -c 'for pdf in "$1"/2026-11-02/*.pdf; do mutool draw -q -w 2000 -o "$1/ref.png" "$pdf" 1 2>/dev/null; done' _ "$work"
  mutool_times+=("$(echo "$(date +%s.%N) - $start" | bc)")
  read -r user sys < "$work/mutool-cpu"
  mutool_cpu+=("$(echo "$user + $sys" | bc)")

  data="$work/data-$i"
  "${cli[@]}" publication add bench --name "Bench" --data "$data" >/dev/null
  start=$(date +%s.%N)
  /usr/bin/time -f "%M %U %S" -o "$work/rss" "${cli[@]}" import "$work/2026-11-02.zip" --publication bench --quiet --data "$data"
  import_times+=("$(echo "$(date +%s.%N) - $start" | bc)")
  read -r rss user sys < "$work/rss"
  import_rss+=("$rss")
  import_cpu+=("$(echo "$user + $sys" | bc)")
done

m=$(printf '%s\n' "${mutool_times[@]}" | median)
t=$(printf '%s\n' "${import_times[@]}" | median)
r=$(printf '%s\n' "${import_rss[@]}" | median)
c=$(printf '%s\n' "${import_cpu[@]}" | median)
mc=$(printf '%s\n' "${mutool_cpu[@]}" | median)
printf 'mutool draw, 8 pages at 2000 px:  %.2f s (median of %d), CPU %.2f s\n' "$m" "$runs" "$mc"
printf 'broadsheet import, 8-page zip:    %.2f s (median of %d), peak RSS %d MB, CPU %.2f s (user + system, mutool included)\n' "$t" "$runs" "$((r / 1024))" "$c"
printf 'ratio import / mutool:            %.2f (goal: at most 2.5)\n' "$(echo "$t / $m" | bc -l)"
echo "load average (1 min) before each run: ${loads[*]}; runs: mutool ${mutool_times[*]}; import ${import_times[*]}"
