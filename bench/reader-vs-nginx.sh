#!/usr/bin/env bash
# The reader against nginx serving the same bytes from disk, measured in one run.
#   bench/reader-vs-nginx.sh [seconds] [warm-up seconds] [rounds]     (defaults 10 s, 5 s, 3; wrk -t2 -c64)
# Each round measures the app and then nginx; the medians of the rounds are compared, so a burst of load
# from elsewhere on the machine lands on one round of one server rather than deciding the figure.
# Archive: one imported 8-page sample edition copied to 365 dates, search index built (bench/ReaderArchive seed).
# Subject: the app (Kestrel, output cache) serving a page view, an article view and a page image (WebP).
# Reference: nginx serving the HTML the app sent, saved to files, and the same image file from the blob folder.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
warmup=${2:-5}
rounds=${3:-3}
for tool in wrk nginx curl; do command -v "$tool" >/dev/null || { echo "needs $tool (scripts/install-deps --bench)" >&2; exit 1; }; done

dotnet build bench/ReaderArchive -c Release -v quiet -nologo >/dev/null
archive=(dotnet bench/ReaderArchive/bin/Release/net10.0/ReaderArchive.dll)
work=$(mktemp -d)
chmod 755 "$work"   # nginx's workers run as an unprivileged user and must read the saved pages
mkdir -p "$work/tmp"
# BENCH_PORT=<n> uses ports n and n+1 (default 5087), so two sessions on one machine do not measure each other.
app_port=${BENCH_PORT:-5087} nginx_port=$(( ${BENCH_PORT:-5087} + 1 ))
cleanup() {
  [[ -n "${app_pid:-}" ]] && kill "$app_pid" 2>/dev/null || true
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# BENCH_DATA=<folder> reuses an archive seeded before (ReaderArchive seed <folder> 365); it takes a minute to make.
data=${BENCH_DATA:-$work/data}
[[ -f "$data/broadsheet.db" ]] || "${archive[@]}" seed "$data" 365
"${archive[@]}" serve "$data" "http://127.0.0.1:$app_port" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$app_port/binjiang" && break; sleep 0.5; done

page=/binjiang/2026-11-02/03
article=/binjiang/2026-11-02/03/1
html_page=$(curl -fs "http://127.0.0.1:$app_port$page")
image=$(grep -o '/media/[^" ]*/page\.webp' <<<"$html_page" | head -1)
[[ -n "$image" ]] || { echo "no page image in $page" >&2; exit 1; }

# nginx's document root: the app's HTML saved under the same paths, and the blob folder as /media.
root="$work/root"
mkdir -p "$root$page"
curl -fs -o "$root$page.html" "http://127.0.0.1:$app_port$page"
curl -fs -o "$root$article.html" "http://127.0.0.1:$app_port$article"
ln -s "$(realpath "$data")/blobs" "$root/media"
sed -e "s|@ROOT@|$root|g" -e "s|@PORT@|$nginx_port|g" -e "s|@WORK@|$work|g" bench/reader-nginx.conf >"$work/nginx.conf"
nginx -c "$work/nginx.conf" -p "$work"
sleep 0.5

# CPU time (user + system, in clock ticks) of the processes listed, so each run also says what a request cost
# each server in CPU time (nginx: its workers).
ticks() { local t=0 f; for p in "$@"; do read -r -a f <"/proc/$p/stat"; t=$((t + f[13] + f[14])); done; echo "$t"; }

run() { # url pid... -> "rps p99_ms cpu_us_per_request"
  local url=$1 out before after
  shift
  before=$(ticks "$@")
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency "$url")
  after=$(ticks "$@")
  local rps p99 requests
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' <<<"$out")
  echo "$rps $p99 $(echo "($after - $before) * 1000000 / $(getconf CLK_TCK) / $requests" | bc -l)"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-9s %10s %9s %8s %12s %9s %8s %6s %s\n' what "app req/s" "app p99" "app CPU" "nginx req/s" "nginx p99" "ngx CPU" ratio goal
status=0
for what in page article image; do
  case $what in
    page) path=$page goal=0.9 ;;
    article) path=$article goal=0.9 ;;
    image) path=$image goal=0.5 ;;
  esac
  # Warm both as a server that has run for a while is warm: the first request renders and caches the page,
  # and a few seconds of load let .NET's tiered JIT finish compiling the hot path (measured cold, the JIT
  # takes a sixth of the app's CPU).
  for port in $app_port $nginx_port; do
    curl -fs -o /dev/null "http://127.0.0.1:$port$path"
    wrk -t2 -c64 -d"${warmup}s" "http://127.0.0.1:$port$path" >/dev/null
  done
  runs_app_rps=() runs_app_p99=() runs_app_cpu=() runs_ngx_rps=() runs_ngx_p99=() runs_ngx_cpu=()
  for _ in $(seq "$rounds"); do
    read -r r p c < <(run "http://127.0.0.1:$app_port$path" "$app_pid"); runs_app_rps+=("$r"); runs_app_p99+=("$p"); runs_app_cpu+=("$c")
    read -r r p c < <(run "http://127.0.0.1:$nginx_port$path" $(pgrep -f "nginx: worker process" -P "$(cat "$work/nginx.pid")"))
    runs_ngx_rps+=("$r"); runs_ngx_p99+=("$p"); runs_ngx_cpu+=("$c")
  done
  echo "$what: app ${runs_app_rps[*]} req/s, p99 ${runs_app_p99[*]} ms; nginx ${runs_ngx_rps[*]} req/s, p99 ${runs_ngx_p99[*]} ms" >&2
  app_rps=$(median "${runs_app_rps[@]}") app_p99=$(median "${runs_app_p99[@]}") app_cpu=$(median "${runs_app_cpu[@]}")
  ngx_rps=$(median "${runs_ngx_rps[@]}") ngx_p99=$(median "${runs_ngx_p99[@]}") ngx_cpu=$(median "${runs_ngx_cpu[@]}")
  ratio=$(echo "$app_rps / $ngx_rps" | bc -l)
  verdict=$(echo "$ratio >= $goal" | bc -l)
  [[ $what != image ]] && [[ $(echo "$app_p99 > 20" | bc -l) == 1 ]] && verdict=0
  [[ $verdict == 1 ]] || status=1
  printf '%-9s %10.0f %7.2fms %6.1fus %12.0f %7.2fms %6.1fus %6.2f >=%s%s\n' "$what" "$app_rps" "$app_p99" "$app_cpu" \
    "$ngx_rps" "$ngx_p99" "$ngx_cpu" "$ratio" "$goal" "$([[ $what != image ]] && echo ', p99<=20ms')"
done
exit $status
