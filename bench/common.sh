# Functions the bench scripts share; source it, do not run it.

# A free port on 127.0.0.1, chosen by the kernel.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# stop_pid PID: SIGTERM, up to 30 s for a clean stop, then SIGKILL.
stop_pid() {
  local pid=$1
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

# wrk prints latencies as 850.00us, 1.23ms or 1.01s: to_ms turns them into milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}

# CPU clock ticks (user + system) processes have used, and the part of them their JIT compiler threads
# used; PIDS is one process id or several joined by commas (the replicas of bench/replicas.sh).
cpu_ticks() { local pid; for pid in ${1//,/ }; do awk '{print $14 + $15}' "/proc/$pid/stat"; done | awk '{n += $1} END {print n}'; }
# thread_cpu PID -> the CPU ms the process's threads used so far, by kind of thread (a thread
# name's trailing number dropped: GC Thread#0 and #1 count as one; "java" is the main thread),
# most first; child processes' CPU is not in it.
thread_cpu() {
  local task
  for task in /proc/"$1"/task/*; do
    printf '%s\t%s\n' "$(sed 's/[0-9]*$//' "$task/comm" 2>/dev/null)" "$(awk '{print $14 + $15}' "$task/stat" 2>/dev/null)"
  done | awk -F'\t' -v t="$(getconf CLK_TCK)" '$2 > 0 {cpu[$1] += $2} END {for (k in cpu) printf "%d\t%s\n", cpu[k] * 1000 / t, k}' | sort -rn
}

jit_ticks() {
  local pid task sum=0 ticks
  for task in $(for pid in ${1//,/ }; do echo /proc/"$pid"/task/*; done); do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ Compiler*|C2\ Compiler*)
        ticks=$(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0)
        sum=$((sum + ticks)) ;;
    esac
  done
  echo "$sum"
}

# warm_up PIDS CHUNK_SECONDS MAX_SECONDS COMMAND...: runs COMMAND (a bounded wrk run) again and again
# until the JIT compiler threads used under 3 % of the processes' CPU during one run (at least two
# runs, at most MAX_SECONDS), so that what is measured afterwards is compiled code. Prints how many
# runs it took and the JIT's share in the last one.
warm_up() {
  local pid=$1 chunk=$2 max=$3 runs=0 started cpu0 jit0 cpu1 jit1 share=1
  shift 3
  started=$(date +%s)
  while :; do
    cpu0=$(cpu_ticks "$pid")
    jit0=$(jit_ticks "$pid")
    "$@" > /dev/null
    cpu1=$(cpu_ticks "$pid")
    jit1=$(jit_ticks "$pid")
    runs=$((runs + 1))
    share=$(awk -v c=$((cpu1 - cpu0)) -v j=$((jit1 - jit0)) 'BEGIN {printf "%.3f", (c > 0) ? j / c : 1}')
    if [ "$runs" -ge 2 ] && awk -v s="$share" 'BEGIN {exit !(s < 0.03)}'; then break; fi
    if [ $(( $(date +%s) - started + chunk )) -gt "$max" ]; then break; fi
  done
  echo "$runs runs of ${chunk}s, JIT share of CPU in the last: $share"
}

spread() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {printf "min %s / median %s / max %s", v[1], v[int((NR+1)/2)], v[NR]}'; }

# wrk_figures WRK_OUTPUT PER_REQUEST CPU_TICKS: "rps p50_ms p99_ms failed cpu_us_per_recommendation"
# from a wrk --latency output, the recommendations per request and the CPU ticks the service used
# during the run.
wrk_figures() {
  local out=$1 per=$2 ticks=$3 rps p50 p99 non2xx sockerr requests cpu
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(to_ms "$(echo "$out" | awk '$1=="50%" {print $2}')")
  p99=$(to_ms "$(echo "$out" | awk '$1=="99%" {print $2}')")
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  sockerr=$(echo "$out" | awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}')
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  cpu=$(awk -v d="$ticks" -v n="$requests" -v p="$per" -v t="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", d / t / (n * p) * 1e6}')
  echo "$rps $p50 $p99 $(( ${non2xx:-0} + ${sockerr:-0} )) $cpu"
}

# start_ours JAR WORK NAME PORT EXTRA_JVM_ARGS...: starts a build of ours at $HEAP on 127.0.0.1:PORT
# (with $JAVA, java by default) with a fresh H2 file and a copy of the rules under WORK, the GC log in WORK/gc-NAME.log; sets
# STARTED_PID and STARTED_NS (the launch time, for first_answer).
start_ours() {
  local jar=$1 work=$2 name=$3 port=$4
  shift 4
  STARTED_NS=$(date +%s%N)
  "${JAVA:-java}" $HEAP -Xlog:gc:file="$work/gc-$name.log" "$@" -jar "$jar" \
    --server.address=127.0.0.1 --server.port="$port" --guides.dir="$work/rules" \
    --spring.datasource.url="jdbc:h2:file:$work/data-$name/lora-guide;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" \
    > "$work/$name.log" 2>&1 &
  STARTED_PID=$!
}

# first_answer PORT PATH BODY STARTED_NS: milliseconds from launch to the first 200. Waits for the
# port with bash's /dev/tcp (no process per probe, so waiting steals no CPU from the start-up).
first_answer() {
  local code
  for _ in $(seq 1 30000); do
    if { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null; then
      exec 3>&-
      break
    fi
    sleep 0.02
  done
  for _ in $(seq 1 200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H 'Content-Type: application/json' \
      -d "$3" "http://127.0.0.1:$1$2" || true)
    if [ "$code" = "200" ]; then
      echo $(( ($(date +%s%N) - $4) / 1000000 ))
      return
    fi
    sleep 0.02
  done
  echo "no answer on port $1" >&2
  return 1
}

# Heap after the last young pause of a GC log, e.g. 23M.
heap_after_gc() { grep 'Pause Young' "$1" | tail -1 | sed -E 's/.*->([0-9]+M)\(.*/\1/'; }
