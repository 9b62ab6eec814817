package dev.ponte.connector.reviso;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.CustomerLedger;
import dev.ponte.connector.ItemCatalog;
import dev.ponte.connector.Port;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.RemotePage;
import dev.ponte.connector.reviso.RevisoConnector.Session;
import dev.ponte.connector.support.Paging;
import dev.ponte.connector.support.ShortRetry;
import dev.ponte.connector.support.VendorCalls;
import dev.ponte.connector.reviso.RevisoDto.Customer;
import dev.ponte.connector.reviso.RevisoDto.CustomerRef;
import dev.ponte.connector.reviso.RevisoDto.LayoutRef;
import dev.ponte.connector.reviso.RevisoDto.NewProduct;
import dev.ponte.connector.reviso.RevisoDto.NewQuotation;
import dev.ponte.connector.reviso.RevisoDto.Notes;
import dev.ponte.connector.reviso.RevisoDto.Page;
import dev.ponte.connector.reviso.RevisoDto.PaymentTermsRef;
import dev.ponte.connector.reviso.RevisoDto.Product;
import dev.ponte.connector.reviso.RevisoDto.ProductGroupRef;
import dev.ponte.connector.reviso.RevisoDto.ProductRef;
import dev.ponte.connector.reviso.RevisoDto.ProvinceEntry;
import dev.ponte.connector.reviso.RevisoDto.QuotationLine;
import dev.ponte.connector.reviso.RevisoDto.Recipient;
import dev.ponte.connector.reviso.RevisoDto.References;
import dev.ponte.connector.reviso.RevisoDto.Self;
import dev.ponte.connector.reviso.RevisoDto.VatZoneRef;
import dev.ponte.model.Address;
import dev.ponte.model.Choice;
import dev.ponte.model.CustomerTerms;
import dev.ponte.model.Item;
import dev.ponte.model.LedgerParty;
import dev.ponte.model.ItemKind;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.PaymentMode;
import dev.ponte.model.PaymentTerm;
import dev.ponte.model.Quote;
import dev.ponte.model.Quote.QuoteLine;
import dev.ponte.model.ReferenceData;
import dev.ponte.model.SalesDocument;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import dev.ponte.model.TaxRate;
import dev.ponte.model.TermField;
import dev.ponte.model.Unit;
import dev.ponte.model.VatZone;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One connection's Reviso agreement: customers (both ways), reference data, catalogue and quotations. Every call
 * carries both tokens, paces itself, and waits out a short 429 (STYLE: seconds here, minutes in the job engine).
 */
final class RevisoLedgerPort implements Port, ItemCatalog, CustomerLedger {

    /** Stops a listing that ignores {@code skippages} from looping forever. */
    private static final int MAX_PAGES = 10_000;
    /** Article codes per {@code $or} filter, which keeps the query string short. */
    private static final int CODES_PER_CALL = 40;
    /** A 429 whose Retry-After is at most 2 s is waited out here, up to 3 times; a longer one goes to the engine. */
    private static final ShortRetry SHORT_RETRY = new ShortRetry(3, Duration.ofSeconds(2));
    private static final VendorCalls CALLS = new VendorCalls(RevisoFailures.ERRORS);
    private static final String CUSTOMER_ORDER = "lastUpdated,customerNumber";

    private final Session session;
    private final ConnectionAccess connection;
    private final String defaultAppSecret;
    private final int pageSize;

    RevisoLedgerPort(Session session, ConnectionAccess connection, String defaultAppSecret, int pageSize) {
        this.session = session;
        this.connection = connection;
        this.defaultAppSecret = defaultAppSecret;
        this.pageSize = pageSize;
    }

    /** {@code /self} answers only for a valid pair of tokens. */
    @Override
    public List<FieldError> test() {
        try {
            call((app, grant) -> session.api().self(app, grant));
            return List.of();
        } catch (CredentialsFailure refused) {
            return List.of(new FieldError("credentials." + RevisoConnector.AGREEMENT_GRANT_TOKEN,
                    "Reviso refused the agreement's tokens: " + refused.getMessage()));
        }
    }

    /** Reviso keeps one catalogue of products (services are products too). */
    @Override
    public List<ItemKind> kinds() {
        return List.of(ItemKind.PRODUCT);
    }

    /** No tag of Reviso's makes a product a service: it keeps services as products. */
    @Override
    public boolean alwaysService(Item item) {
        return false;
    }

