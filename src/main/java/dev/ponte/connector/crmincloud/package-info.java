/**
 * CRM in Cloud (TeamSystem; its DTOs live in the {@code Digita.Tustena.DTO} namespace, the product's older name) as
 * the CRM side of the Contabilità in Cloud pair (R30–R37).
 *
 * <h2>What the public documentation says (verified, 2026-11-23)</h2>
 * <ul>
 *   <li>Routing grammar {@code {schema}://{host}/api/{version}/{controller}/{details}/{action}/{id}?{querystring}};
 *       controllers answer to aliases, e.g. {@code Company}/{@code Companies} and {@code Quote}/{@code Quotes}
 *       (http://api.crmincloud.it/api/v1/Docs/en/Controller/Company, .../it/Controller/Quote; app.crmincloud.it and
 *       app.dev.crmincloud.it serve the same docs).</li>
 *   <li>Authentication: a JWT obtained from {@code /Auth/Login}, sent as a bearer token; some functions also need the
 *       calling application to identify itself (same pages, "Authentication").</li>
 *   <li>Users have Web API keys (Setup › Utenti › Web API Keys); the Contabilità in Cloud webhooks call
 *       {@code https://api.crmincloud.it/api/v1/RevisoCustomer?apiKey=…} with one
 *       (help.reviso.com/it/articles/6320939).</li>
 *   <li>{@code CompanyDTO} properties: {@code id}, {@code companyName}, {@code address}, {@code city},
 *       {@code code}, {@code emails} (polymorphic), {@code createdDate}, {@code lastModifiedDate},
 *       {@code externalReferences} ("Campi aggiuntivi"), {@code categories}, {@code description} and more
 *       (http://api.crmincloud.it/api/v1/Docs/en/Definition/Digita.Tustena.DTO.CompanyDTO).</li>
 *   <li>Searches take OData {@code $filter}, e.g. {@code /api/latest/Company/Search?$filter=contains(companyName,'srl')}
 *       (context7.com/websites/api_crmincloud_it/llms.txt, from api.crmincloud.it).</li>
 *   <li>The Contabilità in Cloud plugin creates company selection fields (Valuta, Gruppo clienti, Termini di
 *       pagamento, Modalità di pagamento, Zona iva, Gruppo prezzi), fills VAT rates, payment terms and modes and
 *       units, imports the catalogue, and marks synced quotes "(CiC)" (shared/seeds, help.crmincloud.it).</li>
 * </ul>
 *
 * <h2>What is guessed (all of it in {@link dev.ponte.connector.crmincloud.CrmInCloudApi} and
 * {@link dev.ponte.connector.crmincloud.CrmInCloudDto}, and mirrored by the sandbox emulator)</h2>
 * <ul>
 *   <li>The login body {@code {"apiKey": …}} and its OAuth-style answer {@code access_token}/{@code expires_in}.</li>
 *   <li>That {@code Company/Search} answers a JSON array of companies, takes {@code $orderby}, {@code $top} (at most
 *       100) and {@code $skip}, and that {@code lastModifiedDate} can be filtered with {@code datetime'…'} literals;
 *       the keyset filter Ponte pages with is plain OData.</li>
 *   <li>Company property names other than the verified ones: {@code province}, {@code zipCode}, {@code country}
 *       (ISO alpha-2), {@code vatId}, {@code taxIdentificationNumber}, {@code phone}, {@code mobilePhone}, and
 *       {@code emails} as one string; custom fields as {@code freeFields [{fieldId, label, value}]}, writable by
 *       label; {@code PUT} clearing absent contact data.</li>
 *   <li>The controllers {@code FreeField/Company} (with {@code {id}/Options}), {@code CatalogArticle},
 *       {@code VatCode}, {@code PaymentTerm}, {@code PaymentMode}, {@code UnitOfMeasure}, and marking a quote sent with
 *       {@code POST Quote/{id}/ExternalReference {system: "CiC", externalId}}; quote rows as
 *       {@code rows [{articleCode, description, quantity, price, discount}]} with {@code discount} a percentage.</li>
 *   <li>Errors in ASP.NET Web API's shape ({@code Message}, {@code ModelState}), {@code Retry-After} on 429; no rate
 *       limits were found.</li>
 * </ul>
 *
 * <h2>Not found</h2>
 * Webhooks from CRM in Cloud for company changes (changes are polled by {@code lastModifiedDate}); batch writes;
 * the page size limit.
 */
package dev.ponte.connector.crmincloud;
