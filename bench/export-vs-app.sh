#!/usr/bin/env bash
# The static export (issue 17 item 5): how fast `broadsheet export` writes files, and nginx serving the export
# against the app serving the same page, measured in one run.
#   bench/export-vs-app.sh [seconds] [rounds]     (defaults 10 s, 3; wrk -t2 -c64)
# Data: the demo (7 editions of 8 pages), made here unless BENCH_DATA names a folder `broadsheet demo` filled.
# Files a second: a first export into an empty folder, then a second one (which rewrites nothing), both timed;
# the bytes the tiles take (kept once, under iiif/3/).
# Serving: a page view at the app (Kestrel, page cache) and the same page as a file at nginx; medians of rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
rounds=${2:-3}
for tool in wrk nginx curl; do command -v "$tool" >/dev/null || { echo "needs $tool (scripts/install-deps --bench)" >&2; exit 1; }; done

# BENCH_CLI=<broadsheet.dll> uses a command built elsewhere instead of building src/Broadsheet.Cli.
[[ -n "${BENCH_CLI:-}" ]] || dotnet build src/Broadsheet.Cli -c Release -v quiet -nologo >/dev/null
cli=(dotnet "${BENCH_CLI:-src/Broadsheet.Cli/bin/Release/net10.0/broadsheet.dll}")
work=$(mktemp -d)
chmod 755 "$work"
mkdir -p "$work/tmp"
app_port=${BENCH_PORT:-5097} nginx_port=$(( ${BENCH_PORT:-5097} + 1 ))
cleanup() {
  [[ -n "${app_pid:-}" ]] && kill "$app_pid" 2>/dev/null || true
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

data=${BENCH_DATA:-$work/data}
[[ -f "$data/broadsheet.db" ]] || "${cli[@]}" demo --no-serve --data "$data" >/dev/null

site="$work/site"
start=$(date +%s.%N)
first=$("${cli[@]}" export "$site" --data "$data" --quiet; find "$site" -type f | wc -l)
end=$(date +%s.%N)
files=$(find "$site" -type f -not -path "$site/pagefind/*" | wc -l)
first_s=$(echo "$end - $start" | bc -l)
start=$(date +%s.%N)
second=$("${cli[@]}" export "$site" --data "$data")
end=$(date +%s.%N)
second_s=$(echo "$end - $start" | bc -l)
printf 'first export: %d files (without Pagefind'"'"'s) in %.1f s, %.0f files/s including the app start and Pagefind\n' "$files" "$first_s" "$(echo "$files / $first_s" | bc -l)"
printf 'second export: %.1f s; %s\n' "$second_s" "$(grep -o '[0-9]* files written, [0-9]* unchanged, [0-9]* kept' <<<"$second")"
# The tiles are written once, under iiif/3/ (docs/api.md, "Tiles, once"): what a second copy under media/ would add.
tiles_b=$(du -sb "$site/iiif/3" | cut -f1) all_b=$(du -sb --exclude=pagefind "$site" | cut -f1)
media_tiles=$(find "$site/media" -path '*/tiles/*' -type f | wc -l)
printf 'tiles kept once: %.1f MB of %.1f MB (%.0f%%); a second copy under media/ would add that again; tile files under media/: %d\n' \
  "$(echo "$tiles_b / 1048576" | bc -l)" "$(echo "$all_b / 1048576" | bc -l)" "$(echo "100 * $tiles_b / $all_b" | bc -l)" "$media_tiles"

"${cli[@]}" serve --data "$data" --urls "http://127.0.0.1:$app_port" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$app_port/binjiang/" && break; sleep 0.5; done
page=$(curl -fs "http://127.0.0.1:$app_port/binjiang/" | { grep -o '/binjiang/[0-9-]*/03' || true; } | head -1)
[[ -n "$page" ]] || { echo "no page 03 linked from /binjiang/" >&2; exit 1; }

cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    open_file_cache max=1000 inactive=60s;
    client_body_temp_path $work/tmp;
    proxy_temp_path $work/tmp;
    fastcgi_temp_path $work/tmp;
    uwsgi_temp_path $work/tmp;
    scgi_temp_path $work/tmp;
    server { listen 127.0.0.1:$nginx_port; root $site; }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
sleep 0.5
curl -fs -o /dev/null "http://127.0.0.1:$nginx_port$page/" || { echo "nginx does not serve $page/" >&2; exit 1; }

rps() { wrk -t2 -c64 -d"${seconds}s" "$1" | awk '/^Requests\/sec/ {print $2}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# Warm both: the app renders and caches the page on its first request.
wrk -t2 -c16 -d3s "http://127.0.0.1:$app_port$page" >/dev/null
wrk -t2 -c16 -d3s "http://127.0.0.1:$nginx_port$page/" >/dev/null
apps=() nginxes=()
for _ in $(seq 1 "$rounds"); do
  apps+=("$(rps "http://127.0.0.1:$app_port$page")")
  nginxes+=("$(rps "http://127.0.0.1:$nginx_port$page/")")
done
app=$(median "${apps[@]}") ngx=$(median "${nginxes[@]}")
printf 'page %s: app %.0f req/s, nginx over the export %.0f req/s, nginx/app %.2f (rounds: app %s; nginx %s)\n' \
  "$page" "$app" "$ngx" "$(echo "$ngx / $app" | bc -l)" "${apps[*]}" "${nginxes[*]}"
