#!/usr/bin/env bash
# CPU per recommendation by component: starts the packaged service at -Xmx256m on 127.0.0.1, warms it
# up, then for single requests and for batches runs wrk once without a profiler and once while
# profiling, reading each thread's CPU time from /proc. Prints both runs' requests/s and CPU per
# recommendation (what the profiler costs), CPU microseconds per recommendation by thread group
# (request threads, decision-log writer, GC, JIT) with the kernel's share of each, and splits them by
# component with bench/jfr-breakdown.py. See bench/README.md.
#
#   bench/cpu-breakdown.sh                  # WARMUP=20 DURATION=20, packages the jar if missing
#   SKIP_PACKAGE=0 bench/cpu-breakdown.sh   # package first
#   JAR=/tmp/old.jar KINDS=single bench/cpu-breakdown.sh   # an older build, single requests only
#   DETAIL=5 bench/cpu-breakdown.sh         # also the 5 methods each component's samples fell in most
#   PROFILER=async                          # the default: async-profiler (Maven Central's
#                                           # tools.profiler:async-profiler:4.2, fetched through Maven;
#                                           # ASYNC_PROFILER=G:A:V for another), attached with jcmd;
#                                           # samples Java, JVM and kernel frames without touching
#                                           # compiled code
#   ASYNC_EVENT=itimer ASYNC_INTERVAL=5ms   # its event (cpu: perf events, the default; itimer where
#                                           # perf events are refused) and sampling interval (10ms)
#   PROFILER=jfr JFR_SETTINGS=default       # a JFR recording instead: its "profile" and even
#                                           # "default" settings send single requests back through
#                                           # the JIT and slow them down several times over
#
# Every request goes to 127.0.0.1 only, bounded in time (wrk -d) and count (BENCH_MAX_REQUESTS_PER_THREAD).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WARMUP=${WARMUP:-20}
WARMUP_MAX=${WARMUP_MAX:-300}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
HEAP=${HEAP:--Xmx256m}
export BENCH_BATCH_SIZE=${BATCH:-100}
export BENCH_TARGET=ours
export BENCH_MAX_REQUESTS_PER_THREAD=${BENCH_MAX_REQUESTS_PER_THREAD:-2000000}

KINDS=${KINDS:-single batch}
PROFILER=${PROFILER:-async}
JFR_SETTINGS=${JFR_SETTINGS:-profile}
ASYNC_PROFILER=${ASYNC_PROFILER:-tools.profiler:async-profiler:4.2}
ASYNC_EVENT=${ASYNC_EVENT:-cpu}
ASYNC_INTERVAL=${ASYNC_INTERVAL:-10ms}
JAR=${JAR:-$ROOT/target/lora-guide.jar}
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"
if [ "${SKIP_PACKAGE:-1}" != "1" ] || [ ! -f "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
WORK=$(mktemp -d /tmp/lora-cpu.XXXXXX)
cp -r "$ROOT/rules" "$WORK/rules"
case "$PROFILER" in
  async)
    # The jar on Maven Central carries the native library for each platform.
    (cd "$ROOT" && ./mvnw -B -q dependency:copy -Dartifact="$ASYNC_PROFILER" -DoutputDirectory="$WORK/async-profiler")
    unzip -q -o -d "$WORK/async-profiler" "$WORK"/async-profiler/async-profiler-*.jar linux-x64/libasyncProfiler.so
    AGENT=$WORK/async-profiler/linux-x64/libasyncProfiler.so ;;
  jfr) ;;
  *) echo "PROFILER is async or jfr, not $PROFILER" >&2; exit 2 ;;
esac
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"

java $HEAP -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" --guides.dir="$WORK/rules" \
  --spring.datasource.url="jdbc:h2:file:$WORK/data/lora-guide;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" \
  > "$WORK/app.log" 2>&1 &
APP_PID=$!
trap 'stop_pid "$APP_PID"' EXIT
for _ in $(seq 1 1200); do
  curl -s -o /dev/null --max-time 2 "$BASE/actuator/health/liveness" && break
  sleep 0.5
done
curl -s -o /dev/null --max-time 2 "$BASE/actuator/health/liveness" || { echo "not up; see $WORK/app.log"; exit 1; }

# Each thread's CPU ticks with its group, from /proc (thread names there are cut to 15 characters):
# "TID GROUP USER_TICKS KERNEL_TICKS".
thread_ticks() {
  local task comm ticks group
  for task in /proc/"$APP_PID"/task/*; do
    comm=$(cat "$task/comm" 2>/dev/null) || continue
    ticks=$(awk '{print $14, $15}' "$task/stat" 2>/dev/null) || continue
    case "$comm" in
      http-nio*) group=requests ;;
      decision-log-wr) group=writer ;;
      GC\ Thread*|G1\ *) group=gc ;;
      C1\ Compiler*|C2\ Compiler*) group=jit ;;
      *) group=other ;;
    esac
    echo "${task##*/} $group $ticks"
  done
}

run() { # KIND SCRIPT PATH SECONDS -> wrk output
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4s" --timeout 5s --latency -s "$2" "$BASE$3"
}

