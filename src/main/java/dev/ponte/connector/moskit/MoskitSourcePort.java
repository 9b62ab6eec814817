package dev.ponte.connector.moskit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.CustomFieldLabels;
import dev.ponte.connector.DealSource;
import dev.ponte.connector.Port;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.RemotePage;
import dev.ponte.connector.RequestPacer;
import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.moskit.MoskitDto.Company;
import dev.ponte.connector.moskit.MoskitDto.Contact;
import dev.ponte.connector.moskit.MoskitDto.CustomField;
import dev.ponte.connector.moskit.MoskitDto.DealProduct;
import dev.ponte.connector.moskit.MoskitDto.Product;
import dev.ponte.connector.moskit.MoskitDto.Ref;
import dev.ponte.connector.moskit.MoskitDto.Stage;
import dev.ponte.connector.moskit.MoskitDto.WebhookBody;
import dev.ponte.connector.moskit.MoskitDto.WebhookDeal;
import dev.ponte.connector.support.Paging;
import dev.ponte.connector.support.PacedCalls;
import dev.ponte.model.Deal;
import dev.ponte.model.DealLine;
import dev.ponte.model.Party;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * One Moskit connection: its deals with their first company and first contact (R4 picks the company), product lines
 * in centavos, custom fields by id and by label, and its pipeline through the deal's stage (R14). Webhooks are set up
 * in Moskit's own screen and carry no signature, so the URL a person pastes there holds the connection's secret
 * ({@code /hooks/{connection}?secret=…}), compared in constant time; a delivery is only a hint, the flow reads the
 * deal again. Every call waits for the connection's {@link RequestPacer} slot; a 429 with a short {@code retry-after}
 * is waited out here, a longer one goes to the job engine.
 */
final class MoskitSourcePort implements Port, DealSource, WebhookInbound, CustomFieldLabels {

    static final String API_KEY = "apikey";
    static final String WEBHOOK_SECRET = "webhookSecret";
    /** The query parameter of the webhook URL that carries the secret. */
    static final String SECRET_PARAM = "secret";
    static final int MIN_SECRET_LENGTH = 16;
    /** {@code /deals} pages hold 10 deals whatever is asked (community measurement). */
    static final int PAGE = 10;
    /** How many pages of {@code /deals} one call of {@link #dealsChangedSince} reads at most looking for a change. */
    private static final int PAGES_PER_CALL = 50;

    private static final PacedCalls CALLS = new PacedCalls(MoskitFailures.ERRORS);

    private final MoskitApi api;
    private final RequestPacer pacer;
    private final MoskitReference reference;
    private final ConnectionAccess connection;
    private final ObjectMapper json;

    MoskitSourcePort(MoskitApi api, RequestPacer pacer, MoskitReference reference, ConnectionAccess connection,
            ObjectMapper json) {
        this.api = api;
        this.pacer = pacer;
        this.reference = reference;
        this.connection = connection;
        this.json = json;
    }

