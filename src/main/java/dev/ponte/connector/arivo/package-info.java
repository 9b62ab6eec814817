/**
 * Arivo CRM (API v2) as a source of won deals, against wave2-contracts §3. Arivo's API reference
 * (arivo.docs.apiary.io) was not available: what is verified was read in the vendor's own GitHub code (its n8n node
 * and MCP server, with their hand-written fixtures), not in captured API answers.
 *
 * <p><b>Verified</b> (vendor code): base {@code https://arivo.com.br/api/v2}; {@code Authorization: Token token=<key>};
 * the credential test {@code GET /teams?per_page=1}; the next page's URL in {@code X-Next-Page}, {@code per_page};
 * list bodies as a bare array or {@code {data:[…]}}; deal fields ({@code status open|won|lost}, {@code company_id},
 * {@code contact_id}, {@code closed_at}, {@code updated_at}, embedded {@code quote_items} with numbers as strings);
 * products {@code {id, name, code, price, tags}}; contacts with first-class {@code cpf}/{@code cnpj}, formatted;
 * {@code POST/GET/DELETE /webhooks} with {@code {callback_url, event}} and the event {@code deal.won}; sorting by
 * {@code sort_field=updated_at&sort_order=desc}; 429 with {@code retry-after} or {@code x-ratelimit-reset}.
 *
 * <p><b>Guessed</b> (inferred, one place each):
 * <ul>
 *   <li>The webhook payload and any signature are unknown. Each connection gets a random 32-byte secret, stored
 *       before subscribing and carried in the callback URL's {@code secret} parameter (the create call takes no
 *       headers); it is compared by digest in constant time. The body is only a hint: the deal id is taken from
 *       {@code data.id}, {@code deal.id} or, when the body is a bare deal, {@code id}, and the deal is read
 *       again, so only its fetched status counts.
 *       The event id is deal, status and {@code updated_at}; the job itself is keyed by the deal's won time, so a
 *       repeated delivery is one job. A delivery without an id is logged by its field names (never its values). A
 *       verified delivery whose deal cannot be read at that moment (401, 429, 5xx) is queued as won from the
 *       delivery alone (only {@code deal.won} is subscribed): the job reads the deal before acting.</li>
 *   <li>No updated-since filter exists: {@link dev.ponte.connector.DealSource#dealsChangedSince} lists newest change
 *       first and stops at the first deal older than the watermark; the incremental reconciliation (R18) catches
 *       what a webhook missed. Only the page number of {@code X-Next-Page} is followed, never its host.</li>
 *   <li>Rate limits are unpublished: {@code ponte.vendors.arivo.requests-per-second} (3/s) is the one guess; a
 *       429's wait of up to 2 s is waited out here, a longer one goes to the job engine.</li>
 *   <li>Error bodies: all four shapes the vendor's client accepts are read ({@code ArivoFailures}).</li>
 *   <li>Deals carry no currency: BRL. A quote item's discount has no documented unit, so its percentage is derived
 *       from {@code total_price} against price × quantity.</li>
 *   <li>R8's "código de identificação": Arivo's help article names the product's "Código" for the product match and
 *       its "código de identificação" for the service-code match, and also says a service is forced when "both
 *       systems have exactly the same value in the field 'código'". The API exposes one code field, {@code code}, so
 *       both are taken to be it: {@link dev.ponte.model.Item#code()} is the product's {@code code}, and the flow's
 *       rule (product by code, then name; service by code, then name) compares that same value with the ledger's
 *       service code. Should Arivo turn out to keep a second field, the model would need a second code (a change to
 *       {@code Item} and the flow), which this package does not make.</li>
 *   <li>R7: a valid CPF/CNPJ becomes the party's tax id; every raw one is also in the deal's custom fields under
 *       {@code org.cnpj} and {@code person.cpf}, so a connection with {@code taxIdField=cnpj} and
 *       {@code personTaxIdField=cpf} gets the history line for an invalid one (without those settings it is left
 *       out silently: telling the flow of first-class documents would be a flow change).</li>
 * </ul>
 */
package dev.ponte.connector.arivo;
