#!/usr/bin/env bash
# Broadsheet's search (Lucene.Net) against SQLite FTS5 with the trigram tokenizer, on one generated archive, in
# one process run: build rate, index size, relevance on a planted labelled set, p50/p95/p99 of a fixed query
# mix at 1 and 8 concurrent clients, peak memory.
#   bench/search-vs-fts5.sh [articles] [seconds per query phase] [--lucene-only]     (defaults: 1000000 and 30)
# --lucene-only measures Broadsheet alone: its figures are in the log (stderr), there is no comparison table.
# Needs the system libsqlite3 (>= 3.34 for the trigram tokenizer; Debian 12 has 3.40) and about 6 GB of
# free disk per million articles under $TMPDIR (both indexes are deleted at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-1000000}
seconds=${2:-30}
dotnet build bench/Broadsheet.Bench.Search -c Release -v quiet -nologo >/dev/null
out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, libsqlite3 $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo '(system)')" >&2
# The machine may be shared: the load before and after says how far wall-clock figures are to be trusted.
echo "uptime at start: $(uptime)" >&2
start=$(date +%s)
dotnet bench/Broadsheet.Bench.Search/bin/Release/net10.0/Broadsheet.Bench.Search.dll "$articles" --seconds "$seconds" --out "$out" "${@:3}" >/dev/null
cat "$out"
printf '\nWhole run: %d s wall. Uptime at the end: %s\n' "$(($(date +%s) - start))" "$(uptime)"
