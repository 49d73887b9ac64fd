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
#   NEW_JAR=/tmp/new.jar bench/side-by-side.sh PEER_DIR  # a second build of ours ("new") in the
#                                                         # same alternation: before and after in one run
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
SIDES="ours peer"
declare -A PID=() PORT=() STARTED=() JARS=()
stop_all() {
  local who
  for who in "${!PID[@]}"; do stop_pid "${PID[$who]}"; done
  PID=()
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
JARS[ours]="$WORK/lora-guide.jar"
cp "${JAR:-$ROOT/target/lora-guide.jar}" "${JARS[ours]}"
if [ -n "${NEW_JAR:-}" ]; then
  SIDES="ours peer new"
  JARS[new]="$WORK/lora-guide-new.jar"
  cp "$NEW_JAR" "${JARS[new]}"
fi
cp -r "$ROOT/rules" "$WORK/rules"

SINGLE_OURS='{"actor":{"id":"bench-first","name":"Bench First"},"dataset":{"imageCount":23}}'
SINGLE_PEER='{"requests":[{"imageCount":23}]}'

# start WHO NAME: launch a side at $HEAP on a fresh free port; sets PID, PORT and STARTED (the launch
# time, for first_answer) of WHO. Ours (and new) through start_ours in common.sh.
start() {
  local who=$1 name=$2
  PORT[$who]=$(free_port)
  if [ "$who" = "peer" ]; then
    STARTED[$who]=$(date +%s%N)
    (cd "$PEER" && exec java $HEAP -Xlog:gc:file="$WORK/gc-peer-$name.log" -Dquarkus.http.host=127.0.0.1 \
      -Dquarkus.http.port="${PORT[$who]}" -jar "$PEER_JAR" > "$WORK/peer-$name.log" 2>&1) &
    PID[$who]=$!
  else
    # shellcheck disable=SC2086
    start_ours "${JARS[$who]}" "$WORK" "$who-$name" "${PORT[$who]}" ${OURS_JVM:-}
    PID[$who]=$STARTED_PID
    STARTED[$who]=$STARTED_NS
  fi
}
first() { # WHO -> ms from launch to its first answer
  if [ "$1" = "peer" ]; then first_answer "${PORT[$1]}" /find-recommendation "$SINGLE_PEER" "${STARTED[$1]}"
  else first_answer "${PORT[$1]}" /api/v1/recommendations "$SINGLE_OURS" "${STARTED[$1]}"; fi
}

echo
echo "== start to first answer, $STARTS starts each, alternating (ms from java -jar to the first 200)"
declare -A STARTS_MS=()
for start in $(seq 1 "$STARTS"); do
  line="start $start:"
  for who in $SIDES; do
    start "$who" "start-$start"
    ms=$(first "$who")
    stop_all
    STARTS_MS[$who]+="$ms "
    line+=" $who $ms ms,"
  done
  echo "$line   (load average $(cut -d' ' -f1-3 /proc/loadavg))"
done
for who in $SIDES; do
  # shellcheck disable=SC2086
  echo "$who: $(spread ${STARTS_MS[$who]}) ms$([ "$who" = peer ] || echo '   (target <= 6000)')"
done

for who in $SIDES; do
  start "$who" bench
  first "$who" > /dev/null
done

# run_wrk NAME WHO KIND(single|batch) SECONDS -> "rps p50 p99 failed cpu_us_per_recommendation load1"
run_wrk() {
  local name=$1 who=$2 kind=$3 seconds=$4 target=ours script path per out before after load
  [ "$who" = "peer" ] && target=peer
  if [ "$kind" = "single" ]; then
    per=1
    if [ "$target" = "ours" ]; then script="$ROOT/bench/recommend.lua"; path=/api/v1/recommendations
    else script="$ROOT/bench/peer-single.lua"; path=/find-recommendation; fi
  else
    per=$BATCH
    script="$ROOT/bench/batch.lua"
    if [ "$target" = "ours" ]; then path=/api/v1/recommendations/batch; else path=/find-recommendation; fi
  fi
  load=$(cut -d' ' -f1 /proc/loadavg)
  before=$(cpu_ticks "${PID[$who]}")
  out=$(BENCH_TARGET=$target wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 5s --latency -s "$script" "http://127.0.0.1:${PORT[$who]}$path")
  after=$(cpu_ticks "${PID[$who]}")
  echo "$out" > "$WORK/wrk-$name.txt"
  echo "$(wrk_figures "$out" "$per" $((after - before))) $load"
}

echo
echo "== warm-up of each side and kind, in runs of ${WARMUP}s until the JIT is done (at most ${WARMUP_MAX}s)"
declare -A YOUNG_WARM=() HEAP_WARM=()
for who in $SIDES; do
  for kind in single batch; do
    echo "$who $kind: $(warm_up "${PID[$who]}" "$WARMUP" "$WARMUP_MAX" run_wrk "warmup-$who-$kind" "$who" "$kind" "$WARMUP")"
  done
done
for who in $SIDES; do
  YOUNG_WARM[$who]=$(grep -c 'Pause Young' "$WORK/gc-$who-bench.log" || true)
  HEAP_WARM[$who]=$(heap_after_gc "$WORK/gc-$who-bench.log")
  if [ "$JFR" = "1" ] && [ "$who" != "peer" ]; then
    jcmd "${PID[$who]}" JFR.start name=bench settings=profile > /dev/null
  fi
done

ROW='%-5s %-7s %-5s %12s %14s %9s %9s %7s %11s %9s\n'
printf "\n$ROW" pair kind who "requests/s" "recommend./s" "p50 ms" "p99 ms" failed "CPU us/rec" "load avg"
declare -A RATIO=() P99_RATIO=()
for pair in $(seq 1 "$PAIRS"); do
  # Who goes first turns, so that no side always runs on the hotter machine.
  read -ra order <<< "$SIDES"
  shift_by=$(( (pair - 1) % ${#order[@]} ))
  order=("${order[@]:$shift_by}" "${order[@]:0:$shift_by}")
  for kind in single batch; do
    declare -A RPS=() P99=()
    for who in "${order[@]}"; do
      read -r rps p50 p99 failed cpu load < <(run_wrk "$pair-$kind-$who" "$who" "$kind" "$DURATION")
      per=1; [ "$kind" = "batch" ] && per=$BATCH
      recs=$(awk -v r="$rps" -v p="$per" 'BEGIN {printf "%.0f", r * p}')
      printf "$ROW" "$pair" "$kind" "$who" "$rps" "$recs" "$p50" "$p99" "$failed" "$cpu" "$load"
      RPS[$who]=$rps
      P99[$who]=$p99
    done
    for ratio in ours/peer new/peer new/ours; do
      a=${ratio%/*} b=${ratio#*/}
      [ -n "${RPS[$a]:-}" ] || continue
      RATIO[$kind $ratio]+="$(awk -v a="${RPS[$a]}" -v b="${RPS[$b]}" 'BEGIN {printf "%.3f", a / b}') "
      P99_RATIO[$kind $ratio]+="$(awk -v a="${P99[$a]}" -v b="${P99[$b]}" 'BEGIN {printf "%.3f", a / b}') "
    done
  done
done

for ratio in ours/peer new/peer new/ours; do
  [ -n "${RATIO[single $ratio]:-}" ] || continue
  echo
  echo "ratios $ratio over $PAIRS pairs:"
  # shellcheck disable=SC2086
  {
    echo "single requests/s:          $(spread ${RATIO[single $ratio]})$([ "${ratio#*/}" = peer ] && echo '   (target >= 0.5)')"
    echo "batch recommendations/s:    $(spread ${RATIO[batch $ratio]})$([ "${ratio#*/}" = peer ] && echo '   (target >= 1.0)')"
    echo "single p99:                 $(spread ${P99_RATIO[single $ratio]})$([ "${ratio#*/}" = peer ] && echo '   (target <= 2)')"
    echo "batch p99:                  $(spread ${P99_RATIO[batch $ratio]})$([ "${ratio#*/}" = peer ] && echo '   (target <= 2)')"
  }
done

rss() { awk '/VmRSS/ {printf "%.0f MiB", $2 / 1024}' "/proc/$1/status"; }
echo
echo "== memory at $HEAP after the runs"
for who in $SIDES; do
  log="$WORK/gc-$who-bench.log"
  young=$(grep -c 'Pause Young' "$log" || true)
  full=$(grep -c 'Pause Full' "$log" || true)
  # Heap after each young pause during the measured runs: steady means the low end does not climb.
  after=$(grep 'Pause Young' "$log" | tail -n +"$((YOUNG_WARM[$who] + 1))" | sed -E 's/.*->([0-9]+)M\(.*/\1/')
  # shellcheck disable=SC2086
  echo "$who: RSS $(rss "${PID[$who]}"), $full full GC pauses, $((young - YOUNG_WARM[$who])) young pauses in the runs; heap after GC: ${HEAP_WARM[$who]} at the end of the warm-up, $(spread $after | sed 's/ \//M \//g')M during the runs"
done
echo
if [ "$JFR" = "1" ]; then
  for who in $SIDES; do
    [ "$who" = "peer" ] && continue
    jcmd "${PID[$who]}" JFR.stop name=bench filename="$WORK/$who.jfr" > /dev/null
    echo "JFR recording of $who over the measured runs: $WORK/$who.jfr (bench/jfr-breakdown.py)"
  done
fi
echo "logs and raw wrk output: $WORK"
