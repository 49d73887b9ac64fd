#!/usr/bin/env bash
# Replays hostile requests against the contract (docs/api.md) on a running service and prints what each answers:
#   bench/contract-replay.sh http://127.0.0.1:8080
# Only loopback traffic; one request per finding (the 60 MB body is one upload, refused unread).
set -u
B=${1:-http://127.0.0.1:8080}
R=$B/api/v1/recommendations
show() {
  local name=$1; shift
  local out
  out=$(curl -s -o /tmp/replay.body -w '%{http_code} %{content_type} %{size_download}' --max-time 60 "$@")
  printf '%-44s %s\n    %s\n' "$name" "$out" "$(head -c 300 /tmp/replay.body | tr -d '\n')"
}
json=(-H 'Content-Type: application/json')
show "README curl" "$R" "${json[@]}" -d '{"actor":{"id":"a-17","name":"Jane Doe"},"dataset":{"imageCount":23},"guide":"flux-lora","overrides":{"maxTrainSteps":1800}}'
show "%2F in a path" "$B/api/v1/guides/a%2Fb"
show ";jsessionid= in a path" "$B/api/v1/guides;jsessionid=0123"
show "100 KB header" -H "X-Padding: $(head -c 100000 /dev/zero | tr '\0' a)" "$B/api/v1/guides"
show "missing Content-Type" -X POST "$R" -H 'Content-Type:' --data-binary '{"dataset":{"imageCount":23}}'
show "TRACE" -X TRACE "$B/api/v1/guides"
show "DELETE on a guide" -X DELETE "$B/api/v1/guides/flux-lora"
show "unknown path" "$B/api/v1/nothing"
show "Accept: application/xml" -H 'Accept: application/xml' "$B/api/v1/guides"
head -c 60000000 /dev/zero | tr '\0' a > /tmp/replay.60mb
show "60 MB body" "$R" "${json[@]}" --data-binary @/tmp/replay.60mb
rm -f /tmp/replay.60mb
show "70 KB guide name (chunked)" "$R" "${json[@]}" -H 'Transfer-Encoding: chunked' -d "{\"dataset\":{\"imageCount\":23},\"guide\":\"$(head -c 70000 /dev/zero | tr '\0' a)\"}"
show "6 KB guide id in a path (echo)" "$B/api/v1/guides/$(head -c 6000 /dev/zero | tr '\0' a)"
show "60 KB guide name (echo)" "$R" "${json[@]}" -d "{\"dataset\":{\"imageCount\":23},\"guide\":\"$(head -c 60000 /dev/zero | tr '\0' a)\"}"
show "duplicate JSON key" "$R" "${json[@]}" -d '{"dataset":{"imageCount":23,"imageCount":99}}'
show "learning rate 0" "$R" "${json[@]}" -d '{"dataset":{"imageCount":23},"overrides":{"learningRate":0}}'
show "scheduler 'xcosinex' (anchored pattern)" "$R" "${json[@]}" -d '{"dataset":{"imageCount":23},"overrides":{"lrScheduler":"xcosinex"}}'
for name in 'Ada\u0000' 'Ada\r\nX' 'Ada\u001b[31m' 'Ada\u202eevil' '\ufeffAda' 'Ada\ud800' 'x\"\ntrain_batch_size = 99\n#'; do
  show "actor name $name" "$R" "${json[@]}" -d "{\"dataset\":{\"imageCount\":23},\"actor\":{\"name\":\"$name\"}}"
done
show "actor name '  Zoe\\u0301  ' (NFC, trimmed)" "$R" "${json[@]}" -d '{"dataset":{"imageCount":23},"actor":{"name":"  Zoe\u0301  "}}'
tag=$(curl -s -D - -o /dev/null "$B/api/v1/guides/flux-lora" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
echo "ETag of flux-lora: $tag"
show "If-None-Match: that ETag" -H "If-None-Match: $tag" "$B/api/v1/guides/flux-lora"
