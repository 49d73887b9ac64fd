#!/usr/bin/env bash
# Side by side with the Kogito rule-unit peer (the same guide behind Kogito's generated REST
# endpoint on Quarkus): builds the peer from a copy of its folder, packages ours, starts both at the
# same heap on 127.0.0.1, measures start to first answer, warms both up, then alternates wrk runs
# (single requests, then batches) ours against theirs and prints the ratios. See bench/README.md.
#
#   bench/side-by-side.sh PEER_DIR                 # PEER_DIR: the Kogito peer's Maven project
#   PAIRS=5 DURATION=30 bench/side-by-side.sh PEER_DIR
#   JFR=1 bench/side-by-side.sh PEER_DIR           # also record ours with JFR (see bench/jfr-breakdown.py)
#   JAR=/tmp/old.jar bench/side-by-side.sh PEER_DIR  # another build of ours (not packaged)
#   OURS_JVM="-XX:SharedArchiveFile=app.jsa" bench/side-by-side.sh PEER_DIR  # JVM options for ours
#
# Every request goes to 127.0.0.1 only, is bounded in time (wrk -d, --timeout) and in count
# (BENCH_MAX_REQUESTS_PER_THREAD per wrk thread). The peer's sources are copied to a temporary
# folder and built there; nothing of it is kept in this repository.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEER_SRC=$(cd "${1:?usage: bench/side-by-side.sh PEER_DIR, the Maven project of the Kogito peer}" && pwd)
PAIRS=${PAIRS:-3}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-20}
WARMUP_MAX=${WARMUP_MAX:-300}
STARTS=${STARTS:-3}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
HEAP=${HEAP:--Xmx256m}
BATCH=${BATCH:-100}
JFR=${JFR:-0}
export BENCH_MAX_REQUESTS_PER_THREAD=${BENCH_MAX_REQUESTS_PER_THREAD:-2000000}
export BENCH_BATCH_SIZE=$BATCH

if ! command -v wrk >/dev/null 2>&1; then
  echo "== installing wrk from the Debian packages"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"
WORK=$(mktemp -d /tmp/lora-side-by-side.XXXXXX)
OURS_PID=""
PEER_PID=""
stop_all() {
  stop_pid "$OURS_PID"
  stop_pid "$PEER_PID"
  OURS_PID=""
  PEER_PID=""
}
trap stop_all EXIT

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "== work dir $WORK, heap $HEAP, $CONNECTIONS connections, $THREADS wrk threads, batches of $BATCH"

echo "== building the peer from a copy of $PEER_SRC"
PEER="$WORK/peer"
cp -r "$PEER_SRC/." "$PEER"
chmod -R u+w "$PEER"
if ! (cd "$PEER" && mvn -B -q -o -DskipTests package > "$WORK/peer-build.log" 2>&1); then
  (cd "$PEER" && mvn -B -q -DskipTests package > "$WORK/peer-build.log" 2>&1) \
    || { echo "peer build failed; see $WORK/peer-build.log"; exit 1; }
fi
PEER_JAR="$PEER/target/quarkus-app/quarkus-run.jar"

if [ -z "${JAR:-}" ] && [ "${SKIP_PACKAGE:-0}" != "1" ]; then
  echo "== packaging ours"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
# A copy, so that a rebuild while the benchmark runs does not change the jar under it.
OURS_JAR="$WORK/lora-guide.jar"
cp "${JAR:-$ROOT/target/lora-guide.jar}" "$OURS_JAR"
cp -r "$ROOT/rules" "$WORK/rules"

SINGLE_OURS='{"actor":{"id":"bench-first","name":"Bench First"},"dataset":{"imageCount":23}}'
SINGLE_PEER='{"requests":[{"imageCount":23}]}'

