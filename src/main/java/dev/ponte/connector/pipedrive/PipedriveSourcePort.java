package dev.ponte.connector.pipedrive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.DealFields;
import dev.ponte.connector.DealSource;
import dev.ponte.connector.Port;
import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.WebhookSubscription;
import dev.ponte.connector.RemotePage;
import dev.ponte.connector.support.Paging;
import dev.ponte.connector.support.VendorCalls;
import dev.ponte.connector.pipedrive.PipedriveDto.DealField;
import dev.ponte.connector.pipedrive.PipedriveDto.DealProduct;
import dev.ponte.connector.pipedrive.PipedriveDto.Envelope;
import dev.ponte.connector.pipedrive.PipedriveDto.NewDealField;
import dev.ponte.connector.pipedrive.PipedriveDto.NewWebhook;
import dev.ponte.connector.pipedrive.PipedriveDto.Option;
import dev.ponte.connector.pipedrive.PipedriveDto.Organization;
import dev.ponte.connector.pipedrive.PipedriveDto.Person;
import dev.ponte.connector.pipedrive.PipedriveDto.Product;
import dev.ponte.connector.pipedrive.PipedriveDto.User;
import dev.ponte.connector.pipedrive.PipedriveDto.Webhook;
import dev.ponte.connector.pipedrive.PipedriveDto.WebhookBody;
import dev.ponte.connector.pipedrive.PipedriveDto.WebhookMeta;
import dev.ponte.model.Deal;
import dev.ponte.model.DealLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One Pipedrive connection. Deal custom fields of type enum or set come back as their option labels, not ids
 * (R65), using the deal field definitions read once per port; organization and person custom fields are raw.
 * Webhook deals are mapped from the payload alone, so their enum values stay option ids.
 */
final class PipedriveSourcePort implements Port, DealSource, DealFields, WebhookInbound, WebhookSubscription {

    static final String API_TOKEN = "apiToken";
    static final String WEBHOOK_USER = "webhookUser";
    static final String WEBHOOK_PASSWORD = "webhookPassword";
    /** The largest page v2 allows. */
    private static final int PAGE = 500;
    /** v1 dealFields pages by start/limit; the spec gives no maximum: 500, as v2 allows, is the guess (package-info). */
    private static final int FIELD_PAGE = 500;
    private static final String WEBHOOK_NAME = "Ponte";
    private static final String WEBHOOK_USER_NAME = "ponte";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final VendorCalls CALLS = new VendorCalls(PipedriveFailures.ERRORS);

    private final PipedriveApi api;
    private final ReferenceData reference;
    private final ConnectionAccess connection;
    private final ObjectMapper json;

    PipedriveSourcePort(PipedriveApi api, ReferenceData reference, ConnectionAccess connection, ObjectMapper json) {
        this.api = api;
        this.reference = reference;
        this.connection = connection;
        this.json = json;
    }

    /** R16: only an admin's token sees every deal and may create fields and webhooks. */
    @Override
    public List<FieldError> test() {
        String token = connection.credentials().get(API_TOKEN);
        if (token == null || token.isBlank()) {
            return List.of(new FieldError("credentials.apiToken", "the API token is required"));
        }
        User me;
        try {
            me = call(api::me).data();
        } catch (CredentialsFailure refused) {
            return List.of(new FieldError("credentials.apiToken", "Pipedrive refused the API token: "
                    + refused.getMessage()));
        }
        boolean admin = Boolean.TRUE.equals(me.isAdmin()) || me.access() != null
                && me.access().stream().anyMatch(a -> "global".equals(a.app()) && a.admin());
        return admin ? List.of() : List.of(new FieldError("credentials.apiToken",
                "the token belongs to " + me.name() + ", who is not an admin: Pipedrive needs an admin user's API token"));
    }

