#!/usr/bin/env bash
# Shows an Arivo CRM deal closed as won becoming a pending sale in Conta Azul, on Ponte's sandbox emulators.
# Run Ponte first (./mvnw quarkus:dev), then: scripts/demo-arivo.sh <the demo admin API key it printed>
set -euo pipefail
ADMIN_KEY=${1:?usage: scripts/demo-arivo.sh ADMIN_API_KEY}
PONTE=${PONTE:-http://localhost:8080}
AR="$PONTE/sandbox/arivo"
json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -n 1; }
post() { curl -fsS -X POST "$1" -H 'Content-Type: application/json' "${@:3}" -d "$2"; }
ar() { post "$AR$1" "$2" -H 'Authorization: Token token=sandbox-arivo-key'; }

KEY=$(post "$PONTE/api/v1/tenants" '{"name":"Demo Arivo Ltda"}' -H "Authorization: Bearer $ADMIN_KEY" | json apiKey)
AUTH="Authorization: Bearer $KEY"
# Arivo keeps CPF and CNPJ as fields of their own: no custom field binding is needed.
CONNECTION=$(post "$PONTE/api/v1/connections" '{"name":"Arivo → Conta Azul","sourceSystem":"ARIVO",
  "ledgerSystem":"CONTA_AZUL","flows":["WonDealToSale"],"credentials":{"apiKey":"sandbox-arivo-key"}}' \
  -H "$AUTH" | json id)
echo "connection $CONNECTION created"
curl -fsS -L -o /dev/null -H "$AUTH" "$PONTE/api/v1/connections/$CONNECTION/oauth/authorize"
post "$PONTE/api/v1/connections/$CONNECTION/enable" '' -H "$AUTH" > /dev/null
echo "Conta Azul connected, connection enabled (deal.won subscribed in Arivo, with the connection's secret in its URL)"

COMPANY=$(ar /contacts '{"contact_type":"company","name":"Padaria Pão Quente Ltda","cnpj":"11.222.333/0001-81"}' | json id)
PRODUCT=$(ar /products '{"name":"Bolo de fubá","code":"BOLO-01","price":25}' | json id)
SERVICE=$(ar /products '{"name":"Entrega","code":"ENT-01","price":10,"tags":["contaazul-serviço"]}' | json id)
DEAL=$(ar /deals '{"name":"Encomenda de bolos","value":110,"company_id":"'$COMPANY'"}' | json id)
ar "/deals/$DEAL/quote_items" '{"product_id":"'$PRODUCT'","price":25,"quantity":4}' > /dev/null
ar "/deals/$DEAL/quote_items" '{"product_id":"'$SERVICE'","price":10,"quantity":1}' > /dev/null
# A product tagged contaazul-serviço is only ever a Conta Azul service: it must exist there (R8).
TOKEN_URL="$PONTE/sandbox/contaazul/auth/oauth2"
CODE=$(curl -fsS -o /dev/null -w '%{redirect_url}' "$TOKEN_URL/authorize?response_type=code&client_id=sandbox-client&redirect_uri=http://localhost/cb&state=s" | sed 's/.*[?&]code=\([^&]*\).*/\1/')
TOKEN=$(curl -fsS -u sandbox-client:sandbox-secret -d grant_type=authorization_code -d "code=$CODE" \
  -d redirect_uri=http://localhost/cb "$TOKEN_URL/token" | json access_token)
post "$PONTE/sandbox/contaazul/v1/servicos" '{"descricao":"Entrega","codigo":"ENT-01"}' -H "Authorization: Bearer $TOKEN" > /dev/null
echo "deal $DEAL created in Arivo; closing it as won"
curl -fsS -X PUT "$AR/deals/$DEAL" -H 'Authorization: Token token=sandbox-arivo-key' -H 'Content-Type: application/json' \
  -d '{"status":"won"}' > /dev/null

for _ in $(seq 1 50); do
  if curl -fsS "$PONTE/sandbox/contaazul/_state" | grep -q '"situacao":"EM_ANDAMENTO"'; then break; fi
  sleep 0.2
done
echo "Conta Azul sales now:"
curl -fsS "$PONTE/sandbox/contaazul/_state" | sed 's/.*"vendas":\(\[.*\]\),"contratos".*/\1/'
echo
echo "The deal's history in Ponte:"
curl -fsS -H "$AUTH" "$PONTE/api/v1/connections/$CONNECTION/history?subject=arivo:deal:$DEAL"
echo
