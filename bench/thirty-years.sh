#!/usr/bin/env bash
# A 30-year daily on PostgreSQL beside SQLite, measured in one run.
#   bench/thirty-years.sh [seconds] [rounds] [imports]     (defaults 10 s, 3 rounds, 3 imports each; wrk -t2 -c64)
# Archive: one imported 8-page sample edition copied to 10,950 dates (bench/ReaderArchive seed, into SQLite), then
# `broadsheet db copy` into a PostgreSQL cluster of its own (fsync and synchronous commit on, the server's defaults
# otherwise, reached through a Unix socket only). The two installations share the blobs (the PostgreSQL one's data
# folder links to the SQLite one's) and each has its own search index (the PostgreSQL one's a copy of the SQLite one's,
# made with the database copy); each is served by `broadsheet serve`.
# BENCH_DATA=<folder> keeps all of it (data/, pg-data/, postgres/), so a rerun skips the seed and the copy, which take
# long (on the loaded machine: 22 minutes for the seed's rows, over an hour for its search index; bench/HISTORY.md);
# the folder must be readable by the postgres user.
# BENCH_PREPARE=1 stops once the archive and the copy are made (run that niced, the measurement quiet). BENCH_DAYS=<n>
# seeds n days instead of 10,950 (to try the script out); BENCH_PORT=<n> uses ports n and n+1.
# Measured per database, each round SQLite then PostgreSQL, medians of the rounds:
#   cached: one page view, one article view and one calendar, the same URL again and again (the page cache answers);
#   uncached: random pages, articles and months over the 30 years, each URL with a query string, which the page
#   cache never keeps, so every request reads the database and renders;
#   search: 20 fixed queries, one client, 5 passes after a warm-up pass (p50, p95);
#   import: a generated 8-page edition into each, alternately, each under a new date (wall time).
# Reference: SQLite in the same run. Goal (issue 16): PostgreSQL ≥ 0.8 of SQLite's req/s on cached views and ≥ 0.5
# (within 2×) on uncached ones. Also printed: each database's size and its indexes', the search index's, and each
# node's RSS (now and peak). The archive grows by the imported editions on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
rounds=${2:-3}
imports=${3:-3}
for tool in wrk curl sqlite3 bc jq; do command -v "$tool" >/dev/null || { echo "needs $tool (scripts/install-deps --bench)" >&2; exit 1; }; done
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -n "$pgbin" && -x "$pgbin/initdb" ]] || { echo "needs PostgreSQL's server (scripts/install-deps --test)" >&2; exit 1; }
as_postgres=()
[[ $(id -u) -eq 0 ]] && as_postgres=(runuser -u postgres --)

dotnet build src/Broadsheet.Cli -c Release -v quiet -nologo >/dev/null
dotnet build tools/Broadsheet.Samples.Cli -c Release -v quiet -nologo >/dev/null
dotnet build bench/ReaderArchive -c Release -v quiet -nologo >/dev/null
broadsheet=(dotnet src/Broadsheet.Cli/bin/Release/net10.0/broadsheet.dll)
samples=(dotnet tools/Broadsheet.Samples.Cli/bin/Release/net10.0/broadsheet-samples.dll)
archive=(dotnet bench/ReaderArchive/bin/Release/net10.0/ReaderArchive.dll)
work=$(mktemp -d)
chmod 755 "$work"
bench=${BENCH_DATA:-$work/bench}
mkdir -p "$bench"
bench=$(realpath "$bench")
data=$bench/data pgdata=$bench/pg-data cluster=$bench/postgres
port_s=${BENCH_PORT:-5094} port_p=$(( ${BENCH_PORT:-5094} + 1 ))
cleanup() {
  for pid in "${pid_s:-}" "${pid_p:-}"; do [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ -f "$cluster/data/postmaster.pid" ]] && "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$cluster/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
elapsed() { echo "$(date +%s.%N) - $1" | bc -l; }

days=${BENCH_DAYS:-10950}   # fewer only to try the script out
if [[ ! -f "$bench/seeded" ]]; then
  rm -rf "$data" "$bench/package"
  echo "seeding $days editions into SQLite ($data)" >&2
  t=$(date +%s.%N)
  "${archive[@]}" seed "$data" "$days" >&2
  printf '%.0f\n' "$(elapsed "$t")" >"$bench/seeded"
fi

