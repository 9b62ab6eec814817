#!/usr/bin/env bash
# Times the packaged app from process start to /q/health/ready 200, N times, and prints each run and the median
# (milliseconds; and the process's CPU time until then, less sensitive to other load on a shared machine), then
# stops it. Database and secrets come from the environment as in production (README).
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
times=()
cpus=()
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  (cd "$DIR" && exec "$@") > "${START_TIME_LOG:-/dev/null}" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$PORT/q/health/ready"; do
    kill -0 "$pid" 2> /dev/null || { echo "the app exited before it was ready" >&2; exit 1; }
    sleep 0.005
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  # utime + stime of the JVM (fields 14 and 15 of /proc/PID/stat, in clock ticks; the comm field has no spaces here)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2> /dev/null || true
  times+=("$ms")
  cpus+=("$cpu")
  echo "run $run: ${ms} ms to ready, ${cpu} ms CPU, ${rss} MB resident"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "median $(median "${times[@]}") ms to ready (runs ${times[*]}), $(median "${cpus[@]}") ms CPU (runs ${cpus[*]})"
