#!/usr/bin/env bash
# Shows a won Moskit deal becoming a pending sale in Conta Azul, on Ponte's sandbox emulators.
# Run Ponte first (./mvnw quarkus:dev), then: scripts/demo-moskit.sh <the demo admin API key it printed>
set -euo pipefail
ADMIN_KEY=${1:?usage: scripts/demo-moskit.sh ADMIN_API_KEY}
PONTE=${PONTE:-http://localhost:8080}
MK="$PONTE/sandbox/moskit"
SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -n 1; }
# A Moskit record's own id: the one just before its dateCreated (custom fields and links carry ids of their own).
own_id() { sed -n 's/.*"id":\([0-9]*\),"dateCreated".*/\1/p'; }
post() { curl -fsS -X POST "$1" -H 'Content-Type: application/json' "${@:3}" -d "$2"; }
mk() { post "$MK/v2$1" "$2" -H 'apikey: sandbox-moskit-key'; }

KEY=$(post "$PONTE/api/v1/tenants" '{"name":"Demo Moskit Ltda"}' -H "Authorization: Bearer $ADMIN_KEY" | json apiKey)
AUTH="Authorization: Bearer $KEY"
CONNECTION=$(post "$PONTE/api/v1/connections" '{"name":"Moskit → Conta Azul","sourceSystem":"MOSKIT",
  "ledgerSystem":"CONTA_AZUL","flows":["WonDealToSale"],"settings":{"taxIdField":"CNPJ"},
  "credentials":{"apikey":"sandbox-moskit-key","webhookSecret":"'$SECRET'"}}' -H "$AUTH" | json id)
echo "connection $CONNECTION created"
curl -fsS -L -o /dev/null -H "$AUTH" "$PONTE/api/v1/connections/$CONNECTION/oauth/authorize"
post "$PONTE/api/v1/connections/$CONNECTION/enable" '' -H "$AUTH" > /dev/null
HOOK=$(curl -fsS -H "$AUTH" "$PONTE/api/v1/connections/$CONNECTION/webhook" | json url)
echo "Conta Azul connected, connection enabled; the webhook URL to paste in Moskit's screen: $HOOK"

# A CNPJ kept in a NUMBER field loses its leading zeros (00.425.201/0001-30 arrives as 425201000130): Ponte pads it.
FIELD=$(mk /customFields '{"name":"CNPJ","module":"COMPANY","type":"NUMBER"}' | json id)
ORG=$(mk /companies '{"name":"Padaria Pão Quente Ltda","entityCustomFields":[{"id":"'$FIELD'","numericValue":425201000130}]}' | own_id)
PRODUCT=$(mk /products '{"name":"Bolo de fubá","price":2500}' | own_id)
DEAL=$(mk /deals '{"name":"Encomenda de bolos","price":10000,"status":"WON","stage":{"id":11},
  "companies":[{"id":'$ORG'}],"dealProducts":[{"product":{"id":'$PRODUCT'},"quantity":4,"price":2500}]}' | own_id)
echo "deal $DEAL created won in Moskit (amounts in centavos); Moskit delivers its webhook"
post "$MK/_webhooks" '{"url":"'$HOOK'","dealId":'$DEAL'}' > /dev/null

for _ in $(seq 1 50); do
  if curl -fsS -H "$AUTH" "$PONTE/api/v1/connections/$CONNECTION/history?subject=moskit:deal:$DEAL" \
      | grep -q 'created pending review'; then break; fi
  sleep 0.2
done
echo "Conta Azul sales now:"
curl -fsS "$PONTE/sandbox/contaazul/_state" | sed 's/.*"vendas":\(\[.*\]\),"contratos".*/\1/'
echo
echo "The deal's history in Ponte:"
curl -fsS -H "$AUTH" "$PONTE/api/v1/connections/$CONNECTION/history?subject=moskit:deal:$DEAL"
echo
