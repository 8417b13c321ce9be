#!/usr/bin/env bash
# Library batches: pages a minute for PDF pages, ALTO pages and OCR pages, each as a ratio against `mutool draw` and
# against `tesseract` alone on the same pages, measured in one run.
#   bench/batch-vs-tools.sh [pages]      (default 4 pages; run it under `nice -n 19` on a shared machine)
# The pages: a generated edition (`broadsheet-samples sample`, seed 7, Chinese broadsheet pages with a text layer).
# References, one page after another: `mutool draw -w 2000` of each page PDF to PNG (that PNG is the page's scan
#   below), and `tesseract <png> -l chi_sim alto` on each (its ALTO is the library's ALTO below).
# Subjects: `broadsheet import-batch` of one NDNP issue of those pages, end to end into an empty data folder, three ways:
#   pdf:  each page's METS names only its PDF (no ALTO): the text comes from the PDF's text layer;
#   alto: each page names its PNG and tesseract's ALTO: the text comes from the ALTO;
#   ocr:  each page names only its PNG: the import reads it by OCR (Tesseract, as the reference, chi_sim).
# Prints wall and CPU seconds (user + system, children included), pages a minute and a CPU-minute, the ratios (the
# subject's pages a minute over the reference's), peak RSS, and the load average before each step: on a shared machine
# they say how fair the run was.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-4}
scripts/install-deps --bench
dotnet build src/Broadsheet.Cli -c Release -v quiet -nologo -p:UseSharedCompilation=false -nodeReuse:false >/dev/null
dotnet build tools/Broadsheet.Samples.Cli -c Release -v quiet -nologo -p:UseSharedCompilation=false -nodeReuse:false >/dev/null
cli=(dotnet src/Broadsheet.Cli/bin/Release/net10.0/broadsheet.dll)
samples=(dotnet tools/Broadsheet.Samples.Cli/bin/Release/net10.0/broadsheet-samples.dll)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${samples[@]}" sample "$work/edition" --seed 7 --pages "$pages" >/dev/null
mapfile -t pdfs < <(find "$work/edition" -maxdepth 1 -name '*.pdf' | sort)
mkdir -p "$work/pages"
loads=()
load() { loads+=("$1 $(cut -d' ' -f1 /proc/loadavg)"); }
now() { date +%s.%N; }

# CPU time (user + system, children included) beside the wall time: under `nice -n 19` on a loaded machine a step's
# wall time is mostly waiting for a core, its CPU time what it cost.
cpu() { /usr/bin/time -f "%U %S %M" -o "$work/time" "$@" >&2; read -r user sys peak < "$work/time"; echo "$user + $sys" | bc; }
for i in "${!pdfs[@]}"; do cp "${pdfs[$i]}" "$work/pages/$(printf '%04d' $((i + 1))).pdf"; done

load mutool
start=$(now)
mutool_cpu=$(cpu bash -c 'for pdf in "$1"/pages/*.pdf; do mutool draw -q -w 2000 -o "${pdf%.pdf}.png" "$pdf" 1 2>/dev/null; done' _ "$work")
mutool_s=$(echo "$(now) - $start" | bc)

# One thread, as the import runs Tesseract (OcrOptions.Threads, default 1): OpenMP's spinning threads would only add CPU time.
load tesseract
start=$(now)
tesseract_cpu=$(OMP_THREAD_LIMIT=1 cpu bash -c 'for png in "$1"/pages/*.png; do tesseract "$png" "${png%.png}" -l chi_sim alto >/dev/null 2>&1; done' _ "$work")
tesseract_s=$(echo "$(now) - $start" | bc)

