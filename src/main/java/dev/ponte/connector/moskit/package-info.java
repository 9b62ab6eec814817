/**
 * Moskit CRM (API v2) as a deal source: {@link dev.ponte.connector.moskit.MoskitConnector}. No v2 vendor reference
 * exists in the store; what follows is from {@code vendor-apis/wave2-contracts.md} §1, with its marks:
 * [V] verified on the vendor's v1 reference, [C] agreed by community codebases, [I] Ponte's guess.
 *
 * <ul>
 *   <li>Auth: the {@code apikey} header [V v1, C v2]. Base URL {@code https://api.moskitcrm.com/v2} [C], configurable
 *       ({@link dev.ponte.connector.moskit.MoskitConfig}) since the same API answers on an "Ollow" host [C]. Test
 *       connection lists {@code /users} [C]; that 403 also means a refused key is [I].</li>
 *   <li>Rate limit: 5/s on v1 [V]; about 6/s and 240/min on v2 [C], 429 with {@code retry-after} [C]. Ponte paces 4/s
 *       per connection ({@code requests-per-second}, the one place of the guess) and waits out a short
 *       {@code retry-after}; {@code ratelimit-reset} stands in when there is none [C].</li>
 *   <li>Paging: {@code GET /deals?start=&sort=id&order=asc} by offset, 10 per page whatever is asked [C]; lists
 *       ({@code /stages}, {@code /customFields}, {@code /users}) by the {@code X-Moskit-Listing-Next-Page-Token}
 *       header sent back as {@code nextPageToken} [C]. A cursor that expired (4xx) is not restarted here [I: the job
 *       engine retries the whole read].</li>
 *   <li>Deals: {@code id, name, price, status (OPEN|WON|LOST), stage{id}, responsible{id}, dateCreated, closeDate,
 *       contacts[{id}], companies[{id}], entityCustomFields[], dealProducts[]} [C]. The first company and the first
 *       contact are read (R4: the company is the customer). {@code wonTime} is {@code closeDate} of a WON deal [I];
 *       a day without a time is taken in America/Sao_Paulo [I].</li>
 *   <li>Money: deal-product {@code price} (unit) and {@code finalPrice} in centavos [C, confirmed live by a community
 *       author]; the deal's own {@code price} in centavos too is [I] ({@code MoskitMapping.DEAL_PRICE_IN_CENTAVOS});
 *       the currency is BRL [I].</li>
 *   <li>Products: {@code GET /products/{id}} → {@code id, name, description, price} [C]. A product {@code code} is
 *       read when Moskit sends one [I: no client shows it]; the description is offered as a tag (R8's
 *       {@code contaazul-serviço}) [I].</li>
 *   <li>Pipelines (R14): a deal knows only its stage; {@code GET /stages} gives {@code pipeline{id}} [C].</li>
 *   <li>Custom fields: definitions {@code GET /customFields} → {@code id (CF_…), name, module, type} [C]; values
 *       {@code entityCustomFields[{id, textValue|numericValue|dateValue|options[]}]} [C]. Each value is offered under
 *       its id and its label (R7, R65: bind the CPF/CNPJ field by the name Moskit shows), the company's and
 *       contact's under {@code org.}/{@code person.}, the company's built-in {@code cnpj} as {@code org.cnpj} [C].
 *       A NUMBER field drops a document's leading zeros [C]: a whole number that validates as a CPF/CNPJ once
 *       left-padded to 11 or 14 digits is given back padded [I].</li>
 *   <li>Phones carry no label [C]: a Brazilian mobile number is the mobile phone, the primary other one the business
 *       phone [I].</li>
 *   <li>Webhooks: configured only in Moskit's screen, no signature, {@code GET /webhooks} 404 [C]; event
 *       {@code deal-statusChanged} with {@code {metadata{entity, operation, event, hash}, before, after}} [C]; retries
 *       stop after three failures [C], which is why the incremental reconciliation is the safety net. The secret in
 *       the URL's query is Ponte's (the community does the same [C]). The event id (deal, status, close date) is [I].
 *       Errors: no body is documented; {@code message} or {@code error} is read [I].</li>
 *   <li>"Changed since": no updated-since filter is known [C]; Ponte scans {@code /deals} by offset and keeps deals
 *       created or closed since the cursor [I]. {@code POST /deals/search} (its filter names unverified) is not
 *       used.</li>
 * </ul>
 */
package dev.ponte.connector.moskit;
