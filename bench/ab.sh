#!/usr/bin/env bash
# A/B of two builds of ours: starts both jars at the same heap on 127.0.0.1, warms both up, then
# alternates wrk runs A against B (single requests, then batches) and prints each run and the
# ratios B/A: how a change to the request path is measured before it is kept.
#
#   bench/ab.sh A.jar B.jar                       # PAIRS=3 DURATION=20, single and batch
#   KINDS=single PAIRS=5 bench/ab.sh A.jar B.jar
#   JVM_B="-XX:+UseParallelGC" bench/ab.sh X.jar X.jar               # one jar, two JVM settings
#   JVM_B="-Dserver.tomcat.threads.max=16" bench/ab.sh X.jar X.jar   # two application settings
#
# Every request goes to 127.0.0.1 only, bounded in time (wrk -d, --timeout) and in count
# (BENCH_MAX_REQUESTS_PER_THREAD per wrk thread).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR_A=$(realpath "${1:?usage: bench/ab.sh A.jar B.jar}")
JAR_B=$(realpath "${2:?usage: bench/ab.sh A.jar B.jar}")
PAIRS=${PAIRS:-3}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-20}
WARMUP_MAX=${WARMUP_MAX:-240}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
HEAP=${HEAP:--Xmx256m}
KINDS=${KINDS:-single batch}
export BENCH_MAX_REQUESTS_PER_THREAD=${BENCH_MAX_REQUESTS_PER_THREAD:-2000000}
export BENCH_BATCH_SIZE=${BATCH:-100}
export BENCH_TARGET=ours

# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"
WORK=$(mktemp -d /tmp/lora-ab.XXXXXX)
cp -r "$ROOT/rules" "$WORK/rules"
declare -A PID PORT
stop_both() { for side in A B; do stop_pid "${PID[$side]:-}"; done; }
trap stop_both EXIT

echo "== A: $JAR_A ${JVM_A:-}"
echo "== B: $JAR_B ${JVM_B:-}"
echo "== work dir $WORK, heap $HEAP, $CONNECTIONS connections, batches of $BENCH_BATCH_SIZE, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for side in A B; do
  jar=$JAR_A jvm=${JVM_A:-}
  if [ "$side" = B ]; then jar=$JAR_B jvm=${JVM_B:-}; fi
  PORT[$side]=$(free_port)
  # shellcheck disable=SC2086
  start_ours "$jar" "$WORK" "$side" "${PORT[$side]}" $jvm
  PID[$side]=$STARTED_PID
  echo "$side: first answer after $(first_answer "${PORT[$side]}" /api/v1/recommendations \
    '{"actor":{"id":"ab","name":"A B"},"dataset":{"imageCount":23}}' "$STARTED_NS") ms"
done

# run SIDE KIND SECONDS -> "rps p50 p99 failed cpu_us_per_recommendation load1"
run() {
  local side=$1 kind=$2 script=$ROOT/bench/recommend.lua path=/api/v1/recommendations per=1 load before after out
  if [ "$kind" = batch ]; then script=$ROOT/bench/batch.lua path=/api/v1/recommendations/batch per=$BENCH_BATCH_SIZE; fi
  load=$(cut -d' ' -f1 /proc/loadavg)
  before=$(cpu_ticks "${PID[$side]}")
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3s" --timeout 5s --latency -s "$script" "http://127.0.0.1:${PORT[$side]}$path")
  after=$(cpu_ticks "${PID[$side]}")
  echo "$(wrk_figures "$out" "$per" $((after - before))) $load"
}

echo "== warm-up in runs of ${WARMUP}s until the JIT is done (at most ${WARMUP_MAX}s per side and kind)"
for side in A B; do
  for kind in $KINDS; do
    echo "$side $kind: $(warm_up "${PID[$side]}" "$WARMUP" "$WARMUP_MAX" run "$side" "$kind" "$WARMUP")"
  done
done

ROW='%-5s %-7s %-5s %12s %9s %9s %7s %11s %9s\n'
printf "\n$ROW" pair kind side "requests/s" "p50 ms" "p99 ms" failed "CPU us/rec" "load avg"
declare -A RATIO P99_RATIO CPU_RATIO
for pair in $(seq 1 "$PAIRS"); do
  order="A B"
  if [ $((pair % 2)) -eq 0 ]; then order="B A"; fi
  for kind in $KINDS; do
    declare -A RPS=() P99=() CPU=()
    for side in $order; do
      read -r rps p50 p99 failed cpu load < <(run "$side" "$kind" "$DURATION")
      printf "$ROW" "$pair" "$kind" "$side" "$rps" "$p50" "$p99" "$failed" "$cpu" "$load"
      RPS[$side]=$rps P99[$side]=$p99 CPU[$side]=$cpu
    done
    RATIO[$kind]+="$(awk -v a="${RPS[A]}" -v b="${RPS[B]}" 'BEGIN {printf "%.3f", b / a}') "
    P99_RATIO[$kind]+="$(awk -v a="${P99[A]}" -v b="${P99[B]}" 'BEGIN {printf "%.3f", b / a}') "
    CPU_RATIO[$kind]+="$(awk -v a="${CPU[A]}" -v b="${CPU[B]}" 'BEGIN {printf "%.3f", b / a}') "
  done
done

echo
echo "ratios B/A over $PAIRS pairs (min / median / max):"
for kind in $KINDS; do
  # shellcheck disable=SC2086
  echo "$kind: requests/s $(spread ${RATIO[$kind]}), p99 $(spread ${P99_RATIO[$kind]}), CPU per recommendation $(spread ${CPU_RATIO[$kind]})"
done
for side in A B; do
  echo "$side: $(grep -c 'Pause Full' "$WORK/gc-$side.log" || true) full GC pauses, heap after the last young GC $(heap_after_gc "$WORK/gc-$side.log")"
done
echo "logs: $WORK"
