#!/usr/bin/env bash
# Shows a paid Nuvemshop order becoming a pending sale in Conta Azul, on Ponte's sandbox emulators: the shop app
# installed by consent, order/paid delivered signed (X-Linkedstore-HMAC-SHA256), the freight as the sale's shipping.
# Run Ponte first (./mvnw quarkus:dev), then: scripts/demo-nuvemshop.sh <the demo admin API key it printed>
set -euo pipefail
ADMIN_KEY=${1:?usage: scripts/demo-nuvemshop.sh ADMIN_API_KEY}
PONTE=${PONTE:-http://localhost:8080}
NS="$PONTE/sandbox/nuvemshop"
STORE=1001
# The first "$1" field of a JSON answer (an order's own id comes before its lines' and its customer's).
json() { grep -o "\"$1\":\"\{0,1\}[^\",}]*" | head -n 1 | sed 's/^[^:]*:"\{0,1\}//'; }
post() { curl -fsS -X POST "$1" -H 'Content-Type: application/json' "${@:3}" -d "$2"; }

KEY=$(post "$PONTE/api/v1/tenants" '{"name":"Demo Loja Ltda"}' -H "Authorization: Bearer $ADMIN_KEY" | json apiKey)
AUTH="Authorization: Bearer $KEY"
CONNECTION=$(post "$PONTE/api/v1/connections" '{"name":"Nuvemshop → Conta Azul","sourceSystem":"NUVEMSHOP",
  "ledgerSystem":"CONTA_AZUL","flows":["PaidOrderToSale"]}' -H "$AUTH" | json id)
echo "connection $CONNECTION created"
# Each side consents in the browser; the sandboxes consent at once, so following the redirects is the whole dance.
curl -fsS -L -o /dev/null -H "$AUTH" "$PONTE/api/v1/connections/$CONNECTION/oauth/authorize?side=ledger"
curl -fsS -L -o /dev/null -H "$AUTH" "$PONTE/api/v1/connections/$CONNECTION/oauth/authorize?side=source"
post "$PONTE/api/v1/connections/$CONNECTION/enable" '' -H "$AUTH" > /dev/null
echo "Conta Azul connected, the app installed in store $STORE, connection enabled (order/paid and app/uninstalled subscribed)"

ORDER=$(post "$NS/_control/stores/$STORE/orders" '{"customer":{"name":"Ana Souza","email":"ana@example.com",
  "identification":"52998224725","phone":"(11) 99999-8888"},"billing_phone":"(11) 3333-4444",
  "products":[{"name":"Bolo de fubá","price":"25.00","quantity":"4"}],"shipping_cost_customer":"12.90"}' | json id)
echo "order $ORDER placed in the shop; the buyer pays it, and the shop delivers order/paid (twice, as shops retry)"
post "$NS/_control/stores/$STORE/orders/$ORDER/pay?copies=2" '' > /dev/null

for _ in $(seq 1 50); do
  if curl -fsS -H "$AUTH" "$PONTE/api/v1/connections/$CONNECTION/history?subject=nuvemshop:order:$ORDER" \
      | grep -q 'created pending review'; then break; fi
  sleep 0.2
done
echo "Conta Azul sales now (one, with frete 12.90):"
curl -fsS "$PONTE/sandbox/contaazul/_state" | sed 's/.*"vendas":\(\[.*\]\),"contratos".*/\1/'
echo
echo "The order's history in Ponte:"
curl -fsS -H "$AUTH" "$PONTE/api/v1/connections/$CONNECTION/history?subject=nuvemshop:order:$ORDER"
echo
echo "An unsigned delivery is refused (401):"
curl -sS -o /dev/null -w '%{http_code}\n' -X POST "$PONTE/hooks/$CONNECTION" -H 'Content-Type: application/json' \
  -d '{"store_id":'$STORE',"event":"order/paid","id":'$ORDER'}'
