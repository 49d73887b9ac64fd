#!/usr/bin/env bash
# Start to first answer of ours in three layouts, alternating: the packaged jar as shipped
# (java -jar), the same jar extracted (java -Djarmode=tools -jar ... extract), and the extracted
# layout with an AppCDS archive of the classes a start loads; the extracted layout on a JDK of 25 or
# later with an AOT cache (JEP 483/514/515: classes loaded and linked, method profiles) from a
# training start, where such a JDK is installed (AOT_JAVA); and, as the baseline, the jar with no
# kept verdicts (guides.gate.verdicts empty), which checks every guide in a JVM of its own. The
# first start of a build (its training start below) checks every guide and keeps the passed
# verdicts in one folder that every later start reads, as a restart does. See bench/README.md,
# "Start to first answer".
#
#   bench/startup.sh                                  # STARTS=3, the jar in target/ (packaged if missing)
#   JAR=/tmp/other.jar STARTS=5 bench/startup.sh
#   BASELINE_JAR=/tmp/main.jar STARTS=3 bench/startup.sh   # before/after: both builds, alternating
#   CHECKED=0 bench/startup.sh                        # leave out the every-guide-checked column
#   AOT_JAVA=/path/to/jdk-25/bin/java bench/startup.sh  # the JDK for the aot column (default: the
#                                                     # newest JDK 25+ under /usr/lib/jvm; none: no column)
#
# With BASELINE_JAR, every layout is started once per build in each round, who goes first
# alternating from round to round, so that both builds see the same machine; each build has its
# own training start, verdicts (a kept verdict names the build) and archive.
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
BASELINE_JAR=${BASELINE_JAR:-}
CHECKED=${CHECKED:-1}
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
WORK=$(mktemp -d /tmp/lora-startup.XXXXXX)
cp -r "$ROOT/rules" "$WORK/rules"
VERDICTS="$WORK/gate-verdicts"
APP_PID=""
trap 'stop_pid "$APP_PID"' EXIT
BODY='{"actor":{"id":"bench-first","name":"Bench First"},"dataset":{"imageCount":23}}'
BUILDS=(build)
if [ -n "$BASELINE_JAR" ]; then
  BUILDS=(baseline build)
