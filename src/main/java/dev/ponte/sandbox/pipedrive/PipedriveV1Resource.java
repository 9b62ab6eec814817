package dev.ponte.sandbox.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Contact;
import dev.ponte.sandbox.pipedrive.PipedriveModel.DealField;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Envelope;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Option;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Organization;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Person;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Price;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Product;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * API v1 paths Ponte uses: users/me, dealFields, itemSearch/field, and persons/organizations/products by id.
 * The saved v1 spec no longer lists persons/organizations/products or itemSearch (research-notes §2, risk 4), so
 * those serve the v2 entity shapes (openapi-v2.yaml examples); {@link PipedriveV2Resource} has the v2 paths.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/pipedrive/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PipedriveV1Resource {

    private static final Set<String> FIELD_TYPES = Set.of("varchar", "varchar_auto", "text", "double", "monetary",
            "date", "set", "enum", "user", "org", "people", "phone", "time", "timerange", "daterange", "address");

    private final Pipedrive state;

    public PipedriveV1Resource(Pipedrive state) {
        this.state = state;
    }

    /**
     * openapi-v1.yaml /users/me: admin rights are in {@code access[].admin}. The root {@code is_admin} flag is not in
     * the saved spec; it is added because the live API has returned it on user objects (a guess to verify).
     */
    @GET
    @Path("users/me")
    public Envelope<Map<String, Object>> me(@Context ContainerRequestContext request) {
        boolean admin = PipedriveDealsResource.userId(request) == Pipedrive.ADMIN_USER_ID;
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", admin ? Pipedrive.ADMIN_USER_ID : Pipedrive.REGULAR_USER_ID);
        me.put("name", admin ? "Sandbox Admin" : "Sandbox User");
        me.put("default_currency", "BRL");
        me.put("locale", "pt_BR");
        me.put("lang", 1);
        me.put("email", admin ? "admin@sandbox.example" : "user@sandbox.example");
        me.put("activated", true);
        me.put("is_admin", admin);
        me.put("access", List.of(
                Map.of("app", "sales", "admin", admin, "permission_set_id", UUID.nameUUIDFromBytes(new byte[] {1})),
                Map.of("app", "global", "admin", admin, "permission_set_id", UUID.nameUUIDFromBytes(new byte[] {2}))));
        me.put("active_flag", true);
        me.put("timezone_name", "America/Sao_Paulo");
        me.put("timezone_offset", "-03:00");
        me.put("is_you", true);
        me.put("is_deleted", false);
        me.put("company_id", Pipedrive.COMPANY_ID);
        me.put("company_name", "Sandbox Ltda");
        me.put("company_domain", "sandbox");
        me.put("company_country", "BR");
        return Envelope.of(me);
    }

    @GET
    @Path("dealFields")
    public Envelope<List<DealField>> dealFields(@QueryParam("start") @DefaultValue("0") int start,
                                                @QueryParam("limit") @DefaultValue("100") int limit) {
        List<DealField> all = state.dealFields.values().stream().sorted(Comparator.comparingLong(DealField::id))
                .toList();
        List<DealField> page = all.stream().skip(start).limit(limit).toList();
        return new Envelope<>(true, page, pagination(start, limit, start + page.size() < all.size()));
    }

    static Map<String, Object> pagination(int start, int limit, boolean more) {
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("start", start);
        pagination.put("limit", limit);
        pagination.put("more_items_in_collection", more);
        if (more) {
            pagination.put("next_start", start + limit);
        }
        return Map.of("pagination", pagination);
    }

    /** {@code name} required; enum/set need {@code options: [{label}]} (addDealField). */
    @POST
    @Path("dealFields")
    public Envelope<DealField> addDealField(JsonNode body) {
        String name = PipedriveJson.text(body, "name");
        String type = PipedriveJson.text(body, "field_type");
        if (name == null || name.isBlank()) {
            throw state.failure(400, "Validation failed: name: Parameter 'name' is required");
        }
        if (type == null || !FIELD_TYPES.contains(type)) {
            throw state.failure(400, "Validation failed: field_type: invalid value '" + type + "'");
        }
        List<Option> options = null;
        if (type.equals("enum") || type.equals("set")) {
            JsonNode given = body.get("options");
            if (given == null || !given.isArray() || given.isEmpty()) {
                throw state.failure(400, "Validation failed: options: required for field_type " + type);
            }
            List<Option> list = new ArrayList<>();
            given.forEach(o -> list.add(new Option(state.nextId(), o.path("label").asText())));
            options = List.copyOf(list);
        }
        long id = state.nextId();
        DealField field = new DealField(id, hashKey(), name, state.dealFields.size() + 1, type, state.v1Time(),
                state.v1Time(), true, true, false, options);
        state.dealFields.put(id, field);
        return Envelope.of(field);
    }

    private static String hashKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("persons/{id}")
    public Envelope<Person> person(@PathParam("id") long id) {
        return Envelope.of(found(state.persons.get(id), "Person"));
    }

    @GET
    @Path("organizations/{id}")
    public Envelope<Organization> organization(@PathParam("id") long id) {
        return Envelope.of(found(state.organizations.get(id), "Organization"));
    }

    @GET
    @Path("products/{id}")
    public Envelope<Product> product(@PathParam("id") long id) {
        return Envelope.of(found(state.products.get(id), "Product"));
    }

    <T> T found(T entity, String kind) {
        if (entity == null) {
            throw state.failure(404, kind + " not found");
        }
        return entity;
    }

    /** {@code name}; {@code email}/{@code phone} (v1, string or list) or {@code emails}/{@code phones} (v2). */
    @POST
    @Path("persons")
    public Envelope<Person> createPerson(JsonNode body, @Context ContainerRequestContext request) {
        String name = required(body, "name");
        Instant now = state.now();
        String[] parts = name.split(" ", 2);
        Person person = new Person(state.nextId(), name, parts[0], parts.length > 1 ? parts[1] : null,
                PipedriveDealsResource.userId(request), PipedriveJson.id(body, "org_id"), now, now,
                contacts(body, "email", "emails"), contacts(body, "phone", "phones"), false, 3, List.of(),
                PipedriveJson.customFields(body));
        state.persons.put(person.id(), person);
        return Envelope.of(person);
    }

    @POST
    @Path("organizations")
    public Envelope<Organization> createOrganization(JsonNode body, @Context ContainerRequestContext request) {
        String name = required(body, "name");
        Instant now = state.now();
        Organization org = new Organization(state.nextId(), name, PipedriveDealsResource.userId(request), now, now,
                body.get("address"), false, 3, List.of(), PipedriveJson.customFields(body));
        state.organizations.put(org.id(), org);
        return Envelope.of(org);
    }

    /** 201, as addProduct in openapi-v2.yaml (persons and organizations answer 200). */
    @POST
    @Path("products")
    @ResponseStatus(201)
    public Envelope<Product> createProduct(JsonNode body, @Context ContainerRequestContext request) {
        String name = required(body, "name");
        Instant now = state.now();
        long id = state.nextId();
        List<Price> prices = new ArrayList<>();
        JsonNode given = body.get("prices");
        if (given != null && given.isArray()) {
            given.forEach(p -> prices.add(new Price(id, PipedriveJson.decimal(p, "price"),
                    Objects.requireNonNullElse(PipedriveJson.text(p, "currency"), "BRL"),
                    PipedriveJson.decimal(p, "cost"), PipedriveJson.decimal(p, "direct_cost"),
                    PipedriveJson.text(p, "notes"))));
        }
        Product product = new Product(id, name, PipedriveJson.text(body, "code"),
                PipedriveJson.text(body, "description"), Objects.requireNonNullElse(PipedriveJson.text(body, "unit"), ""),
                Objects.requireNonNullElse(PipedriveJson.decimal(body, "tax"), BigDecimal.ZERO),
                PipedriveJson.text(body, "category"), true, false, 3, PipedriveDealsResource.userId(request), now, now,
                List.copyOf(prices), PipedriveJson.customFields(body));
        state.products.put(id, product);
        return Envelope.of(product);
    }

    private String required(JsonNode body, String field) {
        String value = body == null ? null : PipedriveJson.text(body, field);
        if (value == null || value.isBlank()) {
            throw state.failure(400, "Validation failed: " + field + ": Parameter '" + field + "' is required");
        }
        return value;
    }

    private static List<Contact> contacts(JsonNode body, String v1, String v2) {
        JsonNode node = body.has(v2) ? body.get(v2) : body.get(v1);
        List<Contact> contacts = new ArrayList<>();
        if (node != null && node.isTextual()) {
            contacts.add(new Contact(node.asText(), true, "work"));
        } else if (node != null && node.isArray()) {
            node.forEach(c -> contacts.add(c.isTextual() ? new Contact(c.asText(), contacts.isEmpty(), "work")
                    : new Contact(c.path("value").asText(), c.path("primary").asBoolean(contacts.isEmpty()),
                    c.path("label").asText("work"))));
        }
        return List.copyOf(contacts);
    }

    /** v1 answers with {@code additional_data.pagination}; see {@link PipedriveV2Resource#itemSearchField}. */
    @GET
    @Path("itemSearch/field")
    public Envelope<List<Map<String, Object>>> itemSearchField(@QueryParam("term") String term,
                                                               @QueryParam("entity_type") String entityType,
                                                               @QueryParam("field") String field,
                                                               @QueryParam("match") @DefaultValue("exact") String match,
                                                               @QueryParam("start") @DefaultValue("0") int start,
                                                               @QueryParam("limit") @DefaultValue("100") int limit) {
        List<Map<String, Object>> all = searchField(state, term, entityType, field, match);
        List<Map<String, Object>> page = all.stream().skip(start).limit(limit).toList();
        return new Envelope<>(true, page, pagination(start, limit, start + page.size() < all.size()));
    }

    /**
     * Field search (openapi-v2.yaml /itemSearch/field): {@code field} is a custom field key or a standard field
     * ({@code name}, {@code code}, {@code email}, {@code phone}); {@code exact} is case-sensitive, the other
     * modes are not. Results are {@code {id, name}}.
     */
    static List<Map<String, Object>> searchField(Pipedrive state, String term, String entityType, String field,
                                                 String match) {
        if (term == null || term.isEmpty() || entityType == null || field == null) {
            throw state.failure(400, "Parameters 'term', 'entity_type' and 'field' are required");
        }
        Stream<Object[]> candidates = switch (entityType) {
            case "person" -> state.persons.values().stream().map(p -> new Object[] {p.id(), p.name(),
                    standard(field, p.name(), null, p.emails(), p.phones(), p.customFields())});
            case "organization" -> state.organizations.values().stream().map(o -> new Object[] {o.id(), o.name(),
                    standard(field, o.name(), null, List.of(), List.of(), o.customFields())});
            case "product" -> state.products.values().stream().map(p -> new Object[] {p.id(), p.name(),
                    standard(field, p.name(), p.code(), List.of(), List.of(), p.customFields())});
            case "deal" -> state.deals.values().stream().map(d -> new Object[] {d.id(), d.title(),
                    standard(field, d.title(), null, List.of(), List.of(), d.customFields())});
            default -> throw state.failure(400, "Invalid entity_type: " + entityType);
        };
        return candidates
                .filter(c -> ((List<?>) c[2]).stream().anyMatch(v -> matches(String.valueOf(v), term, match)))
                .sorted(Comparator.comparingLong(c -> (Long) c[0]))
                .map(c -> Map.<String, Object>of("id", c[0], "name", c[1]))
                .toList();
    }

    private static List<Object> standard(String field, String name, String code, List<Contact> emails,
                                         List<Contact> phones, Map<String, Object> custom) {
        return switch (field) {
            case "name", "title" -> List.of(name);
            case "code" -> code == null ? List.of() : List.of(code);
            case "email" -> emails.stream().map(Contact::value).map(Object.class::cast).toList();
            case "phone" -> phones.stream().map(Contact::value).map(Object.class::cast).toList();
            default -> custom.get(field) == null ? List.of() : List.of(custom.get(field));
        };
    }

    private static boolean matches(String value, String term, String match) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        String t = term.toLowerCase(java.util.Locale.ROOT);
        return switch (match) {
            case "beginning" -> v.startsWith(t);
            case "middle" -> v.contains(t);
            default -> value.equals(term);
        };
    }
}
