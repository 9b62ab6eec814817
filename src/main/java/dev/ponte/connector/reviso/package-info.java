/**
 * Reviso / TeamSystem Contabilità in Cloud (Italy) as a ledger, over its REST API (rest.reviso.com).
 *
 * <p>What the connector relies on, and what is still a guess (shared/vendor-apis/README.md, research-notes §3):
 * <ul>
 *   <li>Verified (official samples, help pages, Reviso's own apps): {@code X-AppSecretToken} and
 *       {@code X-AgreementGrantToken} on every call and the 401 body; {@code /self}; the collection envelope and
 *       {@code skippages}/{@code pagesize} (at most 1000); {@code filter=field$op:value} with {@code $and:};
 *       {@code POST /customers} with {@code name, currency, customerGroup, paymentTerms, vatZone};
 *       {@code POST /products} with {@code productNumber, name, salesPrice, productGroup}; VAT zones 1 Domestic, 2 EU,
 *       3 Abroad, 4 Domestic exempt and {@code enabledForCustomer}; {@code /vat-accounts}
 *       {@code {vatCode, name, ratePercentage}}; the seed's three error messages.</li>
 *   <li>Community evidence: the customer's other fields ({@code vatNumber} without IT, {@code
 *       corporateIdentificationNumber}, {@code countryCode{code}}, {@code province{countryCode, provinceNumber}} from
 *       {@code /provinces/IT}, {@code lastUpdated} in whole seconds); the quotation body and its answer
 *       {@code {id, number, …, pdf{download}}}; {@code /payment-terms} with {@code daysOfCredit}; a quotation's {@code layout{layoutNumber}} (sent, the
 *       agreement's first from {@code /layouts}, which the emulator requires as e-conomic's drafts do [I]); the
 *       lines' {@code vatInfo} is not sent: which VAT code a line takes is the product's and customer's in Reviso,
 *       and a guessed one would put a wrong rate on the document [I].</li>
 *   <li>Guessed, each in one place: the 400 body's per-property {@code errors} ({@code RevisoFailures}); the rate
 *       limit ({@code RevisoConfig#requestsPerSecond}); {@code $or:} with {@code $and:} binding tighter,
 *       {@code $$} as the escape of a dollar in a value, {@code sort=lastUpdated,customerNumber} and a filter on
 *       {@code lastUpdated} (e-conomic's conventions; the customer cursor needs all four); the quotation marker in
 *       {@code references.other} and that quotations can be filtered on it; {@code paymentType} and
 *       {@code priceGroup} as customer fields (the CiC connector syncs both); {@code company.countryCode} in
 *       {@code /self} (the {@code country} name is read as a fallback); the path {@code /quotations/{id}/pdf}.</li>
 *   <li>Not offered: sales (orders, invoices); the connector does not declare {@link dev.ponte.connector.SalesLedger},
 *       so no flow that creates sales can be chosen for a Reviso connection.</li>
 * </ul>
 */
package dev.ponte.connector.reviso;
