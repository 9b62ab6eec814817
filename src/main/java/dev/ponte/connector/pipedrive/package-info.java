/**
 * Pipedrive as a deal source: {@link dev.ponte.connector.pipedrive.PipedriveConnector}. What is used, from
 * {@code vendor-apis/README.md} and Pipedrive's own OpenAPI descriptions ({@code specs/pipedrive/openapi-v1.yaml},
 * {@code openapi-v2.yaml}), marked [V] where the spec says it and [I] where it is Ponte's guess.
 *
 * <ul>
 *   <li>Auth: the user's API token in {@code x-api-token} [V]; who it belongs to and whether an admin from
 *       {@code GET /v1/users/me}: {@code access[].admin}, some answers also {@code is_admin} [I: both are read,
 *       {@code PipedriveDto.User}].</li>
 *   <li>Deals: {@code GET /api/v2/deals} and {@code /api/v2/deals/{id}}, cursor paging by
 *       {@code additional_data.next_cursor}, at most 500 a page [V]; {@code custom_fields} by 40-character key,
 *       labels and option labels from {@code /v1/dealFields} (R65) [V], paged by start/limit with 500 a page [I: the
 *       v1 spec gives no maximum, {@code PipedriveSourcePort.FIELD_PAGE}].</li>
 *   <li>Deal products: {@code GET /api/v2/deals/{id}/products} [V]: {@code item_price} × {@code quantity} less
 *       {@code discount} ({@code percentage} or {@code amount}); a product with {@code is_enabled} false is not sold
 *       [V]. Not carried: {@code tax} and {@code tax_method} (Conta Azul computes a sale's taxes itself; an
 *       {@code exclusive} Pipedrive tax is therefore not in the ledger's total) [I].</li>
 *   <li>Persons, organizations, products: {@code /v1/persons/{id}}, {@code /v1/organizations/{id}},
 *       {@code /v1/products/{id}} ({@code code}, {@code name}, {@code prices}) [V].</li>
 *   <li>Webhooks: {@code POST /v1/webhooks} version 2.0 with {@code http_auth_user}/{@code http_auth_password} [V];
 *       deliveries carry no signature, only that basic auth, compared in constant time [V]. The event id —
 *       {@code meta.correlation_id}, else {@code meta.id}, else entity id and timestamp — is [I], in one place
 *       ({@code PipedriveSourcePort}, research-notes §2).</li>
 *   <li>Rate limits: 429 with {@code Retry-After}, else {@code x-ratelimit-reset} read as the seconds until the
 *       2-second burst window reopens [I: {@code PipedriveFailures.retryAfter}]; Ponte does not pace Pipedrive calls
 *       ahead of a 429 [I: a webhook-driven deal costs a handful of reads, far below the daily budget], but shows
 *       {@code x-ratelimit-limit}/{@code -remaining}/{@code -reset} and {@code x-daily-requests-left} as the
 *       connection's budget (R63, {@code PipedriveConnector.RATE_HEADERS}) [V: names; the numbers' exact meaning,
 *       e.g. whether the daily count is in requests or tokens, is I].</li>
 *   <li>Errors: {@code {success:false, error, error_info}} [V]; the message is {@code error}.</li>
 * </ul>
 */
package dev.ponte.connector.pipedrive;
