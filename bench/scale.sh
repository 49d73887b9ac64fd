#!/usr/bin/env bash
# The decision log at scale (bench/README.md, "Decision log durability"): PostgreSQL (a cluster of our
# own, kept in SCALE_DIR between the two phases) with ROWS generated decisions over 400 days and an
# outcome for one in five.
#   generate: the schema by the service's Flyway migrations, then the rows, with the summaries the
#             writer keeps (exposure, the outcomes' variant, outcome_total) filled as the V3 and V4
#             migrations fill them;
#   measure:  1. the results of one experiment (lr-gentle, 30 % of the rows) over HTTP, and the plans
#                of its two queries (and of the outcome scan V4's totals replaced); the service
#                starts first, so that its migrations bring a database generated earlier up to date;
#             2. the plan and time of one retention batch;
#             3. acknowledged write load alone, then the same load while a retention pass deletes
#                what is older than RETENTION (about 2.5 % of the rows): throughput, p99, longest
#                request. This deletes those rows: measure once per generate;
#             4. the outcome totals against a fresh sum of the outcomes left.
#
#   bench/scale.sh generate     # 10 million rows: a build's share of the CPU
#   bench/scale.sh measure      # the published figures, on a quiet machine
#   ROWS=1000000 bench/scale.sh generate
set -euo pipefail
source "$(dirname "$0")/durability-lib.sh"

PHASE=${1:?generate or measure}
SCALE_DIR=${SCALE_DIR:-/tmp/lora-scale}
ROWS=${ROWS:-10000000}
RETENTION=${RETENTION:-390d}
LOAD_SECONDS=${LOAD_SECONDS:-30}
CONNECTIONS=${CONNECTIONS:-16}
export BENCH_MAX_REQUESTS_PER_THREAD=${BENCH_MAX_REQUESTS_PER_THREAD:-300000}
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
require_jar
mkdir -p "$SCALE_DIR" && chmod 755 "$SCALE_DIR"
echo "== $(date -u +%FT%TZ), $(nproc) cores, $PHASE, load average $(load_average)"
echo "== work dir $WORK, database in $SCALE_DIR"

export PG_DATA_DIR=$SCALE_DIR/pgdata
PG_OPTIONS="-c shared_buffers=512MB -c work_mem=64MB -c max_wal_size=4GB" start_pg
DB_USER=postgres
RULES="$WORK/rules"
cp -r "$ROOT/rules" "$RULES"
sed -i 's/^    status: stopped/    status: running/' "$RULES/experiments.yaml"
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"

generate() {
  if [ "$(psql_q "select count(*) from pg_tables where tablename = 'exposure'")" = 0 ]; then
    echo "== schema by the service's Flyway migrations"
    start_app scale "$PORT" "$PG_URL"
    wait_ready "$PORT" 600
    signal_and_wait "$APP_PID" >/dev/null
  fi
  if [ "$(psql_q "select count(*) from decision_log")" -lt "$ROWS" ]; then insert_rows; fi
  # What autovacuum does to a table that has been written for a while: statistics, visibility map.
  local table
  for table in decision_log exposure outcome outcome_total; do psql_q "vacuum analyze $table"; done
}