# start_peer NAME: launch at $HEAP on a fresh free port and set PEER_PID, PEER_PORT and
# PEER_STARTED_NS (for first_answer); ours: start_ours in common.sh.
start_peer() {
  local name=$1
  PEER_PORT=$(free_port)
  PEER_STARTED_NS=$(date +%s%N)
  (cd "$PEER" && exec java $HEAP -Xlog:gc:file="$WORK/gc-peer-$name.log" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.http.port="$PEER_PORT" -jar "$PEER_JAR" > "$WORK/peer-$name.log" 2>&1) &
  PEER_PID=$!
}
start_ours_here() { # NAME EXTRA_JVM_ARGS...
  local name=$1
  shift
  OURS_PORT=$(free_port)
  # shellcheck disable=SC2086
  start_ours "$OURS_JAR" "$WORK" "ours-$name" "$OURS_PORT" ${OURS_JVM:-} "$@"
  OURS_PID=$STARTED_PID
  OURS_STARTED_NS=$STARTED_NS
}

echo
echo "== start to first answer, $STARTS starts each, alternating (ms from java -jar to the first 200)"
declare -a OURS_STARTS PEER_STARTS
for start in $(seq 1 "$STARTS"); do
  start_ours_here "start-$start"
  OURS_STARTS+=("$(first_answer "$OURS_PORT" /api/v1/recommendations "$SINGLE_OURS" "$OURS_STARTED_NS")")
  stop_all
  start_peer "start-$start"
  PEER_STARTS+=("$(first_answer "$PEER_PORT" /find-recommendation "$SINGLE_PEER" "$PEER_STARTED_NS")")
  stop_all
  echo "start $start: ours ${OURS_STARTS[-1]} ms, peer ${PEER_STARTS[-1]} ms   (load average $(cut -d' ' -f1-3 /proc/loadavg))"
done
echo "ours: $(spread "${OURS_STARTS[@]}") ms   (target <= 6000)"
echo "peer: $(spread "${PEER_STARTS[@]}") ms"

start_ours_here bench
first_answer "$OURS_PORT" /api/v1/recommendations "$SINGLE_OURS" "$OURS_STARTED_NS" > /dev/null
start_peer bench
first_answer "$PEER_PORT" /find-recommendation "$SINGLE_PEER" "$PEER_STARTED_NS" > /dev/null

# run_wrk NAME WHO(ours|peer) KIND(single|batch) SECONDS -> "rps p50 p99 failed cpu_us_per_recommendation load1"
run_wrk() {
  local name=$1 who=$2 kind=$3 seconds=$4 port pid script path per out before after load
  if [ "$who" = "ours" ]; then port=$OURS_PORT; pid=$OURS_PID; else port=$PEER_PORT; pid=$PEER_PID; fi
  if [ "$kind" = "single" ]; then
    per=1
    if [ "$who" = "ours" ]; then script="$ROOT/bench/recommend.lua"; path=/api/v1/recommendations
    else script="$ROOT/bench/peer-single.lua"; path=/find-recommendation; fi
  else
    per=$BATCH
    script="$ROOT/bench/batch.lua"
    if [ "$who" = "ours" ]; then path=/api/v1/recommendations/batch; else path=/find-recommendation; fi
  fi
  load=$(cut -d' ' -f1 /proc/loadavg)
  before=$(cpu_ticks "$pid")
  out=$(BENCH_TARGET=$who wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 5s --latency -s "$script" "http://127.0.0.1:$port$path")
  after=$(cpu_ticks "$pid")
  echo "$out" > "$WORK/wrk-$name.txt"
  echo "$(wrk_figures "$out" "$per" $((after - before))) $load"
}

echo
echo "== warm-up of each side and kind, in runs of ${WARMUP}s until the JIT is done (at most ${WARMUP_MAX}s)"
for who in ours peer; do
  pid=$OURS_PID; [ "$who" = "peer" ] && pid=$PEER_PID
  for kind in single batch; do
    echo "$who $kind: $(warm_up "$pid" "$WARMUP" "$WARMUP_MAX" run_wrk "warmup-$who-$kind" "$who" "$kind" "$WARMUP")"
  done
