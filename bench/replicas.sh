#!/usr/bin/env bash
# Three replicas on one machine (bench/README.md, "Three replicas"): three instances of the jar sharing
# one rules folder and one PostgreSQL (a cluster of our own), HAProxy (Debian's package) in front with
# health checks on the readiness group. Shows, under a bounded load on 127.0.0.1:
#   1. a guide edit is served by all three: (a) checked with `check --verdicts` before it is copied into
#      the shared rules folder, within 2 s of the copy; (b) made in place with no check, after one check
#      (one replica claims it, the others wait for its verdict); no replica answers an older revision
#      after a newer;
#   2. an actor gets the same experiment variant from every replica;
#   3. a rolling restart (SIGTERM, wait, start, one at a time) fails 0 requests; every acknowledged
#      decision is in PostgreSQL exactly once;
#   4. the results endpoint gives the same numbers from every replica;
#   5. kill -9 of one replica: failed requests counted, no acknowledged decision lost.
# Three starts at once on two cores shared with builds took 9-14 minutes (about 70 s of CPU each):
# READY_WAIT bounds a start; HEAP="-Xmx512m -XX:TieredStopAtLevel=1" cuts the JIT's share of it.
# Before step 1 the replicas are warmed with unpaced load until their JIT is done (WARMUP_MAX s at most).
# EDITS_ONLY=1 ends the run after step 1 (the guide edits).
set -euo pipefail
source "$(dirname "$0")/durability-lib.sh"

CONNECTIONS=${CONNECTIONS:-16}
# A paced load (at most CONNECTIONS x 1000 / BENCH_DELAY_MS requests/s): on two cores shared with
# builds a replica that starts under a saturating load waits minutes for its share of the CPU.
export BENCH_DELAY_MS=${BENCH_DELAY_MS:-40}
POOL=${POOL:-10}
# Start-up gates every guide in a child JVM: minutes on a 2-core machine shared with builds.
READY_WAIT=${READY_WAIT:-900}
export BENCH_MAX_REQUESTS_PER_THREAD=${BENCH_MAX_REQUESTS_PER_THREAD:-300000}
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
command -v haproxy >/dev/null || apt-get install -y -qq haproxy >/dev/null
require_jar
wait_quiet
echo "== $(date -u +%FT%TZ), $(nproc) cores, load average $(load_average), $(haproxy -v | head -1)"
echo "== work dir $WORK"

start_pg
DB_USER=postgres
RULES="$WORK/rules"
cp -r "$ROOT/rules" "$RULES"
sed -i 's/^    status: stopped/    status: running/' "$RULES/experiments.yaml"
declare -a PORTS PIDS
for i in 1 2 3; do PORTS[$i]=$(free_port); done
LB_PORT=$(free_port)

# One folder of passed verdicts for the three, as a shared volume would be: a revision one replica
# or the check command checked is served by all with no check, and one check claims the others' wait.
VERDICTS="$WORK/gate-verdicts"
start_replica() {
  start_app "replica-$1" "${PORTS[$1]}" "$PG_URL" --spring.datasource.hikari.maximum-pool-size="$POOL" \
    --guides.gate.verdicts="$VERDICTS"
  PIDS[$1]=$APP_PID
}
for i in 1 2 3; do start_replica "$i"; done
for i in 1 2 3; do wait_ready "${PORTS[$i]}" "$READY_WAIT" "${PIDS[$i]}"; done

cat > "$WORK/haproxy.cfg" <<CFG
global
  maxconn 500
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  # A replica slowed down by a busy host answers its check late, not never: with the check timing out
  # at inter (500 ms), all three were taken out at once under load and HAProxy answered 503 itself
  # (bench/replicas.sh, 2026-12-01). A stopped or killed replica still fails its check at once.
  timeout check 3s
  # A replica that stops taking connections (SIGTERM) or is gone (kill -9): try another one.
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response
  # One request per connection to a replica, so no request is sent on a connection it is closing.
  option http-server-close
