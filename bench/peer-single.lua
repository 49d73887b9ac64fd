-- wrk script for the peer: POST /find-recommendation with one request, the image count cycling
-- through every preset as in bench/recommend.lua. Each thread stops after max_requests answers.
local counter = 0
local answered = 0
local max_requests = tonumber(os.getenv("BENCH_MAX_REQUESTS_PER_THREAD") or "2000000")

request = function()
  counter = counter + 1
  local images = (counter * 7919) % 120 + 1
  return wrk.format("POST", "/find-recommendation", { ["Content-Type"] = "application/json" },
    string.format('{"requests":[{"imageCount":%d}]}', images))
end

response = function(status, headers, body)
  answered = answered + 1
  if answered >= max_requests then
    wrk.thread:stop()
  end
end