    // --- customers found by tax id (CustomerLedger) ---

    @Override
    public List<LedgerParty> findCustomersByTaxId(TaxId taxId) {
        String property = switch (taxId.kind()) {
            case PARTITA_IVA -> "vatNumber";
            case CODICE_FISCALE -> "corporateIdentificationNumber";
            default -> null;
        };
        if (property == null) {
            return List.of();
        }
        return customersWhere(property + "$eq:" + escape(taxId.value())).stream()
                .map(this::toLedgerCustomer).filter(c -> taxId.equals(c.party().taxId()))
                .map(c -> new LedgerParty(c.id(), c.party().name(), c.party().taxId())).toList();
    }

    @Override
    public List<LedgerCustomer> findCustomersByName(String name) {
        return customersWhere("name$eq:" + escape(name)).stream().map(this::toLedgerCustomer)
                .filter(c -> name.equals(c.party().name())).toList();
    }

    private List<Customer> customersWhere(String filter) {
        return all((app, grant, skip) -> session.api().customers(app, grant, filter, null, skip, pageSize));
    }

    // --- ItemCatalog ---

    /** Reviso keeps one catalogue of products, so both kinds are looked up there. */
    @Override
    public List<LedgerItem> findItemsByCode(ItemKind kind, String code) {
        String wanted = code.strip();
        return productsWhere("productNumber$eq:" + escape(wanted)).stream()
                .filter(p -> wanted.equals(p.productNumber())).map(RevisoLedgerPort::toLedgerItem).toList();
    }

    @Override
    public List<LedgerItem> findItemsByName(ItemKind kind, String name) {
        String wanted = name.strip();
        return productsWhere("name$eq:" + escape(wanted)).stream()
                .filter(p -> p.name() != null && wanted.equals(p.name().strip()))
                .map(RevisoLedgerPort::toLedgerItem).toList();
    }

    /**
     * {@code POST /products} with the official sample's fields; the article code is the product number, so an item
     * without one is refused. Services become products too, in the agreement's first product group.
     */
    @Override
    public LedgerItem createItem(Item item) {
        if (item.code() == null) {
            throw new RejectedFailure("Reviso needs an article code (productNumber) for every product",
                    List.of(new FieldError("code", "required by Reviso")));
        }
        int group = cached("productGroup", () -> call((app, grant) -> session.api().productGroups(app, grant, 0,
                pageSize)).items().stream().findFirst()
                .orElseThrow(() -> new RejectedFailure("the Reviso agreement has no product group", List.of()))
                .productGroupNumber());
        NewProduct body = new NewProduct(item.code(), item.name(), item.price() == null ? null
                : item.price().amount(), new ProductGroupRef(group));
        Product created = call((app, grant) -> session.api().createProduct(app, grant, body));
        return toLedgerItem(created);
    }

    private static LedgerItem toLedgerItem(Product p) {
        return new LedgerItem(p.productNumber(), ItemKind.PRODUCT, p.productNumber(), p.name());
    }

    private List<Product> productsWhere(String filter) {
        return all((app, grant, skip) -> session.api().products(app, grant, filter, null, skip, pageSize));
    }

    // --- CustomerLedger: customers ---

