#!/usr/bin/env bash
# Replays every hostile guide edit on the packaged jar, with its default
# gate settings, and prints one Markdown table row per edit (docs/live-guides.md, "What a hostile
# edit gets"):
#
#   bench/gate-replay.sh                    # guides.gate.time-limit 60 s, the service's default
#   TIME_LIMIT=20 bench/gate-replay.sh      # a shorter limit, for a quicker run
#
# Each edit goes into a copy of flux-lora of its own (flux-loop, flux-heap, ...), all of them
# serving before the first edit. While the gate checks the edit, legacy-defaults is edited too,
# and must go live meanwhile. Then the service is restarted with the first three hostile guides
# present, and last it gets SIGTERM while a looping guide is being checked.
#
# Only 127.0.0.1, a random free port; every wait is bounded; it stops what it started, by PID.
# No set -e: an answer a busy machine does not give in time shows in the table as what it is, and
# the steps that must work (an edit applying, the service starting) stop the replay themselves.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

TIME_LIMIT=${TIME_LIMIT:-60}
HEAP=${HEAP:--Xmx512m}
# spring.lifecycle.timeout-per-shutdown-phase of application.yaml: what SIGTERM may take.
GRACE=${GRACE:-30}
# A check stops at TIME_LIMIT seconds of CPU or five times that in wall-clock time; the watcher's
# stall bound adds 30 s for the compile that follows. A verdict comes before it, or the row says so.
VERDICT_WITHIN=$((5 * TIME_LIMIT + 30))

JAR="$ROOT/target/lora-guide.jar"
if [ ! -f "$JAR" ]; then
  echo "== packaging the service"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi

WORK=$(mktemp -d /tmp/lora-gate-replay.XXXXXX)
RULES="$WORK/rules"
cp -r "$ROOT/rules" "$RULES"
TOKEN=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
APP_PID=""
LOG=""

