package dev.ponte.connector.testcrm;

import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.Connector;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.DealSource;
import dev.ponte.connector.OAuth2Connect;
import dev.ponte.connector.Port;
import dev.ponte.connector.RateBudget;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.WebhookInbound;
import dev.ponte.model.Deal;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A vendor that exists only in the tests, to show that a new source is one package: it offers deals and webhooks
 * (a secret in the URL, as Moskit and Arivo will), connects by an OAuth2 consent of its own as a shop app does, and
 * WonDealToSale runs on it with no main class knowing it. Its
 * "CRM account" is this bean's memory (a {@code @Singleton}, so a test reaches its field without a proxy); a webhook
 * names a deal by id.
 */
@Singleton
public class TestCrmConnector implements Connector {

    public static final String SYSTEM = "TEST_CRM";
    static final String SECRET = "secret";
    static final String OAUTH_TOKEN = "oauthToken";

    /** The account's deals, by id; tests put and change them. */
    final Map<String, Deal> deals = new ConcurrentHashMap<>();

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Side side() {
        return Side.SOURCE;
    }

    @Override
    public String label() {
        return "Test CRM";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(new CredentialField(SECRET, "The secret its webhook URLs carry"));
    }

    @Override
    public Set<Class<?>> capabilities() {
        return Set.of(DealSource.class, WebhookInbound.class);
    }

    /** Consent at once: the "authorize page" sends the browser straight back with a code, which is the token. */
    @Override
    public Optional<OAuth2Connect> oauth() {
        return Optional.of(new OAuth2Connect() {
            @Override
            public URI authorizeUrl(String state, String redirectUri) {
                return UriBuilder.fromUri(redirectUri).queryParam("code", "granted-" + UUID.randomUUID())
                        .queryParam("state", state).build();
            }

            @Override
            public Map<String, String> exchangeCode(String code, String redirectUri) {
                return Map.of(OAUTH_TOKEN, code);
            }
        });
    }

    @Override
    public Port open(ConnectionAccess connection) {
        return new TestCrmPort(connection);
    }

    /** Its deals are in memory: no vendor calls to count. */
    @Override
    public Optional<RateBudget.Usage> usage(UUID connectionId) {
        return Optional.empty();
    }

    private final class TestCrmPort implements Port, DealSource, WebhookInbound {

        private final ConnectionAccess connection;

        TestCrmPort(ConnectionAccess connection) {
            this.connection = connection;
        }

        /** Both the typed secret and the token its consent brought must be there. */
        @Override
        public List<FieldError> test() {
            return connection.credentials().keySet().containsAll(List.of(SECRET, OAUTH_TOKEN)) ? List.of()
                    : List.of(new FieldError("credentials", "the secret and the consent's token are required"));
        }

        @Override
        public Optional<Deal> deal(String id) {
            return Optional.ofNullable(deals.get(id));
        }

        @Override
        public DealPage dealsChangedSince(Instant since, String cursor) {
            return new DealPage(deals.values().stream().filter(d -> since == null || !d.updateTime().isBefore(since))
                    .sorted(Comparator.comparing(Deal::updateTime)).toList(), null);
        }

        /** {@code ?secret=…&deal=<id>}: the deal as it is now, under an event id of the deal and its update time. */
        @Override
        public Optional<SourceEvent> read(Delivery delivery) {
            String expected = connection.credentials().getOrDefault(SECRET, "");
            String given = delivery.query().getOrDefault(SECRET, "");
            if (expected.isEmpty() || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    given.getBytes(StandardCharsets.UTF_8))) {
                throw new CredentialsFailure("the delivery does not carry this connection's secret");
            }
            Deal deal = deals.get(delivery.query().getOrDefault("deal", ""));
            return deal == null ? Optional.empty()
                    : Optional.of(new SourceEvent(deal.id() + "@" + deal.updateTime(), deal.id(), deal));
        }
    }
}
