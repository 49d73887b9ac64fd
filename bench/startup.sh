#!/usr/bin/env bash
# Start to first answer of ours in three layouts, alternating: the packaged jar as shipped
# (java -jar), the same jar extracted (java -Djarmode=tools -jar ... extract), and the extracted
# layout with an AppCDS archive of the classes a start loads; and, as the baseline, the jar with no
# kept verdicts (guides.gate.verdicts empty), which checks every guide in a JVM of its own. The
# first start (the training start below) checks every guide and keeps the passed verdicts in one
# folder that every later start reads, as a restart does. See bench/README.md, "Start-up".
#
#   bench/startup.sh                  # STARTS=3, the jar in target/ (packaged if missing)
#   JAR=/tmp/other.jar STARTS=5 bench/startup.sh
#
# The archive is built the static way (a class list from a training start that answers one
# request, then -Xshare:dump): JDK 17.0.15 crashes in adjust_lambda_proxy_class_dictionary both
# with -XX:ArchiveClassesAtExit and with a class list that names lambda proxies, so those lines
# are left out of the list. Every request goes to 127.0.0.1 only.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STARTS=${STARTS:-3}
HEAP=${HEAP:--Xmx256m}
JAR=${JAR:-$ROOT/target/lora-guide.jar}
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
WORK=$(mktemp -d /tmp/lora-startup.XXXXXX)
cp -r "$ROOT/rules" "$WORK/rules"
cp "$JAR" "$WORK/lora-guide.jar"
VERDICTS="$WORK/gate-verdicts"
APP_PID=""
trap 'stop_pid "$APP_PID"' EXIT
BODY='{"actor":{"id":"bench-first","name":"Bench First"},"dataset":{"imageCount":23}}'

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$WORK" && java -Djarmode=tools -jar lora-guide.jar extract --destination extracted > /dev/null)
EXTRACTED="$WORK/extracted/lora-guide.jar"

# start NAME JAR JVM_ARGS... -> ms from launch to the first recommendation answered; the CPU time
# the start used up to then (the service's and its reaped check processes', in ms) goes to
# WORK/cpu-NAME: unlike wall-clock time, it hardly depends on what else the machine runs. The
# verdicts folder comes first, so a later -Dguides.gate.verdicts= (empty) turns it off for one start.
start() {
  local name=$1 jar=$2 port ms
  shift 2
  port=$(free_port)
  start_ours "$jar" "$WORK" "$name" "$port" -Dguides.gate.verdicts="$VERDICTS" "$@"
  APP_PID=$STARTED_PID
  ms=$(first_answer "$port" /api/v1/recommendations "$BODY" "$STARTED_NS")
  awk -v t="$(getconf CLK_TCK)" '{printf "%d\n", ($14 + $15 + $16 + $17) * 1000 / t}' "/proc/$APP_PID/stat" > "$WORK/cpu-$name"
  stop_pid "$APP_PID"
  APP_PID=""
  rm -rf "$WORK/data-$name"
  echo "$ms"
}

# kept NAME -> how many guides that start served from a kept verdict, without a check
kept() { grep -c 'passed its check before' "$WORK/$1.log" || true; }
cpu() { cat "$WORK/cpu-$1"; }

echo "== training start (checks every guide, keeps the verdicts) for the class list, then the archive"
TRAINING_MS=$(start training "$EXTRACTED" -XX:DumpLoadedClassList="$WORK/classes.lst")
echo "first start, every guide checked: $TRAINING_MS ms, $(cpu training) ms of CPU, $(ls "$VERDICTS" | wc -l) verdicts kept   (load average $(cut -d' ' -f1-3 /proc/loadavg))"
grep -v '^@lambda' "$WORK/classes.lst" > "$WORK/classes-archived.lst"
java $HEAP -Xshare:dump -XX:SharedClassListFile="$WORK/classes-archived.lst" \
  -XX:SharedArchiveFile="$WORK/app.jsa" -jar "$EXTRACTED" > "$WORK/dump.log" 2>&1
echo "$(wc -l < "$WORK/classes-archived.lst") classes listed, archive $(du -m "$WORK/app.jsa" | cut -f1) MB"

declare -a JARRED EXTRACTED_MS CDS CHECKED JAR_CPU EXTRACTED_CPU CDS_CPU CHECKED_CPU
for round in $(seq 1 "$STARTS"); do
  JARRED+=("$(start "jar-$round" "$WORK/lora-guide.jar")")
  EXTRACTED_MS+=("$(start "extracted-$round" "$EXTRACTED")")
  CDS+=("$(start "cds-$round" "$EXTRACTED" -XX:SharedArchiveFile="$WORK/app.jsa")")
  CHECKED+=("$(start "checked-$round" "$WORK/lora-guide.jar" -Dguides.gate.verdicts=)")
  JAR_CPU+=("$(cpu "jar-$round")")
  EXTRACTED_CPU+=("$(cpu "extracted-$round")")
  CDS_CPU+=("$(cpu "cds-$round")")
  CHECKED_CPU+=("$(cpu "checked-$round")")
  echo "round $round: jar ${JARRED[-1]} ms (CPU ${JAR_CPU[-1]} ms), extracted ${EXTRACTED_MS[-1]} ms (CPU ${EXTRACTED_CPU[-1]} ms)," \
    "extracted + AppCDS ${CDS[-1]} ms (CPU ${CDS_CPU[-1]} ms); guides served from kept verdicts:" \
    "$(kept "jar-$round"), $(kept "extracted-$round"), $(kept "cds-$round");" \
    "jar checking every guide ${CHECKED[-1]} ms (CPU ${CHECKED_CPU[-1]} ms)   (load average $(cut -d' ' -f1-3 /proc/loadavg))"
done
echo
echo "start to first answer, min / median / max over $STARTS:                 wall-clock ms | CPU ms"
echo "java -jar lora-guide.jar:                          $(spread "${JARRED[@]}") | $(spread "${JAR_CPU[@]}")"
echo "extracted:                                         $(spread "${EXTRACTED_MS[@]}") | $(spread "${EXTRACTED_CPU[@]}")"
echo "extracted + AppCDS (-XX:SharedArchiveFile):        $(spread "${CDS[@]}") | $(spread "${CDS_CPU[@]}")"
echo "java -jar, no kept verdicts (every guide checked): $(spread "${CHECKED[@]}") | $(spread "${CHECKED_CPU[@]}")"
echo "work dir: $WORK"
