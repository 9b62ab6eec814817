#!/usr/bin/env bash
# Times the packaged app from process start to /q/health/ready 200, N times, and prints each run and the median
# (milliseconds; and the process's CPU time until then, less sensitive to other load on a shared machine), then
# stops it. Database and secrets come from the environment as in production (README).
# Each run also prints where its start went, phase by phase, from the app's own JSON log lines (milliseconds since the
# process started): the JVM and Quarkus's static init until the first log line, Flyway (validate/migrate), the rest of
# the runtime init (Hibernate, the REST routes, the scheduler, the job engine) until Quarkus's "started in", and the
# wait until the readiness check answers; then, after one request to Ponte's API, the resident memory and the classes
# loaded (jcmd), of them Ponte's own and its sandbox emulators' (dev.ponte.sandbox).
#   scripts/start-time.sh [-n 5] [-d target/quarkus-app] -- java [jvm options] -jar quarkus-run.jar
set -euo pipefail
RUNS=5
DIR=target/quarkus-app
while [ $# -gt 0 ]; do
  case "$1" in
    -n) RUNS=$2; shift 2 ;;
    -d) DIR=$2; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [-n runs] [-d app-dir] -- java ... -jar quarkus-run.jar" >&2; exit 2; }
PORT=${QUARKUS_HTTP_PORT:-18080}
export QUARKUS_HTTP_PORT=$PORT
# jcmd of the JDK that runs the app (its first word), else the one on the PATH
JCMD=$(dirname "$(command -v "$1")")/jcmd
[ -x "$JCMD" ] || JCMD=$(command -v jcmd || true)
times=()
cpus=()
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Milliseconds from $2 (epoch ns) to the first JSON log line whose message matches $1 (an awk regex), or "-".
at() {
  awk -v pat="$1" -v start="$2" '
    index($0, "\"timestamp\":\"") && match($0, /"message":"[^"]*/) {
      msg = substr($0, RSTART + 11, RLENGTH - 11)
      if (msg ~ pat) {
        match($0, /"timestamp":"[^"]*/); ts = substr($0, RSTART + 13, RLENGTH - 13)
        cmd = "date -d " ts " +%s%N"; cmd | getline ns; close(cmd)
        printf "%d", (ns - start) / 1000000; found = 1; exit
      }
    }
    END { if (!found) printf "-" }' "$log"
}
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  (cd "$DIR" && exec "$@") > "$log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$PORT/q/health/ready"; do
    kill -0 "$pid" 2> /dev/null || { echo "the app exited before it was ready" >&2; cat "$log" >&2; exit 1; }
    sleep 0.005
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  # of it private (anonymous: heap, metaspace, code, stacks), the rest file-backed (the class archive or AOT cache
  # and the jars, mapped read-only and shared with every other process that maps them)
  private=$(awk '/RssAnon/ {print int($2 / 1024)}' "/proc/$pid/status")
  # utime + stime of the JVM (fields 14 and 15 of /proc/PID/stat, in clock ticks; the comm field has no spaces here)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
  # One request to Ponte's API (refused without a key, after the REST filters ran): what a first call initialises.
  curl -s -o /dev/null "http://localhost:$PORT/api/v1/catalog/systems" || true
  rss_after=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  classes="-"
  if [ -n "$JCMD" ]; then
    hierarchy=$("$JCMD" "$pid" VM.class_hierarchy 2> /dev/null || true)
    classes="$(printf '%s\n' "$hierarchy" | grep -c '/' || true) loaded, $(printf '%s\n' "$hierarchy" \
      | grep -c 'dev\.ponte\.' || true) of dev.ponte, $(printf '%s\n' "$hierarchy" | grep -c 'dev\.ponte\.sandbox\.' \
      || true) of dev.ponte.sandbox"
  fi
  kill "$pid"; wait "$pid" 2> /dev/null || true
  if [ -n "${START_TIME_LOG:-}" ]; then cp "$log" "$START_TIME_LOG"; fi
  first=$(at '.' "$start")
  flyway_from=$(at '^Database: ' "$start")
  flyway_to=$(at '^(Successfully applied|Successfully validated|Schema .* is up to date|Current version)' "$start")
  flyway_end=$(at '^(Successfully applied|Schema .* is up to date|No migration necessary)' "$start")
  [ "$flyway_end" = "-" ] && flyway_end=$flyway_to
  engine=$(at '^Job engine' "$start")
  started=$(at ' started in ' "$start")
  times+=("$ms")
  cpus+=("$cpu")
  echo "run $run: ${ms} ms to ready, ${cpu} ms CPU, ${rss} MB resident (${private} MB private); phases (ms since process start): first log" \
    "line $first, Flyway $flyway_from → $flyway_end, job engine started $engine, Quarkus started $started, ready $ms;" \
    "after a first API request: $rss_after MB resident, classes $classes"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "median $(median "${times[@]}") ms to ready (runs ${times[*]}), $(median "${cpus[@]}") ms CPU (runs ${cpus[*]})"