    /** R16: the key must list the account's users; the webhook secret must be there and long enough to guess. */
    @Override
    public List<FieldError> test() {
        List<FieldError> errors = new ArrayList<>();
        String secret = connection.credentials().get(WEBHOOK_SECRET);
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
            errors.add(new FieldError("credentials." + WEBHOOK_SECRET, "a secret of at least " + MIN_SECRET_LENGTH
                    + " characters is required: it goes in the webhook URL pasted in Moskit"));
        }
        String key = connection.credentials().get(API_KEY);
        if (key == null || key.isBlank()) {
            errors.add(new FieldError("credentials." + API_KEY, "the API key is required"));
            return errors;
        }
        try {
            call(() -> api.users(null));
        } catch (CredentialsFailure refused) {
            errors.add(new FieldError("credentials." + API_KEY, refused.getMessage()));
        }
        return errors;
    }

    @Override
    public Optional<Deal> deal(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        long dealId = Long.parseLong(id);
        Optional<MoskitDto.Deal> found = find(() -> api.deal(dealId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MoskitDto.Deal d = found.get();
        Map<String, CustomField> fields = fields();
        Optional<Company> company = first(d.companies()).flatMap(c -> find(() -> api.company(c)));
        Optional<Contact> contact = first(d.contacts()).flatMap(c -> find(() -> api.contact(c)));
        Map<String, String> custom = new LinkedHashMap<>(MoskitMapping.customFields("", d.entityCustomFields(), fields));
        company.ifPresent(c -> {
            if (c.cnpj() != null && !c.cnpj().isBlank()) {
                custom.put(MoskitMapping.ORG_PREFIX + "cnpj", c.cnpj());
            }
            custom.putAll(MoskitMapping.customFields(MoskitMapping.ORG_PREFIX, c.entityCustomFields(), fields));
        });
        contact.ifPresent(c -> custom.putAll(
                MoskitMapping.customFields(MoskitMapping.PERSON_PREFIX, c.entityCustomFields(), fields)));
        String pipeline = pipeline(d.stage());
        return Optional.of(mapped(d.id(), () -> {
            Party organization = company.map(MoskitMapping::company).orElse(null);
            Party person = contact.map(MoskitMapping::contact).orElse(null);
            return MoskitMapping.deal(d, pipeline, organization, person, lines(d), custom);
        }));
    }

    private List<DealLine> lines(MoskitDto.Deal d) {
        List<DealLine> lines = new ArrayList<>();
        if (d.dealProducts() == null) {
            return lines;
        }
        for (DealProduct line : d.dealProducts()) {
            Long productId = line.product() == null ? null : line.product().id();
            Product product = productId == null ? null
                    : reference.product(productId, () -> find(() -> api.product(productId))).orElse(null);
            lines.add(MoskitMapping.line(line, product));
        }
        return lines;
    }

    private static Optional<Long> first(List<Ref> refs) {
        return refs == null ? Optional.empty()
                : refs.stream().filter(r -> r != null && r.id() != null).map(Ref::id).findFirst();
    }

    /**
     * Moskit has no "changed since" filter (none found, wave2-contracts §1), so this scans {@code /deals} by offset,
     * ascending by id, and keeps the deals created or closed at or after {@code since}; the cursor is the next
     * offset. A call reads pages until one holds such a deal or the listing ends (at most {@value #PAGES_PER_CALL}).
     * Shallow: the deals' own fields only; the flow reads each with {@link #deal}.
     */
    @Override
    public DealPage dealsChangedSince(Instant since, String cursor) {
        int start = cursor == null ? 0 : parseCursor(cursor);
        List<Deal> changed = new ArrayList<>();
        for (int page = 0; page < PAGES_PER_CALL; page++) {
            int offset = start;
            List<MoskitDto.Deal> deals = call(() -> api.deals(offset, "id", "asc"));
            if (deals == null || deals.isEmpty()) {
                return new DealPage(changed, null);
            }
            start += deals.size();
            for (MoskitDto.Deal d : deals) {
                Deal deal = mapped(d.id(), () -> MoskitMapping.deal(d, pipeline(d.stage()), null, null, List.of(),
                        Map.of()));
                if (since == null || deal.updateTime() != null && !deal.updateTime().isBefore(since)) {
                    changed.add(deal);
                }
            }
            if (deals.size() < PAGE) {
                return new DealPage(changed, null);
            }
            if (!changed.isEmpty()) {
                break;
            }
        }
        return new DealPage(changed, String.valueOf(start));
    }

    private static int parseCursor(String cursor) {
        if (!cursor.matches("\\d{1,9}")) {
            throw new RejectedFailure("not a Moskit listing cursor", List.of(new FieldError("cursor", cursor)));
        }
        return Integer.parseInt(cursor);
    }

    /**
     * {@code ?secret=} must be this connection's secret, compared by digest in constant time. Only deals are acted
     * on; the event id is the deal, its status and its close date, the same on Moskit's retries (what the payload's
     * {@code metadata.hash} identifies is unknown, so it is not relied on).
     */
    @Override
    public Optional<SourceEvent> read(Delivery delivery) {
        verifySecret(delivery.query());
        WebhookBody payload;
        try {
            payload = json.readValue(delivery.body(), WebhookBody.class);
        } catch (IOException e) {
            throw new RejectedFailure("the webhook body is not a Moskit payload",
                    List.of(new FieldError("body", "unreadable JSON")));
        }
        if (payload == null || payload.metadata() == null || !"deal".equals(payload.metadata().entity())) {
            return Optional.empty();
        }
        WebhookDeal after = payload.after();
        if (after == null) {
            return Optional.empty();
        }
        if (after.id() == null) {
            throw new RejectedFailure("the webhook names no Moskit deal",
                    List.of(new FieldError("after.id", "missing")));
        }
        Deal deal = mapped(after.id(), () -> MoskitMapping.webhookDeal(after, null));
        String eventId = "deal:" + after.id() + ":" + after.status() + ":" + after.closeDate();
        return Optional.of(new SourceEvent(eventId, String.valueOf(after.id()), deal));
    }

    /** Moskit's webhooks are set up in its own screen: the URL carries the connection's secret. */
    @Override
    public Optional<String> addressToPaste(String hookUrl) {
        String secret = connection.credentials().get(WEBHOOK_SECRET);
        return secret == null || secret.isBlank() ? Optional.empty()
                : Optional.of(hookUrl + "?" + SECRET_PARAM + "=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    private void verifySecret(Map<String, String> query) {
        String expected = connection.credentials().get(WEBHOOK_SECRET);
        if (expected == null || expected.isBlank()) {
            throw new CredentialsFailure("no webhook secret is stored for this connection");
        }
        String given = query.getOrDefault(SECRET_PARAM, "");
        if (!MessageDigest.isEqual(sha256(expected), sha256(given))) {
            throw new CredentialsFailure("the delivery does not carry this connection's webhook secret");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stage's pipeline; the stages are read again once when the stage is new to them. */
    private String pipeline(Ref stage) {
        if (stage == null || stage.id() == null) {
            return null;
        }
        String pipeline = stages().get(stage.id());
        if (pipeline == null) {
            reference.forgetStages();
            pipeline = stages().get(stage.id());
        }
        return pipeline;
    }

    private Map<Long, String> stages() {
        return reference.stages(() -> {
            Map<Long, String> byStage = new HashMap<>();
            for (Stage s : all(api::stages)) {
                if (s.id() != null && s.pipeline() != null && s.pipeline().id() != null) {
                    byStage.put(s.id(), String.valueOf(s.pipeline().id()));
                }
            }
            return Map.copyOf(byStage);
        });
    }

    /** Moskit names a field's record in its {@code module}: DEAL, COMPANY or CONTACT; inactive fields are left out. */
    @Override
    public java.util.Set<String> customFieldLabels(Scope scope) {
        return fields().values().stream().filter(f -> f.name() != null && !Boolean.FALSE.equals(f.active())
                && scope.name().equalsIgnoreCase(f.module())).map(CustomField::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private Map<String, CustomField> fields() {
        return reference.fields(() -> {
            Map<String, CustomField> byId = new HashMap<>();
            all(api::customFields).stream().filter(f -> f.id() != null).forEach(f -> byId.put(f.id(), f));
            return Map.copyOf(byId);
        });
    }

    /** Every item of a list paged by the next-page-token header. */
    private <T> List<T> all(Function<String, RestResponse<List<T>>> read) {
        return Paging.cursored(Paging.MAX_PAGES, cursor -> {
            RestResponse<List<T>> page = call(() -> read.apply(cursor));
            String next = page.getHeaderString(MoskitApi.NEXT_PAGE_TOKEN);
            List<T> items = page.getEntity();
            return new RemotePage<>(items == null ? List.of() : items, next == null || next.isBlank() ? null : next);
        }).toList();
    }

    /** A record the model refuses (e.g. a line with quantity 0) is a problem with the data, not a bug. */
    private static Deal mapped(Long dealId, Supplier<Deal> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RejectedFailure("Moskit deal " + dealId + " cannot be read: " + e.getMessage(),
                    List.of(new FieldError("deal", String.valueOf(e.getMessage()))));
        }
    }

    /** One paced call; a 404 is a rejection here (see {@link #find} where absence is an answer). */
    private <T> T call(Supplier<T> request) {
        requireKey();
        return CALLS.call(pacer, request);
    }

    private <T> Optional<T> find(Supplier<T> request) {
        requireKey();
        return CALLS.find(pacer, request);
    }

    private void requireKey() {
        String key = connection.credentials().get(API_KEY);
        if (key == null || key.isBlank()) {
            throw new CredentialsFailure("no Moskit API key is stored for this connection");
        }
    }
}
