package dev.ponte.connector.nuvemshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.OrderSource;
import dev.ponte.connector.Port;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.WebhookSubscription;
import dev.ponte.connector.nuvemshop.NuvemshopDto.NewWebhook;
import dev.ponte.connector.nuvemshop.NuvemshopDto.Webhook;
import dev.ponte.connector.support.PacedCalls;
import dev.ponte.model.Order;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * One store's connection: its orders, its webhook subscriptions, and the deliveries to its hook URL, each verified by
 * the HMAC-SHA256 of the raw body with the app's secret before any byte of it is parsed.
 */
final class NuvemshopSourcePort implements Port, OrderSource, WebhookInbound, WebhookSubscription {

    static final String ACCESS_TOKEN = "nuvemshopAccessToken";
    static final String STORE_ID = "nuvemshopStoreId";
    static final String SCOPE = "nuvemshopScope";
    /** What Ponte subscribes: the paid order (R40), and the uninstall (R16). */
    static final List<String> EVENTS = List.of("order/paid", "app/uninstalled");
    /** A 429 is waited out in place when it asks for at most 2 s (a slot of the bucket frees in 0.5 s). */
    private static final PacedCalls CALLS = new PacedCalls(NuvemshopFailures.ERRORS);
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final NuvemshopConnector.Session session;
    private final ConnectionAccess connection;
    private final ObjectMapper json;
    private final byte[] appSecret;
    private final int pageSize;

    NuvemshopSourcePort(NuvemshopConnector.Session session, ConnectionAccess connection, ObjectMapper json,
            String appSecret, int pageSize) {
        this.session = session;
        this.connection = connection;
        this.json = json;
        this.appSecret = appSecret == null ? null : appSecret.getBytes(StandardCharsets.UTF_8);
        this.pageSize = pageSize;
    }

    /** R16: the store answers with the stored token ({@code GET /store}). */
    @Override
    public List<FieldError> test() {
        if (token() == null || store() == null) {
            return List.of(new FieldError("credentials",
                    "the app is not installed in the store: open the connection's consent link (side=source)"));
        }
        try {
            call(() -> session.api().store(store()));
            return List.of();
        } catch (CredentialsFailure refused) {
            return List.of(new FieldError("credentials", refused.getMessage()));
        }
    }

    /** By its {@code id}, never its {@code number} (wave2-contracts §2, "Orders"). */
    @Override
    public Optional<Order> order(String id) {
        if (!validId(id)) {
            return Optional.empty();
        }
        return find(() -> session.api().order(store(), id)).map(o -> mapped(o.id(), () -> NuvemshopMapping.order(o)));
    }

    /**
     * Orders with {@code updated_at_min} = {@code since} (the caller takes off its overlap), oldest first. The cursor
     * is the page number of the {@code Link} header's {@code rel="next"} URL: only its number is taken, so the token
     * never goes to a host a header names.
     */
    @Override
    public OrderPage ordersChangedSince(Instant since, String cursor) {
        Integer page = cursor == null ? null : Integer.valueOf(cursor);
        String min = since == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(since.atOffset(ZoneOffset.UTC));
        RestResponse<List<NuvemshopDto.Order>> answer = call(() -> session.api().orders(store(), min, pageSize, page));
        List<Order> orders = new ArrayList<>();
        for (NuvemshopDto.Order o : answer.getEntity() == null ? List.<NuvemshopDto.Order>of() : answer.getEntity()) {
            orders.add(mapped(o.id(), () -> NuvemshopMapping.order(o)));
        }
        return new OrderPage(orders, nextPage(answer.getHeaderString("Link")));
    }

