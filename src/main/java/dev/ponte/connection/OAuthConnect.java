package dev.ponte.connection;

import dev.ponte.connector.LedgerOAuth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OAuth2 connect flow of a connection's ledger (R16): the consent redirect, then the callback that exchanges the
 * code and stores the tokens encrypted. The {@code state} is sealed with the secrets key and names the connection and
 * an expiry, so a callback cannot be forged or replayed later, and needs no session.
 */
@ApplicationScoped
public class OAuthConnect {

    static final Duration STATE_LIFETIME = Duration.ofMinutes(15);
    private static final String STATE_CONTEXT = "oauth-state";

    private final Map<String, LedgerOAuth> flows = new HashMap<>();
    private final ConnectionService connections;
    private final SecretBox secrets;
    private final Clock clock;
    private final String redirectUri;

    OAuthConnect(Instance<LedgerOAuth> oauth, ConnectionService connections, SecretBox secrets, Clock clock,
            @ConfigProperty(name = "ponte.public-url") String publicUrl) {
        oauth.forEach(o -> flows.put(o.system(), o));
        this.connections = connections;
        this.secrets = secrets;
        this.clock = clock;
        this.redirectUri = publicUrl + "/oauth/callback";
    }

    /** The ledger's consent page for this connection. */
    public URI authorize(UUID tenantId, UUID connectionId) {
        ConnectionEntity c = connections.find(tenantId, connectionId);
        LedgerOAuth oauth = flows.get(c.ledgerSystem);
        if (oauth == null) {
            throw new InvalidInputException("ledgerSystem", "oauth.unsupported", c.ledgerSystem);
        }
        String state = secrets.seal(c.id + "|" + clock.instant().plus(STATE_LIFETIME).getEpochSecond(), STATE_CONTEXT);
        return oauth.authorizeUrl(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(state.getBytes(StandardCharsets.UTF_8)), redirectUri);
    }

    /** Exchanges the code, stores the tokens, and answers the connection (reconnected if it needed it). */
    public UUID callback(String code, String state) {
        String[] parts;
        try {
            parts = secrets.open(new String(Base64.getUrlDecoder().decode(state), StandardCharsets.UTF_8),
                    STATE_CONTEXT).split("\\|");
        } catch (RuntimeException e) {
            throw new InvalidInputException("state", "oauth.state");
        }
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("code", "field.required");
        }
        if (Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(clock.instant())) {
            throw new InvalidInputException("state", "oauth.state");
        }
        UUID id = UUID.fromString(parts[0]);
        ConnectionEntity c = connections.byId(id);
        connections.storeCredentials(id, flows.get(c.ledgerSystem).exchangeCode(code, redirectUri));
        connections.reconnected(id);
        return id;
    }
}