frontend lora
  bind 127.0.0.1:$LB_PORT
  default_backend replicas
backend replicas
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  http-response set-header X-Served-By %[srv_name]
  default-server inter 500ms fall 2 rise 2
  server r1 127.0.0.1:${PORTS[1]} check
  server r2 127.0.0.1:${PORTS[2]} check
  server r3 127.0.0.1:${PORTS[3]} check
CFG
haproxy -f "$WORK/haproxy.cfg" -db > "$WORK/haproxy.log" 2>&1 &
STARTED_PIDS+=("$!")
sleep 2
LB="http://127.0.0.1:$LB_PORT"

# load_lb SECONDS DIR: wrk through HAProxy, recording ids and "replica revision" per answer.
load_lb() {
  mkdir -p "$2"
  BENCH_IDS_DIR=$2 BENCH_SERVED_BY=1 wrk -t2 -c"$CONNECTIONS" -d"$1s" --timeout 10s \
    -s "$ROOT/bench/recommend.lua" "$LB/api/v1/recommendations" > "$2/wrk.txt" 2>&1 || true
}
# stop_load PID: ends the wrk of a load_lb started in the background (its summary still gets written).
stop_load() {
  local wrk_pid
  wrk_pid=$(pgrep -P "$1" -x wrk || true)
  [ -n "$wrk_pid" ] && kill -INT "$wrk_pid" 2>/dev/null
  wait "$1" || true
}
failed_of() {
  awk '/Non-2xx/ {n += $5} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$1/wrk.txt"
}
requests_of() { awk '/requests in/ {print $1}' "$1/wrk.txt"; }
# revision_of PORT: the serving revision of flux-lora on one replica (its ETag), without a JSON parser.
# Empty when the replica did not answer in time (a loaded machine): the callers ask again.
revision_of() {
  { curl -s -o /dev/null -D - --max-time 10 "http://127.0.0.1:$1/api/v1/guides/flux-lora" || true; } \
    | tr -d '"\r' | awk 'tolower($1) == "etag:" {print $2}'
}
since() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN {printf "%.2f", (b - a) / 1e9}'; }

# serving_times SINCE_NS OLD: polls the three replicas at once, round after round, until each answers a
# revision other than OLD; sets served_after[i] to each one's seconds since SINCE_NS (taken as its
# answer arrives) and prints them with the spread. At once, not in turn: in turn, a loaded machine's
# slow answers from replicas 1 and 2 delayed every look at replica 3.
serving_times() {
  served_after=()
  local i looks
  while [ "${#served_after[@]}" -lt 3 ]; do
    looks=()
    for i in 1 2 3; do
      if [ -z "${served_after[$i]:-}" ]; then
        ( now=$(revision_of "${PORTS[$i]}")
          if [ -n "$now" ] && [ "$now" != "$2" ]; then since "$1" > "$WORK/served-$i"; fi ) &
        looks+=($!)
      fi
    done
    wait "${looks[@]}"
    for i in 1 2 3; do
      if [ -z "${served_after[$i]:-}" ] && [ -s "$WORK/served-$i" ]; then served_after[$i]=$(cat "$WORK/served-$i"); fi
    done
    sleep 0.05
  done
  rm -f "$WORK"/served-[123]
  for i in 1 2 3; do echo "   replica $i serves the new revision ${served_after[$i]} s after $3"; done
  echo "   all three: $(printf '%s\n' "${served_after[@]}" | sort -n | tail -1) s; spread between the first and the last: $(printf '%s\n' "${served_after[@]}" | sort -n | awk 'NR == 1 {a = $1} {b = $1} END {printf "%.2f", b - a}') s (load average $(load_average))"
}
# reload_cpu: the CPU ms each replica's guide-reload thread (the watcher's reloads: compile and swap) used
# so far, a line per replica.
reload_cpu() {
  local i
  for i in 1 2 3; do thread_cpu "${PIDS[$i]}" | awk -F'\t' '$2 == "guide-reload" {ms = $1} END {print ms + 0}'; done
}
# replica_steps SINCE_NS REVISION: where each replica's time went, from its log: a check of its own
# (claimed), a wait for another replica's check, a kept verdict used, the compile and the swap ("is
# live"), then, after the swap since 2026-12-02, the comparison of both revisions' answers ("replaces").
replica_steps() {
  python3 - "$1" "$2" "$WORK"/replica-?.log <<'PY'
import sys
from datetime import datetime
since, revision, logs = int(sys.argv[1]) / 1e9, sys.argv[2], sys.argv[3:]
steps = [("checking it; claimed", "claimed the check, checking it"),
         ("waiting for its verdict", "another replica's claim found: waiting for its verdict"),
         ("ended without a passed verdict", "the claim ended without a verdict: checking here"),
         ("passed its check before", "kept verdict found: no check"),
         ("is live", "compiled, swapped in"),
         ("replaces", "both revisions' answers compared (after the swap)")]
for log in logs:
    for line in open(log):
        if f"revision {revision}" not in line:
            continue
        for marker, step in steps:
            if marker in line:
                at = datetime.fromisoformat(line.split()[0].replace("Z", "+00:00")).timestamp() - since
                print(f"   {log.rsplit('/', 1)[1][:-4]} log, {at:.2f} s: {step}")
PY
}

