#!/usr/bin/env bash
# Guide page speed: how long from navigation start until the Guide view has drawn the default
# guide's charts and preset table (the page's performance mark 'guide-view-drawn'), in Debian's
# headless Chromium driven over chromedriver's WebDriver HTTP interface, against the packaged
# service on 127.0.0.1 with a 256 MB heap. See bench/README.md ("Guide page") for the figures.
#
#   bench/page-speed.sh            # 3 starts of the service x 8 loads
#   STARTS=1 LOADS=4 JAR=/tmp/other.jar bench/page-speed.sh
#
# Per start of the service: load 1 is "cold" (the service has answered nothing but the guide list,
# so the curves are worked out for this request, and the JIT has compiled little), loads 2.. are
# "warm"; before each warm load the service is left to settle (at most SETTLE seconds, until it
# spends under 3 % of a core: its JIT compiling what the last load asked for would otherwise share
# the two cores with the browser being timed). Every load opens a new browser with a fresh profile (empty cache), then reloads the page
# once in that browser ("reload": the cache now holds the page, the scripts and the API answers).
# Every request goes to 127.0.0.1; every wait is bounded.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"
STARTS=${STARTS:-3}
SETTLE=${SETTLE:-30}
LOADS=${LOADS:-8}
HEAP=${HEAP:--Xmx256m}
CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

for tool in "$CHROMIUM" "$CHROMEDRIVER"; do
  [ -x "$tool" ] || { echo "needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver"; exit 2; }
done
command -v jq >/dev/null || { echo "needs jq: apt-get install jq"; exit 2; }

JAR=${JAR:-$ROOT/target/lora-guide.jar}
if [ ! -f "$JAR" ]; then
  echo "== packaging the service"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi

WORK=$(mktemp -d /tmp/lora-page-speed.XXXXXX)
cp -r "$ROOT/rules" "$WORK/rules"
APP_PID=""
DRIVER_PID=""
cleanup() {
  stop_pid "$APP_PID"
  stop_pid "$DRIVER_PID"
  rm -rf "$WORK"
}
trap cleanup EXIT

# A figure taken on a busy machine says little: wait (at most WAIT_FOR_QUIET seconds) until the
# one-minute load average is under MAX_LOAD.
MAX_LOAD=${MAX_LOAD:-1.5}
WAIT_FOR_QUIET=${WAIT_FOR_QUIET:-300}
for _ in $(seq 1 "$WAIT_FOR_QUIET"); do
  awk -v max="$MAX_LOAD" '{ exit !($1 < max) }' /proc/loadavg && break
  sleep 1
done
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "== $($CHROMIUM --version 2>/dev/null), jar $JAR, heap $HEAP"

DRIVER_PORT=$(free_port)
"$CHROMEDRIVER" --port="$DRIVER_PORT" --allowed-ips=127.0.0.1 > "$WORK/chromedriver.log" 2>&1 &
DRIVER_PID=$!
DRIVER="http://127.0.0.1:$DRIVER_PORT"
for _ in $(seq 1 100); do curl -sf --max-time 2 "$DRIVER/status" >/dev/null && break; sleep 0.1; done

# webdriver METHOD PATH [BODY]: one WebDriver command; prints its "value", fails on an error.
webdriver() {
  local answer
  answer=$(curl -s --max-time 60 -X "$1" "$DRIVER$2" -H 'Content-Type: application/json' -d "${3:-{\}}")
  if [ "$(jq -r '.value.error // empty' <<<"$answer")" != "" ]; then
    echo "WebDriver $1 $2: $(jq -r '.value.error + ": " + .value.message' <<<"$answer" | head -3)" >&2
    return 1
  fi
  jq -c '.value' <<<"$answer"
}

# Waits for the mark, then reads it, the navigation and the curves answer's sizes. startTime of a
# mark counts from the document's time origin, i.e. navigation start.
READ_TIMINGS=$(jq -Rs . <<'JS'
const done = arguments[arguments.length - 1];
const started = Date.now();
const read = () => {
  const mark = performance.getEntriesByName('guide-view-drawn')[0];
  const error = document.getElementById('page-error');
  if (!mark && error && !error.hidden) { done({ error: error.textContent }); return; }
  if (!mark) { if (Date.now() - started > 20000) { done({ error: 'no guide-view-drawn mark in 20 s' }); } else { setTimeout(read, 10); } return; }
  const resources = performance.getEntriesByType('resource');
  const curves = resources.find((entry) => entry.name.includes('/curves'));
  const all = [performance.getEntriesByType('navigation')[0], ...resources];
  done({
    guide: mark.detail.guide,
    drawnMs: mark.startTime,
    scriptsMs: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    curvesDoneMs: curves.responseEnd,
    curvesMs: curves.responseEnd - curves.requestStart,
    curvesTransfer: curves.transferSize,
    curvesBody: curves.encodedBodySize,
    curvesDecoded: curves.decodedBodySize,
    pageTransfer: all.reduce((sum, entry) => sum + entry.transferSize, 0),
  });
};
read();
JS
)

