package dev.ponte.flow;

import dev.ponte.connector.CompanySource.FieldOption;
import dev.ponte.connector.CustomerLedger;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.mapping.LedgerOffer;
import dev.ponte.mapping.MappingTable;
import dev.ponte.mapping.MappingTables;
import dev.ponte.mapping.Preflight;
import dev.ponte.mapping.TermResolver;
import dev.ponte.model.Choice;
import dev.ponte.model.CustomerTerms;
import dev.ponte.model.Party;
import dev.ponte.model.TermField;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A connection's mapping tables applied for the two-way flows (R32, R37): the ledger's extra customer fields read from
 * and written to the CRM's company fields, completed with derivations and defaults, and checked before any call. What
 * the ledger offers (its codes, VAT zones, agreement country) is read from it and kept for a few minutes.
 */
@ApplicationScoped
public class TermsMapping {

    static final Duration OFFER_TTL = Duration.ofMinutes(5);

    private final ConnectionDirectory connections;
    private final Clock clock;
    private final Map<UUID, Offer> offers = new ConcurrentHashMap<>();

    TermsMapping(ConnectionDirectory connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    /**
     * The terms a CRM company's fields state explicitly, as ledger codes (translated where the table says; no
     * defaults or derivations, so a field the CRM leaves empty does not look like a change).
     */
    public CustomerTerms fromCrm(MappingTables tables, Map<String, String> fields) {
        Map<TermField, String> codes = new EnumMap<>(TermField.class);
        for (MappingTable table : tables.all()) {
            String value = fields.get(table.crmField());
            if (value != null && !value.isBlank()) {
                codes.put(table.field(), table.translate(value.strip()).orElse(value.strip()));
            }
        }
        return new CustomerTerms(codes);
    }

    /** The terms for creating a ledger customer from a CRM company: its fields, then derivations, then defaults. */
    public CustomerTerms complete(UUID connectionId, Map<String, String> fields, Party party, CustomerLedger ledger) {
        return new TermResolver(connections.mappings(connectionId)).toLedger(fields, party, offer(connectionId, ledger));
    }

    /** The CRM company field values (by label) that hold these terms. */
    public Map<String, String> toCrm(MappingTables tables, CustomerTerms terms) {
        return new TermResolver(tables).toCrm(terms);
    }

    /**
     * A connection's mapping tables, read once by a run and passed to {@link #fromCrm} and {@link #toCrm} for each of
     * its records (one query per run, not one per record; a table changed during a run applies from the next).
     */
    public MappingTables tables(UUID connectionId) {
        return connections.mappings(connectionId);
    }

    /** The CRM selection fields (label → the ledger's codes and names) for the ledger's extra fields (R32). */
    public Map<String, List<FieldOption>> crmFields(UUID connectionId, CustomerLedger ledger) {
        LedgerOffer offer = offer(connectionId, ledger);
        Map<String, List<FieldOption>> fields = new LinkedHashMap<>();
        for (MappingTable table : connections.mappings(connectionId).all()) {
            fields.put(table.crmField(), offer.choicesOf(table.field()).orElse(List.of()).stream()
                    .map(c -> new FieldOption(c.code(), c.name())).toList());
        }
        return fields;
    }

    /** What the ledger would refuse in this customer, explained in {@code locale}; empty when it may be sent. */
    public List<FieldError> preflight(UUID connectionId, Party party, CustomerTerms terms, CustomerLedger ledger,
            Locale locale) {
        return new Preflight(connections.mappings(connectionId)).check(party, terms, offer(connectionId, ledger))
                .stream().map(r -> new FieldError(r.field(), r.explain(locale))).toList();
    }

    /**
     * The ledger's own refusal, with an explanation in {@code locale} added when it is one of the errors Ponte knows
     * (R37: the seed's three messages).
     */
    public RejectedFailure explained(UUID connectionId, RejectedFailure refusal, Party party, Locale locale) {
        return refusal.known().map(known -> new Preflight(connections.mappings(connectionId))
                .explainLedger(known, party)).map(r -> {
                    List<FieldError> errors = new java.util.ArrayList<>(refusal.errors());
                    errors.add(0, new FieldError(r.field(), r.explain(locale)));
                    return new RejectedFailure(refusal.getMessage(), errors);
                }).orElse(refusal);
    }

    private LedgerOffer offer(UUID connectionId, CustomerLedger ledger) {
        Instant now = clock.instant();
        Offer cached = offers.get(connectionId);
        if (cached == null || cached.readAt().plus(OFFER_TTL).isBefore(now)) {
            Map<TermField, List<Choice>> choices = ledger.choices();
            cached = new Offer(new LedgerOffer(choices, ledger.vatZones(), ledger.agreementCountry(),
                    ledger::provinces), now);
            offers.put(connectionId, cached);
        }
        return cached.offer();
    }

    private record Offer(LedgerOffer offer, Instant readAt) {
    }
}