insert_rows() {
  echo "== generating $ROWS decisions (made over the last 400 days) and an outcome for one in five"
  local started
  started=$(date +%s)
  psql_q "
  insert into decision_log (recommendation_id, made_at, actor_id, guide_id, guide_revision, experiment_id, variant,
      forced_variant, request_json, answer_json)
  select md5('d' || i)::uuid,
         now() - (i % 400) * interval '1 day' - (i % 86400) * interval '1 second',
         'actor-' || (i % 500000),
         case when i % 10 < 3 and i % 2 = 1 then 'legacy-defaults' else 'flux-lora' end,
         '6345a164f738ed32',
         case when i % 10 < 3 then 'lr-gentle' when i % 10 < 7 then 'exp-' || (i % 9) end,
         case when i % 10 < 3 then (case when i % 2 = 1 then 'legacy' else 'control' end)
              when i % 10 < 7 then 'v' || (i % 2) end,
         i % 1000 = 0,
         '{\"actor\":{\"id\":\"actor-' || (i % 500000) || '\"},\"dataset\":{\"imageCount\":' || (i % 120 + 1) || '}}',
         '{\"recommendationId\":\"' || md5('d' || i)::uuid || '\",\"preset\":{\"id\":\"B\"},\"parameters\":{\"steps\":2000,\"learningRate\":0.00025,\"rank\":16}}'
  from generate_series(1, $ROWS) i;
  insert into exposure (experiment_id, variant, actor_id, decisions)
  select experiment_id, variant, actor_id, count(*) from decision_log
  where experiment_id is not null and forced_variant = false group by experiment_id, variant, actor_id;
  insert into outcome (recommendation_id, metric, metric_value, recorded_at, experiment_id, variant)
  select d.recommendation_id, 'identityScore', 0.7 + (i % 300) / 1000.0, d.made_at,
         case when not d.forced_variant then d.experiment_id end, case when not d.forced_variant then d.variant end
  from generate_series(5, $ROWS, 5) i join decision_log d on d.recommendation_id = md5('d' || i)::uuid;
  insert into outcome_total (experiment_id, variant, metric, outcomes, value_sum, square_sum)
  select experiment_id, variant, metric, count(*), $VALUE_SUM, $SQUARE_SUM
  from outcome where experiment_id is not null group by experiment_id, variant, metric;"
  echo "   took $(( $(date +%s) - started )) s"
}

# A value's share of outcome_total, as the V4 migration and the service compute it.
VALUE_SUM="sum(cast(metric_value as outcome_share))"
SQUARE_SUM="sum(cast(cast(metric_value as outcome_share) * cast(metric_value as outcome_share) as outcome_share))"

# explain QUERY NAME [SETTINGS]: its plan and time (the settings, "set ...;", for this query only).
explain() {
  psql_q "${3:-}explain (analyze, buffers) $1" > "$WORK/plan-$2.txt"
  echo "   $2: $(awk '/Execution Time/ {print $3, $4}' "$WORK/plan-$2.txt"), plan: $(grep -oE '(Index Only Scan|Index Scan|Bitmap Heap Scan|Seq Scan|Parallel Seq Scan)[^(]*' "$WORK/plan-$2.txt" | sed 's/  */ /g' | paste -sd';' -)"
}

# wrk_load NAME: acknowledged write load; prints "requests/s p50 p99 max failed start end" (start and
# end of the load in epoch milliseconds, to set beside the retention pass).
wrk_load() {
  mkdir -p "$WORK/$1"
  local start
  start=$(date +%s%3N)
  BENCH_IDS_DIR="$WORK/$1" wrk -t2 -c"$CONNECTIONS" -d"${LOAD_SECONDS}s" --timeout 10s --latency \
    -s "$ROOT/bench/recommend.lua" "$BASE/api/v1/recommendations" > "$WORK/$1/wrk.txt" 2>&1 || true
  awk -v start="$start" -v end="$(date +%s%3N)" '/Requests\/sec/ {rps = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2}
       /Latency/ && !lat {max = $4; lat = 1}
       /Non-2xx/ {f += $5} /Socket errors/ {gsub(",", ""); f += $4 + $6 + $8 + $10}
       END {print rps, p50, p99, max, f + 0, start, end}' "$WORK/$1/wrk.txt"
}

