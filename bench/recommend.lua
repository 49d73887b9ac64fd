-- wrk script: POST /api/v1/recommendations with a mix of image counts (every preset) and actor ids.
-- Each thread stops after max_requests answers, so a run is bounded in count as well as in time.
local counter = 0
local answered = 0
local max_requests = tonumber(os.getenv("BENCH_MAX_REQUESTS_PER_THREAD") or "2000000")

request = function()
  counter = counter + 1
  local images = (counter * 7919) % 120 + 1
  local actor = (counter * 104729) % 5000
  local body = string.format(
    '{"actor":{"id":"bench-actor-%d","name":"Actor %d"},"dataset":{"imageCount":%d}}',
    actor, actor, images)
  return wrk.format("POST", "/api/v1/recommendations", { ["Content-Type"] = "application/json" }, body)
end

response = function(status, headers, body)
  answered = answered + 1
  if answered >= max_requests then
    wrk.thread:stop()
  end
end