    /**
     * Ordered by {@code lastUpdated} then {@code customerNumber}; the cursor is the last customer's pair, and the next
     * page asks for what comes after it ({@code lastUpdated$gt:T$or:lastUpdated$eq:T$and:customerNumber$gt:N}), so a
     * customer changed while paging moves to a later page instead of shifting the others past a page boundary.
     * Reviso's {@code lastUpdated} has whole seconds, so "at or after {@code since}" asks for {@code $gt} one second
     * before {@code since} (truncated): a little overlap, never a gap.
     */
    @Override
    public RemotePage<LedgerCustomer> customers(Instant since, String cursor) {
        String filter;
        if (cursor != null) {
            int bar = cursor.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("not a Reviso customer cursor: " + cursor);
            }
            String t = cursor.substring(0, bar);
            filter = "lastUpdated$gt:" + t + "$or:lastUpdated$eq:" + t + "$and:customerNumber$gt:"
                    + cursor.substring(bar + 1);
        } else if (since != null) {
            filter = "lastUpdated$gt:" + since.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        } else {
            filter = null;
        }
        Page<Customer> page = call((app, grant) -> session.api().customers(app, grant, filter, CUSTOMER_ORDER, 0,
                pageSize));
        List<LedgerCustomer> items = page.items().stream().map(this::toLedgerCustomer).toList();
        String next = null;
        if (page.hasNext() && !page.items().isEmpty()) {
            Customer last = page.items().get(page.items().size() - 1);
            Instant t = parseInstant(last.lastUpdated());
            next = (t == null ? Instant.EPOCH : t) + "|" + last.customerNumber();
        }
        return new RemotePage<>(items, next);
    }

    @Override
    public Optional<LedgerCustomer> customer(String id) {
        return customersWhere("customerNumber$eq:" + number(id, "customerId")).stream().findFirst()
                .map(this::toLedgerCustomer);
    }

    @Override
    public LedgerCustomer createCustomer(Party party, CustomerTerms terms) {
        List<FieldError> missing = new ArrayList<>();
        for (TermField field : TermField.values()) {
            if (field.mandatory() && terms.get(field) == null) {
                missing.add(new FieldError(fieldName(field), "required by Reviso"));
            }
        }
        if (!missing.isEmpty()) {
            throw new RejectedFailure("Reviso requires " + String.join(", ", missing.stream().map(FieldError::field)
                    .toList()) + " on every customer", missing);
        }
        ObjectNode body = write(JsonNodeFactory.instance.objectNode(), party, terms);
        return toLedgerCustomer(call((app, grant) -> session.api().createCustomer(app, grant, body)));
    }

    /**
     * A PUT replaces the whole customer, so this reads it and overlays the synced fields: fields Ponte does not sync
     * (e.g. {@code italianCustomerType}, {@code splitPayment}) and terms absent from {@code terms} stay as they are.
     */
    @Override
    public LedgerCustomer updateCustomer(String id, Party party, CustomerTerms terms) {
        int number = number(id, "customerId");
        ObjectNode stored = call((app, grant) -> session.api().customer(app, grant, number));
        ObjectNode body = write(stored, party, terms);
        return toLedgerCustomer(call((app, grant) -> session.api().replaceCustomer(app, grant, number, body)));
    }

    /**
     * Party and terms onto Reviso's customer JSON. The Partita IVA goes without the IT prefix into {@code vatNumber},
     * a codice fiscale into {@code corporateIdentificationNumber}; a party without a tax id leaves both as they are
     * (a foreign VAT number Ponte cannot represent is kept). The province goes only for Italy, as its number from
     * {@code /provinces/IT}; a province without any country is still sent, with Italy's number, so that Reviso
     * answers the seed's "needs to have a country code" refusal rather than Ponte dropping the province silently.
     */
    private ObjectNode write(ObjectNode node, Party party, CustomerTerms terms) {
        node.put("name", party.name());
        TaxId taxId = party.taxId();
        if (taxId != null && taxId.kind() == TaxIdKind.PARTITA_IVA) {
            node.put("vatNumber", taxId.value());
        } else if (taxId != null && taxId.kind() == TaxIdKind.CODICE_FISCALE) {
            node.put("corporateIdentificationNumber", taxId.value());
            node.remove("vatNumber");
        }
        text(node, "email", party.email());
        text(node, "telephoneAndFaxNumber", party.businessPhone());
        text(node, "mobilePhone", party.mobilePhone());
        Address address = party.address();
        String country = address != null && address.countryCode() != null ? address.countryCode()
                : party.countryCode();
        text(node, "address", address == null || address.street() == null ? null
                : address.number() == null ? address.street() : address.street() + " " + address.number());
        text(node, "city", address == null ? null : address.city());
        text(node, "zip", address == null ? null : address.postalCode());
        if (country != null) {
            node.putObject("countryCode").put("code", country);
        } else {
            node.remove("countryCode");
        }
        String province = address == null ? null : address.province();
        if (province != null && (country == null || country.equals("IT"))) {
            Integer provinceNumber = provinceNumbers().get(province.strip().toUpperCase(Locale.ROOT));
            if (provinceNumber == null) {
                throw new RejectedFailure("Reviso knows no Italian province " + province,
                        List.of(new FieldError("address.province", "not an Italian province code: " + province)));
            }
            ObjectNode p = node.putObject("province");
            if (country != null) {
                p.putObject("countryCode").put("code", country);
            }
            p.put("provinceNumber", provinceNumber);
        } else {
            node.remove("province");
        }
        List<FieldError> bad = new ArrayList<>();
        terms.values().forEach((field, code) -> {
            if (field == TermField.CURRENCY) {
                node.put("currency", code);
                return;
            }
            if (!code.matches("\\d{1,9}")) {
                bad.add(new FieldError(fieldName(field), "Reviso expects a number, not " + code));
                return;
            }
            String[] ref = reference(field);
            node.putObject(ref[0]).put(ref[1], Integer.parseInt(code));
        });
        if (!bad.isEmpty()) {
            throw new RejectedFailure("Reviso expects numbers for these customer fields", bad);
        }
        return node;
    }

    private static void text(ObjectNode node, String property, String value) {
        if (value == null) {
            node.remove(property);
        } else {
            node.put(property, value);
        }
    }

    /** The Reviso object and number property of a term, e.g. {@code paymentType.paymentTypeNumber}. */
    private static String[] reference(TermField field) {
        return switch (field) {
            case CUSTOMER_GROUP -> new String[] {"customerGroup", "customerGroupNumber"};
            case PAYMENT_TERMS -> new String[] {"paymentTerms", "paymentTermsNumber"};
            case PAYMENT_MODE -> new String[] {"paymentType", "paymentTypeNumber"};
            case VAT_ZONE -> new String[] {"vatZone", "vatZoneNumber"};
            case PRICE_GROUP -> new String[] {"priceGroup", "priceGroupNumber"};
            case CURRENCY -> new String[] {"currency", "code"};
        };
    }

    /** Ponte's name of a term field in field errors, e.g. {@code paymentMode}. */
    static String fieldName(TermField field) {
        String[] words = field.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    /**
     * A Reviso customer as a party: the Partita IVA from {@code vatNumber} when it is Italian and valid, else the
     * codice fiscale from {@code corporateIdentificationNumber}; the kind follows the tax id (company without one).
     */
    private LedgerCustomer toLedgerCustomer(Customer c) {
        String country = c.countryCode() == null ? null : validCountry(c.countryCode().code());
        TaxId taxId = null;
        if (c.vatNumber() != null && (country == null || country.equals("IT"))) {
            taxId = TaxId.tryParse(TaxIdKind.PARTITA_IVA, c.vatNumber()).orElse(null);
        }
        if (taxId == null && c.corporateIdentificationNumber() != null) {
            taxId = TaxId.tryParseItalian(c.corporateIdentificationNumber()).orElse(null);
        }
        String province = c.province() == null || c.province().provinceNumber() == null ? null
                : provinceCodes().get(c.province().provinceNumber());
        Address address = c.address() == null && c.city() == null && c.zip() == null && country == null
                && province == null ? null : new Address(c.address(), null, c.city(), province, c.zip(), country);
        Party party = new Party(taxId == null ? PartyKind.COMPANY : taxId.personType(),
                c.name() == null || c.name().isBlank() ? "#" + c.customerNumber() : c.name(), taxId, c.email(),
                c.telephoneAndFaxNumber(), c.mobilePhone(), country, null, address, null);
        Map<TermField, String> terms = new EnumMap<>(TermField.class);
        terms.put(TermField.CURRENCY, c.currency());
        terms.put(TermField.CUSTOMER_GROUP, c.customerGroup() == null ? null : str(c.customerGroup().customerGroupNumber()));
        terms.put(TermField.PAYMENT_TERMS, c.paymentTerms() == null ? null : str(c.paymentTerms().paymentTermsNumber()));
        terms.put(TermField.PAYMENT_MODE, c.paymentType() == null ? null : str(c.paymentType().paymentTypeNumber()));
        terms.put(TermField.VAT_ZONE, c.vatZone() == null ? null : str(c.vatZone().vatZoneNumber()));
        terms.put(TermField.PRICE_GROUP, c.priceGroup() == null ? null : str(c.priceGroup().priceGroupNumber()));
        return new LedgerCustomer(String.valueOf(c.customerNumber()), party, new CustomerTerms(terms),
                parseInstant(c.lastUpdated()));
    }

    private static String str(Integer number) {
        return number == null ? null : number.toString();
    }

    private static String validCountry(String code) {
        return code != null && code.strip().matches("[A-Za-z]{2}") ? code.strip().toUpperCase(Locale.ROOT) : null;
    }

    private static Instant parseInstant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // --- CustomerLedger: agreement and reference data ---

    /** {@code company.countryCode.code} of {@code /self}, else its {@code country} name read as Italian or English. */
    @Override
    public String agreementCountry() {
        return cached("agreementCountry", () -> {
            Self self = call((app, grant) -> session.api().self(app, grant));
            if (self.company() != null && self.company().countryCode() != null
                    && validCountry(self.company().countryCode().code()) != null) {
                return validCountry(self.company().countryCode().code());
            }
            String name = self.company() == null ? null : self.company().country();
            for (String iso : Locale.getISOCountries()) {
                Locale country = new Locale("", iso);
                if (name != null && (name.equalsIgnoreCase(country.getDisplayCountry(Locale.ITALIAN))
                        || name.equalsIgnoreCase(country.getDisplayCountry(Locale.ENGLISH)))) {
                    return iso;
                }
            }
            throw new RejectedFailure("the country of the Reviso agreement is unknown (" + name + ")", List.of());
        });
    }

    private String baseCurrency() {
        return cached("baseCurrency", () -> {
            Self self = call((app, grant) -> session.api().self(app, grant));
            String currency = self.settings() == null ? null : self.settings().baseCurrency();
            return currency == null || !currency.matches("[A-Z]{3}") ? "EUR" : currency;
        });
    }

    /** Scope from the zone number (1 Domestic, 2 EU, 3 Abroad, identifiers.md); any other zone is OTHER. */
    @Override
    public List<VatZone> vatZones() {
        return all((app, grant, skip) -> session.api().vatZones(app, grant, skip, pageSize)).stream()
                .map(z -> new VatZone(String.valueOf(z.vatZoneNumber()), name(z.name(), z.vatZoneNumber()),
                        switch (z.vatZoneNumber()) {
                            case 1 -> VatZone.Scope.DOMESTIC;
                            case 2 -> VatZone.Scope.EU;
                            case 3 -> VatZone.Scope.ABROAD;
                            default -> VatZone.Scope.OTHER;
                        }, !Boolean.FALSE.equals(z.enabledForCustomer())))
                .toList();
    }

    /** Every value of each extra field; VAT zones only those enabled for customers. */
    @Override
    public Map<TermField, List<Choice>> choices() {
        Map<TermField, List<Choice>> choices = new EnumMap<>(TermField.class);
        choices.put(TermField.CURRENCY, all((app, grant, skip) -> session.api().currencies(app, grant, skip,
                pageSize)).stream().map(c -> new Choice(c.code(), name(c.name(), c.code()))).toList());
        choices.put(TermField.CUSTOMER_GROUP, all((app, grant, skip) -> session.api().customerGroups(app, grant, skip,
                pageSize)).stream().map(g -> choice(g.customerGroupNumber(), g.name())).toList());
        choices.put(TermField.PAYMENT_TERMS, all((app, grant, skip) -> session.api().paymentTerms(app, grant, skip,
                pageSize)).stream().map(t -> choice(t.paymentTermsNumber(), t.name())).toList());
        choices.put(TermField.PAYMENT_MODE, all((app, grant, skip) -> session.api().paymentTypes(app, grant, skip,
                pageSize)).stream().map(t -> choice(t.paymentTypeNumber(), t.name())).toList());
        choices.put(TermField.VAT_ZONE, vatZones().stream().filter(VatZone::enabledForCustomer)
                .map(z -> new Choice(z.code(), z.name())).toList());
        choices.put(TermField.PRICE_GROUP, all((app, grant, skip) -> session.api().priceGroups(app, grant, skip,
                pageSize)).stream().map(g -> choice(g.priceGroupNumber(), g.name())).toList());
        return choices;
    }

    private static Choice choice(int number, String name) {
        return new Choice(String.valueOf(number), name(name, number));
    }

    private static String name(String name, Object code) {
        return name == null || name.isBlank() ? String.valueOf(code) : name;
    }

    /** Reviso keeps provinces for Italy only ({@code /provinces/IT}). */
    @Override
    public List<String> provinces(String countryCode) {
        return "IT".equalsIgnoreCase(countryCode) ? List.copyOf(provinceNumbers().keySet()) : List.of();
    }

    private Map<String, Integer> provinceNumbers() {
        return cached("provinceNumbers", () -> {
            Map<String, Integer> numbers = new java.util.LinkedHashMap<>();
            for (ProvinceEntry p : all((app, grant, skip) -> session.api().provinces(app, grant, "IT", skip,
                    pageSize))) {
                numbers.put(p.code().toUpperCase(Locale.ROOT), p.provinceNumber());
            }
            return Map.copyOf(numbers);
        });
    }

    private Map<Integer, String> provinceCodes() {
        return cached("provinceCodes", () -> {
            Map<Integer, String> codes = new java.util.HashMap<>();
            provinceNumbers().forEach((code, number) -> codes.put(number, code));
            return Map.copyOf(codes);
        });
    }

    @Override
    public ReferenceData referenceData() {
        List<TaxRate> rates = all((app, grant, skip) -> session.api().vatAccounts(app, grant, skip, pageSize))
                .stream().filter(a -> a.vatCode() != null && a.ratePercentage() != null)
                .map(a -> new TaxRate(a.vatCode(), name(a.name(), a.vatCode()), a.ratePercentage())).toList();
        List<PaymentTerm> terms = all((app, grant, skip) -> session.api().paymentTerms(app, grant, skip, pageSize))
                .stream().map(t -> new PaymentTerm(String.valueOf(t.paymentTermsNumber()),
                        name(t.name(), t.paymentTermsNumber()),
                        t.daysOfCredit() == null ? 0 : Math.max(0, t.daysOfCredit()))).toList();
        List<PaymentMode> modes = all((app, grant, skip) -> session.api().paymentTypes(app, grant, skip, pageSize))
                .stream().map(t -> new PaymentMode(String.valueOf(t.paymentTypeNumber()),
                        name(t.name(), t.paymentTypeNumber()))).toList();
        List<Unit> units = all((app, grant, skip) -> session.api().units(app, grant, skip, pageSize)).stream()
                .map(u -> new Unit(String.valueOf(u.unitNumber()), name(u.name(), u.unitNumber()))).toList();
        return new ReferenceData(rates, terms, modes, units);
    }

    // --- CustomerLedger: catalogue ---

    /** In product-number order; the cursor is the number of pages read ({@code skippages}). */
    @Override
    public RemotePage<Item> products(String cursor) {
        int skip = cursor == null ? 0 : Integer.parseInt(cursor);
        String currency = baseCurrency();
        Page<Product> page = call((app, grant) -> session.api().products(app, grant, null, "productNumber", skip,
                pageSize));
        List<Item> items = page.items().stream().filter(p -> p.productNumber() != null && p.name() != null)
                .map(p -> new Item(ItemKind.PRODUCT, p.productNumber(), p.name(),
                        p.salesPrice() == null ? null : Money.of(p.salesPrice(), currency),
                        p.unit() == null || p.unit().unitNumber() == null ? null : p.unit().unitNumber().toString()))
                .toList();
        return new RemotePage<>(items, page.hasNext() && !page.items().isEmpty() ? String.valueOf(skip + 1) : null);
    }

    /** One {@code productNumber$eq:…$or:…} call per {@value #CODES_PER_CALL} codes; matches are exact. */
    @Override
    public List<String> missingProducts(List<String> codes) {
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(codes.stream()
                .filter(c -> c != null && !c.isBlank()).map(String::strip).toList()));
        Set<String> found = new java.util.HashSet<>();
        for (int from = 0; from < wanted.size(); from += CODES_PER_CALL) {
            String filter = String.join("$or:", wanted.subList(from, Math.min(wanted.size(), from + CODES_PER_CALL))
                    .stream().map(c -> "productNumber$eq:" + escape(c)).toList());
            productsWhere(filter).forEach(p -> found.add(p.productNumber()));
        }
        return wanted.stream().filter(c -> !found.contains(c)).toList();
    }

    // --- CustomerLedger: quotations ---

    /** The marker lives in {@code references.other} (a guess, package-info); searched with a filter on it. */
    @Override
    public Optional<String> findQuotationByMarker(String marker) {
        return call((app, grant) -> session.api().quotations(app, grant, "references.other$eq:" + escape(marker), 0,
                pageSize)).items().stream().findFirst().map(q -> String.valueOf(q.id() != null ? q.id() : q.number()));
    }

    /**
     * The community body (date, currency, payment terms, customer, recipient with VAT zone, the agreement's first
     * layout, notes, lines with their product) plus the marker in {@code references.other}. Terms the caller leaves out come from the customer.
     * Reviso wants a product on every line, so a line without an article code is refused before calling.
     */
    @Override
    public String createQuotation(String marker, String customerId, CustomerTerms terms, Quote quote) {
        List<FieldError> errors = new ArrayList<>();
        List<QuotationLine> lines = new ArrayList<>();
        for (int i = 0; i < quote.lines().size(); i++) {
            QuoteLine line = quote.lines().get(i);
            if (line.articleCode() == null) {
                errors.add(new FieldError("lines[" + i + "].articleCode", "Reviso needs a product on every line"));
                continue;
            }
            lines.add(new QuotationLine(i + 1, line.description(), line.quantity(), line.unitPrice().amount(),
                    line.discountPercent(), new ProductRef(line.articleCode())));
        }
        if (!errors.isEmpty()) {
            throw new RejectedFailure("every line of a Reviso quotation needs an article code", errors);
        }
        LedgerCustomer customer = customer(customerId).orElseThrow(() -> new RejectedFailure(
                "no Reviso customer " + customerId, List.of(new FieldError("customerId", "not found in Reviso"))));
        String paymentTerms = first(terms, customer.terms(), TermField.PAYMENT_TERMS);
        String vatZone = first(terms, customer.terms(), TermField.VAT_ZONE);
        NewQuotation body = new NewQuotation(quote.date().toString(), quote.currency(),
                new PaymentTermsRef(number(paymentTerms, "paymentTerms")), new CustomerRef(number(customerId,
                "customerId")), new Recipient(customer.party().name(), new VatZoneRef(number(vatZone, "vatZone"))),
                new LayoutRef(layout()), new Notes(quote.number() == null ? null : "Preventivo " + quote.number(), quote.notes()),
                new References(marker), lines);
        return String.valueOf(call((app, grant) -> session.api().createQuotation(app, grant, body)).id());
    }

    /** The layout quotations are printed with: the agreement's first ({@code /layouts} lists the standard one first). */
    private int layout() {
        return cached("layout", () -> call((app, grant) -> session.api().layouts(app, grant, 0, pageSize)).items()
                .stream().findFirst()
                .orElseThrow(() -> new RejectedFailure("the Reviso agreement has no layout to print a quotation with",
                        List.of(new FieldError("layout", "none in the agreement"))))
                .layoutNumber());
    }

    private static String first(CustomerTerms given, CustomerTerms stored, TermField field) {
        return given.get(field) != null ? given.get(field) : stored.get(field);
    }

    @Override
    public byte[] quotationPdf(String id) {
        int number = number(id, "id");
        return call((app, grant) -> session.api().quotationPdf(app, grant, number));
    }

    // --- calls ---

    private static int number(String value, String field) {
        if (value == null || !value.strip().matches("\\d{1,9}")) {
            throw new RejectedFailure("Reviso expects a number for " + field + ", not " + value,
                    List.of(new FieldError(field, "not a Reviso number: " + value)));
        }
        return Integer.parseInt(value.strip());
    }

    /** Filter values escape {@code $} as {@code $$} (e-conomic's rule, a guess for Reviso). */
    static String escape(String value) {
        return value.replace("$", "$$");
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, java.util.function.Supplier<T> load) {
        Object value = session.cache().get(key);
        if (value == null) {
            value = load.get();
            session.cache().put(key, value);
        }
        return (T) value;
    }

    /** One page of a listing at a given {@code skippages}. */
    private interface Listing<T> {
        Page<T> page(String app, String grant, int skipPages);
    }

    /** Every page, by {@code skippages}, until Reviso says there is no next one. */
    private <T> List<T> all(Listing<T> listing) {
        return Paging.numbered(0, MAX_PAGES, skip -> {
            Page<T> result = call((app, grant) -> listing.page(app, grant, skip));
            return Paging.Slice.flagged(result.items(), result.hasNext());
        }).toList();
    }

    /**
     * One request with both tokens, paced. A 429 whose Retry-After is short is waited out here (the request was not
     * processed, so even a create is safe to repeat); longer waits and every other failure go to the job engine.
     */
    private <T> T call(BiFunction<String, String, T> request) {
        Map<String, String> credentials = connection.credentials();
        String app = credentials.getOrDefault(RevisoConnector.APP_SECRET_TOKEN, defaultAppSecret);
        String grant = credentials.get(RevisoConnector.AGREEMENT_GRANT_TOKEN);
        if (app == null || grant == null) {
            throw new CredentialsFailure("no Reviso " + (grant == null ? "agreement grant token" : "app secret token")
                    + " is stored; connect the agreement");
        }
        return SHORT_RETRY.run(() -> {
            session.pacer().acquire();
            return CALLS.call(() -> request.apply(app, grant));
        });
    }
}
