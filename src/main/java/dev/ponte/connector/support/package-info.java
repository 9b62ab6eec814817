/**
 * Connector support: the plumbing every vendor package needs around its REST client, written once so a vendor
 * package holds only what is its own (its API, its DTOs, its auth, its error phrases and its mapping to the model).
 * It knows the ports ({@code dev.ponte.connector}), the model, and the HTTP client libraries; it knows no vendor, and
 * vendors depend on it, never on each other (ArchitectureTest).
 *
 * <ul>
 *   <li>{@link dev.ponte.connector.support.VendorErrors}: a vendor HTTP error as a Ponte failure (STYLE habit 3) — the
 *       status switch (401 → credentials, 429 → rate limited with {@code Retry-After}, 5xx/408 → transient, 404 →
 *       {@link dev.ponte.connector.support.NotFound}, else rejected with field errors), with hooks for how the vendor's
 *       body names its message and fields; {@link dev.ponte.connector.support.ErrorBody} reads such bodies safely.</li>
 *   <li>{@link dev.ponte.connector.support.VendorCalls}: one call as a port makes it — transport failures and
 *       failures the mapper raised inside a {@code ProcessingException} unwrapped; 404 an empty answer
 *       ({@code find}) or a rejection ({@code call}).</li>
 *   <li>{@link dev.ponte.connector.support.ShortRetry}: a 429 whose {@code Retry-After} is a few seconds is waited out
 *       in the connector; a longer wait, and every other failure, goes to the job engine, which retries over minutes
 *       (STYLE habit 2: never both for one failure). Its {@code read}, for idempotent GETs only, also tries a 5xx
 *       answer again after a short pause, a few times, before the engine takes over: one bad answer among a marker
 *       search's many reads should not cost the job an attempt (Conta Azul).</li>
 *   <li>{@link dev.ponte.connector.support.PacedCalls}: the three together as a source port's every request makes
 *       them — paced by the account's {@link dev.ponte.connector.RequestPacer}, a short 429 waited out, the answer
 *       turned into a failure.</li>
 *   <li>{@link dev.ponte.connector.support.Paging}: page-number/offset and cursor listings, read lazily with a
 *       maximum number of pages so a listing that ignores its page parameter cannot loop forever.</li>
 *   <li>{@link dev.ponte.connector.support.ConnectionClients} and {@link dev.ponte.connector.support.RestClients}:
 *       one REST client (with whatever the vendor shares per connection) kept per connection id, rebuilt and the old
 *       one closed when the credentials it was built from change, all closed at shutdown; and the client builder
 *       (base URL, timeouts, pool size, header).</li>
 * </ul>
 *
 * <p>Request pacing is {@link dev.ponte.connector.RequestPacer}, in the ports package. The short retry is a helper
 * rather than SmallRye Fault Tolerance: ports are not CDI beans, and its wait must be each answer's own
 * {@code Retry-After}, not a configured delay.
 */
package dev.ponte.connector.support;
