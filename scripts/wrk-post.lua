-- wrk script: POSTs one JSON body over and over, then prints one machine-readable line.
--
-- usage:
--   AIRLOCK_TOKEN=secret AIRLOCK_BODY_FILE=plan.json \
--     wrk -t2 -c16 -d10s --latency -s scripts/wrk-post.lua http://127.0.0.1:8080/v1/decisions
--
-- environment (read with os.getenv in every wrk thread, each of which loads this file):
--   AIRLOCK_BODY_FILE      path of the JSON body to send (read with io.open)
--   AIRLOCK_BODY_FILES     several paths, comma-separated: each connection sends them in
--                          turn (a mix); overrides AIRLOCK_BODY_FILE
--   AIRLOCK_BODY           the JSON body itself, used when AIRLOCK_BODY_FILE is unset
--                          (neither set: the body is "{}")
--   AIRLOCK_TOKEN          sent as "Authorization: Bearer <token>" when set
--   AIRLOCK_EXPECT_STATUS  e.g. 201: also count responses whose status differs
--                          (unexpected=N); costs a Lua call per response, so off by default
--
-- Last line printed (after wrk's own report), in one line:
--   RESULT requests=N errors_status=N errors_connect=N errors_read=N errors_write=N
--          errors_timeout=N duration_us=N rps=X p50_ms=X p90_ms=X p99_ms=X max_ms=X
--          [unexpected=N]
-- errors_status is wrk's count of responses with status > 399 (its "Non-2xx or 3xx
-- responses" line); 2xx and 3xx count as success.

local function read_file(path)
  local f, err = io.open(path, "rb")
  if not f then
    io.stderr:write("wrk-post.lua: cannot open " .. path .. ": " .. tostring(err) .. "\n")
    os.exit(2)
  end
  local body = f:read("*a")
  f:close()
  return body
end

local function read_body()
  local path = os.getenv("AIRLOCK_BODY_FILE")
  if path and path ~= "" then
    return read_file(path)
  end
  local body = os.getenv("AIRLOCK_BODY")
  if body and body ~= "" then
    return body
  end
  return "{}"
end

wrk.method = "POST"
wrk.body = read_body() -- wrk.format adds Content-Length
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local token = os.getenv("AIRLOCK_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

-- A mix: the requests are formatted once per thread (in init, when wrk.path is known) and
-- sent in turn; with one body wrk's own request path is used, which costs no Lua call.
local mix_paths = os.getenv("AIRLOCK_BODY_FILES")
if mix_paths and mix_paths ~= "" then
  local mix_bodies = {}
  for path in string.gmatch(mix_paths, "[^,]+") do
    table.insert(mix_bodies, read_file(path))
  end
  local mix_requests = {}
  local next_request = 0

  function init(args)
    for _, body in ipairs(mix_bodies) do
      table.insert(mix_requests, wrk.format(nil, nil, nil, body))
    end
  end

  function request()
    next_request = next_request % #mix_requests + 1
    return mix_requests[next_request]
  end
end

-- Optional per-status check. wrk runs each thread in its own Lua state and done() in yet
-- another, so the per-thread counts are collected with setup()/thread:get().
local expect = tonumber(os.getenv("AIRLOCK_EXPECT_STATUS") or "")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

if expect then
  unexpected = 0
  function response(status, headers, body)
    if status ~= expect then
      unexpected = unexpected + 1
    end
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local rps = 0
  if seconds > 0 then
    rps = summary.requests / seconds
  end
  local e = summary.errors
  local line = string.format(
    "RESULT requests=%d errors_status=%d errors_connect=%d errors_read=%d errors_write=%d " ..
    "errors_timeout=%d duration_us=%d rps=%.2f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f",
    summary.requests, e.status, e.connect, e.read, e.write, e.timeout, summary.duration, rps,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000)
  if expect then
    local n = 0
    for _, thread in ipairs(threads) do
      n = n + (thread:get("unexpected") or 0)
    end
    line = line .. string.format(" unexpected=%d", n)
  end
  io.write(line .. "\n")
end