mkdir -p "$cluster" "$pgdata"
[[ -e "$pgdata/blobs" ]] || ln -s "$data/blobs" "$pgdata/blobs"
[[ ${#as_postgres[@]} -eq 0 ]] || chown postgres: "$cluster"
if [[ ! -f "$cluster/data/PG_VERSION" ]]; then
  "${as_postgres[@]}" "$pgbin/initdb" -D "$cluster/data" -U broadsheet --auth=trust -E UTF8 --locale=C >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; exit 1; }
fi
"${as_postgres[@]}" "$pgbin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 120 \
  -o "-c listen_addresses= -c unix_socket_directories=$cluster -c max_connections=200" start >/dev/null
db="Host=$cluster;Username=broadsheet;Database=thirty"
psql() { "$pgbin/psql" -h "$cluster" -U broadsheet -d "${PSQL_DB:-thirty}" -Atqc "$1"; }
if [[ ! -f "$bench/copied" ]]; then
  PSQL_DB=postgres psql "DROP DATABASE IF EXISTS thirty"
  rm -rf "$pgdata/index" "$pgdata/index.feed"
  echo "copying into PostgreSQL (broadsheet db copy)" >&2
  t=$(date +%s.%N)
  "${broadsheet[@]}" db copy --from "$data" --to "$db" >"$work/copy.log"
  tail -n 1 "$work/copy.log" >&2
  printf '%.0f\n' "$(elapsed "$t")" >"$bench/copied"
fi
if [[ ! -d "$pgdata/index" ]]; then
  # The copy holds the same rows under the same ids, so the PostgreSQL node's index starts as a copy of the SQLite
  # one's (building it again from the database takes as long as the seed's rebuild did), its outbox cursor (index.feed,
  # docs/operations.md) at the newest change the copy took (none when SQLite's rebuild had emptied the outbox first).
  cp -a "$data/index" "$pgdata/index"
  echo "$(psql 'SELECT coalesce(max("Id"), 0) FROM "SearchOutbox"') $(date -u +%Y-%m-%dT%H:%M:%S.0000000Z)" >"$pgdata/index.feed"
fi
echo "seed $(cat "$bench/seeded") s (once), db copy $(cat "$bench/copied") s (once)"
[[ -z "${BENCH_PREPARE:-}" ]] || exit 0

start_node() { # name data-folder port [db] -> pid
  mkdir -p "$work/$1-home"
  HOME="$work/$1-home" Broadsheet__SweepBlobsOnStart=false Broadsheet__SearchBurst=100000 Broadsheet__SearchPerMinute=100000 \
    "${broadsheet[@]}" serve --data "$2" ${4:+--db "$4"} --urls "http://127.0.0.1:$3" >"$work/$1.log" 2>&1 &
  echo $!
}
t=$(date +%s.%N)
pid_s=$(start_node sqlite "$data" "$port_s")
pid_p=$(start_node postgres "$pgdata" "$port_p" "$db")
probe="/api/v1/search?q=%E8%B0%83%E8%A7%A3"   # 调解
for port in $port_s $port_p; do
  # Ready, and the search index built (a node started without one builds it from the database first).
  for _ in $(seq 1 3600); do curl -fs -o /dev/null "http://127.0.0.1:$port$probe" && break; sleep 1; done
  curl -fs -o /dev/null "http://127.0.0.1:$port$probe" || { echo "node on $port not ready" >&2; tail -n 20 "$work"/*.log >&2; exit 1; }
done
printf 'both nodes ready and searchable after %.0f s\n' "$(elapsed "$t")"

# The archive's URLs: every date, the first edition's page labels and article paths (the copies have the same).
latest=$(curl -fs -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:$port_s/binjiang" | grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}')
first=2026-11-02
edition=$(curl -fsL "http://127.0.0.1:$port_s/binjiang/$first")
mapfile -t labels < <(grep -oE "/binjiang/$first/[0-9A-Za-z]+\"" <<<"$edition" | grep -oE '[^/"]+"$' | tr -d '"' | grep '[0-9]' | sort -u)   # labels have a digit; other links (edition.epub) do not
[[ -n "$latest" && ${#labels[@]} -gt 0 ]] || { echo "no latest edition or no page links in /binjiang/$first" >&2; exit 1; }
articles=()
for label in "${labels[@]}"; do
  mapfile -t -O "${#articles[@]}" articles < <(curl -fs "http://127.0.0.1:$port_s/binjiang/$first/$label" \
    | grep -oE "/binjiang/$first/$label/[0-9]+\"" | sed -E "s|/binjiang/$first/||; s|\"$||" | sort -u)
done
[[ ${#articles[@]} -gt 0 ]] || { echo "no article links on /binjiang/$first's pages" >&2; exit 1; }
seq 0 $((days - 1)) | sed "s/.*/$first - & days/" | date -f - +%F >"$work/dates"
awk -v labels="${labels[*]}" 'BEGIN { n = split(labels, l, " ") } { for (i = 1; i <= n; i++) print "/binjiang/" $1 "/" l[i] "?uncached" }' "$work/dates" >"$work/pages"
awk -v arts="${articles[*]}" 'BEGIN { n = split(arts, a, " ") } { for (i = 1; i <= n; i++) print "/binjiang/" $1 "/" a[i] "?uncached" }' "$work/dates" >"$work/articles"
cut -c1-7 "$work/dates" | sort -u | sed -E 's|^([0-9]{4})-([0-9]{2})$|/binjiang/\1/\2?uncached|' >"$work/months"
echo "archive: $days editions to $latest, ${#labels[@]} pages and ${#articles[@]} articles an edition; $(wc -l <"$work/pages") page, $(wc -l <"$work/articles") article and $(wc -l <"$work/months") calendar URLs"
lua() { # list-file -> a wrk script asking for random lines of the list, each thread its own sequence
  cat >"$work/$(basename "$1").lua" <<LUA
local urls = {}
for line in io.lines("$1") do urls[#urls + 1] = line end
local threads = 0
function setup(thread) threads = threads + 1; thread:set("seed", threads * 7919) end
function init(args) math.randomseed(seed) end
request = function() return wrk.format("GET", urls[math.random(#urls)]) end
LUA
  echo "$work/$(basename "$1").lua"
}

run() { # url [lua] -> "rps p99_ms non2xx"
  local out
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency ${2:+-s "$2"} "$1")
  echo "$out" >>"$work/wrk.log"
  awk '/^Requests\/sec/ { rps = $2 }
       /Non-2xx or 3xx responses/ { bad = $NF }
       $1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; p99 = v }
       END { printf "%s %s %d\n", rps, p99, bad }' <<<"$out"
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A lists=([page]="$work/pages" [article]="$work/articles" [calendar]="$work/months")
declare -A cached=([page]="/binjiang/$first/${labels[2]:-${labels[0]}}" [article]="/binjiang/$first/${articles[0]}" [calendar]="/binjiang/${first:0:4}/${first:5:2}")
status=0
printf '%-18s %10s %9s %10s %9s %6s %s\n' what "SQLite r/s" "p99" "PG r/s" "p99" "PG/SQ" goal
for what in page article calendar; do
  for mode in cached uncached; do
    if [[ $mode == cached ]]; then path=${cached[$what]} script=""; else path=/ script=$(lua "${lists[$what]}"); fi
    for port in $port_s $port_p; do   # warm-up: the JIT, the page cache, the database's and the OS's caches
      wrk -t2 -c64 -d5s ${script:+-s "$script"} "http://127.0.0.1:$port$path" >/dev/null
    done
    s_rps=() s_p99=() p_rps=() p_p99=()
    for _ in $(seq "$rounds"); do
      read -r r p bad < <(run "http://127.0.0.1:$port_s$path" "$script"); s_rps+=("$r"); s_p99+=("$p"); [[ $bad -eq 0 ]] || { echo "SQLite: $bad non-2xx on $what $mode" >&2; status=1; }
      read -r r p bad < <(run "http://127.0.0.1:$port_p$path" "$script"); p_rps+=("$r"); p_p99+=("$p"); [[ $bad -eq 0 ]] || { echo "PostgreSQL: $bad non-2xx on $what $mode" >&2; status=1; }
    done
    echo "$what $mode: SQLite ${s_rps[*]} req/s, p99 ${s_p99[*]} ms; PostgreSQL ${p_rps[*]} req/s, p99 ${p_p99[*]} ms" >&2
    sr=$(median "${s_rps[@]}") sp=$(median "${s_p99[@]}") pr=$(median "${p_rps[@]}") pp=$(median "${p_p99[@]}")
    ratio=$(echo "$pr / $sr" | bc -l)
    goal=$([[ $mode == cached ]] && echo 0.8 || echo 0.5)
    [[ $(echo "$ratio >= $goal" | bc -l) == 1 ]] || status=1
    printf '%-18s %10.0f %7.2fms %10.0f %7.2fms %6.2f >=%s\n' "$what $mode" "$sr" "$sp" "$pr" "$pp" "$ratio" "$goal"
  done
done
echo "load average after the reader views: $(cut -d' ' -f1-3 /proc/loadavg)"

# Search: one client (one curl, one connection), each query's time to the last byte.
queries=(调解 民警 群众 学生 平安 企业 居民 诈骗 学校 安全 社区 营商环境 电信网络诈骗 人大代表 民生实事 派出所 "化解 矛盾" 老人 孩子 政务服务)
urls=()
for q in "${queries[@]}"; do urls+=("/api/v1/search?q=$(printf '%s' "$q" | jq -sRr @uri)"); done
search() { # port passes -> one time in ms a line
  local args=()
  for _ in $(seq "$2"); do for u in "${urls[@]}"; do args+=(-o /dev/null "http://127.0.0.1:$1$u"); done; done
  curl -fs -w '%{time_total}\n' "${args[@]}" | awk '{ printf "%.3f\n", $1 * 1000 }'
}
percentile() { sort -g | awk -v p="$1" '{ v[NR] = $1 } END { i = int(NR * p / 100 + 0.999999); if (i < 1) i = 1; print v[i] }'; }
hits=$(curl -fs "http://127.0.0.1:$port_s${urls[0]}" | jq .total)
for port in $port_s $port_p; do search "$port" 1 >/dev/null; done
search "$port_s" 5 >"$work/search-s"
search "$port_p" 5 >"$work/search-p"
ss95=$(percentile 95 <"$work/search-s") sp95=$(percentile 95 <"$work/search-p")
printf 'search, one client, %d searches each (调解: %s hits): SQLite p50 %.1f ms, p95 %.1f ms; PostgreSQL p50 %.1f ms, p95 %.1f ms; PG/SQLite p95 %.2f\n' \
  "$(wc -l <"$work/search-s")" "$hits" "$(percentile 50 <"$work/search-s")" "$ss95" "$(percentile 50 <"$work/search-p")" "$sp95" "$(echo "$sp95 / $ss95" | bc -l)"

# Import: a generated 8-page edition (seed 7) into each, alternately, under the dates after the archive's last; each
# edition is generated for its own date (the date is printed on the pages), so every import renders and stores new blobs.
for i in $(seq $((2 * imports))); do
  "${samples[@]}" sample "$work/import-$i" --date "$(date -d "$latest + $i days" +%F)" --pages 8 >/dev/null
  date -d "$latest + $i days" +%F >"$work/import-$i.date"
done
import_into() { # n data-folder [db] -> seconds
  local t
  t=$(date +%s.%N)
  "${broadsheet[@]}" import "$work/import-$1" --publication binjiang --date "$(cat "$work/import-$1.date")" --quiet --data "$2" ${3:+--db "$3"} >&2
  elapsed "$t"
}
s_imp=() p_imp=()
for i in $(seq "$imports"); do
  s_imp+=("$(import_into $((2 * i - 1)) "$data")")
  p_imp+=("$(import_into $((2 * i)) "$pgdata" "$db")")
done
si=$(median "${s_imp[@]}") pi=$(median "${p_imp[@]}")
printf 'import of an 8-page edition (medians of %d): SQLite %.2f s, PostgreSQL %.2f s (%.0f and %.0f editions an hour); PG/SQLite %.2f\n' \
  "$imports" "$si" "$pi" "$(echo "3600 / $si" | bc -l)" "$(echo "3600 / $pi" | bc -l)" "$(echo "$pi / $si" | bc -l)"
echo "imports: SQLite ${s_imp[*]} s; PostgreSQL ${p_imp[*]} s" >&2

# Sizes and memory.
mb() { echo "$1 / 1048576" | bc; }
sq_total=$(sqlite3 "$data/broadsheet.db" "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
sq_index=$(sqlite3 "$data/broadsheet.db" "SELECT sum(pgsize) FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE type = 'index')")
pg_total=$(psql "SELECT pg_database_size(current_database())")
pg_index=$(psql "SELECT sum(pg_indexes_size(c.oid)) FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace")
counts=$(psql "SELECT (SELECT count(*) FROM \"Editions\") || ' editions, ' || (SELECT count(*) FROM \"Pages\") || ' pages, ' || (SELECT count(*) FROM \"Articles\") || ' articles'")
rss() { awk '/^VmRSS/ { r = $2 } /^VmHWM/ { h = $2 } END { printf "%d MB (peak %d MB)", r / 1024, h / 1024 }' "/proc/$1/status"; }
echo "archive: $counts"
echo "SQLite: database $(mb "$sq_total") MB, of which indexes $(mb "$sq_index") MB; search index $(du -sm "$data/index" | cut -f1) MB; node RSS $(rss "$pid_s")"
echo "PostgreSQL: database $(mb "$pg_total") MB, of which indexes $(mb "$pg_index") MB; search index $(du -sm "$pgdata/index" | cut -f1) MB; node RSS $(rss "$pid_p")"
echo "blobs (one edition's pages, shared): $(du -sm "$data/blobs/" | cut -f1) MB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
