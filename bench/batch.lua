-- wrk script for batches of BENCH_BATCH_SIZE (default 100) recommendations per request, against
-- ours (POST /api/v1/recommendations/batch, BENCH_TARGET=ours) or the peer (POST
-- /find-recommendation, BENCH_TARGET=peer). Every item has its own image count (every preset)
-- and, for ours, its own actor. Bodies are built once per thread; each thread stops after
-- max_requests answers.
local size = tonumber(os.getenv("BENCH_BATCH_SIZE") or "100")
local target = os.getenv("BENCH_TARGET") or "ours"
local max_requests = tonumber(os.getenv("BENCH_MAX_REQUESTS_PER_THREAD") or "2000000")
local bodies = {}
local counter = 0
local answered = 0

local function body(offset)
  local items = {}
  for i = 1, size do
    local n = offset + i
    local images = (n * 7919) % 120 + 1
    if target == "peer" then
      items[i] = string.format('{"imageCount":%d}', images)
    else
      local actor = (n * 104729) % 5000
      items[i] = string.format('{"actor":{"id":"bench-actor-%d","name":"Actor %d"},"dataset":{"imageCount":%d}}',
        actor, actor, images)
    end
  end
  return '{"requests":[' .. table.concat(items, ",") .. ']}'
end

local path = (target == "peer") and "/find-recommendation" or "/api/v1/recommendations/batch"

init = function(args)
  for b = 1, 16 do
    bodies[b] = wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body(b * size))
  end
end

request = function()
  counter = counter + 1
  return bodies[counter % #bodies + 1]
end

response = function(status, headers, body)
  answered = answered + 1
  if answered >= max_requests then
    wrk.thread:stop()
  end
end