# One issue's METS in the NDNP profile naming, per page, the files of one way ($1: pdf, alto or ocr).
mets() {
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<mets LABEL="Bench Daily, 2026-11-02" xmlns:mods="http://www.loc.gov/mods/v3" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns="http://www.loc.gov/METS/">'
  echo '<dmdSec ID="issueModsBib"><mdWrap MDTYPE="MODS"><xmlData><mods:mods><mods:originInfo><mods:dateIssued>2026-11-02</mods:dateIssued></mods:originInfo></mods:mods></xmlData></mdWrap></dmdSec><fileSec>'
  for i in "${!pdfs[@]}"; do
    n=$(printf '%04d' $((i + 1)))
    echo "<fileGrp ID=\"pageFileGrp$n\">"
    case $1 in
      pdf) echo "<file ID=\"pdf$n\" USE=\"derivative\" MIMETYPE=\"application/pdf\"><FLocat LOCTYPE=\"OTHER\" xlink:href=\"$n.pdf\"/></file>" ;;
      alto) echo "<file ID=\"img$n\" USE=\"service\"><FLocat LOCTYPE=\"OTHER\" xlink:href=\"$n.png\"/></file><file ID=\"ocr$n\" USE=\"ocr\"><FLocat LOCTYPE=\"OTHER\" xlink:href=\"$n.xml\"/></file>" ;;
      ocr) echo "<file ID=\"img$n\" USE=\"service\"><FLocat LOCTYPE=\"OTHER\" xlink:href=\"$n.png\"/></file>" ;;
    esac
    echo '</fileGrp>'
  done
  echo '</fileSec><structMap><div TYPE="np:issue" DMDID="issueModsBib">'
  for i in "${!pdfs[@]}"; do
    n=$(printf '%04d' $((i + 1)))
    case $1 in
      pdf) echo "<div TYPE=\"np:page\"><fptr FILEID=\"pdf$n\"/></div>" ;;
      alto) echo "<div TYPE=\"np:page\"><fptr FILEID=\"img$n\"/><fptr FILEID=\"ocr$n\"/></div>" ;;
      ocr) echo "<div TYPE=\"np:page\"><fptr FILEID=\"img$n\"/></div>" ;;
    esac
  done
  echo '</div></structMap></mets>'
}

declare -A import_s import_cpu rss
for way in pdf alto ocr; do
  batch="$work/batch-$way"
  mkdir -p "$batch/data/issue"
  cp "$work"/pages/* "$batch/data/issue/"
  mets "$way" > "$batch/data/issue/issue.xml"
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<batch xmlns="http://www.loc.gov/ndnp"><issue issueDate="2026-11-02" editionOrder="01">./issue/issue.xml</issue></batch>\n' > "$batch/data/batch.xml"
  data="$work/data-$way"
  "${cli[@]}" publication add bench --name "Bench" --language zh-CN --data "$data" >/dev/null
  load "import-batch $way"
  start=$(now)
  import_cpu[$way]=$(Broadsheet__Ocr__Engine=Tesseract cpu "${cli[@]}" import-batch "$batch" --publication bench --quiet --data "$data")
  import_s[$way]=$(echo "$(now) - $start" | bc)
  read -r _ _ peak < "$work/time"
  rss[$way]=$((peak / 1024))
done

per_minute() { echo "$pages * 60 / $1" | bc -l; }
echo "bench/batch-vs-tools.sh $pages: $(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores"
printf 'pages: %d (broadsheet-samples sample --seed 7, drawn 2000 px wide), all steps one after another in this run\n' "$pages"
printf 'wall: seconds, pages a minute; cpu: user + system seconds (children included), pages a CPU-minute\n'
printf 'ratios: the import'"'"'s pages a minute over the reference'"'"'s (above 1: faster than the tool alone; an import does more than the tool)\n'
printf 'mutool draw -w 2000:       wall %7.2f s %7.2f/min   cpu %7.2f s %7.2f/min\n' "$mutool_s" "$(per_minute "$mutool_s")" "$mutool_cpu" "$(per_minute "$mutool_cpu")"
printf 'tesseract -l chi_sim alto: wall %7.2f s %7.2f/min   cpu %7.2f s %7.2f/min\n' "$tesseract_s" "$(per_minute "$tesseract_s")" "$tesseract_cpu" "$(per_minute "$tesseract_cpu")"
for way in pdf alto ocr; do
  t=${import_s[$way]} c=${import_cpu[$way]}
  printf 'import-batch, %-4s pages:  wall %7.2f s %7.2f/min (/ mutool %.3f, / tesseract %.3f)   cpu %7.2f s %7.2f/min (/ mutool %.3f, / tesseract %.3f)   peak RSS %d MB\n' \
    "$way" "$t" "$(per_minute "$t")" "$(echo "$mutool_s / $t" | bc -l)" "$(echo "$tesseract_s / $t" | bc -l)" \
    "$c" "$(per_minute "$c")" "$(echo "$mutool_cpu / $c" | bc -l)" "$(echo "$tesseract_cpu / $c" | bc -l)" "${rss[$way]}"
done
echo "load average (1 min) before each step: $(printf '%s; ' "${loads[@]}")"
echo "(a load average above the $(nproc) cores means other work shared the machine: compare the cpu columns, not the wall ones)"
