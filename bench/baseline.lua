-- wrk script: GET /actuator/health/liveness, the baseline that does no evaluation.
-- Each thread stops after max_requests answers, so a run is bounded in count as well as in time.
local answered = 0
local max_requests = tonumber(os.getenv("BENCH_MAX_REQUESTS_PER_THREAD") or "2000000")

request = function()
  return wrk.format("GET", "/actuator/health/liveness")
end

response = function(status, headers, body)
  answered = answered + 1
  if answered >= max_requests then
    wrk.thread:stop()
  end
end