    static String nextPage(String link) {
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        if (!m.find()) {
            return null;
        }
        try {
            String query = URI.create(m.group(1).strip()).getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith("page=") && pair.substring(5).matches("\\d{1,9}")) {
                    return pair.substring(5);
                }
            }
        } catch (IllegalArgumentException e) {
            // Not a URL: no next page Ponte can follow.
        }
        Log.warnf("Nuvemshop: a Link rel=next without a page number; listing stopped");
        return null;
    }

    /**
     * Verifies the signature on the raw bytes in constant time, then reads the body: {@code order/paid} is an order
     * event (the job reads the order before acting), {@code app/uninstalled} disconnects, and the three privacy
     * events, which carry no {@code event} field, are known by their fields. A delivery for another store (the app's
     * secret signs every store's) is refused like an unsigned one.
     */
    @Override
    public Optional<SourceEvent> read(Delivery delivery) {
        NuvemshopSignature.verify(appSecret, delivery);
        JsonNode body;
        try {
            body = json.readTree(delivery.body());
        } catch (IOException e) {
            throw new RejectedFailure("the webhook body is not JSON", List.of(new FieldError("body", "unreadable JSON")));
        }
        if (body == null || !body.isObject()) {
            throw new RejectedFailure("the webhook body is not a Nuvemshop payload",
                    List.of(new FieldError("body", "not a JSON object")));
        }
        String store = text(body.path("store_id"));
        if (store == null) {
            throw new RejectedFailure("the webhook names no store", List.of(new FieldError("store_id", "missing")));
        }
        if (!store.equals(store())) {
            throw new CredentialsFailure("the delivery is for another store than this connection's");
        }
        String event = text(body.path("event"));
        if (event == null) {
            return Optional.of(NuvemshopPrivacy.request(store, body));
        }
        String id = text(body.path("id"));
        String eventId = store + ":" + event + ":" + id;
        return switch (event) {
            case "order/paid" -> {
                if (!validId(id)) {
                    throw new RejectedFailure("the webhook names no order", List.of(new FieldError("id",
                            "not a Nuvemshop id")));
                }
                yield Optional.of(SourceEvent.order(eventId, id));
            }
            case "app/uninstalled" -> Optional.of(SourceEvent.disconnected(eventId));
            default -> Optional.empty();
        };
    }

    /** Subscribes each event Ponte acts on to {@code url} unless already subscribed (the HMAC needs no new secret). */
    @Override
    public void subscribe(String url) {
        List<Webhook> existing = subscriptions(url);
        for (String event : EVENTS) {
            if (existing.stream().noneMatch(w -> event.equals(w.event()))) {
                call(() -> session.api().subscribe(store(), new NewWebhook(event, url)));
            }
        }
    }

    @Override
    public void unsubscribe(String url) {
        for (Webhook w : subscriptions(url)) {
            // Already gone is what we wanted.
            find(() -> session.api().unsubscribe(store(), w.id()));
        }
    }

    private List<Webhook> subscriptions(String url) {
        List<Webhook> all = call(() -> session.api().webhooks(store(), url));
        return all == null ? List.of() : all.stream().filter(w -> url.equals(w.url()) && w.id() != null).toList();
    }

    private static String text(JsonNode node) {
        return node.isTextual() || node.isNumber() ? node.asText() : null;
    }

    /** Ids become paths and job subjects: digits only, as the vendor's are. */
    static boolean validId(String id) {
        return id != null && id.matches("\\d{1,20}");
    }

    /** An order the model refuses (e.g. a quantity of 0, a price that is no number) is a problem with the data. */
    private static Order mapped(String orderId, Supplier<Order> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RejectedFailure("Nuvemshop order " + orderId + " cannot be read: " + e.getMessage(),
                    List.of(new FieldError("order", String.valueOf(e.getMessage()))));
        }
    }

    private String token() {
        return connection.credentials().get(ACCESS_TOKEN);
    }

    private String store() {
        return connection.credentials().get(STORE_ID);
    }

    private <T> T call(Supplier<T> request) {
        requireInstall();
        return CALLS.call(session.pacer(), request);
    }

    private <T> Optional<T> find(Supplier<T> request) {
        requireInstall();
        return CALLS.find(session.pacer(), request);
    }

    private void requireInstall() {
        if (token() == null || store() == null) {
            throw new CredentialsFailure("the Nuvemshop app is not installed for this connection: open its consent "
                    + "link (oauth/authorize?side=source)");
        }
    }
}
