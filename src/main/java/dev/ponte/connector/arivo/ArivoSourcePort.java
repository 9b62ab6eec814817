package dev.ponte.connector.arivo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.DealSource;
import dev.ponte.connector.Port;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.SyncFailure;
import dev.ponte.connector.TransientFailure;
import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.WebhookSubscription;
import dev.ponte.connector.arivo.ArivoDto.Contact;
import dev.ponte.connector.arivo.ArivoDto.NewWebhook;
import dev.ponte.connector.arivo.ArivoDto.Product;
import dev.ponte.connector.arivo.ArivoDto.QuoteItem;
import dev.ponte.connector.arivo.ArivoDto.Webhook;
import dev.ponte.connector.support.PacedCalls;
import dev.ponte.model.Deal;
import dev.ponte.model.DealLine;
import dev.ponte.model.DealStatus;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * One Arivo connection. Deliveries carry no signature Ponte could check, so the connection's secret travels in the
 * callback URL's {@code secret} parameter, and a delivery is only a hint: the deal it names is read again before
 * anything is queued (wave2-contracts §3, "Inbound webhook design").
 */
final class ArivoSourcePort implements Port, DealSource, WebhookInbound, WebhookSubscription {

    static final String API_KEY = "apiKey";
    static final String WEBHOOK_SECRET = "webhookSecret";
    /** The query parameter of the callback URL that carries the secret. */
    static final String SECRET_PARAMETER = "secret";
    static final String WON_EVENT = "deal.won";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PacedCalls CALLS = new PacedCalls(ArivoFailures.ERRORS);

    private final ArivoConnector.Session session;
    private final ConnectionAccess connection;
    private final ObjectMapper json;
    private final int pageSize;

    ArivoSourcePort(ArivoConnector.Session session, ConnectionAccess connection, ObjectMapper json, int pageSize) {
        this.session = session;
        this.connection = connection;
        this.json = json;
        this.pageSize = pageSize;
    }

    /** R16: the vendor's own credential test, {@code GET /teams?per_page=1}. */
    @Override
    public List<FieldError> test() {
        String key = connection.credentials().get(API_KEY);
        if (key == null || key.isBlank()) {
            return List.of(new FieldError("credentials." + API_KEY, "the API key is required"));
        }
        try {
            call(() -> session.api().teams(1));
            return List.of();
        } catch (CredentialsFailure refused) {
            return List.of(new FieldError("credentials." + API_KEY, "Arivo refused the API key: "
                    + refused.getMessage()));
        }
    }

    @Override
    public Optional<Deal> deal(String id) {
        if (!validId(id)) {
            return Optional.empty();
        }
        Optional<ArivoDto.Deal> found = find(() -> session.api().deal(id));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ArivoDto.Deal d = found.get();
        Contact company = d.companyId() == null ? null : find(() -> session.api().contact(d.companyId())).orElse(null);
        Contact person = d.contactId() == null ? null : find(() -> session.api().contact(d.contactId())).orElse(null);
        return Optional.of(mapped(d.id(), () -> {
            List<DealLine> lines = new ArrayList<>();
            for (QuoteItem q : d.quoteItems() == null ? List.<QuoteItem>of() : d.quoteItems()) {
                Product product = q.productId() == null ? null
                        : find(() -> session.api().product(q.productId())).orElse(null);
                lines.add(ArivoMapping.line(q, product));
            }
            return ArivoMapping.deal(d, company, person, lines);
        }));
    }

    /**
     * Shallow deals (no parties, no lines). Arivo has no updated-since filter: deals are listed newest change first
     * and the listing stops at the first one older than {@code since}. The cursor is the page number of the
     * {@code X-Next-Page} URL (only its number is taken, so the key never goes to a host the header names).
     */
    @Override
    public DealPage dealsChangedSince(Instant since, String cursor) {
        Integer page = cursor == null ? null : Integer.valueOf(cursor);
        RestResponse<JsonNode> answer = call(() -> session.api().deals("updated_at", "desc", pageSize, page));
        List<Deal> deals = new ArrayList<>();
        boolean older = false;
        for (JsonNode node : items(answer.getEntity())) {
            ArivoDto.Deal d = read(node, ArivoDto.Deal.class, "data");
            Deal deal = mapped(d.id(), () -> ArivoMapping.deal(d, null, null, List.of()));
            if (since != null && deal.updateTime() != null && deal.updateTime().isBefore(since)) {
                older = true;
                break;
            }
            deals.add(deal);
        }
        return new DealPage(deals, older ? null : nextPage(answer.getHeaderString("X-Next-Page")));
    }

