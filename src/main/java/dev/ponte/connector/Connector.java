package dev.ponte.connector;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One vendor's connector: the single bean of a vendor package ({@code connector.<vendor>}), found by its
 * {@link #system()} name. Ponte knows vendors only through this interface and the capability interfaces its ports
 * implement; flows name capabilities, never systems.
 *
 * <p>Lifecycle:
 * <ol>
 *   <li>At start-up every {@code Connector} bean is registered by {@link #system()}; two beans with one name fail the
 *       start. The names are the systems the API accepts and lists ({@code GET /api/v1/systems}).</li>
 *   <li>A connection chooses a source and a ledger system, and flows; a flow is allowed only where the source's and
 *       the ledger's {@link #capabilities()} include every capability the flow declares.</li>
 *   <li>When a system connects by OAuth2, {@link #oauth()} gives its consent redirect and code exchange; the
 *       credentials obtained are stored encrypted with the connection, beside those a person typed
 *       ({@link #credentialFields()}).</li>
 *   <li>{@link #open(ConnectionAccess)} is called when a job, a webhook or an API call first needs the connection, and
 *       again whenever the connection changes (its version moves on): it must be cheap, keeping clients, pacers and
 *       caches per connection id itself. The {@link Port} it answers implements every interface of
 *       {@link #capabilities()}, which Ponte checks at that moment.</li>
 *   <li>A port's methods call the vendor and throw {@link SyncFailure}s: {@link TransientFailure} (retried later),
 *       {@link CredentialsFailure} (the connection needs reconnecting), {@link RejectedFailure} (a person must act).
 *       Rotated credentials are stored through {@link ConnectionAccess#storeCredentials} before they are used.</li>
 *   <li>At shutdown the bean releases its clients ({@code @PreDestroy}).</li>
 * </ol>
 */
public interface Connector {

    /** The name the API uses, e.g. {@code PIPEDRIVE}: upper case, unique. */
    String system();

    /** Which side of a connection it can be. */
    Side side();

    /** The vendor's product name, as a person knows it. */
    String label();

    /** The credentials a person gives when creating the connection; those obtained by OAuth2 are not listed. */
    List<CredentialField> credentialFields();

    /** The capability interfaces (e.g. {@link DealSource}) that every port it opens implements. */
    Set<Class<?>> capabilities();

    /** The OAuth2 connect flow, for a system whose account is connected by consent rather than a typed key. */
    Optional<OAuth2Connect> oauth();

    /** The port of one connection; see the lifecycle above. */
    Port open(ConnectionAccess connection);

    /**
     * What this JVM has seen of the connection's request budget at the vendor (R63); empty before its first call.
     * {@code support.ConnectionClients} keeps one per connection for the connector.
     */
    Optional<RateBudget.Usage> usage(UUID connectionId);

    /** The side of a connection a system takes. */
    enum Side {
        /** The CRM or shop, where deals are won and orders paid. */
        SOURCE,
        /** The accounting system. */
        LEDGER
    }

    /**
     * A credential a person gives: its key in the connection's {@code credentials}, what it is, and the fewest
     * characters it may have (0: any), checked when the connection is saved.
     */
    record CredentialField(String name, String description, int minLength) {

        public CredentialField(String name, String description) {
            this(name, description, 0);
        }
    }
}
