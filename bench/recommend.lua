-- wrk script: POST /api/v1/recommendations with a mix of image counts (every preset) and actor ids.
-- Each thread stops after BENCH_MAX_REQUESTS_PER_THREAD answers, so a run is bounded in count as well
-- as in time.
-- For the durability benches, with BENCH_IDS_DIR set, it writes the recommendation id of every 200 to
-- ids-<thread>.txt there (line-buffered, so a kill -9 of the service or of wrk loses no recorded id);
-- with BENCH_SERVED_BY set too, "server revision" per answer (the X-Served-By header HAProxy adds), so
-- the order of revisions per replica can be checked.
-- BENCH_DELAY_MS paces each connection (that many milliseconds before each request): a bounded rate,
-- which leaves CPU for replicas that start while the load runs (bench/replicas.sh).
local max_requests = tonumber(os.getenv("BENCH_MAX_REQUESTS_PER_THREAD") or "2000000")
local ids_dir = os.getenv("BENCH_IDS_DIR")
local served_by = os.getenv("BENCH_SERVED_BY")
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local threads = {}
local counter = 0
local answered = 0
local ids
local seen

setup = function(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

init = function(args)
  if ids_dir then
    ids = io.open(string.format("%s/ids-%d.txt", ids_dir, id), "a")
    ids:setvbuf("line")
    if served_by then
      seen = io.open(string.format("%s/seen-%d.txt", ids_dir, id), "a")
      seen:setvbuf("line")
    end
  end
end

request = function()
  counter = counter + 1
  local images = (counter * 7919) % 120 + 1
  local actor = (counter * 104729 + id * 7) % 5000
  local body = string.format(
    '{"actor":{"id":"bench-actor-%d","name":"Actor %d"},"dataset":{"imageCount":%d}}',
    actor, actor, images)
  return wrk.format("POST", "/api/v1/recommendations", { ["Content-Type"] = "application/json" }, body)
end

if delay_ms > 0 then
  delay = function()
    return delay_ms
  end
end

response = function(status, headers, body)
  answered = answered + 1
  if ids and status == 200 then
    local rid = body:match('"recommendationId":"([^"]+)"')
    if rid then ids:write(rid, "\n") end
    if seen then
      local revision = body:match('"guide":{"id":"flux%-lora","revision":"([^"]+)"')
      seen:write(headers["x-served-by"] or headers["X-Served-By"] or "?", " ", revision or "-", "\n")
    end
  end
  if answered >= max_requests then
    wrk.thread:stop()
  end
end