cleanup() {
  local child
  if [ -n "$APP_PID" ]; then
    for child in $(children "$APP_PID"); do kill -KILL "$child" 2>/dev/null || true; done
    stop_pid "$APP_PID"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# children PID: the check processes the service started (direct children) and theirs.
children() {
  local pid
  for pid in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    echo "$pid"
    children "$pid"
  done
}

# replace FILE OLD NEW [FILE OLD NEW...]: replaces every OLD in each FILE, all in one go (an edit of
# two files lands within a scan), and fails when one has no OLD (an edit that did not apply would
# replay nothing).
replace() {
  python3 - "$@" <<'PY'
import sys
args = sys.argv[1:]
edits = [args[i:i + 3] for i in range(0, len(args), 3)]
texts = {}
for path, old, new in edits:
    text = texts.get(path) or open(path, encoding="utf-8").read()
    if old not in text:
        sys.exit(f"{path}: no {old!r} to replace")
    texts[path] = text.replace(old, new)
for path, text in texts.items():
    open(path, "w", encoding="utf-8").write(text)
PY
}

# Rule text appended to warnings.drl, which imports TrainingPlan; it fires in every evaluation.
every_evaluation() {
  printf '\nrule "%s"\nwhen\n    $plan : TrainingPlan( presetId != null )\nthen\n%s\nend\n' "$1" "$2"
}

edit_loop() { every_evaluation "Wait for the plan" '    while ( $plan != null ) { }' >> "$1/warnings.drl"; }
edit_heap() {
  every_evaluation "Keep every plan" '    java.util.List<long[]> kept = new java.util.ArrayList<>();
    while ( kept.size() >= 0 ) { kept.add( new long[ 1000000 ] ); }' >> "$1/warnings.drl"
}
edit_recursion() {
  printf '\nfunction int deeper( int depth ) { return deeper( depth + 1 ) + 1; }\n' >> "$1/warnings.drl"
  every_evaluation "Go deeper" '    $plan.addWarning( "depth", "" + deeper( 1 ) );' >> "$1/warnings.drl"
}
edit_huge() { head -c $((50 * 1024 * 1024)) /dev/zero | tr '\0' '/' | fold -w 99 > "$1/huge.drl"; }
# About 57 ms of square roots per evaluation on this machine (the reason says what it measured).
edit_slow() {
  every_evaluation "Think hard" '    double sum = 0;
    for ( int i = 0; i < 22000000; i++ ) { sum += Math.sqrt( i ); }
    if ( sum < 0 ) { $plan.addWarning( "never", "" ); }' >> "$1/warnings.drl"
}
edit_gap() { replace "$1/presets.drl" 'imageCount >= 61 )' 'imageCount >= 61, imageCount != 54321 )'; }
edit_long_names() {
  replace "$1/every-preset.drl" '$plan.setTriggerToken( $name );' \
    '$plan.setTriggerToken( ( $name.length() > 60 ) ? $name.substring( 0, 60 - $name.length() ) : $name );'
}

LONG_NAME=$(python3 -c 'print(("Zoe Saldana " * 20)[:200])')

# start_app: launches the jar on RULES and waits (bounded) for its first answer. Sets port_s and
# answer_s, seconds from launch to the port opening and to the first recommendation answered.
start_app() {
  local started_ns code
  LOG="$WORK/app-$(date +%s).log"
  started_ns=$(date +%s%N)
  GUIDES_ADMIN_TOKEN=$TOKEN java $HEAP -jar "$JAR" \
    --server.address=127.0.0.1 --server.port="$PORT" --guides.dir="$RULES" \
    --guides.gate.time-limit="${TIME_LIMIT}s" \
    --spring.datasource.url="jdbc:h2:file:$WORK/data/lora-guide;DB_CLOSE_ON_EXIT=FALSE" \
    > "$LOG" 2>&1 &
  APP_PID=$!
  port_s="" answer_s=""
  for _ in $(seq 1 $(((5 * TIME_LIMIT + 60) * 20))); do
    kill -0 "$APP_PID" 2>/dev/null || break
    if [ -z "$port_s" ] && { exec 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null; then
      exec 3>&-
      port_s=$(since "$started_ns")
    fi
    if [ -n "$port_s" ]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/api/v1/recommendations" \
        -H 'Content-Type: application/json' -d '{"dataset":{"imageCount":23}}' || true)
      if [ "$code" = 200 ]; then answer_s=$(since "$started_ns"); return; fi
    fi
    sleep 0.05
  done
  echo "the service did not answer; its log:"; tail -40 "$LOG"; exit 1
}

since() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN {printf "%.1f", (b - a) / 1e9}'; }

# An answer that does not come (a busy machine) is an empty one, never the end of the replay.
guide() { curl -s --max-time 10 "$BASE/api/v1/guides/$1" || true; }
health() { curl -s --max-time 10 -H "Authorization: Bearer $TOKEN" "$BASE/actuator/health" || true; }

# recommend GUIDE IMAGES NAME: "HTTP-code preset revision learningRate" (or the problem's code).
recommend() {
  local body
  body=$(jq -nc --arg g "$1" --argjson n "$2" --arg a "$3" '{guide: $g, actor: {name: $a}, dataset: {imageCount: $n}}')
  { curl -s --max-time 10 -w '\n%{http_code}' -H 'Content-Type: application/json' -d "$body" \
    "$BASE/api/v1/recommendations" | jq -Rrs 'split("\n") as $l | ($l[-1]) + " " +
      (($l[:-1] | join("\n") | fromjson? // {}) as $b
       | if $b.preset then "\($b.preset.id) \($b.guide.revision) \($b.parameters.learningRate)"
         else "\($b.code // "-") - -" end)'; } || true
}

# The guide's first reason as the API shows it, file:line:column first when it has a file.
reason() {
  jq -r '.problems as $p | if ($p | length) == 0 then "-" else ($p[0]
    | (if .file then "\(.file):\(.line):\(.column): " else "" end) + .message)
    + (if ($p | length) > 1 then " (+\(($p | length) - 1) more)" else "" end) end'
}

process() {
  local rss checks
  kill -0 "$APP_PID" 2>/dev/null || { echo "**ended**"; return; }
  rss=$(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$APP_PID/status")
  checks=$(children "$APP_PID" | wc -l)
  echo "alive, RSS $rss MB, $checks check processes, log +$1 lines ($2 ERROR)"
}

LEGACY="$RULES/legacy-defaults"
LEGACY_RATE=0.0004
# bump_legacy: a new learning rate in legacy-defaults and in its cases, so the edit passes.
bump_legacy() {
  local next
  next=$(awk -v r="$LEGACY_RATE" 'BEGIN {printf "%.5f", r + 0.00001}')
  replace "$LEGACY/defaults.drl" "setLearningRate( $LEGACY_RATE )" "setLearningRate( $next )" \
    "$LEGACY/cases.yaml" "learningRate: $LEGACY_RATE" "learningRate: $next"
  LEGACY_RATE=$next
}

# row GUIDE EDIT IMAGES NAME TITLE: one hostile edit, its verdict and what serves meanwhile.
row() {
  local id=$1 edit=$2 images=$3 name=$4 title=$5
  local folder="$RULES/$id" good t0 now details status revision legacy_s="" legacy_note="" verdict_s=""
  local lines_before answer health_json admin
  good=$(guide "$id" | jq -r .revision)
  lines_before=$(wc -l < "$LOG")
  "$edit" "$folder" || exit 1
  t0=$(date +%s%N)
  # Two scans agree on the hostile edit first, so its check is under way when the other edit lands.
  sleep 0.8
  bump_legacy || exit 1
  while :; do
    now=$(since "$t0")
    if [ -z "$legacy_s" ] && [ "$(recommend legacy-defaults 20 Ada | awk '{print $4}')" = "$(awk -v r="$LEGACY_RATE" 'BEGIN {print r + 0}')" ]; then
      legacy_s=$now
      legacy_note=$([ -z "$verdict_s" ] && echo ", while $id was still being checked" || echo "")
    fi
    if [ -z "$verdict_s" ]; then
      details=$(guide "$id")
      status=$(jq -r .status <<< "$details")
      revision=$(jq -r .revision <<< "$details")
      if [ "$status" = refused ] || [ "$revision" != "$good" ]; then verdict_s=$now; fi
    fi
    if [ -n "$legacy_s" ] && [ -n "$verdict_s" ]; then break; fi
    if awk -v n="$now" -v m="$VERDICT_WITHIN" 'BEGIN {exit !(n > m)}'; then break; fi
    sleep 0.25
  done
  details=$(guide "$id")
  health_json=$(health)
  answer=$(recommend "$id" "$images" "$name")
  # It checks again whatever changed since, so it can take a check's time.
  admin=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 60 -X POST \
    -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/admin/guides/reload" || true)
  admin=$(awk '{ if ($1 == "000") print "no answer in 60 s"; else printf "%s in %.1f s", $1, $2 }' <<< "$admin")
  local first_reason health_reason serves log_new errors
  first_reason=$(reason <<< "$details")
  health_reason=$(jq -r --arg id "$id" --arg r "$(jq -r '.problems[0].message // "-"' <<< "$details")" \
    '.status + ", guides " + .components.guides.status + (if ((.components.guides.details[$id].problems // [])
      | map(contains($r)) | any) then ", same reason" else ", **reason missing**" end)' <<< "$health_json")
  read -r code preset rev _ <<< "$answer"
  if [ "$code" = 200 ] && [ "$rev" = "$good" ]; then
    serves="yes: $images images$([ ${#name} -gt 20 ] && echo ", a ${#name}-character name") → 200, preset $preset, revision $rev"
  else
    serves="**no**: $images images → $code $preset revision $rev (last good $good)"
  fi
  log_new=$(($(wc -l < "$LOG") - lines_before))
  errors=$(tail -n "$log_new" "$LOG" | grep -c ' ERROR ' || true)
  printf '| %s | %s s | %s: %s | %s | %s | %s | %s; admin reload %s |\n' "$title" "${verdict_s:-**none in ${VERDICT_WITHIN}**}" \
    "$(jq -r .status <<< "$details")" "$first_reason" "$health_reason" "$serves" \
    "$([ -n "$legacy_s" ] && echo "live in $legacy_s s$legacy_note" || echo "**not live**")" "$(process "$log_new" "$errors")" "$admin"
}

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "== jar $JAR ($(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')), guides.gate.time-limit ${TIME_LIMIT}s, work dir $WORK"

HOSTILE=(loop heap recursion huge slow gap long-names)
for what in "${HOSTILE[@]}"; do cp -r "$RULES/flux-lora" "$RULES/flux-$what"; done
start_app
echo "== started with ${#HOSTILE[@]} good copies of flux-lora: port open in $port_s s, first answer in $answer_s s"
echo
echo "| edit (in a copy of flux-lora) | verdict after | GET /api/v1/guides/{id}: status and first reason | /actuator/health | last good revision serves | legacy-defaults edited meanwhile | process |"
echo "|---|---|---|---|---|---|---|"
row flux-loop edit_loop 20 Ada '`while ( $plan != null ) { }` in a consequence'
row flux-heap edit_heap 20 Ada 'a consequence that fills a list until the heap is full'
row flux-recursion edit_recursion 20 Ada 'a recursive DRL `function`'
row flux-huge edit_huge 20 Ada 'a 50 MB DRL file'
row flux-slow edit_slow 20 Ada 'a rule that burns ~57 ms per evaluation'
row flux-gap edit_gap 54321 Ada 'a gap at 54,321 images'
row flux-long-names edit_long_names 20 "$LONG_NAME" 'a rule that throws only for long actor names'

# Start-up: a fresh rules folder with the first three hostile guides present.
stop_pid "$APP_PID"
rm -rf "$RULES"
cp -r "$ROOT/rules" "$RULES"
LEGACY_RATE=0.0004
for what in loop heap recursion; do
  cp -r "$RULES/flux-lora" "$RULES/flux-$what"
  "edit_$what" "$RULES/flux-$what" || exit 1
done
start_app
started=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$LOG" | head -1 || true)
skipped=""
for what in loop heap recursion; do
  skipped+="flux-$what $(guide "flux-$what" | jq -r .status): $(guide "flux-$what" | reason); "
done
health_json=$(health)
not_serving=$(jq -r '[.components.guides.details | to_entries[] | select(.value.status? == "not serving") | .key] | join(", ")' <<< "$health_json")
read -r code preset rev _ <<< "$(recommend flux-lora 20 Ada)"
read -r loop_code _ <<< "$(recommend flux-loop 20 Ada)"
bump_legacy || exit 1
legacy_live=""
for _ in $(seq 1 $((VERDICT_WITHIN * 4))); do
  if [ "$(recommend legacy-defaults 20 Ada | awk '{print $4}')" = "$(awk -v r="$LEGACY_RATE" 'BEGIN {print r + 0}')" ]; then legacy_live=yes; break; fi
  sleep 0.25
done
printf '| the first three present at start-up | port open in %s s, first answer in %s s (limit %s s of CPU, %s s of wall-clock; log: %s) | %s | %s, guides %s; not serving: %s | flux-lora → %s, preset %s, revision %s; flux-loop → %s | %s | %s |\n' \
  "$port_s" "$answer_s" "$TIME_LIMIT" "$((5 * TIME_LIMIT))" "${started:-no Started line}" "$skipped" "$(jq -r .status <<< "$health_json")" \
  "$(jq -r .components.guides.status <<< "$health_json")" "${not_serving:-none}" "$code" "$preset" "$rev" "$loop_code" \
  "$([ -n "$legacy_live" ] && echo "live" || echo "**not live**")" "$(process "$(wc -l < "$LOG")" "$(grep -c ' ERROR ' "$LOG" || true)")"

# SIGTERM while a looping guide is being checked.
cp -r "$RULES/flux-lora" "$RULES/flux-sigterm"
edit_loop "$RULES/flux-sigterm" || exit 1
checks=""
for _ in $(seq 1 $((TIME_LIMIT * 4))); do
  if health | jq -e '.components.guides.details.reloading["flux-sigterm"]' > /dev/null; then
    checks=$(children "$APP_PID" | tr '\n' ' ')
    [ -n "$checks" ] && break
  fi
  sleep 0.25
done
# Past the check's JVM start and compile, into the loop.
sleep 5
checks=$(children "$APP_PID" | tr '\n' ' ')
t0=$(date +%s%N)
kill -TERM "$APP_PID"
ended=""
for _ in $(seq 1 $(((GRACE + 30) * 10))); do
  kill -0 "$APP_PID" 2>/dev/null || { ended=$(since "$t0"); break; }
  sleep 0.1
done
wait "$APP_PID" 2>/dev/null
exit_status=$?
[ -n "$ended" ] && APP_PID=""
left=0
for pid in $checks; do kill -0 "$pid" 2>/dev/null && left=$((left + 1)); done
printf '| SIGTERM while flux-sigterm (a loop) is being checked | %s | - | - | - | - | exit status %s; check processes before: %s, left after: %s |\n' \
  "$([ -n "$ended" ] && echo "ended in $ended s (grace $GRACE s)" || echo "**still running after $((GRACE + 30)) s**")" "$exit_status" \
  "$(wc -w <<< "$checks")" "$left"
