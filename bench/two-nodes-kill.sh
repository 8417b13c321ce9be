#!/usr/bin/env bash
# Kill -9 of one of two web nodes under wrk load through nginx, with the repository's several-nodes file
# (deploy/nginx/broadsheet-nodes.conf, only its CHANGE lines filled in: the two nodes' ports, a loopback port with a
# self-signed certificate, the shared blob folder).
#   bench/two-nodes-kill.sh [seconds]        (default 10 s a phase; wrk -t2 -c32 over HTTPS; BENCH_PORT=<n> uses n…n+2)
# Installation: one 8-page sample edition imported into a throwaway PostgreSQL (scripts/with-postgres, started here
# unless BROADSHEET_TEST_POSTGRES is set) and one data folder; two `broadsheet serve` nodes, each its own index.
# Load: a page view, another page, an article view and the month's calendar in turn (cached reader views).
# Phases: "both" (two nodes), "kill" (node A killed with SIGKILL a third of the way in), "survivor" (node B alone).
# Reference: "survivor" is reported as a ratio of "both" from the same run. Fails if any request failed after the kill.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${BROADSHEET_TEST_POSTGRES:-}" ]]; then
  exec scripts/with-postgres "$0" "$@"
fi
seconds=${1:-10}
for tool in wrk nginx curl openssl bc; do command -v "$tool" >/dev/null || { echo "needs $tool (scripts/install-deps --bench)" >&2; exit 1; }; done

dotnet build src/Broadsheet.Cli -c Release -v quiet -nologo >/dev/null
dotnet build tools/Broadsheet.Samples.Cli -c Release -v quiet -nologo >/dev/null
broadsheet=(dotnet src/Broadsheet.Cli/bin/Release/net10.0/broadsheet.dll)
samples=(dotnet tools/Broadsheet.Samples.Cli/bin/Release/net10.0/broadsheet-samples.dll)
work=$(mktemp -d)
chmod 755 "$work"   # nginx's workers run as an unprivileged user and read the blobs
port_a=${BENCH_PORT:-5091} port_b=$(( ${BENCH_PORT:-5091} + 1 )) port_nginx=$(( ${BENCH_PORT:-5091} + 2 ))
db="$BROADSHEET_TEST_POSTGRES;Database=bench_two_nodes_$$"
shared="$work/shared"
cleanup() {
  for pid in "${pid_a:-}" "${pid_b:-}"; do [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true; done
  [[ -f "$work/nginx/nginx.pid" ]] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"${samples[@]}" sample "$work/edition" --date 2026-11-02 --pages 8 >/dev/null
"${broadsheet[@]}" publication add binjiang --name 滨江日报 --data "$shared" --db "$db" >/dev/null
"${broadsheet[@]}" import "$work/edition" --publication binjiang --date 2026-11-02 --quiet --data "$shared" --db "$db" >/dev/null

start_node() { # name port -> pid
  mkdir -p "$work/$1/home"
  Broadsheet__Index="$work/$1/index" HOME="$work/$1/home" \
    "${broadsheet[@]}" serve --data "$shared" --db "$db" --urls "http://127.0.0.1:$2" >"$work/$1.log" 2>&1 &
  echo $!
}
pid_a=$(start_node a "$port_a")
pid_b=$(start_node b "$port_b")
for port in $port_a $port_b; do
  for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" && break; sleep 0.5; done
  curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" || { echo "node on $port not ready" >&2; cat "$work"/*.log >&2; exit 1; }
done

mkdir -p "$work/nginx/tmp"
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -days 1 \
  -keyout "$work/nginx/key.pem" -out "$work/nginx/cert.pem" 2>/dev/null
change() { grep -qF "$1" "$work/nginx/site.conf" || { echo "deploy/nginx/broadsheet-nodes.conf: no '$1' to change" >&2; exit 1; }
  sed -i "s|$1|$2|" "$work/nginx/site.conf"; }
cp deploy/nginx/broadsheet-nodes.conf "$work/nginx/site.conf"
change "server 10.0.0.11:5080 " "server 127.0.0.1:$port_a "
change "server 10.0.0.12:5080 " "server 127.0.0.1:$port_b "
change "listen 443 ssl http2;" "listen 127.0.0.1:$port_nginx ssl http2;"
change "ssl_certificate /etc/ssl/epaper.example.org.pem;" "ssl_certificate $work/nginx/cert.pem;"
change "ssl_certificate_key /etc/ssl/private/epaper.example.org.key;" "ssl_certificate_key $work/nginx/key.pem;"
change "alias /srv/paper/blobs/;" "alias $shared/blobs/;"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp; fastcgi_temp_path $work/nginx/tmp;
    uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
    include $work/nginx/site.conf;
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx"

base="https://127.0.0.1:$port_nginx"
paths=(/binjiang/2026-11-02/01 /binjiang/2026-11-02/03 /binjiang/2026-11-02/01/1 /binjiang/2026/11)
for path in "${paths[@]}"; do
  for _ in 1 2 3 4; do curl -kfs -o /dev/null "$base$path" || { echo "$path answered no 200 through nginx" >&2; exit 1; }; done
done
{
  printf 'local paths = {'
  printf '"%s", ' "${paths[@]}"
  printf '}\nlocal i = 0\nrequest = function() i = i %% #paths + 1; return wrk.format("GET", paths[i]) end\n'
} >"$work/paths.lua"

reader_requests() { # port -> reader requests the node counted (its /metrics, from loopback)
  curl -fs "http://127.0.0.1:$1/metrics" | awk '/^broadsheet_http_requests_total\{/ && /route_class="reader"/ { s += $NF } END { printf "%d", s }'
}

load() { # -> "req/s p99_ms non2xx errors requests"
  local out
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency -s "$work/paths.lua" "$base")
  echo "$out" >>"$work/wrk.log"
  awk '/^Requests\/sec/ { rps = $2 }
       /requests in/ { n = $1 }
       /Non-2xx or 3xx responses/ { bad = $NF }
       /Socket errors/ { gsub(/,/, ""); err = $4 + $6 + $8 + $10 }
       $1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; p99 = v }
       END { printf "%s %s %d %d %d\n", rps, p99, bad, err, n }' <<<"$out"
}