    private static String nextPage(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String query = URI.create(url.strip()).getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("page=") && pair.substring(5).matches("\\d{1,9}")) {
                        return pair.substring(5);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // Not a URL: no next page Ponte can follow.
        }
        Log.warnf("Arivo: X-Next-Page without a page number, listing stopped");
        return null;
    }

    /** A listing's items: a bare array or {@code {data:[…]}}. */
    private static List<JsonNode> items(JsonNode body) {
        JsonNode array = body == null ? null : body.isArray() ? body : body.path("data");
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    /**
     * Checks the URL's secret in constant time, then takes the deal's id from {@code data.id}, {@code deal.id} or, in
     * a body that is a bare deal, {@code id} (the payload's shape is unknown) and reads the deal: only its fetched status counts. The event
     * id is deal, status and {@code updated_at}, the same on a repeated delivery.
     */
    @Override
    public Optional<SourceEvent> read(Delivery delivery) {
        String secret = connection.credentials().get(WEBHOOK_SECRET);
        if (secret == null) {
            throw new CredentialsFailure("no webhook secret is stored for this connection");
        }
        String given = delivery.query().getOrDefault(SECRET_PARAMETER, "");
        if (!MessageDigest.isEqual(sha256(secret), sha256(given))) {
            throw new CredentialsFailure("the webhook delivery's secret does not match this connection");
        }
        JsonNode body;
        try {
            body = json.readTree(delivery.body());
        } catch (IOException e) {
            throw new RejectedFailure("the webhook body is not JSON", List.of(new FieldError("body", "unreadable JSON")));
        }
        if (body == null || !body.isObject()) {
            throw new RejectedFailure("the webhook body is not an Arivo payload",
                    List.of(new FieldError("body", "not a JSON object")));
        }
        String event = body.path("event").asText(null);
        if (event != null && !event.startsWith("deal.")) {
            return Optional.empty();
        }
        String id = firstId(body);
        if (id == null) {
            Log.infof("Arivo delivery without a deal id ignored; its top-level fields: %s",
                    iterable(body.fieldNames()));
            return Optional.empty();
        }
        if (!validId(id)) {
            throw new RejectedFailure("the webhook names no Arivo deal", List.of(new FieldError("id", "not an Arivo id")));
        }
        ArivoDto.Deal d;
        try {
            d = find(() -> session.api().deal(id)).orElse(null);
        } catch (CredentialsFailure | TransientFailure unreadable) {
            return Optional.of(hint(id, delivery.body(), unreadable));
        }
        if (d == null) {
            return Optional.empty();
        }
        Deal deal = mapped(d.id(), () -> ArivoMapping.deal(d, null, null, List.of()));
        return Optional.of(new SourceEvent("deal:" + id + ":" + d.status() + ":" + d.updatedAt(), id, deal));
    }

    /**
     * A verified delivery whose deal cannot be read now (the key refused, Arivo busy or down) is not lost: only
     * {@code deal.won} is subscribed, so it is queued as a won deal; the job reads the deal before acting, and waits
     * for a reconnect or retries like any other (R16). Its event id is the delivery's digest, the same on a repeat.
     */
    private static SourceEvent hint(String id, byte[] body, SyncFailure unreadable) {
        Log.infof("Arivo deal %s could not be read again (%s): queued from its delivery", id,
                unreadable.getClass().getSimpleName());
        String digest = HexFormat.of().formatHex(sha256(new String(body, StandardCharsets.UTF_8))).substring(0, 32);
        Deal won = new Deal(id, "", DealStatus.WON, null, null, null, null, null, null, List.of(), Map.of(), null);
        return new SourceEvent("deal:" + id + ":delivery:" + digest, id, won);
    }

    private static String firstId(JsonNode body) {
        for (JsonNode candidate : List.of(body.path("data").path("id"), body.path("deal").path("id"))) {
            if (candidate.isTextual() || candidate.isNumber()) {
                return candidate.asText();
            }
        }
        // A bare deal as the body; a top-level id beside a nested record is the delivery's own.
        JsonNode id = body.path("id");
        boolean bareDeal = !body.has("object") || "deal".equals(body.path("object").asText());
        return bareDeal && (id.isTextual() || id.isNumber()) ? id.asText() : null;
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    /** Ids become paths and job subjects: digits and letters only. */
    private static boolean validId(String id) {
        return id != null && id.matches("[A-Za-z0-9_-]{1,40}");
    }

    /**
     * Subscribes {@code deal.won} with a new secret in the callback URL, stored before Arivo has it, then removes the
     * older subscriptions of the same URL, so re-subscribing rotates the secret without a gap.
     */
    @Override
    public void subscribe(String url) {
        String secret = newSecret();
        connection.storeCredentials(Map.of(WEBHOOK_SECRET, secret));
        String callback = url + (url.contains("?") ? "&" : "?") + SECRET_PARAMETER + "="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        Webhook created = call(() -> session.api().addWebhook(new NewWebhook(callback, WON_EVENT)));
        subscriptions(url).stream().filter(w -> !w.id().equals(created.id())).forEach(w -> delete(w.id()));
    }

    @Override
    public void unsubscribe(String url) {
        subscriptions(url).forEach(w -> delete(w.id()));
    }

    /** Subscriptions whose callback is {@code url} with any secret. */
    private List<Webhook> subscriptions(String url) {
        List<Webhook> mine = new ArrayList<>();
        for (JsonNode node : items(call(() -> session.api().webhooks()))) {
            Webhook w = read(node, Webhook.class, "webhooks");
            String callback = w.callbackUrl() == null ? "" : w.callbackUrl();
            int query = callback.indexOf('?');
            if (w.id() != null && url.equals(query < 0 ? callback : callback.substring(0, query))) {
                mine.add(w);
            }
        }
        return mine;
    }

    private void delete(String webhookId) {
        // Already gone is what we wanted.
        find(() -> {
            session.api().deleteWebhook(webhookId);
            return Boolean.TRUE;
        });
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(JsonNode node, Class<T> type, String field) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new RejectedFailure("Arivo sent a record Ponte cannot read", List.of(new FieldError(field,
                    "not a value Arivo sends here")));
        }
    }

    /** A record the model refuses (e.g. a quote item with quantity 0) is a problem with the data, not a bug. */
    private static Deal mapped(String dealId, Supplier<Deal> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RejectedFailure("Arivo deal " + dealId + " cannot be read: " + e.getMessage(),
                    List.of(new FieldError("deal", String.valueOf(e.getMessage()))));
        }
    }

    private <T> T call(Supplier<T> request) {
        requireKey();
        return CALLS.call(session.pacer(), request);
    }

    private <T> Optional<T> find(Supplier<T> request) {
        requireKey();
        return CALLS.find(session.pacer(), request);
    }

    private void requireKey() {
        if (connection.credentials().get(API_KEY) == null) {
            throw new CredentialsFailure("no Arivo API key is stored for this connection");
        }
    }
}
