#!/usr/bin/env bash
# Trains a JDK 25 AOT cache (JEP 483/514/515) for the packaged app: starts the vendor emulators' app
# (target/emulators, built by the same `./mvnw package`) in a process of its own, starts the production app with
# -XX:AOTCacheOutput pointed at them, runs a Pipedrive webhook → Conta Azul sale (scripts/demo.sh) and a CRM in Cloud ↔
# Reviso two-way run, and stops both; the JVM writes the cache as it exits. Then run with
#   java -XX:AOTCache=app.aot -jar quarkus-run.jar
# Needs a JDK 25+ (JAVA, else JAVA_HOME, else java on the PATH), curl, and a scratch PostgreSQL database for the
# training's tenant and connections (QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD): never the production one.
# JAVA_OPTS are the JVM options the production run will have (README: -XX:+UseSerialGC -Xms32m -Xmx512m): train with
# the same ones. No network beyond localhost. Run it after every build: the cache is only valid for the jars it was trained on.
#   scripts/aot-train.sh [app-dir (target/quarkus-app)] [cache file (app.aot, in app-dir)] [emulators' app dir
#   (target/emulators, next to app-dir)]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=$(cd "${1:-target/quarkus-app}" && pwd)
CACHE=${2:-app.aot}
EMULATORS=$(cd "${3:-$DIR/../emulators}" && pwd)
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}
JAVA=${JAVA:-java}
version=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${version%%.*}" -lt 25 ]; then
  echo "$JAVA is Java $version; the AOT cache needs JDK 25 or later (set JAVA or JAVA_HOME)" >&2
  exit 2
fi
: "${QUARKUS_DATASOURCE_JDBC_URL:?point QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME, _PASSWORD) at a scratch database}"
PORT=${AOT_TRAIN_PORT:-18181}
EMULATOR_PORT=${AOT_TRAIN_EMULATOR_PORT:-18182}
SANDBOX=http://localhost:$EMULATOR_PORT/sandbox
ADMIN_KEY=aot-training-admin-key
LOG=$DIR/aot-training.log

# Waits until the app of pid $1 answers ready on port $2.
ready() {
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "http://localhost:$2/q/health/ready" && return 0
    kill -0 "$1" 2> /dev/null || { echo "an app exited during training; see $LOG and $DIR/aot-training-emulators.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "an app was not ready within a minute; see $LOG" >&2; exit 1
}
# The emulators keep their own in-memory database: the scratch database is Ponte's.
(cd "$EMULATORS" && exec env -u QUARKUS_DATASOURCE_JDBC_URL -u QUARKUS_DATASOURCE_USERNAME \
  -u QUARKUS_DATASOURCE_PASSWORD QUARKUS_HTTP_PORT=$EMULATOR_PORT PONTE_PUBLIC_URL=http://localhost:$PORT \
  "$JAVA" -jar quarkus-run.jar) > "$DIR/aot-training-emulators.log" 2>&1 &
emulators=$!
trap 'kill "$emulators" 2> /dev/null || true' EXIT
rm -f "$DIR/$CACHE"
(
  cd "$DIR"
  export QUARKUS_HTTP_PORT=$PORT PONTE_PUBLIC_URL=http://localhost:$PORT PONTE_BOOTSTRAP_API_KEY=$ADMIN_KEY
  export PONTE_SECRETS_KEY=${PONTE_SECRETS_KEY:-$(head -c 32 /dev/urandom | base64)}
  export PONTE_VENDORS_PIPEDRIVE_API_URL=$SANDBOX/pipedrive PONTE_VENDORS_CONTAAZUL_API_URL=$SANDBOX/contaazul \
    PONTE_VENDORS_CONTAAZUL_AUTH_URL=$SANDBOX/contaazul/auth PONTE_VENDORS_CONTAAZUL_CLIENT_ID=sandbox-client \
    PONTE_VENDORS_CONTAAZUL_CLIENT_SECRET=sandbox-secret PONTE_VENDORS_CRMINCLOUD_API_URL=$SANDBOX/crmincloud \
    PONTE_VENDORS_REVISO_API_URL=$SANDBOX/reviso PONTE_VENDORS_REVISO_APP_SECRET_TOKEN=sandbox-app-secret-token
  # Method profiles in the cache (JEP 515) serve only the C2 compiler: with C1 alone (TieredStopAtLevel=1, the
  # README's options) they are left out, for a little less memory and CPU at start (README, production).
  profiles=
  case " ${JAVA_OPTS:-} " in
    *" -XX:TieredStopAtLevel=1 "*) profiles="-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining" ;;
  esac
  # shellcheck disable=SC2086 # JAVA_OPTS: the production run's JVM options, which the cache is trained with
  exec "$JAVA" ${JAVA_OPTS:-} $profiles -XX:AOTCacheOutput="$CACHE" -jar quarkus-run.jar
) > "$LOG" 2>&1 &
pid=$!
trap 'kill "$pid" "$emulators" 2> /dev/null || true' EXIT
ready "$emulators" "$EMULATOR_PORT"
ready "$pid" "$PORT"
PONTE=http://localhost:$PORT SANDBOX=$SANDBOX "$HERE/demo.sh" "$ADMIN_KEY" > "$DIR/aot-training-demo.log"
grep -q '"situacao":"EM_ANDAMENTO"' "$DIR/aot-training-demo.log" || {
  echo "the training's deal did not become a sale; see $DIR/aot-training-demo.log" >&2
  exit 1
}
# A two-way run: CRM in Cloud companies and Reviso customers linked and brought in step.
PONTE=http://localhost:$PORT
json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -n 1; }
KEY=$(curl -fsS -X POST "$PONTE/api/v1/tenants" -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' \
  -d '{"name":"Training Srl"}' | json apiKey)
CONNECTION=$(curl -fsS -X POST "$PONTE/api/v1/connections" -H "Authorization: Bearer $KEY" \
  -H 'Content-Type: application/json' -d '{"name":"CRM in Cloud ↔ Reviso","sourceSystem":"CRM_IN_CLOUD",
  "ledgerSystem":"REVISO","flows":["CustomerSync"],"credentials":{"apiKey":"sandbox-crm-api-key",
  "agreementGrantToken":"sandbox-agreement-grant-token"}}' | json id)
curl -fsS -o /dev/null -X POST "$PONTE/api/v1/connections/$CONNECTION/enable" -H "Authorization: Bearer $KEY"
RUN=$(curl -fsS -X POST "$PONTE/api/v1/connections/$CONNECTION/runs" -H "Authorization: Bearer $KEY" \
  -H 'Content-Type: application/json' -d '{"mode":"full"}' | json id)
for _ in $(seq 1 300); do
  status=$(curl -fsS "$PONTE/api/v1/connections/$CONNECTION/runs/$RUN" -H "Authorization: Bearer $KEY" | json status)
  [ "$status" = SUCCEEDED ] && break
  [ "$status" = FAILED ] && { echo "the training's two-way run failed" >&2; exit 1; }
  sleep 0.1
done
[ "$status" = SUCCEEDED ] || { echo "the training's two-way run did not finish within 30 s" >&2; exit 1; }
kill -TERM "$pid"
wait "$pid" || true
kill "$emulators" 2> /dev/null || true
trap - EXIT
[ -s "$DIR/$CACHE" ] || { echo "no AOT cache written; see $LOG" >&2; exit 1; }
echo "wrote $DIR/$CACHE ($(du -h "$DIR/$CACHE" | cut -f1)); run: $JAVA -XX:AOTCache=$CACHE -jar quarkus-run.jar"
