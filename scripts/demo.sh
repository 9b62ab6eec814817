#!/usr/bin/env bash
# Shows a won Pipedrive deal becoming a pending sale in Conta Azul, on Ponte's sandbox emulators.
# Run Ponte first (./mvnw quarkus:dev), then: scripts/demo.sh <the demo admin API key it printed>
set -euo pipefail
ADMIN_KEY=${1:?usage: scripts/demo.sh ADMIN_API_KEY}
PONTE=${PONTE:-http://localhost:8080}
SANDBOX=${SANDBOX:-$PONTE/sandbox}   # the emulators: Ponte's own in dev mode, or the emulators' app (aot-train.sh)
PD="$SANDBOX/pipedrive"
json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -n 1; }
post() { curl -fsS -X POST "$1" -H 'Content-Type: application/json' "${@:3}" -d "$2"; }
pd() { post "$PD$1" "$2" -H 'x-api-token: sandbox-admin-token'; }

KEY=$(post "$PONTE/api/v1/tenants" '{"name":"Demo Ltda"}' -H "Authorization: Bearer $ADMIN_KEY" | json apiKey)
AUTH="Authorization: Bearer $KEY"
CNPJ_FIELD=aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd
CONNECTION=$(post "$PONTE/api/v1/connections" '{"name":"Pipedrive → Conta Azul","sourceSystem":"PIPEDRIVE",
  "ledgerSystem":"CONTA_AZUL","flows":["WonDealToSale"],"settings":{"taxIdField":"'$CNPJ_FIELD'"},
  "credentials":{"apiToken":"sandbox-admin-token"}}' -H "$AUTH" | json id)
echo "connection $CONNECTION created"
# The OAuth2 consent a browser would follow: Ponte → Conta Azul (sandbox consents at once) → Ponte's callback.
curl -fsS -L -o /dev/null -H "$AUTH" "$PONTE/api/v1/connections/$CONNECTION/oauth/authorize"
post "$PONTE/api/v1/connections/$CONNECTION/enable" '' -H "$AUTH" > /dev/null
echo "Conta Azul connected, connection enabled (webhook subscribed in Pipedrive)"

ORG=$(pd /v1/organizations '{"name":"Padaria Pão Quente Ltda","custom_fields":{"'$CNPJ_FIELD'":"11.222.333/0001-81"}}' | json id)
PRODUCT=$(pd /v1/products '{"name":"Bolo de fubá","code":"BOLO-01","prices":[{"price":25,"currency":"BRL"}]}' | json id)
DEAL=$(pd /api/v2/deals '{"title":"Encomenda de bolos","value":100,"currency":"BRL","org_id":'$ORG'}' | json id)
pd "/api/v2/deals/$DEAL/products" '{"product_id":'$PRODUCT',"item_price":25,"quantity":4}' > /dev/null
echo "deal $DEAL created in Pipedrive; marking it won"
curl -fsS -X PATCH "$PD/api/v2/deals/$DEAL" -H 'x-api-token: sandbox-admin-token' -H 'Content-Type: application/json' \
  -d '{"status":"won"}' > /dev/null

for _ in $(seq 1 50); do
  if curl -fsS "$SANDBOX/contaazul/_state" | grep -q '"situacao":"EM_ANDAMENTO"'; then break; fi
  sleep 0.2
done
echo "Conta Azul sales now:"
curl -fsS "$SANDBOX/contaazul/_state" | sed 's/.*"vendas":\(\[.*\]\),"contratos".*/\1/'
echo
echo "The deal's history in Ponte:"
curl -fsS -H "$AUTH" "$PONTE/api/v1/connections/$CONNECTION/history?subject=pipedrive:deal:$DEAL"
echo
echo "See it in the console: $PONTE/console/ with the tenant's API key $KEY"