# A replica that serves traffic has compiled its request path; one just started has not, and at the
# paced load its JIT takes minutes (C2 at 17 % of a replica's CPU after 60 s, 5 % after 120 s: 2026-12-02,
# bench/README.md). An edit is measured on warm replicas: unpaced load first, until their JIT is done.
warm_lb() {
  BENCH_DELAY_MS=0 wrk -t2 -c"$CONNECTIONS" -d"$1s" --timeout 10s -s "$ROOT/bench/recommend.lua" \
    "$LB/api/v1/recommendations"
}
echo "== warm-up, unpaced through HAProxy: $(warm_up "${PIDS[1]},${PIDS[2]},${PIDS[3]}" 20 "${WARMUP_MAX:-300}" warm_lb 20)"
# replicas_share TICKS_BEFORE SINCE_NS: the share of the two cores the three replicas used since then.
replicas_share() {
  awk -v t=$(( $(cpu_ticks "${PIDS[1]},${PIDS[2]},${PIDS[3]}") - $1 )) -v hz="$(getconf CLK_TCK)" \
    -v s="$(since "$2")" -v n="$(nproc)" 'BEGIN {printf "%.0f %%", 100 * t / hz / s / n}'
}

echo
echo "== 1. guide edits under load"
rev0=""
while [ -z "$rev0" ]; do rev0=$(revision_of "${PORTS[1]}"); done
load_lb 900 "$WORK/edit" &
loader=$!
sleep 4
declare -a served_after=()

echo "   a. an edit checked with the check command before it is copied into the shared rules folder"
STAGING="$WORK/staging"
mkdir -p "$STAGING"
cp -r "$RULES/flux-lora" "$STAGING/flux-lora"
sed -i "1s|.*|// Presets of the FLUX LoRA training guide, one rule per row of its table. (checked before it lands)|" \
  "$STAGING/flux-lora/presets.drl"
# The lead's flow: the same jar and bounds as the replicas, the verdict kept in their shared folder.
checked=$(date +%s%N)
ticks=$(cpu_ticks "${PIDS[1]},${PIDS[2]},${PIDS[3]}")
nice -n 5 java -jar "$JAR" check --time-limit="${GATE_TIME_LIMIT:-300s}" --verdicts "$VERDICTS" \
  "$STAGING/flux-lora" > "$WORK/check-a.txt" 2>&1 || echo "   the check failed: see $WORK/check-a.txt"