measure() {
  echo "   decision_log $(psql_q "select count(*) from decision_log") rows, $(psql_q "select pg_size_pretty(pg_total_relation_size('decision_log'))");" \
    "exposure $(psql_q "select count(*) from exposure") rows, $(psql_q "select pg_size_pretty(pg_total_relation_size('exposure'))");" \
    "outcome $(psql_q "select count(*) from outcome") rows, $(psql_q "select pg_size_pretty(pg_total_relation_size('outcome'))")"

  echo
  echo "== 1. results of lr-gentle ($(psql_q "select count(*) from decision_log where experiment_id = 'lr-gentle'") decisions)"
  # The service's Flyway migrations first: a database generated before V4 gets its outcome totals
  # (the app log says how long the back-fill took).
  start_app scale "$PORT" "$PG_URL"
  wait_ready "$PORT" 600
  grep -o 'Migrating schema .*\|Successfully applied .*' "$WORK/scale.log" | sed 's/^/   /' || true
  explain "select variant, count(*) as actors, sum(decisions) as recommendations from exposure where experiment_id = 'lr-gentle' group by variant" exposures
  explain "select variant, metric, outcomes, value_sum, square_sum from outcome_total where experiment_id = 'lr-gentle'" outcome-totals
  # The scan the totals replaced (up to V3), on the same rows, to set beside them.
  explain "select variant, metric, count(*) as n, avg(metric_value) as mean, var_samp(metric_value) as variance from outcome where experiment_id = 'lr-gentle' group by variant, metric" outcomes-scan-before-v4
  for n in 1 2 3 4 5; do
    echo "   GET results #$n: $(curl -s -o "$WORK/results.json" -w '%{http_code} in %{time_total} s' --max-time 60 "$BASE/api/v1/experiments/lr-gentle/results") (load average $(load_average))"
  done
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("   ", [(v["name"], v["assignments"], v["recommendations"], v["metrics"].get("identityScore", {}).get("count")) for v in r["variants"]])' "$WORK/results.json"

  echo
  echo "== 2. one retention batch (the oldest 1000 past $RETENTION)"
  local cutoff="now() - interval '${RETENTION%d} days'"
  explain "select recommendation_id, experiment_id, variant, actor_id, forced_variant from decision_log where made_at < $cutoff order by made_at limit 1000" retention-batch
  echo "   decisions older than $RETENTION: $(psql_q "select count(*) from decision_log where made_at < $cutoff")"

  echo
  echo "== 3. write load without, then with a retention pass (acknowledged mode, ${LOAD_SECONDS}s, $CONNECTIONS connections)"
  local rps p50 p99 max failed start end
  read -r rps p50 p99 max failed start end < <(wrk_load without)
  echo "   without retention: $rps requests/s, p50 $p50, p99 $p99, max $max, failed $failed (load average $(load_average))"
  signal_and_wait "$APP_PID" >/dev/null
  start_app scale-retention "$PORT" "$PG_URL" --decisionlog.retention="$RETENTION" \
    --decisionlog.retention-interval=5s
  wait_ready "$PORT" 600
  read -r rps p50 p99 max failed start end < <(wrk_load with)
  echo "   with retention:    $rps requests/s, p50 $p50, p99 $p99, max $max, failed $failed (load average $(load_average))"
  for _ in $(seq 1 900); do grep -q 'retention deleted' "$WORK/scale-retention.log" && break; sleep 1; done
  # The pass logs when it ends and how long it took: how much of the load ran while it deleted.
  python3 - "$WORK/scale-retention.log" "$start" "$end" <<'PY'
import re, sys
from datetime import datetime
log, start, end = sys.argv[1], int(sys.argv[2]) / 1000, int(sys.argv[3]) / 1000
line = next(l for l in open(log) if "retention deleted" in l)
finished = datetime.fromisoformat(line.split()[0].replace("Z", "+00:00")).timestamp()
took = int(re.search(r"in (\d+) ms", line).group(1)) / 1000
began = finished - took
overlap = max(0.0, min(end, finished) - max(start, began))
print("   " + line.split(" : ", 1)[1].strip())
print(f"   the pass ran {began - start:+.1f} s to {finished - start:+.1f} s from the start of the load ({end - start:.1f} s):"
      f" {overlap:.1f} s of the load ran during it")
PY
  echo "   decisions older than $RETENTION left: $(psql_q "select count(*) from decision_log where made_at < $cutoff")"
  signal_and_wait "$APP_PID" >/dev/null

  echo
  echo "== 4. outcome totals against a fresh sum of the outcomes (after the retention pass)"
  local fresh="select experiment_id, variant, metric, count(*), $VALUE_SUM, $SQUARE_SUM from outcome where experiment_id is not null group by experiment_id, variant, metric"
  local kept="select experiment_id, variant, metric, outcomes, value_sum, square_sum from outcome_total"
  echo "   $(psql_q "select count(*) from outcome_total") totals, $(psql_q "select count(*) from (($kept) except ($fresh)) d") differing from the fresh sum, $(psql_q "select count(*) from (($fresh) except ($kept)) d") missing"
}

case $PHASE in
  generate) generate ;;
  measure) wait_quiet; measure ;;
  *) echo "generate or measure" >&2; exit 2 ;;
esac
stop_pg fast
echo
echo "== done, load average $(load_average)"