# async-profiler through jcmd: the whole option list is one quoted argument, or jcmd would read
# "start,event=cpu" as a key of its own.
async_profiler() { jcmd "$APP_PID" JVMTI.agent_load "$AGENT" "\"$1\"" > /dev/null; }
profile_start() { # KIND
  if [ "$PROFILER" = async ]; then
    async_profiler "start,event=$ASYNC_EVENT,interval=$ASYNC_INTERVAL,threads,ann"
  else
    jcmd "$APP_PID" JFR.start name="$1" settings="$JFR_SETTINGS" > /dev/null
  fi
}
profile_stop() { # KIND -> the profile's file
  if [ "$PROFILER" = async ]; then
    async_profiler "stop,file=$WORK/$1.collapsed,collapsed,threads,ann"
    echo "$WORK/$1.collapsed"
  else
    jcmd "$APP_PID" JFR.stop name="$1" filename="$WORK/$1.jfr" > /dev/null
    echo "$WORK/$1.jfr"
  fi
}

echo "== warm-up in runs of ${WARMUP}s until the JIT is done (at most ${WARMUP_MAX}s per kind; load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "single: $(warm_up "$APP_PID" "$WARMUP" "$WARMUP_MAX" run single "$ROOT/bench/recommend.lua" /api/v1/recommendations "$WARMUP")"
if [[ " $KINDS " == *" batch "* ]]; then
  echo "batch: $(warm_up "$APP_PID" "$WARMUP" "$WARMUP_MAX" run batch "$ROOT/bench/batch.lua" /api/v1/recommendations/batch "$WARMUP")"
fi

TICKS=$(getconf CLK_TCK)
for kind in $KINDS; do
  if [ "$kind" = "single" ]; then script="$ROOT/bench/recommend.lua"; path=/api/v1/recommendations; per=1
  else script="$ROOT/bench/batch.lua"; path=/api/v1/recommendations/batch; per=$BENCH_BATCH_SIZE; fi
  # The same run without a profiler first: what the profiler costs shows beside it.
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  before=$(cpu_ticks "$APP_PID")
  out=$(run "$kind" "$script" "$path" "$DURATION")
  read -r rps p50 p99 failed cpu < <(wrk_figures "$out" "$per" $(($(cpu_ticks "$APP_PID") - before)))
  echo
  echo "== $kind without a profiler: $rps requests/s, p50 $p50 ms, p99 $p99 ms, $failed failed, CPU $cpu us per recommendation (load average $load)"
  thread_ticks > "$WORK/ticks-before-$kind"
  before=$(cpu_ticks "$APP_PID")
  profile_start "$kind"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  out=$(run "$kind" "$script" "$path" "$DURATION")
  profile=$(profile_stop "$kind")
  thread_ticks > "$WORK/ticks-after-$kind"
  read -r rps p50 p99 failed cpu < <(wrk_figures "$out" "$per" $(($(cpu_ticks "$APP_PID") - before)))
  echo "$out" > "$WORK/wrk-$kind.txt"
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  recs=$((requests * per))
  echo "== $kind with $PROFILER: $requests requests, $recs recommendations in ${DURATION}s, $rps requests/s, p50 $p50 ms, p99 $p99 ms, $failed failed, CPU $cpu us per recommendation (load average $load)"
  declare -A US=() USER=() KERNEL=()
  # Per thread, so that a thread that ends or starts during the run does not skew its group.
  while read -r group user kernel; do
    US[$group]=$(awk -v u="$user" -v k="$kernel" -v n="$recs" -v t="$TICKS" 'BEGIN {printf "%.1f", (u + k) / t / n * 1e6}')
    USER[$group]=$(awk -v u="$user" -v n="$recs" -v t="$TICKS" 'BEGIN {printf "%.1f", u / t / n * 1e6}')
    KERNEL[$group]=$(awk -v k="$kernel" -v n="$recs" -v t="$TICKS" 'BEGIN {printf "%.1f", k / t / n * 1e6}')
  done < <(awk 'NR == FNR {user[$1] = $3; sys[$1] = $4; next}
    {u[$2] += $3 - (($1 in user) ? user[$1] : 0); k[$2] += $4 - (($1 in sys) ? sys[$1] : 0)}
    END {for (g in u) print g, u[g], k[g]}' "$WORK/ticks-before-$kind" "$WORK/ticks-after-$kind")
  total=$(printf '%s\n' "${US[@]}" | awk '{s += $1} END {printf "%.1f", s}')
  echo "CPU us per recommendation: total $total = requests ${US[requests]:-0} + decision-log writer ${US[writer]:-0} + GC ${US[gc]:-0} + JIT ${US[jit]:-0} + other ${US[other]:-0}"
  if [ "$PROFILER" = async ]; then
    # async-profiler samples the kernel's frames too, so its shares split user and system time.
    echo "of which in the kernel (system time): requests ${KERNEL[requests]:-0}, decision-log writer ${KERNEL[writer]:-0}, other ${KERNEL[other]:-0}"
    "$ROOT/bench/jfr-breakdown.py" "$profile" --group "requests=http-nio=${US[requests]:-0}" \
      --group "decision-log writer=decision-log-writer=${US[writer]:-0}" \
      --group "JIT=C1 Compiler=${US[jit]:-0}" --group "JIT=C2 Compiler=${US[jit]:-0}" \
      --group "GC=GC Thread=${US[gc]:-0}" --group "GC=G1 =${US[gc]:-0}" --detail "${DETAIL:-0}"
  else
    echo "in the kernel (system time, not in the JFR samples below): requests ${KERNEL[requests]:-0}, decision-log writer ${KERNEL[writer]:-0}, other ${KERNEL[other]:-0}"
    # JFR samples Java code only, so its shares split the threads' user time.
    "$ROOT/bench/jfr-breakdown.py" "$profile" --group "requests=http-nio=${USER[requests]:-0}" \
      --group "decision-log writer=decision-log-writer=${USER[writer]:-0}" --detail "${DETAIL:-0}"
  fi
  unset US USER KERNEL
done
echo "profiles and logs: $WORK"