fi
load() { cut -d' ' -f1-3 /proc/loadavg; }
# The newest JDK of 25 or later installed, for the aot layout (JDK 25 writes an AOT cache in one
# training run, -XX:AOTCacheOutput); none, no aot layout.
if [ -z "${AOT_JAVA+set}" ]; then
  AOT_JAVA=""
  for candidate in /usr/lib/jvm/*/bin/java; do
    major=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    [ "${major:-0}" -ge 25 ] 2>/dev/null && [ "$major" -ge "${aot_major:-0}" ] && AOT_JAVA=$candidate && aot_major=$major
  done
fi

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(load)"

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
  thread_cpu "$APP_PID" > "$WORK/threads-$name"
  stop_pid "$APP_PID"
  APP_PID=""
  rm -rf "$WORK/data-$name"
  echo "$ms"
}

# kept NAME -> how many guides that start served from a kept verdict, without a check
kept() { grep -c 'passed its check before' "$WORK/$1.log" || true; }
cpu() { cat "$WORK/cpu-$1"; }

# prepare BUILD JAR: the build's jar and its extracted layout under WORK/BUILD, a training start
# (checks every guide, keeps the verdicts, lists the classes), then the archive.
prepare() {
  local build=$1 jar=$2 ms
  mkdir -p "$WORK/$build"
  cp "$jar" "$WORK/$build/lora-guide.jar"
  (cd "$WORK/$build" && java -Djarmode=tools -jar lora-guide.jar extract --destination extracted > /dev/null)
  echo "== $build ($jar): training start (checks every guide, keeps the verdicts) for the class list, then the archive"
  ms=$(start "$build-training" "$WORK/$build/extracted/lora-guide.jar" -XX:DumpLoadedClassList="$WORK/$build/classes.lst")
  echo "first start, every guide checked: $ms ms, $(cpu "$build-training") ms of CPU, $(ls "$VERDICTS" | wc -l) verdicts kept   (load average $(load))"
  grep -v '^@lambda' "$WORK/$build/classes.lst" > "$WORK/$build/classes-archived.lst"
  java $HEAP -Xshare:dump -XX:SharedClassListFile="$WORK/$build/classes-archived.lst" \
    -XX:SharedArchiveFile="$WORK/$build/app.jsa" -jar "$WORK/$build/extracted/lora-guide.jar" > "$WORK/$build/dump.log" 2>&1
  echo "$(wc -l < "$WORK/$build/classes-archived.lst") classes listed, archive $(du -m "$WORK/$build/app.jsa" | cut -f1) MB"
  if [ -n "$AOT_JAVA" ]; then
    # The cache is written as the training JVM exits (stop_pid's SIGTERM).
    ms=$(JAVA=$AOT_JAVA start "$build-aot-training" "$WORK/$build/extracted/lora-guide.jar" -XX:AOTCacheOutput="$WORK/$build/app.aot")
    echo "aot training start on $("$AOT_JAVA" -version 2>&1 | head -1): $ms ms; AOT cache $(du -m "$WORK/$build/app.aot" | cut -f1) MB"
  fi
}

for build in "${BUILDS[@]}"; do
  if [ "$build" = baseline ]; then prepare baseline "$BASELINE_JAR"; else prepare build "$JAR"; fi
done

LAYOUTS=(jar extracted cds)
[ -n "$AOT_JAVA" ] && LAYOUTS+=(aot)
[ "$CHECKED" = 1 ] && LAYOUTS+=(checked)
declare -A MS CPU
# one BUILD LAYOUT ROUND: one start, its figures kept under "BUILD LAYOUT"
one() {
  local build=$1 layout=$2 round=$3 name="$1-$2-$3" ms
  case $layout in
    jar) ms=$(start "$name" "$WORK/$build/lora-guide.jar") ;;
    extracted) ms=$(start "$name" "$WORK/$build/extracted/lora-guide.jar") ;;
    cds) ms=$(start "$name" "$WORK/$build/extracted/lora-guide.jar" -XX:SharedArchiveFile="$WORK/$build/app.jsa") ;;
    aot) ms=$(JAVA=$AOT_JAVA start "$name" "$WORK/$build/extracted/lora-guide.jar" -XX:AOTCache="$WORK/$build/app.aot") ;;
    checked) ms=$(start "$name" "$WORK/$build/lora-guide.jar" -Dguides.gate.verdicts=) ;;
  esac
  MS["$build $layout"]+="$ms "
  CPU["$build $layout"]+="$(cpu "$name") "
  printf '%s %-9s %6d ms (CPU %6d ms)' "$build" "$layout" "$ms" "$(cpu "$name")"
  [ "$layout" != checked ] && printf ', guides served from kept verdicts: %s' "$(kept "$name")"
  printf '   (load average %s)\n' "$(load)"
}

for round in $(seq 1 "$STARTS"); do
  echo "== round $round"
  order=("${BUILDS[@]}")
  if [ $((round % 2)) = 0 ] && [ "${#BUILDS[@]}" = 2 ]; then order=(build baseline); fi
  for layout in "${LAYOUTS[@]}"; do
    for build in "${order[@]}"; do
      one "$build" "$layout" "$round"
    done
  done
done

echo
echo "start to first answer, min / median / max over $STARTS:   wall-clock ms | CPU ms"
for layout in "${LAYOUTS[@]}"; do
  for build in "${BUILDS[@]}"; do
    # shellcheck disable=SC2086
    printf '%-8s %-9s %s | %s\n' "$build" "$layout" "$(spread ${MS["$build $layout"]})" "$(spread ${CPU["$build $layout"]})"
  done
done
echo
echo "CPU ms by thread up to the first answer, last round (main is Spring's start; guide-check the guides' load):"
for build in "${BUILDS[@]}"; do
  for layout in jar cds; do
    printf '%-8s %-9s %s\n' "$build" "$layout" "$(head -6 "$WORK/threads-$build-$layout-$STARTS" | awk -F'\t' '{printf "%s %s, ", $2, $1}')"
  done
done
echo "(jar: java -jar; extracted: the extracted layout; cds: extracted + -XX:SharedArchiveFile;"
[ -n "$AOT_JAVA" ] && echo " aot: extracted on $AOT_JAVA with -XX:AOTCache from a training start;"
echo " checked: java -jar with no kept verdicts, every guide checked in a JVM of its own)"
echo "work dir: $WORK"