    @Override
    public Optional<Deal> deal(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        long dealId = Long.parseLong(id);
        Optional<PipedriveDto.Deal> found = find(() -> api.deal(dealId).data());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PipedriveDto.Deal d = found.get();
        // The three reads only need the deal: sent together, they cost one round trip instead of three.
        CompletionStage<Envelope<Organization>> orgRead = d.orgId() == null ? null
                : started(() -> api.organization(d.orgId()));
        CompletionStage<Envelope<Person>> personRead = d.personId() == null ? null
                : started(() -> api.person(d.personId()));
        CompletionStage<Envelope<List<DealProduct>>> linesRead = started(() -> api.dealProducts(d.id(), PAGE, null));
        Optional<Organization> org = orgRead == null ? Optional.empty() : find(() -> joined(orgRead).data());
        Optional<Person> person = personRead == null ? Optional.empty() : find(() -> joined(personRead).data());
        Map<String, String> partyFields = new LinkedHashMap<>();
        org.ifPresent(o -> partyFields.putAll(PipedriveMapping.prefixed(PipedriveMapping.ORG_PREFIX, o.customFields())));
        person.ifPresent(p -> partyFields.putAll(
                PipedriveMapping.prefixed(PipedriveMapping.PERSON_PREFIX, p.customFields())));
        return Optional.of(mapped(d.id(), () -> {
            List<DealLine> lines = lines(d, linesRead);
            return PipedriveMapping.deal(d, dealFields(d), org.map(PipedriveMapping::organization).orElse(null),
                    person.map(PipedriveMapping::person).orElse(null), lines, partyFields);
        }));
    }

    private List<DealLine> lines(PipedriveDto.Deal d, CompletionStage<Envelope<List<DealProduct>>> firstPage) {
        List<DealProduct> attached = Paging.cursored(Paging.MAX_PAGES, cursor -> {
            CompletionStage<Envelope<List<DealProduct>>> read = cursor == null ? firstPage
                    : started(() -> api.dealProducts(d.id(), PAGE, cursor));
            Envelope<List<DealProduct>> page = call(() -> joined(read));
            return new RemotePage<>(page.data() == null ? List.of() : page.data(),
                    page.additionalData() == null ? null : page.additionalData().nextCursor());
        }).toList();
        List<DealLine> lines = new ArrayList<>();
        for (DealProduct line : attached) {
            if (Boolean.FALSE.equals(line.isEnabled())) {
                continue;
            }
            Optional<Product> product = reference.product(line.productId(),
                    () -> find(() -> api.product(line.productId()).data()));
            lines.add(PipedriveMapping.line(line, product.orElse(null), d.currency()));
        }
        return lines;
    }

