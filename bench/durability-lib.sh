# Helpers shared by bench/crash.sh, bench/replicas.sh and bench/scale.sh (sourced, not run).
# Everything listens on 127.0.0.1 and on a free random port; everything started is stopped on exit.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"
HEAP=${HEAP:--Xmx512m}
WORK=$(mktemp -d /tmp/lora-durability.XXXXXX)
chmod 755 "$WORK"
declare -a STARTED_PIDS=()
# An admin token of this run only: health details, outcomes.
ADMIN_TOKEN=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
PG_DATA=""
PG_PORT=""

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# wait_quiet: figures are published only from a quiet machine. This waits up to QUIET_WAIT seconds for the 1-minute load average to fall
# below 1.5 and says what it was.
wait_quiet() {
  local waited=0
  while awk '{exit !($1 >= 1.5)}' /proc/loadavg && [ "$waited" -lt "${QUIET_WAIT:-240}" ]; do
    sleep 5
    waited=$((waited + 5))
  done
  echo "== load average $(load_average) after waiting ${waited}s for a quiet machine"
}

# require_jar: the jar of this tree (packaged if missing), or BENCH_JAR (the jar of another commit, to
# compare two in one sitting).
require_jar() {
  JAR="${BENCH_JAR:-$ROOT/target/lora-guide.jar}"
  if [ ! -f "$JAR" ]; then
    echo "== packaging the service"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
  fi
  cp "$JAR" "$WORK/lora-guide.jar"
  JAR="$WORK/lora-guide.jar"
}

# start_pg: a PostgreSQL cluster of our own (Debian's postgresql package), run as user postgres under
# $WORK (or in PG_DATA_DIR, kept between runs) on a random port; sets PG_PORT and PG_URL. Installs the
# package when it is missing.
start_pg() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ]; then
    apt-get install -y -qq postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  PG_BIN=$bin
  PG_DATA=${PG_DATA_DIR:-$WORK/pgdata}
  PG_PORT=$(free_port)
  if [ -f "$PG_DATA/PG_VERSION" ]; then
    pg_ctl_start
  else
    mkdir -p "$PG_DATA" && chown postgres:postgres "$PG_DATA"
    runuser -u postgres -- "$PG_BIN/initdb" -A trust -U postgres -D "$PG_DATA" >/dev/null
    pg_ctl_start
    runuser -u postgres -- "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres loraguide
  fi
  PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/loraguide"
}

pg_ctl_start() {
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 900 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DATA -c max_connections=100 ${PG_OPTIONS:-}" >/dev/null
}

stop_pg() {
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m "${1:-fast}" -w stop >/dev/null || true
  fi
}

psql_q() { runuser -u postgres -- "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d loraguide -qAt -c "$1"; }

# start_app NAME PORT JDBC_URL [extra args]: starts the jar in the background; sets APP_PID.
start_app() {
  local name=$1 port=$2 url=$3
  shift 3
  # Run in $WORK: whatever the service writes next to itself (data/tokens.yaml) stays out of the repository.
  (cd "$WORK" && exec java $HEAP -jar "$JAR" --server.address=127.0.0.1 --server.port="$port" \
    --guides.dir="${RULES:-$ROOT/rules}" --spring.datasource.url="$url" \
    --spring.datasource.username="${DB_USER:-sa}" --spring.datasource.password= \
    --guides.admin-token="$ADMIN_TOKEN" --guides.gate.time-limit="${GATE_TIME_LIMIT:-300s}" "$@" \
    >> "$WORK/$name.log" 2>&1) &
  APP_PID=$!
  STARTED_PIDS+=("$APP_PID")
}

# wait_ready PORT [seconds] [pid]: until the readiness group answers 200; fails at once if the process
# (default: the last one started) has ended.
wait_ready() {
  local pid=${3:-$APP_PID}
  for _ in $(seq 1 $(( ${2:-120} * 5 ))); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/actuator/health/readiness")" = 200 ]; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "service on port $1 ended before it was ready; see $WORK" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "service on port $1 did not get ready; see $WORK" >&2
  return 1
}

# signal_and_wait PID [signal]: signals one process we started and waits for it to end, however long
# that takes (what a shutdown takes is the figure); prints the seconds.
signal_and_wait() {
  local pid=$1 started
  started=$(date +%s%N)
  kill "-${2:-TERM}" "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  awk -v a="$started" -v b="$(date +%s%N)" 'BEGIN {printf "%.1f", (b - a) / 1e9}'
}

cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    kill -KILL "$pid" 2>/dev/null || true
  done
  stop_pg fast
}
trap cleanup EXIT

# acked_ids DIR: every recommendation id a client got a 200 for, one per line.
acked_ids() { cat "$1"/ids-*.txt 2>/dev/null | sort; }

# check_pg DIR: "acked missing duplicated rows" for the ids a client recorded in DIR.
check_pg() {
  local ids=$1/all-ids.txt
  acked_ids "$1" > "$ids"
  chmod 644 "$ids"
  psql_q "drop table if exists acked; create table acked (id uuid);" >/dev/null
  runuser -u postgres -- "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d loraguide -qAt \
    -c "\\copy acked from '$ids'" >/dev/null
  psql_q "select (select count(*) from acked),
      (select count(*) from acked a where not exists (select 1 from decision_log d where d.recommendation_id = a.id)),
      (select count(*) from (select id from acked group by id having count(*) > 1) t)
        + (select count(*) - count(distinct recommendation_id) from decision_log),
      (select count(*) from decision_log)" | tr '|' ' '
}

# check_h2 DIR H2_FILE: the same on an H2 file (the service must be stopped).
check_h2() {
  local ids=$1/all-ids.txt h2jar=$WORK/h2.jar
  acked_ids "$1" > "$ids"
  [ -f "$h2jar" ] || unzip -p "$JAR" "$(unzip -Z1 "$JAR" | grep 'BOOT-INF/lib/h2-.*\.jar')" > "$h2jar"
  java -cp "$h2jar" org.h2.tools.Shell -url "jdbc:h2:file:$2" -user sa -password "" -sql "
    create table acked as select cast(c as uuid) id from csvread('$ids', 'C', 'charset=UTF-8 fieldSeparator=;');
    select (select count(*) from acked) as acked,
      (select count(*) from acked a where not exists (select 1 from decision_log d where d.recommendation_id = a.id)) as missing,
      (select count(*) from (select id from acked group by id having count(*) > 1) t)
        + (select count(*) - count(distinct recommendation_id) from decision_log) as twice,
      (select count(*) from decision_log) as all_rows;
    drop table acked;" | awk -F' *[|] *' '$1 == "ACKED" { getline; print $1, $2, $3, $4 }'
}