done
OURS_YOUNG_WARM=$(grep -c 'Pause Young' "$WORK/gc-ours-bench.log" || true)
PEER_YOUNG_WARM=$(grep -c 'Pause Young' "$WORK/gc-peer-bench.log" || true)
OURS_HEAP_WARM=$(heap_after_gc "$WORK/gc-ours-bench.log")
PEER_HEAP_WARM=$(heap_after_gc "$WORK/gc-peer-bench.log")
if [ "$JFR" = "1" ]; then jcmd "$OURS_PID" JFR.start name=bench settings=profile > /dev/null; fi

ROW='%-5s %-7s %-5s %12s %14s %9s %9s %7s %11s %9s\n'
printf "\n$ROW" pair kind who "requests/s" "recommend./s" "p50 ms" "p99 ms" failed "CPU us/rec" "load avg"
declare -a SINGLE_RATIO BATCH_RATIO SINGLE_P99 BATCH_P99
for pair in $(seq 1 "$PAIRS"); do
  # Who goes first alternates, so that neither side always runs on the hotter machine.
  if [ $((pair % 2)) -eq 1 ]; then order="ours peer"; else order="peer ours"; fi
  for kind in single batch; do
    declare -A RPS=() P99=()
    for who in $order; do
      read -r rps p50 p99 failed cpu load < <(run_wrk "$pair-$kind-$who" "$who" "$kind" "$DURATION")
      per=1; [ "$kind" = "batch" ] && per=$BATCH
      recs=$(awk -v r="$rps" -v p="$per" 'BEGIN {printf "%.0f", r * p}')
      printf "$ROW" "$pair" "$kind" "$who" "$rps" "$recs" "$p50" "$p99" "$failed" "$cpu" "$load"
      RPS[$who]=$rps
      P99[$who]=$p99
    done
    ratio=$(awk -v a="${RPS[ours]}" -v b="${RPS[peer]}" 'BEGIN {printf "%.3f", a / b}')
    p99_ratio=$(awk -v a="${P99[ours]}" -v b="${P99[peer]}" 'BEGIN {printf "%.3f", a / b}')
    if [ "$kind" = "single" ]; then SINGLE_RATIO+=("$ratio"); SINGLE_P99+=("$p99_ratio")
    else BATCH_RATIO+=("$ratio"); BATCH_P99+=("$p99_ratio"); fi
  done
done

echo
echo "ratios ours/peer over $PAIRS pairs:"
echo "single requests/s:          $(spread "${SINGLE_RATIO[@]}")   (target >= 0.5)"
echo "batch recommendations/s:    $(spread "${BATCH_RATIO[@]}")   (target >= 1.0)"
echo "single p99:                 $(spread "${SINGLE_P99[@]}")   (target <= 2)"
echo "batch p99:                  $(spread "${BATCH_P99[@]}")   (target <= 2)"

rss() { awk '/VmRSS/ {printf "%.0f MiB", $2 / 1024}' "/proc/$1/status"; }
echo
echo "== memory at $HEAP after the runs"
echo "RSS: ours $(rss "$OURS_PID"), peer $(rss "$PEER_PID")"
for who in ours peer; do
  log="$WORK/gc-$who-bench.log"
  if [ "$who" = "ours" ]; then warm_young=$OURS_YOUNG_WARM; warm_heap=$OURS_HEAP_WARM
  else warm_young=$PEER_YOUNG_WARM; warm_heap=$PEER_HEAP_WARM; fi
  young=$(grep -c 'Pause Young' "$log" || true)
  full=$(grep -c 'Pause Full' "$log" || true)
  # Heap after each young pause during the measured runs: steady means the low end does not climb.
  after=$(grep 'Pause Young' "$log" | tail -n +"$((warm_young + 1))" | sed -E 's/.*->([0-9]+)M\(.*/\1/')
  echo "$who: $full full GC pauses, $((young - warm_young)) young pauses in the runs; heap after GC: ${warm_heap} at the end of the warm-up, $(spread $after | sed 's/ \//M \//g')M during the runs"
done
echo
if [ "$JFR" = "1" ]; then
  jcmd "$OURS_PID" JFR.stop name=bench filename="$WORK/ours.jfr" > /dev/null
  echo "JFR recording of ours over the measured runs: $WORK/ours.jfr (bench/jfr-breakdown.py)"
fi
echo "logs and raw wrk output: $WORK"
