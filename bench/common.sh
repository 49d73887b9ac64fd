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

# CPU clock ticks (user + system) a process has used, and the part of them its JIT compiler threads used.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
jit_ticks() {
  local task sum=0 ticks
  for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ Compiler*|C2\ Compiler*)
        ticks=$(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0)
        sum=$((sum + ticks)) ;;
    esac
  done
  echo "$sum"
}

# warm_up PID CHUNK_SECONDS MAX_SECONDS COMMAND...: runs COMMAND (a bounded wrk run) again and again
# until the JIT compiler threads used under 3 % of the process's CPU during one run (at least two
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
