#!/usr/bin/env bash
# Memory over a long library batch: is `broadsheet import-batch`'s RSS flat from the first issues to the last?
#   bench/batch-memory.sh [pages]      (default 1000; run it under `nice -n 19` on a shared machine)
# The batch: a generated edition's 8 pages (`broadsheet-samples sample`, seed 7, Chinese broadsheet pages with a text
# layer) as the PDF-only pages of pages/8 NDNP issues on consecutive days from 2020-01-01 (the same 8 PDFs in every
# issue, hard-linked: each issue is still drawn, read, detected, saved and indexed in full, but the blob store keeps one
# copy of each page, so the disk writes are a real batch's eighth or less).
# Prints the process's RSS (VmRSS, sampled every 5 s) after the first 10 issues, at each quarter of the batch and at the
# end of the import (before the search index catches up), the peak over the whole run (/usr/bin/time), wall and CPU time
# and the load average; the samples are kept in the file it names, as "seconds issues-done rss-kB load".
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-1000}
issues=$(((pages + 7) / 8))
scripts/install-deps --bench
dotnet build src/Broadsheet.Cli -c Release -v quiet -nologo -p:UseSharedCompilation=false -nodeReuse:false >/dev/null
dotnet build tools/Broadsheet.Samples.Cli -c Release -v quiet -nologo -p:UseSharedCompilation=false -nodeReuse:false >/dev/null
cli=(dotnet src/Broadsheet.Cli/bin/Release/net10.0/broadsheet.dll)
samples=(dotnet tools/Broadsheet.Samples.Cli/bin/Release/net10.0/broadsheet-samples.dll)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${samples[@]}" sample "$work/edition" --seed 7 --pages 8 >/dev/null
mapfile -t pdfs < <(find "$work/edition" -maxdepth 1 -name '*.pdf' | sort)

batch="$work/batch/data"
mkdir -p "$batch"
list='<?xml version="1.0" encoding="UTF-8"?>
<batch xmlns="http://www.loc.gov/ndnp" name="batch_bench_memory_ver01">'
for ((i = 0; i < issues; i++)); do
  date=$(date -u -d "2020-01-01 + $i days" +%F)
  id="${date//-/}01"
  folder="$batch/sn00000001/$id"
  mkdir -p "$folder"
  files='' divs=''
  for p in "${!pdfs[@]}"; do
    n=$(printf '%04d' $((p + 1)))
    ln "${pdfs[$p]}" "$folder/$n.pdf"
    files+="<fileGrp ID=\"pageFileGrp$n\"><file ID=\"pdf$n\" USE=\"derivative\" MIMETYPE=\"application/pdf\"><FLocat LOCTYPE=\"OTHER\" xlink:href=\"$n.pdf\"/></file></fileGrp>"
    divs+="<div TYPE=\"np:page\"><fptr FILEID=\"pdf$n\"/></div>"
  done
  cat > "$folder/$id.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<mets LABEL="Bench Daily, $date" xmlns:mods="http://www.loc.gov/mods/v3" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns="http://www.loc.gov/METS/">
<dmdSec ID="issueModsBib"><mdWrap MDTYPE="MODS"><xmlData><mods:mods><mods:relatedItem type="host"><mods:part><mods:detail type="issue"><mods:number>$((i + 1))</mods:number></mods:detail></mods:part></mods:relatedItem><mods:originInfo><mods:dateIssued>$date</mods:dateIssued></mods:originInfo></mods:mods></xmlData></mdWrap></dmdSec>
<fileSec>$files</fileSec><structMap><div TYPE="np:issue" DMDID="issueModsBib">$divs</div></structMap></mets>
EOF
  list+="
<issue lccn=\"sn00000001\" issueDate=\"$date\" editionOrder=\"01\">./sn00000001/$id/$id.xml</issue>"
done
printf '%s\n</batch>\n' "$list" > "$batch/batch.xml"

data="$work/data"
"${cli[@]}" publication add bench --name "Bench" --language zh-CN --data "$data" >/dev/null
samples_file="${TMPDIR:-/tmp}/batch-memory-$(date -u +%Y%m%dT%H%M%S).rss"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
/usr/bin/time -f "%e %U %S %M" -o "$work/time" "${cli[@]}" import-batch "$work/batch" --publication bench --data "$data" > "$work/out" 2>&1 &
timer=$!
sleep 1
pid=$(pgrep -P "$timer" -n)
start=$(date +%s)
# Without a terminal the command prints a line per issue ("  [n/N] …"), so the issues done are its lines so far.
while [ -r "/proc/$pid/status" ]; do
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  done_issues=$(grep -c '^  \[' "$work/out" || true)
  [ -n "$rss" ] && echo "$(($(date +%s) - start)) $done_issues $rss $(cut -d' ' -f1 /proc/loadavg)" >> "$samples_file"
  sleep 5
done
wait "$timer" || { cat "$work/out" >&2; exit 1; }
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
read -r wall user sys peak < "$work/time"

# RSS of the first sample at or after a number of issues done (MB).
at() { awk -v n="$1" '$2 >= n { printf "%d MB (%s s, %d issues)", $3 / 1024, $1, $2; exit }' "$samples_file"; }
last_import=$(awk -v n="$issues" '$2 < n { line = $0 } END { split(line, f, " "); printf "%d MB (%s s, %d issues)", f[3] / 1024, f[1], f[2] }' "$samples_file")
echo "pages: $((issues * 8)) in $issues issues of 8 (broadsheet-samples sample --seed 7, PDF pages, each issue the same 8 PDFs)"
tail -n 3 "$work/out" | grep -v '^  \[' || true
echo "RSS after 10 issues:        $(at 10)"
for q in 1 2 3; do echo "RSS at $q/4 of the issues:    $(at $((issues * q / 4)))"; done
echo "RSS at the last sample before the last issue ended: $last_import"
echo "RSS, last sample (search catch-up): $(tail -n 1 "$samples_file" | awk '{ printf "%d MB (%s s)", $3 / 1024, $1 }')"
# One issue's work swings RSS by 100-150 MB, so single samples say little about a trend: the means of every sample in
# each quarter of the issues from the 10th on (the start's first imports fill the caches) are what "flat" is judged by.
awk -v n="$issues" '$2 >= 10 && $2 < n { q = int(($2 - 10) * 4 / (n - 10)); sum[q] += $3; count[q]++ }
  END {
    for (q = 0; q < 4; q++) { m[q] = sum[q] / count[q] / 1024; mean += m[q] / 4 }
    for (q = 0; q < 4; q++) { d = m[q] > mean ? m[q] - mean : mean - m[q]; if (d > far) far = d }
    printf "mean RSS by quarter from the 10th issue: %d, %d, %d, %d MB; the last %+.1f %% from the first; each within %.1f %% of their mean\n",
      m[0], m[1], m[2], m[3], (m[3] / m[0] - 1) * 100, far / mean * 100
  }' "$samples_file"
echo "peak RSS (/usr/bin/time): $((peak / 1024)) MB; wall $wall s, CPU $(echo "$user + $sys" | bc) s"
echo "load average (1, 5, 15 min) at the start: $load_start; at the end: $load_end"
echo "samples (seconds, issues done, RSS kB, load): $samples_file"
