#!/usr/bin/env bash
# Where a start's time goes, step by step: starts the service once with Spring's
# BufferingApplicationStartup (bench/StartupSteps.java, compiled here against the extracted jar),
# answers one recommendation, and prints the steps' own times grouped by what they set up, the
# largest steps, and the CPU time by thread up to the first answer. The service's verdicts folder
# is VERDICTS (a start that finds no kept verdict checks every guide first, which then dominates).
#
#   VERDICTS=/tmp/gate-verdicts bench/startup-steps.sh          # the jar in target/
#   JAR=/tmp/other.jar VERDICTS=/tmp/gate-verdicts bench/startup-steps.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
HEAP=${HEAP:--Xmx256m}
JAR=${JAR:-$ROOT/target/lora-guide.jar}
VERDICTS=${VERDICTS:-$ROOT/target/gate-verdicts}
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"
WORK=$(mktemp -d /tmp/lora-steps.XXXXXX)
cp -r "$ROOT/rules" "$WORK/rules"
cp "$JAR" "$WORK/lora-guide.jar"
(cd "$WORK" && java -Djarmode=tools -jar lora-guide.jar extract --destination extracted > /dev/null)
CLASSPATH_OF_JAR="$WORK/extracted/lora-guide.jar:$WORK/extracted/lib/*"
mkdir "$WORK/probe"
javac -d "$WORK/probe" -cp "$CLASSPATH_OF_JAR" "$ROOT/bench/StartupSteps.java"
APP_PID=""
trap 'stop_pid "$APP_PID"' EXIT

port=$(free_port)
STARTED_NS=$(date +%s%N)
java $HEAP -Dguides.gate.verdicts="$VERDICTS" -Dstartup.steps="$WORK/steps.txt" \
  -cp "$WORK/extracted/lora-guide.jar:$WORK/probe" StartupSteps \
  --server.address=127.0.0.1 --server.port="$port" --guides.dir="$WORK/rules" \
  --spring.datasource.url="jdbc:h2:file:$WORK/data/lora-guide;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" \
  > "$WORK/service.log" 2>&1 &
APP_PID=$!
ms=$(first_answer "$port" /api/v1/recommendations \
  '{"actor":{"id":"bench-first","name":"Bench First"},"dataset":{"imageCount":23}}' "$STARTED_NS")
threads=$(thread_cpu "$APP_PID" | head -8 | awk -F'\t' '{printf "%8d ms  %s\n", $1, $2}')
for _ in $(seq 1 100); do [ -s "$WORK/steps.txt" ] && break; sleep 0.1; done
stop_pid "$APP_PID"
APP_PID=""

echo "== first answer after $ms ms (load average $(cut -d' ' -f1-3 /proc/loadavg)); guides served from kept verdicts: $(grep -c 'passed its check before' "$WORK/service.log" || true)"
echo "== own time of the start-up steps, by what they set up (ms, share of all steps)"
awk 'NR > 1 {
  name = $4; bean = $5; group = name
  if (name == "spring.beans.instantiate") {
    group = "other beans (auto-configuration)"
    if (bean ~ /springdoc|springDoc|swagger|openApi|OpenApi|modelConverter|responseBuilder|parameterObjectNaming|polymorphicModel|operationBuilder|requestBuilder|genericResponse|propertyResolverUtils|actuatorProvider|genericParameter|requestBodyService|parameterBuilder|returnTypeParser|springWebProvider|securityParser|fileSupportConverter|webConversionServiceProvider|schemaPropertyDeprecating/) group = "springdoc"
    else if (bean ~ /[Ss]ecurity|[Aa]uthentication|[Jj]wt|apiTokens|[Bb]earer/) group = "security"
    else if (bean ~ /[Ff]lyway|dataSource|decisionLog|decisionQueue|[Jj]dbc|[Tt]ransaction/) group = "decision log: H2, Flyway"
    else if (bean ~ /[Gg]uide/) group = "guides"
    else if (bean ~ /[Ee]xperiment/) group = "experiments"
    else if (bean ~ /[Ee]xport/) group = "export"
    else if (bean ~ /[Mm]eter|[Pp]rometheus|[Oo]bservation|[Mm]etrics/) group = "metrics"
    else if (bean ~ /[Hh]andler|mvc|Mvc|[Mm]apping|[Vv]iew|[Rr]esource|[Tt]omcat|[Ss]ervlet/) group = "web: MVC, Tomcat"
  }
  own[group] += $1; all += $1
} END { for (g in own) printf "%9.0f %5.1f %%  %s\n", own[g], own[g] * 100 / all, g }' "$WORK/steps.txt" | sort -rn
echo "== the 12 steps with the most own time (own ms, whole ms, began at ms, step, bean)"
tail -n +2 "$WORK/steps.txt" | sort -rn | head -12
echo "== CPU by thread up to the first answer"
echo "$threads"
echo "work dir: $WORK (steps.txt has every step)"