echo "   check --verdicts took $(since "$checked") s (load average $(load_average); the replicas meanwhile used $(replicas_share "$ticks" "$checked") of the cores): $(grep -E 'revision|kept in' "$WORK/check-a.txt" | tr -s ' ' | paste -sd';' -)"
# Copied in whole: a hidden temporary file (the watcher skips it) renamed over the old one.
reload_cpu_before=$(reload_cpu)
copied=$(date +%s%N)
cp "$STAGING/flux-lora/presets.drl" "$RULES/flux-lora/.presets.drl.new"
mv "$RULES/flux-lora/.presets.drl.new" "$RULES/flux-lora/presets.drl"
serving_times "$copied" "$rev0" "the copy"
echo "   CPU of the replicas' guide-reload threads for it: $(paste -d' ' <(echo "$reload_cpu_before") <(reload_cpu) | awk '{printf "%s%d ms", (NR > 1) ? " / " : "", $2 - $1}')"
rev1=""
while [ -z "$rev1" ] || [ "$rev1" = "$rev0" ]; do rev1=$(revision_of "${PORTS[1]}"); done
replica_steps "$copied" "$rev1"
sleep 3

echo "   b. an edit made in place, with no check before"
edited=$(date +%s%N)
sed -i "1s|.*|// Presets of the FLUX LoRA training guide, one rule per row of its table. (edited in place)|" \
  "$RULES/flux-lora/presets.drl"
serving_times "$edited" "$rev1" "the edit"
rev2=""
while [ -z "$rev2" ] || [ "$rev2" = "$rev1" ]; do rev2=$(revision_of "${PORTS[1]}"); done
replica_steps "$edited" "$rev2"
echo "   check processes run for it: $(grep -c "revision $rev2: checking it; claimed" "$WORK"/replica-?.log | awk -F: '{n += $2} END {print n}') (one per replica before claims)"
sleep 3
stop_load "$loader"
python3 - "$WORK/edit" "$rev0" "$rev1" "$rev2" <<'PY'
import glob, sys
folder, order = sys.argv[1], sys.argv[2:]
counts, regressions = {}, 0
for name in glob.glob(folder + "/seen-*.txt"):
    newest = {}
    for line in open(name):
        server, revision = line.split()
        counts[(server, revision)] = counts.get((server, revision), 0) + 1
        if revision in order:
            rank = order.index(revision)
            if rank < newest.get(server, 0):
                regressions += 1
            newest[server] = max(rank, newest.get(server, 0))
print("   answers per replica and revision:", {f"{s} {r[:8]}": n for (s, r), n in sorted(counts.items())})
print(f"   answers with an older revision after a newer from the same replica (per client thread): {regressions}")
PY
echo "   failed requests: $(failed_of "$WORK/edit") of $(requests_of "$WORK/edit")"

if [ "${EDITS_ONLY:-0}" = 1 ]; then
  echo "== done after step 1 (EDITS_ONLY), load average $(load_average)"
  exit 0
fi

echo
echo "== 2. the same actor gets the same variant from every replica"
python3 - "${PORTS[1]}" "${PORTS[2]}" "${PORTS[3]}" <<'PY'
import json, sys, urllib.request
ports = sys.argv[1:]
def variant(port, actor):
    body = json.dumps({"actor": {"id": actor}, "dataset": {"imageCount": 20}}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/recommendations", body,
                                     {"Content-Type": "application/json"})
    answer = json.load(urllib.request.urlopen(request, timeout=60))
    return (answer.get("experiment") or {}).get("variant")
actors = [f"variant-actor-{i}" for i in range(200)]
answers = {a: [variant(p, a) for p in ports] for a in actors}
differ = [a for a in actors if len(set(answers[a])) != 1]
split = {}
for a in actors:
    split[answers[a][0]] = split.get(answers[a][0], 0) + 1
print(f"   {len(actors)} actors asked on each of 3 replicas: {len(differ)} got different variants; split {split}")
PY

