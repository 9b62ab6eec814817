package dev.ponte.connection;

import dev.ponte.connector.Connector.Side;
import dev.ponte.connector.OAuth2Connect;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OAuth2 connect flow of a connection's side (R16) — the ledger's, or a source's such as a shop app installed by
 * consent: the consent redirect, then the callback that exchanges the code and stores the tokens encrypted beside the
 * connection's other credentials. The {@code state} is sealed with the secrets key and names the connection, the side,
 * an expiry and a one-time nonce kept on the connection, so a callback cannot be forged, used twice, or used once a
 * newer consent of the side was started; it needs no session.
 */
@ApplicationScoped
public class OAuthConnect {

    static final Duration STATE_LIFETIME = Duration.ofMinutes(15);
    private static final String STATE_CONTEXT = "oauth-state";

    private final ConnectorRegistry registry;
    private final ConnectionService connections;
    private final SecretBox secrets;
    private final Clock clock;
    private final String redirectUri;
    private final SourceEvents sourceEvents;

    OAuthConnect(ConnectorRegistry registry, ConnectionService connections, SecretBox secrets, Clock clock,
            SourceEvents sourceEvents, @ConfigProperty(name = "ponte.public-url") String publicUrl) {
        this.sourceEvents = sourceEvents;
        this.registry = registry;
        this.connections = connections;
        this.secrets = secrets;
        this.clock = clock;
        this.redirectUri = publicUrl + "/oauth/callback";
    }

    /**
     * The consent page for one side of this connection: {@code side} names it ({@code ledger} or {@code source}); null
     * means the one side that connects by OAuth2.
     */
    public URI authorize(UUID tenantId, UUID connectionId, String side) {
        ConnectionEntity c = connections.find(tenantId, connectionId);
        Side chosen = side(c, side);
        OAuth2Connect oauth = registry.oauth(system(c, chosen)).orElseThrow();
        String state = secrets.seal(c.id + "|" + clock.instant().plus(STATE_LIFETIME).getEpochSecond() + "|"
                + chosen.name() + "|" + connections.pendingConsent(c.id, chosen), STATE_CONTEXT);
        return oauth.authorizeUrl(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(state.getBytes(StandardCharsets.UTF_8)), redirectUri);
    }

    private Side side(ConnectionEntity c, String side) {
        if (side != null) {
            Side named;
            try {
                named = Side.valueOf(side.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("side", "field.oneOf", List.of("ledger", "source"));
            }
            if (registry.oauth(system(c, named)).isEmpty()) {
                throw new InvalidInputException("side", "oauth.unsupported", system(c, named));
            }
            return named;
        }
        List<Side> oauth = Arrays.stream(Side.values()).filter(s -> registry.oauth(system(c, s)).isPresent()).toList();
        if (oauth.size() != 1) {
            throw new InvalidInputException("side", oauth.isEmpty() ? "oauth.unsupported" : "field.required",
                    c.sourceSystem + ", " + c.ledgerSystem);
        }
        return oauth.get(0);
    }

    private static String system(ConnectionEntity c, Side side) {
        return side == Side.SOURCE ? c.sourceSystem : c.ledgerSystem;
    }

    /**
     * Exchanges the code, stores the tokens, records who consented as the connection's {@code activatedBy} when the
     * vendor tells it and nobody has set one (R11), and answers the connection (reconnected if it needed it); a source
     * installed again subscribes its webhook again.
     */
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
        if (parts.length != 4 || Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(clock.instant())) {
            throw new InvalidInputException("state", "oauth.state");
        }
        UUID id = UUID.fromString(parts[0]);
        ConnectionEntity c = connections.byId(id);
        Side side = Side.valueOf(parts[2]);
        if (!connections.consentTaken(id, side, parts[3])) {
            // used already, or a newer consent of this side was started since: never twice, never a stale one
            throw new InvalidInputException("state", "oauth.state");
        }
        OAuth2Connect oauth = registry.oauth(system(c, side))
                .orElseThrow(() -> new InvalidInputException("state", "oauth.state"));
        Map<String, String> exchanged = new HashMap<>(oauth.exchangeCode(code, redirectUri));
        String consentingUser = exchanged.remove(OAuth2Connect.CONSENTING_USER);
        connections.storeCredentials(id, exchanged);
        if (consentingUser != null && !consentingUser.isBlank()) {
            connections.recordActivatedBy(id, consentingUser.strip());
        }
        connections.reconnected(id);
        if (side == Side.SOURCE) {
            sourceEvents.sourceReconnected(id);
        }
        return id;
    }
}
