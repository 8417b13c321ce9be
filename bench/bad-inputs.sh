#!/usr/bin/env bash
# The bad-input corpus against `broadsheet import`: every kind tests/Broadsheet.BadInputs writes, each into a copy
# of a data folder holding one published edition, under /usr/bin/time. Prints a markdown table: kind, what was
# expected, what happened (refused in one line, or accepted), whether the data folder stayed unchanged on a refusal,
# peak RSS (the import's process or its largest child, as wait4 reports it) and wall time.
#   bench/bad-inputs.sh [name…]      (all kinds by default)
# The reference for the figures: a good 8-page sample edition imported the same way, first row of the table.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps --bench
dotnet build src/Broadsheet.Cli -c Release -v quiet -nologo >/dev/null
dotnet build tools/Broadsheet.Samples.Cli -c Release -v quiet -nologo >/dev/null
dotnet build tests/Broadsheet.BadInputs -c Release -v quiet -nologo >/dev/null
cli=(dotnet src/Broadsheet.Cli/bin/Release/net10.0/broadsheet.dll)
samples=(dotnet tools/Broadsheet.Samples.Cli/bin/Release/net10.0/broadsheet-samples.dll)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet tests/Broadsheet.BadInputs/bin/Release/net10.0/Broadsheet.BadInputs.dll "$work/corpus" "$@" > "$work/corpus.tsv"

# One published edition (2026-11-02), copied fresh for each kind.
"${cli[@]}" publication add binjiang --name "滨江日报" --data "$work/template" >/dev/null
"${samples[@]}" sample "$work/2026-11-02" --seed 7 >/dev/null
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss" "${cli[@]}" import "$work/2026-11-02" --publication binjiang --quiet --data "$work/template" 2>/dev/null
ref_time=$(echo "$(date +%s.%N) - $start" | bc)
ref_rss=$(( $(tail -1 "$work/rss") / 1024 ))

state() { # the rows and blobs of a data folder, as one hash
  { sqlite3 "$1/broadsheet.db" .dump; (cd "$1" && find blobs -type f -exec sha256sum {} + | sort); } | sha256sum | cut -c1-16
}
before=$(state "$work/template")

echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; $(nproc) cores"
echo
echo "| kind | input | expected | outcome | data folder | peak RSS | time |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
printf '| reference | a good 8-page sample edition | accepted | accepted | changed | %s MB | %.1f s |\n' "$ref_rss" "$ref_time"
while IFS=$'\t' read -r name kind path expect settings what; do
  data="$work/data"
  rm -rf "$data" && cp -a "$work/template" "$data"
  start=$(date +%s.%N)
  set +e
  env $settings /usr/bin/time -f "%M" -o "$work/rss" "${cli[@]}" import "$path" --publication binjiang --quiet --data "$data" >"$work/out" 2>"$work/err"
  code=$?
  set -e
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  rss=$(( $(tail -1 "$work/rss" | tr -dc '0-9') / 1024 ))
  grep -v -e '^Command exited' -e '^Command terminated' "$work/err" > "$work/msg" || true
  lines=$(wc -l < "$work/msg")
  if [[ $code -eq 0 ]]; then
    outcome="accepted"
    folder="changed"
  else
    outcome="refused ($lines line$([[ $lines -eq 1 ]] || echo s)): $(head -1 "$work/msg" | cut -c1-160 | sed 's/|/\\|/g')"
    folder=$([[ "$(state "$data")" == "$before" ]] && echo unchanged || echo CHANGED)
  fi
  printf '| %s | %s | %s | %s | %s | %s MB | %.1f s |\n' "$name" "$kind: $what" "${expect%%:*}" "$outcome" "$folder" "$rss" "$seconds"
done < "$work/corpus.tsv"