echo
echo "== 3. rolling restart under load (SIGTERM, wait for exit, start, wait for readiness, one at a time)"
# Until the three restarts are done (stop_load below), at most an hour and a bounded count: a
# fixed 600 s ended before the third restart on a machine where a start took 5 minutes.
load_lb 3600 "$WORK/rolling" &
loader=$!
sleep 5
for i in 1 2 3; do
  took=$(signal_and_wait "${PIDS[$i]}" TERM)
  start_replica "$i"
  wait_ready "${PORTS[$i]}" "$READY_WAIT" "${PIDS[$i]}"
  sleep 2  # two health checks (rise 2, inter 500ms) before HAProxy sends it traffic again
  echo "   replica $i: stopped in ${took}s, ready again (load average $(load_average))"
done
sleep 3
stop_load "$loader"
read -r acked missing twice rows < <(check_pg "$WORK/rolling")
echo "   requests $(requests_of "$WORK/rolling"), failed $(failed_of "$WORK/rolling"); acknowledged $acked, missing in PostgreSQL $missing, stored twice $twice"

echo
echo "== 4. results of lr-gentle from every replica"
# Outcomes for 300 of the decisions acknowledged during the rolling restart, posted through HAProxy,
# so that the results have metrics to compare too.
python3 - "$LB" "$ADMIN_TOKEN" "$WORK/rolling/all-ids.txt" <<'PY'
import json, sys, urllib.request
lb, token, ids = sys.argv[1:]
posted = 0
for n, rid in enumerate(open(ids).read().split()[:300]):
    body = json.dumps({"metric": "identityScore", "value": 0.7 + (n % 30) / 100}).encode()
    request = urllib.request.Request(f"{lb}/api/v1/recommendations/{rid}/outcomes", body,
                                     {"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    posted += urllib.request.urlopen(request, timeout=60).status in (200, 201)
print(f"   {posted} outcomes posted through HAProxy")
PY
for i in 1 2 3; do
  curl -s --max-time 60 "http://127.0.0.1:${PORTS[$i]}/api/v1/experiments/lr-gentle/results" > "$WORK/results-$i.json" || true
  echo "   replica $i: $(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print([(v["name"], v["assignments"], v["recommendations"], v["metrics"].get("identityScore", {}).get("count")) for v in r["variants"]])' "$WORK/results-$i.json") sha1 $(sha1sum < "$WORK/results-$i.json" | cut -c1-12)"
done
echo "   distinct answers among the three: $(sha1sum "$WORK"/results-?.json | cut -d' ' -f1 | sort -u | wc -l)"
echo "   decision log rows in PostgreSQL: $(psql_q 'select count(*) from decision_log')"

echo
echo "== 5. kill -9 of replica 2 under load"
load_lb 20 "$WORK/kill" &
loader=$!
sleep 6
signal_and_wait "${PIDS[2]}" KILL >/dev/null
echo "   replica 2 killed at 6 s (load average $(load_average))"
wait "$loader"
read -r acked missing twice rows < <(check_pg "$WORK/kill")
echo "   requests $(requests_of "$WORK/kill"), failed $(failed_of "$WORK/kill") ($(grep -E 'Non-2xx|Socket errors' "$WORK/kill/wrk.txt" | tr -s ' ' | paste -sd';' -))"
echo "   acknowledged $acked, missing in PostgreSQL $missing, stored twice $twice"
python3 - "$WORK/kill" <<'PY'
import glob, sys
counts = {}
for name in glob.glob(sys.argv[1] + "/seen-*.txt"):
    for line in open(name):
        counts[line.split()[0]] = counts.get(line.split()[0], 0) + 1
print("   answers per replica:", dict(sorted(counts.items())))
PY

echo
echo "== done, load average $(load_average)"
for i in 1 3; do signal_and_wait "${PIDS[$i]}" TERM >/dev/null; done
