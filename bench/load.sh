#!/usr/bin/env bash
# Load benchmark: the packaged service on loopback with its embedded defaults (decision log on,
# metrics on), recommendation load against a no-evaluation baseline, then the same load while a
# guide is reloaded every 200 ms. See bench/README.md for the targets and the published figures.
#
#   bench/load.sh                 # 3 alternating rounds of 30 s each, 16 connections
#   RUNS=1 DURATION=10 bench/load.sh
#
# Every request goes to 127.0.0.1 only, is bounded in time (wrk -d, --timeout) and in count
# (BENCH_MAX_REQUESTS_PER_THREAD per wrk thread).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"
RUNS=${RUNS:-3}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PORT=${PORT:-18090}
HEAP=${HEAP:--Xmx256m}
RELOAD_EVERY=${RELOAD_EVERY:-0.2}
export BENCH_MAX_REQUESTS_PER_THREAD=${BENCH_MAX_REQUESTS_PER_THREAD:-2000000}
BASE="http://127.0.0.1:${PORT}"

if ! command -v wrk >/dev/null 2>&1; then
  echo "== installing wrk from the Debian packages"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

JAR=$(ls "$ROOT"/target/lora-guide.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
if [ -z "$JAR" ]; then
  echo "== packaging the service"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
  JAR=$(ls "$ROOT"/target/lora-guide.jar | grep -v '\.original$' | head -1)
fi

WORK=$(mktemp -d /tmp/lora-bench.XXXXXX)
cp -r "$ROOT/rules" "$WORK/rules"
TOKEN=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
DRL="$WORK/rules/flux-lora/presets.drl"
APP_PID=""

stop_app() {
  stop_pid "$APP_PID"
  APP_PID=""
}
trap stop_app EXIT

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "== jar: $JAR, heap $HEAP, work dir $WORK"

# start_app DATA_DIR: starts the jar and sets first_answer_ms to the time from launch to the first
# recommendation answered.
start_app() {
  local started_ns
  started_ns=$(date +%s%N)
  GUIDES_ADMIN_TOKEN=$TOKEN java $HEAP -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" \
    --server.address=127.0.0.1 --server.port="$PORT" \
    --guides.dir="$WORK/rules" \
    --spring.datasource.url="jdbc:h2:file:$1/lora-guide;DB_CLOSE_ON_EXIT=FALSE" \
    > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  first_answer_ms=$(first_answer "$PORT" /api/v1/recommendations \
    '{"actor":{"id":"bench-first"},"dataset":{"imageCount":23}}' "$started_ns") \
    || { echo "service did not answer; see $WORK/app.log"; exit 1; }
}

declare -a STARTS
for start in $(seq 1 "$RUNS"); do
  start_app "$WORK/data-$start"
  STARTS+=("$first_answer_ms")
  if [ "$start" -lt "$RUNS" ]; then stop_app; fi
done
echo "== start to first answer (ms): $(spread "${STARTS[@]}")   (target <= 6000)"
DATA="$WORK/data-$RUNS"

TICKS=$(getconf CLK_TCK)
# The same for the decision-log writer thread alone (its name is cut to 15 characters in /proc).
writer_cpu_ticks() {
  local task
  for task in /proc/"$APP_PID"/task/*; do
    if [ "$(cat "$task/comm" 2>/dev/null)" = "decision-log-wr" ]; then awk '{print $14 + $15}' "$task/stat"; return; fi
  done
  echo 0
}

# run_wrk NAME SCRIPT PATH -> prints "rps p50ms p99ms failed service-cpu-us-per-request
# writer-cpu-us-per-request"
run_wrk() {
  local out cpu_before cpu_after log_before log_after requests log_us
  cpu_before=$(cpu_ticks "$APP_PID")
  log_before=$(writer_cpu_ticks)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 2s --latency -s "$2" "$BASE$3")
  cpu_after=$(cpu_ticks "$APP_PID")
  log_after=$(writer_cpu_ticks)
  echo "$out" > "$WORK/wrk-$1.txt"
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  log_us=$(awk -v a="$log_before" -v b="$log_after" -v n="$requests" -v t="$TICKS" 'BEGIN {printf "%.0f", (b - a) / t / n * 1e6}')
  echo "$(wrk_figures "$out" 1 $((cpu_after - cpu_before))) $log_us"
}

echo "== warm-up"
DURATION=30 run_wrk warmup-recommend "$ROOT/bench/recommend.lua" /api/v1/recommendations > /dev/null
DURATION=20 run_wrk warmup-baseline "$ROOT/bench/baseline.lua" /actuator/health/liveness > /dev/null

ROW='%-6s %-10s %12s %10s %10s %8s %14s %18s\n'
printf "\n$ROW" run load "requests/s" "p50 ms" "p99 ms" failed "CPU us/request" "of it decision log"
declare -a RPS_RATIO P99_RATIO
for run in $(seq 1 "$RUNS"); do
  read -r r_rps r_p50 r_p99 r_fail r_cpu r_log < <(run_wrk "recommend-$run" "$ROOT/bench/recommend.lua" /api/v1/recommendations)
  read -r b_rps b_p50 b_p99 b_fail b_cpu b_log < <(run_wrk "baseline-$run" "$ROOT/bench/baseline.lua" /actuator/health/liveness)
  printf "$ROW" "$run" recommend "$r_rps" "$r_p50" "$r_p99" "$r_fail" "$r_cpu" "$r_log"
  printf "$ROW" "$run" baseline "$b_rps" "$b_p50" "$b_p99" "$b_fail" "$b_cpu" "$b_log"
  RPS_RATIO+=("$(awk -v a="$r_rps" -v b="$b_rps" 'BEGIN {printf "%.3f", a / b}')")
  P99_RATIO+=("$(awk -v a="$r_p99" -v b="$b_p99" 'BEGIN {printf "%.3f", a / b}')")
done

echo
echo "throughput ratio recommend/baseline: $(spread "${RPS_RATIO[@]}")   (target >= 0.85)"
echo "p99 ratio recommend/baseline:        $(spread "${P99_RATIO[@]}")   (target <= 1.2)"

echo
echo "== recommend load while flux-lora is edited and reloaded every ${RELOAD_EVERY}s"
reload_log="$WORK/reloads.txt"
: > "$reload_log"
(
  n=0
  end=$(( $(date +%s) + DURATION ))
  while [ "$(date +%s)" -lt "$end" ]; do
    n=$((n + 1))
    sed -i "1s|.*|// Presets of the FLUX LoRA training guide, one rule per row of its table. (bench edit $n)|" "$DRL"
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 5 -X POST \
      -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/admin/guides/reload" >> "$reload_log" || true
    sleep "$RELOAD_EVERY"
  done
) &
RELOADER=$!
read -r l_rps l_p50 l_p99 l_fail l_cpu l_log < <(run_wrk "recommend-reloading" "$ROOT/bench/recommend.lua" /api/v1/recommendations)
wait "$RELOADER"
reloads=$(wc -l < "$reload_log")
reload_ok=$(awk '$1 == 200' "$reload_log" | wc -l)
reload_ms=$(awk '$1 == 200 {print $2 * 1000}' "$reload_log" | sort -g | awk '{v[NR]=$1} END {printf "p50 %.0f ms, max %.0f ms", v[int((NR+1)/2)], v[NR]}')
echo "requests/s $l_rps, p50 $l_p50 ms, p99 $l_p99 ms, failed requests: $l_fail   (target 0)"
echo "forced reloads: $reloads ($reload_ok answered 200), admin reload call time $reload_ms   (target <= 200 ms)"

scrape=$(curl -s "$BASE/actuator/prometheus")
metric_sum() { echo "$scrape" | awk -v m="$1" '$1 ~ "^"m"(\\{|$)" {s += $2} END {printf "%.0f", s}'; }
made=$(metric_sum lora_recommendations_total)
activated=$(echo "$scrape" | awk '/^lora_guide_reloads_total\{/ && /outcome="activated"/ && /guide="flux-lora"/ {s += $2} END {printf "%.0f", s}')
dropped=$(metric_sum lora_decisionlog_dropped_total)
depth_max=$(echo "$scrape" | awk '/^lora_decisionlog_queue_depth/ {print $2}')
reload_in_app=$(echo "$scrape" | awk '/^lora_guide_reload_duration_seconds_count/ {c = $2} /^lora_guide_reload_duration_seconds_sum/ {s = $2} /^lora_guide_reload_duration_seconds_max/ {m = $2} END {if (c > 0) printf "%d rebuilding reloads, mean %.0f ms, max %.0f ms", c, s / c * 1000, m * 1000}')
echo "flux-lora revisions activated by reloads: $activated"
echo "reload time inside the service (lora_guide_reload_duration_seconds): $reload_in_app"

echo
echo "== clean shutdown, then count the decision log"
stop_app
H2_JAR="$WORK/h2.jar"
unzip -p "$JAR" "$(unzip -Z1 "$JAR" | grep 'BOOT-INF/lib/h2-.*\.jar')" > "$H2_JAR"
rows=$(java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$DATA/lora-guide" -user sa -password "" \
  -sql "select count(*) from decision_log" | awk 'NR==2 {print $1}')
full_gcs=$(grep -c 'Pause Full' "$WORK/gc.log" || true)
young_gcs=$(grep -c 'Pause Young' "$WORK/gc.log" || true)
echo "recommendations made (lora_recommendations_total): $made"
echo "decision log rows after shutdown:                  $rows   (target: equal)"
echo "decision log dropped: ${dropped:-0}, queue depth at the end: ${depth_max:-n/a}"
echo "GC with $HEAP: $young_gcs young pauses, $full_gcs full pauses   (target: no full-GC storm)"
echo
echo "logs and raw wrk output: $WORK"
