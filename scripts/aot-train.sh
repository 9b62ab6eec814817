#!/usr/bin/env bash
# Trains a JDK 25 AOT cache (JEP 483/514) for the packaged app: starts it with -XX:AOTCacheOutput, runs a webhook →
# sale on its own sandbox emulators (scripts/demo.sh), stops it; the JVM writes the cache as it exits. Then run with
#   java -XX:AOTCache=app.aot -jar quarkus-run.jar
# Needs a JDK 25+ (JAVA, else JAVA_HOME, else java on the PATH), curl, and a scratch PostgreSQL database for the
# training's tenant and connection (QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD): never the production one.
# No network beyond localhost. Run it after every build: the cache is only valid for the jars it was trained on.
#   scripts/aot-train.sh [app-dir (target/quarkus-app)] [cache file (app.aot, in app-dir)]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=$(cd "${1:-target/quarkus-app}" && pwd)
CACHE=${2:-app.aot}
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}
JAVA=${JAVA:-java}
version=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${version%%.*}" -lt 25 ]; then
  echo "$JAVA is Java $version; the AOT cache needs JDK 25 or later (set JAVA or JAVA_HOME)" >&2
  exit 2
fi
: "${QUARKUS_DATASOURCE_JDBC_URL:?point QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME, _PASSWORD) at a scratch database}"
PORT=${AOT_TRAIN_PORT:-18181}
ADMIN_KEY=aot-training-admin-key
export QUARKUS_HTTP_PORT=$PORT
export PONTE_PUBLIC_URL=http://localhost:$PORT
export PONTE_SANDBOX_ENABLED=true
export PONTE_BOOTSTRAP_API_KEY=$ADMIN_KEY
export PONTE_SECRETS_KEY=${PONTE_SECRETS_KEY:-$(head -c 32 /dev/urandom | base64)}
export PONTE_VENDORS_PIPEDRIVE_API_URL=http://localhost:$PORT/sandbox/pipedrive
export PONTE_VENDORS_CONTAAZUL_API_URL=http://localhost:$PORT/sandbox/contaazul
export PONTE_VENDORS_CONTAAZUL_AUTH_URL=http://localhost:$PORT/sandbox/contaazul/auth
export PONTE_VENDORS_CONTAAZUL_CLIENT_ID=sandbox-client
export PONTE_VENDORS_CONTAAZUL_CLIENT_SECRET=sandbox-secret
LOG=$DIR/aot-training.log

rm -f "$DIR/$CACHE"
(cd "$DIR" && exec "$JAVA" -XX:AOTCacheOutput="$CACHE" -jar quarkus-run.jar) > "$LOG" 2>&1 &
pid=$!
trap 'kill "$pid" 2> /dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "http://localhost:$PORT/q/health/ready" && break
  kill -0 "$pid" 2> /dev/null || { echo "the app exited during training; see $LOG" >&2; exit 1; }
  sleep 0.1
done
PONTE=http://localhost:$PORT "$HERE/demo.sh" "$ADMIN_KEY" > "$DIR/aot-training-demo.log"
grep -q '"situacao":"EM_ANDAMENTO"' "$DIR/aot-training-demo.log" || {
  echo "the training's deal did not become a sale; see $DIR/aot-training-demo.log" >&2
  exit 1
}
kill -TERM "$pid"
wait "$pid" || true
trap - EXIT
[ -s "$DIR/$CACHE" ] || { echo "no AOT cache written; see $LOG" >&2; exit 1; }
echo "wrote $DIR/$CACHE ($(du -h "$DIR/$CACHE" | cut -f1)); run: $JAVA -XX:AOTCache=$CACHE -jar quarkus-run.jar"