wrk -t2 -c32 -d5s -s "$work/paths.lua" "$base" >/dev/null   # warm-up: JIT, both nodes' caches
printf '%-9s %9s %8s %8s %7s %9s %-14s %s\n' phase "req/s" "p99" non-2xx errors requests "load average" "served (A, B)"
a0=$(reader_requests "$port_a") b0=$(reader_requests "$port_b")
read -r rps_both p99 bad err n < <(load)
a1=$(reader_requests "$port_a") b1=$(reader_requests "$port_b")
printf '%-9s %9.0f %6.2fms %8d %7d %9d %-14s %s\n' both "$rps_both" "$p99" "$bad" "$err" "$n" "$(cut -d' ' -f1-3 /proc/loadavg)" "$((a1 - a0)), $((b1 - b0))"
failed=0

load >"$work/kill.out" &
wrk_pid=$!
sleep "$(echo "$seconds / 3" | bc -l)"
kill -9 "$pid_a"
killed_at=$(date +%T)
wait "$wrk_pid"
read -r rps p99 bad err n <"$work/kill.out"
b2=$(reader_requests "$port_b")
printf '%-9s %9.0f %6.2fms %8d %7d %9d %-14s %s\n' kill "$rps" "$p99" "$bad" "$err" "$n" "$(cut -d' ' -f1-3 /proc/loadavg)" "A killed at $killed_at, B $((b2 - b1))"
failed=$((failed + bad + err))

read -r rps_after p99 bad err n < <(load)
b3=$(reader_requests "$port_b")
printf '%-9s %9.0f %6.2fms %8d %7d %9d %-14s %s\n' survivor "$rps_after" "$p99" "$bad" "$err" "$n" "$(cut -d' ' -f1-3 /proc/loadavg)" "-, $((b3 - b2))"
failed=$((failed + bad + err))

printf 'survivor / both: %.2f; requests failed after the kill: %d\n' "$(echo "$rps_after / $rps_both" | bc -l)" "$failed"
grep -E "connect\(\) failed|upstream prematurely|no live upstreams" "$work/nginx/error.log" | sed -E 's/^[0-9\/: ]+\[[a-z]+\] [0-9#]+: \*[0-9]+ //; s/, client.*//' | sort | uniq -c | sed 's/^/nginx: /' || true
[[ $failed -eq 0 ]]