    /** Starts an asynchronous read; a failure to even send it surfaces when it is joined. */
    private static <T> CompletionStage<T> started(Supplier<CompletionStage<T>> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Waits for an asynchronous read; its failure is thrown as the synchronous call would have thrown it. */
    private static <T> T joined(CompletionStage<T> read) {
        try {
            return read.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Shallow: the deals' own fields only (no parties, no lines); the flow reads each with {@link #deal}. */
    @Override
    public DealPage dealsChangedSince(Instant since, String cursor) {
        // v2 wants RFC 3339; whole seconds, rounded down so that nothing at the boundary is missed.
        String updatedSince = since == null ? null : since.truncatedTo(ChronoUnit.SECONDS).toString();
        Envelope<List<PipedriveDto.Deal>> page = call(() -> api.deals(updatedSince, PAGE, cursor));
        Map<String, DealField> fields = dealFields();
        List<Deal> deals = (page.data() == null ? List.<PipedriveDto.Deal>of() : page.data()).stream()
                .map(d -> mapped(d.id(), () -> PipedriveMapping.deal(d, fields, null, null, List.of(), Map.of())))
                .toList();
        return new DealPage(deals, page.additionalData() == null ? null : page.additionalData().nextCursor());
    }

    /**
     * Webhooks v2 carry no signature, only the basic auth given at registration: the whole {@code user:password}
     * is compared by digest in constant time. The event id is {@code meta.correlation_id} (the same on retries and
     * duplicates), else {@code meta.id} when it is not just the entity id, else entity id and timestamp: which of
     * these Pipedrive fills is not settled (research-notes §2), so this is the one place that guesses.
     */
    @Override
    public Optional<SourceEvent> read(Delivery delivery) {
        verifyBasicAuth(delivery.headers());
        WebhookBody payload;
        try {
            payload = json.readValue(delivery.body(), WebhookBody.class);
        } catch (IOException e) {
            throw new RejectedFailure("the webhook body is not a Pipedrive v2 payload",
                    List.of(new FieldError("body", "unreadable JSON")));
        }
        if (payload == null) {
            throw new RejectedFailure("the webhook body is not a Pipedrive v2 payload",
                    List.of(new FieldError("body", "not a JSON object")));
        }
        WebhookMeta meta = payload.meta();
        if (meta == null || !"deal".equals(meta.entity()) || meta.entityId() == null) {
            return Optional.empty();
        }
        // Pipedrive's ids are integers; anything else would become the job's subject and key unchecked.
        if (!meta.entityId().matches("[0-9]{1,19}")) {
            throw new RejectedFailure("the webhook names no Pipedrive deal",
                    List.of(new FieldError("meta.entity_id", "not a Pipedrive id")));
        }
        boolean deleted = "delete".equals(meta.action());
        JsonNode node = deleted ? payload.previous() : payload.data();
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        PipedriveDto.Deal d;
        try {
            d = json.treeToValue(node, PipedriveDto.Deal.class);
        } catch (JsonProcessingException e) {
            // Jackson's own message names Java types: name the field instead.
            throw new RejectedFailure("the webhook's deal is not readable",
                    List.of(new FieldError(path(deleted ? "previous" : "data", e), "not a value Pipedrive sends here")));
        }
        if (deleted) {
            d = new PipedriveDto.Deal(d.id(), d.title(), d.value(), d.currency(), "deleted", d.wonTime(),
                    d.updateTime(), d.pipelineId(), d.personId(), d.orgId(), d.ownerId(), d.customFields());
        }
        PipedriveDto.Deal received = PipedriveMapping.withReadableTimes(d);
        Deal deal = mapped(received.id(), () -> PipedriveMapping.deal(received, Map.of(), null, null, List.of(), Map.of()));
        return Optional.of(new SourceEvent(eventId(meta), meta.entityId(), deal));
    }

    /** The JSON path of the value Jackson could not read, e.g. {@code data.value}. */
    private static String path(String root, JsonProcessingException e) {
        StringBuilder path = new StringBuilder(root);
        if (e instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append('.').append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        return path.toString();
    }

    private static String eventId(WebhookMeta meta) {
        if (meta.correlationId() != null && !meta.correlationId().isBlank()) {
            return meta.correlationId();
        }
        if (meta.id() != null && !meta.id().equals(meta.entityId())) {
            return meta.id();
        }
        return "deal:" + meta.entityId() + ":" + meta.action() + ":" + meta.timestamp();
    }

    private void verifyBasicAuth(Map<String, String> headers) {
        String user = connection.credentials().get(WEBHOOK_USER);
        String password = connection.credentials().get(WEBHOOK_PASSWORD);
        if (user == null || password == null) {
            throw new CredentialsFailure("no webhook credentials are stored for this connection");
        }
        String authorization = headers.entrySet().stream().filter(e -> "authorization".equalsIgnoreCase(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("");
        String given = "";
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                given = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                given = "";
            }
        }
        if (!MessageDigest.isEqual(sha256(user + ":" + password), sha256(given))) {
            throw new CredentialsFailure("the webhook delivery's basic auth does not match this connection");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Subscribes to every action on deals ({@code *}: a deal may be created already won, and deletions matter) with
     * a new basic-auth password, stored before Pipedrive has it, then removes older subscriptions of the same URL, so
     * re-subscribing rotates the password without a gap.
     */
    @Override
    public void subscribe(String url) {
        String password = newSecret();
        connection.storeCredentials(Map.of(WEBHOOK_USER, WEBHOOK_USER_NAME, WEBHOOK_PASSWORD, password));
        Webhook created = call(() -> api.addWebhook(
                new NewWebhook(url, "*", "deal", WEBHOOK_NAME, WEBHOOK_USER_NAME, password, "2.0"))).data();
        subscriptions(url).stream().filter(w -> w.id() != created.id()).forEach(w -> delete(w.id()));
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void unsubscribe(String url) {
        subscriptions(url).forEach(w -> delete(w.id()));
    }

    private List<Webhook> subscriptions(String url) {
        List<Webhook> all = call(api::webhooks).data();
        return all == null ? List.of() : all.stream().filter(w -> url.equals(w.subscriptionUrl())).toList();
    }

    private void delete(long webhookId) {
        // Already gone is what we wanted.
        find(() -> {
            api.deleteWebhook(webhookId);
            return Boolean.TRUE;
        });
    }

    /** Labels are matched without case; see {@link #newField} for the types of the fields created. */
    @Override
    public Map<String, String> ensureDealFields(List<NewField> fields) {
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, String> existing = new HashMap<>();
        allDealFields().forEach(f -> existing.putIfAbsent(f.name().strip().toLowerCase(Locale.ROOT), f.key()));
        for (NewField field : fields) {
            String key = existing.get(field.label().strip().toLowerCase(Locale.ROOT));
            if (key == null) {
                key = call(() -> api.addDealField(newField(field))).data().key();
                existing.put(field.label().strip().toLowerCase(Locale.ROOT), key);
                reference.forgetDealFields();
            }
            keys.put(field.label(), key);
        }
        return keys;
    }

    /** A choice is a single-option field ({@code enum}: Pipedrive has no boolean type, and it shows as a dropdown). */
    static NewDealField newField(NewField field) {
        return switch (field.type()) {
            case CHOICE -> new NewDealField(field.label(), "enum",
                    field.options().stream().map(o -> new Option(null, o)).toList());
            case DATE -> new NewDealField(field.label(), "date", null);
            case TEXT -> new NewDealField(field.label(), "varchar", null);
        };
    }

    private Map<String, DealField> dealFields() {
        return reference.dealFields(() -> {
            Map<String, DealField> byKey = new HashMap<>();
            allDealFields().forEach(f -> byKey.put(f.key(), f));
            return Map.copyOf(byKey);
        });
    }

    /** The definitions, read again when the deal has a custom field they do not know (created since they were read). */
    private Map<String, DealField> dealFields(PipedriveDto.Deal d) {
        Map<String, DealField> fields = dealFields();
        boolean unknown = d.customFields() != null && d.customFields().entrySet().stream()
                .anyMatch(e -> e.getValue() != null && !e.getValue().isNull() && !fields.containsKey(e.getKey()));
        if (!unknown) {
            return fields;
        }
        reference.forgetDealFields();
        return dealFields();
    }

    /** v1 pages by start/limit: the next page's start is the cursor. */
    private List<DealField> allDealFields() {
        return Paging.cursored(Paging.MAX_PAGES, cursor -> {
            Envelope<List<DealField>> page = call(() -> api.dealFields(cursor == null ? 0 : Integer.parseInt(cursor),
                    FIELD_PAGE));
            var pagination = page.additionalData() == null ? null : page.additionalData().pagination();
            boolean more = pagination != null && Boolean.TRUE.equals(pagination.moreItemsInCollection())
                    && pagination.nextStart() != null;
            return new RemotePage<>(page.data() == null ? List.of() : page.data(),
                    more ? String.valueOf(pagination.nextStart()) : null);
        }).toList();
    }

    /** A record the model refuses (e.g. a line with quantity 0) is a problem with the data, not a bug. */
    private static Deal mapped(long dealId, Supplier<Deal> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RejectedFailure("Pipedrive deal " + dealId + " cannot be read: " + e.getMessage(),
                    List.of(new FieldError("deal", String.valueOf(e.getMessage()))));
        }
    }

    /** Calls Pipedrive; a 404 is a rejection here (see {@link #find} where absence is an answer). */
    private <T> T call(Supplier<T> request) {
        requireToken();
        return CALLS.call(request);
    }

    private <T> Optional<T> find(Supplier<T> request) {
        requireToken();
        return CALLS.find(request);
    }

    private void requireToken() {
        if (connection.credentials().get(API_TOKEN) == null) {
            throw new CredentialsFailure("no Pipedrive API token is stored for this connection");
        }
    }
}
