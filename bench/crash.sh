#!/usr/bin/env bash
# Durability bench of the decision log (bench/README.md, "Decision log durability"). On H2 (a file,
# the default) and on PostgreSQL (a cluster of our own on a random port):
#   1. throughput of acknowledged mode against async, one after the other, in the same run;
#   2. ROUNDS crash rounds on the acknowledged service: load, kill -9 mid-load, restart on the same
#      database; at the end every id the client got a 200 for must be in the log, and no row twice;
#   3. one SIGTERM under load: every acknowledged decision stored, the queue drained within the grace.
#
#   bench/crash.sh                          # both databases, 3 rounds each
#   DATABASES=h2 ROUNDS=1 bench/crash.sh
#
# Load goes to 127.0.0.1 only, bounded in time (wrk -d) and count (BENCH_MAX_REQUESTS_PER_THREAD).
set -euo pipefail
source "$(dirname "$0")/durability-lib.sh"

DATABASES=${DATABASES:-h2 postgres}
ROUNDS=${ROUNDS:-3}
THROUGHPUT_SECONDS=${THROUGHPUT_SECONDS:-15}
KILL_AFTER=${KILL_AFTER:-8}
CONNECTIONS=${CONNECTIONS:-32}
export BENCH_MAX_REQUESTS_PER_THREAD=${BENCH_MAX_REQUESTS_PER_THREAD:-300000}

command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
require_jar
wait_quiet
echo "== $(date -u +%FT%TZ), $(nproc) cores, load average $(load_average), $(java -version 2>&1 | head -1)"
echo "== work dir $WORK"

# load SECONDS PORT DIR: wrk against one service, recording acknowledged ids in DIR; prints requests/s.
load() {
  mkdir -p "$3"
  BENCH_IDS_DIR=$3 wrk -t2 -c"$CONNECTIONS" -d"$1s" --timeout 5s -s "$ROOT/bench/recommend.lua" \
    "http://127.0.0.1:$2/api/v1/recommendations" > "$3/wrk.txt" 2>&1 || true
  awk '/Requests\/sec/ {print $2}' "$3/wrk.txt"
}

url_for() {
  if [ "$1" = h2 ]; then echo "jdbc:h2:file:$2/lora-guide;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"; else echo "$PG_URL"; fi
}

fresh_db() {
  if [ "$1" = h2 ]; then
    mkdir -p "$2"
  else
    # Every table of the service, whatever its migrations add, so the next start migrates from scratch.
    psql_q "drop schema public cascade; create schema public" >/dev/null
  fi
}

check() { if [ "$1" = h2 ]; then check_h2 "$2" "$3/lora-guide"; else check_pg "$2"; fi; }

for db in $DATABASES; do
  if [ "$db" = postgres ]; then start_pg; DB_USER=postgres; else DB_USER=sa; fi
  echo
  echo "######## $db"
  echo "== throughput, acknowledged vs async (${THROUGHPUT_SECONDS}s each, $CONNECTIONS connections, same run)"
  for mode in async acknowledged; do
    data="$WORK/$db-$mode"
    fresh_db "$db" "$data"
    port=$(free_port)
    start_app "$db-$mode" "$port" "$(url_for "$db" "$data")" --decisionlog.durability="$mode"
    wait_ready "$port" 600
    load 5 "$port" "$data/warmup" >/dev/null
    rps=$(load "$THROUGHPUT_SECONDS" "$port" "$data/throughput")
    eval "rps_$mode=$rps"
    echo "   $mode: $rps requests/s (load average $(load_average))"
    [ "$mode" = async ] && signal_and_wait "$APP_PID" >/dev/null
  done
  echo "   acknowledged/async: $(awk -v a="$rps_acknowledged" -v b="$rps_async" 'BEGIN {printf "%.2f", a / b}')   (target >= 0.8)"

  # The acknowledged service keeps running on its database: each round loads it, kills it with -9 and
  # restarts it on the same database, which is the next round's service.
  echo "== kill -9 under load, restart on the same database (acknowledged mode), $ROUNDS rounds"
  for round in $(seq 1 "$ROUNDS"); do
    load $(( KILL_AFTER + 2 )) "$port" "$data/crash-$round" >/dev/null &
    loader=$!
    sleep "$KILL_AFTER"
    signal_and_wait "$APP_PID" KILL >/dev/null
    wait "$loader"
    echo "   round $round: killed after ${KILL_AFTER}s of load; $(acked_ids "$data/crash-$round" | wc -l) answered 200 (load average $(load_average))"
    start_app "$db-acknowledged" "$port" "$(url_for "$db" "$data")"
    wait_ready "$port" 600
  done

  echo "== SIGTERM under load (acknowledged mode)"
  load $(( KILL_AFTER + 4 )) "$port" "$data/term" >/dev/null &
  loader=$!
  sleep "$KILL_AFTER"
  took=$(signal_and_wait "$APP_PID" TERM)
  wait "$loader"
  echo "   exit ${took}s after SIGTERM (grace: spring.lifecycle.timeout-per-shutdown-phase 30s)"
  echo "   $(grep -h 'Decision log stopped' "$WORK/$db-acknowledged.log" | tail -1 | sed 's/.*DecisionLogWriter *: //')"

  echo "== every id answered 200, against the rows (service stopped)"
  printf '   %-12s %10s %10s %8s %10s\n' phase "2xx ids" missing twice "rows (all)"
  for phase in throughput $(seq -f 'crash-%g' 1 "$ROUNDS") term; do
    read -r acked missing twice rows < <(check "$db" "$data/$phase" "$data")
    printf '   %-12s %10s %10s %8s %10s\n' "$phase" "$acked" "$missing" "$twice" "$rows"
  done
  if [ "$db" = postgres ]; then stop_pg; fi
done
echo
echo "== done, load average $(load_average)"
