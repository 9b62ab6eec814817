package dev.ponte.connector.crmincloud;

import dev.ponte.connector.CompanySource.SourceCompany;
import dev.ponte.connector.crmincloud.CrmInCloudDto.Company;
import dev.ponte.connector.crmincloud.CrmInCloudDto.CompanyWrite;
import dev.ponte.connector.crmincloud.CrmInCloudDto.FreeFieldValue;
import dev.ponte.connector.crmincloud.CrmInCloudDto.QuoteRow;
import dev.ponte.model.Address;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.Quote;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CRM in Cloud companies and quotes to and from the model. */
final class CrmInCloudMapping {

    static final String ORIGIN = "CRM in Cloud";
    private static final String DEFAULT_CURRENCY = "EUR";

    private CrmInCloudMapping() {
    }

    /**
     * The Partita IVA wins over the codice fiscale when both are valid; an invalid one is left out rather than
     * failing the whole page (the ledger side checks the customer it gets). The first of several e-mails (the
     * field holds a list, separated by ";" or ",") is the party's.
     */
    static SourceCompany company(Company c) {
        TaxId taxId = TaxId.tryParseItalian(c.vatId()).or(() -> TaxId.tryParseItalian(c.taxIdentificationNumber()))
                .orElse(null);
        String country = c.country() != null && c.country().strip().matches("[A-Za-z]{2}")
                ? c.country().strip().toUpperCase(java.util.Locale.ROOT) : null;
        Address address = new Address(c.address(), null, c.city(), c.province(), c.zipCode(), country);
        Party party = new Party(taxId == null ? PartyKind.COMPANY : taxId.personType(), c.companyName(), taxId,
                firstEmail(c.emails()), c.phone(), c.mobilePhone(), country, ORIGIN, address, String.valueOf(c.id()));
        Map<String, String> fields = new LinkedHashMap<>();
        if (c.freeFields() != null) {
            c.freeFields().stream().filter(f -> f.label() != null && f.value() != null)
                    .forEach(f -> fields.put(f.label(), f.value()));
        }
        return new SourceCompany(String.valueOf(c.id()), party, fields, c.lastModifiedDate());
    }

    private static String firstEmail(String emails) {
        if (emails == null) {
            return null;
        }
        return List.of(emails.split("[;,]")).stream().map(String::strip).filter(e -> !e.isEmpty()).findFirst()
                .orElse(null);
    }

    /**
     * The party's data, replacing what the company had; the party carries one tax id, so the other of Partita IVA
     * and codice fiscale keeps the company's current value ({@code current} is null on create).
     */
    static CompanyWrite write(Party party, Map<String, String> fields, Company current) {
        TaxId taxId = party.taxId();
        boolean vat = taxId != null && taxId.kind() == TaxIdKind.PARTITA_IVA;
        boolean fiscal = taxId != null && taxId.kind() == TaxIdKind.CODICE_FISCALE;
        String vatId = vat ? taxId.value() : current == null ? null : current.vatId();
        String fiscalCode = fiscal ? taxId.value() : current == null ? null : current.taxIdentificationNumber();
        Optional<Address> address = Optional.ofNullable(party.address());
        String street = address.map(a -> a.number() == null ? a.street()
                : a.street() == null ? a.number() : a.street() + " " + a.number()).orElse(null);
        String country = address.map(Address::countryCode).orElse(party.countryCode());
        List<FreeFieldValue> values = fields.entrySet().stream()
                .map(e -> new FreeFieldValue(null, e.getKey(), e.getValue())).toList();
        return new CompanyWrite(party.name(), street, address.map(Address::city).orElse(null),
                address.map(Address::province).orElse(null), address.map(Address::postalCode).orElse(null),
                country, vatId, fiscalCode, party.email(), party.businessPhone(), party.mobilePhone(), values);
    }

    /** Rows without a price are refused by the model (a quote line needs a unit price). */
    static Quote quote(CrmInCloudDto.Quote q) {
        String currency = q.currency() == null ? DEFAULT_CURRENCY : q.currency();
        List<Quote.QuoteLine> lines = (q.rows() == null ? List.<QuoteRow>of() : q.rows()).stream()
                .map(r -> new Quote.QuoteLine(r.articleCode(), r.description(), r.quantity(),
                        Money.of(r.price(), currency), r.discount()))
                .toList();
        return new Quote(String.valueOf(q.id()), q.code(), q.companyId() == null ? null : String.valueOf(q.companyId()),
                q.date(), currency, lines, q.notes());
    }
}
