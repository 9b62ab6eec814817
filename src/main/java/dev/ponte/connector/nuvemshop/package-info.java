/**
 * Nuvemshop (Tiendanube) as a source of paid orders, against wave2-contracts §2 and the vendor's Postman collections
 * (specs/nuvemshop). What is verified was read in the vendor's own docs repository (TiendaNube/api-docs, marked
 * deprecated in 2022), its newer pages and its SDKs, not in captured API answers.
 *
 * <p><b>Verified</b> (vendor docs): the app install (the store's {@code /apps/{app_id}/authorize?state=…}, the code
 * exchanged with a JSON body at {@code POST /apps/authorize/token}, the answer's {@code access_token} and
 * {@code user_id}, the store id, the token never expiring); every call with {@code Authentication: bearer <token>} and
 * a {@code User-Agent} naming the app and a contact (400 without); JSON writes (415 otherwise); the order's
 * {@code id} as its identifier (never {@code number}); {@code updated_at_min}, {@code page}, {@code per_page} (at most
 * 200) and the {@code Link} header; amounts and quantities as decimal strings; the leaky bucket (40, draining at 2/s
 * per store and app) and its {@code x-rate-limit-*} headers; 422 as a map of field → messages; webhooks managed with
 * {@code POST/GET/DELETE /webhooks {event, url}}, their payload {@code {store_id, event, id}}, the
 * {@code X-Linkedstore-HMAC-SHA256} header as the hex HMAC-SHA256 of the raw body keyed with the app's secret; the
 * privacy payloads ({@code store/redact}, {@code customers/redact}, {@code customers/data_request}).
 *
 * <p><b>Guessed</b> (inferred, one place each):
 * <ul>
 *   <li>The HMAC's key is the app's OAuth client secret ({@link NuvemshopConfig#clientSecret()}, a third party says
 *       so); a delivery is compared in constant time on the raw bytes before it is parsed, and one for another store
 *       than the connection's (the app's secret signs every store's) is refused like an unsigned one
 *       ({@code NuvemshopSourcePort#read}).</li>
 *   <li>Whether the privacy webhooks are signed is <b>unknown</b> (the docs say webhooks "created through the API" are;
 *       the vendor's LGPD test tool posts them unsigned). Ponte requires the signature on them too: an unsigned
 *       request to erase data would let anyone erase it. They carry no {@code event} field and are told apart by
 *       their fields ({@code NuvemshopPrivacy}). They are app settings, one URL for every store, while Ponte's hook
 *       URL names one connection: the app's privacy URLs must be set to a connection's hook URL.</li>
 *   <li>The webhook's event id is store, event and id; the job of a paid order is keyed on the order alone (the
 *       flow's), so the same delivery five times, and the reconciliation finding it, make one job.</li>
 *   <li>R6's phones: the mobile phone is {@code customer.phone}, the business phone {@code billing_phone} when it is
 *       another number; the name is the customer's, else {@code billing_name} ({@code NuvemshopMapping}).</li>
 *   <li>R9's freight is {@code shipping_cost_customer} (what the buyer paid, not {@code shipping_cost_owner}).
 *       What the shop took off the whole order (coupon, promotion, payment method) is the products and freight less
 *       the order's {@code total}, since the docs do not say whether {@code discount} includes
 *       {@code discount_coupon} and {@code discount_gateway}; it goes to the sale as one discount, so the sale is
 *       what the buyer paid ({@code NuvemshopMapping#discount}). A total above products and freight (a fee the
 *       model does not know) is not carried.</li>
 *   <li>A 429's wait: its {@code Retry-After} if any, else {@code x-rate-limit-reset} (milliseconds until the
 *       bucket is empty) divided by {@code x-rate-limit-limit}, the time one request's room takes to free
 *       ({@code NuvemshopFailures}); a wait of
 *       up to 2 s is waited out here, a longer one goes to the job engine. Calls are paced at the drain rate,
 *       {@code ponte.vendors.nuvemshop.requests-per-second} (2/s; set 20 for a store on the top plans).</li>
 *   <li>Only the page number of the {@code Link} header's {@code rel="next"} URL is followed, never its host, so the
 *       token never goes where a header says. {@code updated_at_min} is sent as ISO 8601 in UTC.</li>
 *   <li>The credential test is {@code GET /store}, as the vendor's LGPD tool reads it. 402 (an unpaid store or app)
 *       is kept as a refusal for a person to see.</li>
 *   <li>The install takes no redirect URI (the app's is set in the Partner admin) and must point at Ponte's
 *       {@code /oauth/callback}; the {@code state} is checked there as for every OAuth2 connect.</li>
 * </ul>
 */
package dev.ponte.connector.nuvemshop;