# settle PID: waits (at most SETTLE seconds) until the process spends under 3 % of a core.
settle() {
  local before after
  for _ in $(seq 1 "$SETTLE"); do
    before=$(cpu_ticks "$1")
    sleep 1
    after=$(cpu_ticks "$1")
    [ $((after - before)) -lt 3 ] && return 0
  done
}

# one_load BASE: a fresh browser profile, the page loaded, then reloaded; prints two JSON lines.
one_load() {
  local profile session caps
  profile=$(mktemp -d "$WORK/profile.XXXXXX")
  caps=$(jq -nc --arg dir "$profile" --arg bin "$CHROMIUM" '{capabilities: {alwaysMatch: {browserName: "chrome",
    "goog:chromeOptions": {binary: $bin, args: ["--headless=new", "--no-sandbox", "--disable-gpu",
      "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
      "--no-first-run", "--disable-sync", "--disable-default-apps", "--window-size=1400,1900",
      ("--user-data-dir=" + $dir)]}}}}')
  session=$(webdriver POST /session "$caps" | jq -r '.sessionId')
  webdriver POST "/session/$session/timeouts" '{"script": 30000, "pageLoad": 30000}' >/dev/null
  webdriver POST "/session/$session/url" "$(jq -nc --arg url "$1/" '{url: $url}')" >/dev/null
  webdriver POST "/session/$session/execute/async" "{\"script\": $READ_TIMINGS, \"args\": []}"
  webdriver POST "/session/$session/refresh" >/dev/null
  webdriver POST "/session/$session/execute/async" "{\"script\": $READ_TIMINGS, \"args\": []}"
  webdriver DELETE "/session/$session" >/dev/null
  rm -rf "$profile"
}

: > "$WORK/loads.jsonl"
for start in $(seq 1 "$STARTS"); do
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  java $HEAP -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" --guides.dir="$WORK/rules" --guides.gate.time-limit=5m \
    --spring.datasource.url="jdbc:h2:file:$WORK/data-$start/lora-guide" --security.tokens-file="$WORK/tokens-$start.yaml" \
    > "$WORK/app-$start.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/api/v1/guides" || true)" = 200 ] && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "the service stopped; its log:"; tail -20 "$WORK/app-$start.log"; exit 1; }
    sleep 0.1
  done
  for load in $(seq 1 "$LOADS"); do
    kind=$([ "$load" = 1 ] && echo cold || echo warm)
    [ "$kind" = warm ] && settle "$APP_PID"
    one_load "$BASE" | jq -c --arg kind "$kind" --argjson start "$start" \
      'if has("error") then error(.error) else . end | {start: $start, kind: (if input_line_number == 1 then $kind else "reload" end)} + .' \
      >> "$WORK/loads.jsonl"
    tail -2 "$WORK/loads.jsonl" | jq -r '"   start \(.start) \(.kind): drawn at \(.drawnMs | round) ms (scripts run at \(.scriptsMs | round),"
      + " curves asked for \(.curvesMs | round) ms, in at \(.curvesDoneMs | round); \(.curvesTransfer) B)"'
  done
  stop_pid "$APP_PID"
  APP_PID=""
done

echo "== navigation start -> guide-view-drawn (ms), guide $(head -1 "$WORK/loads.jsonl" | jq -r .guide)"
for kind in cold warm reload; do
  values=$(jq -r --arg kind "$kind" 'select(.kind == $kind) | .drawnMs | round' "$WORK/loads.jsonl")
  printf '   %-6s (%2d loads): %s\n' "$kind" "$(wc -l <<<"$values")" "$(spread $values)"
done
first=$(jq -sc '[.[] | select(.kind != "reload")][0]' "$WORK/loads.jsonl")
again=$(jq -sc '[.[] | select(.kind == "reload")][0]' "$WORK/loads.jsonl")
echo "== curves answer: $(jq -r .curvesDecoded <<<"$first") B of JSON, $(jq -r .curvesBody <<<"$first") B body on the wire," \
  "$(jq -r .curvesTransfer <<<"$first") B with headers; on reload $(jq -r .curvesTransfer <<<"$again") B"
echo "== whole page with a fresh profile: $(jq -r .pageTransfer <<<"$first") B transferred; on reload $(jq -r .pageTransfer <<<"$again") B"
