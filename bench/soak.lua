-- wrk script for bench/soak.sh: each request takes the next URL of a list (page, article, page image, search, API),
-- and every response's status is counted per thread; done() prints the totals the script reads.
-- The list comes from the file named by SOAK_URLS, one path a line.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("SOAK_URLS")) do
    if #line > 0 then table.insert(paths, line) end
  end
  n = 0
  ok, limited, failed = 0, 0, 0
  failures = {}
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

function response(status, headers, body)
  if status == 429 then
    limited = limited + 1
  elseif status >= 200 and status < 400 then
    ok = ok + 1
  else
    failed = failed + 1
    failures[status] = (failures[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local o, l, f, by = 0, 0, 0, {}
  for _, t in ipairs(threads) do
    o = o + t:get("ok")
    l = l + t:get("limited")
    f = f + t:get("failed")
    for status, count in pairs(t:get("failures")) do by[status] = (by[status] or 0) + count end
  end
  local e = summary.errors
  io.write(string.format("soak: ok %d, 429 %d, errors %d, socket errors %d (connect %d, read %d, write %d, timeout %d)\n",
    o, l, f, e.connect + e.read + e.write + e.timeout, e.connect, e.read, e.write, e.timeout))
  for status, count in pairs(by) do io.write(string.format("soak: status %d: %d\n", status, count)) end
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("soak: p%s %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
