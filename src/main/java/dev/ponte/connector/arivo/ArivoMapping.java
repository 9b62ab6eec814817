package dev.ponte.connector.arivo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.connector.arivo.ArivoDto.Contact;
import dev.ponte.connector.arivo.ArivoDto.Email;
import dev.ponte.connector.arivo.ArivoDto.Phone;
import dev.ponte.connector.arivo.ArivoDto.PostalAddress;
import dev.ponte.connector.arivo.ArivoDto.Product;
import dev.ponte.connector.arivo.ArivoDto.QuoteItem;
import dev.ponte.model.Address;
import dev.ponte.model.Deal;
import dev.ponte.model.DealLine;
import dev.ponte.model.DealStatus;
import dev.ponte.model.Item;
import dev.ponte.model.ItemKind;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TaxId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Arivo records to Ponte's model. */
final class ArivoMapping {

    static final String ORIGIN = "Arivo";
    /** Arivo keeps no currency on deals (wave2-contracts §3); its customers are Brazilian. */
    static final String CURRENCY = "BRL";
    /** Where the raw documents are in {@link Deal#customFields()}, for the flow's {@code taxIdField} (R7). */
    static final String COMPANY_CNPJ = "org.cnpj";
    static final String PERSON_CPF = "person.cpf";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ArivoMapping() {
    }

    /**
     * The deal; {@code company} and {@code person} null when the deal has none or when only its own fields were read.
     * The raw CNPJ and CPF are also kept under {@link #COMPANY_CNPJ} and {@link #PERSON_CPF}.
     */
    static Deal deal(ArivoDto.Deal d, Contact company, Contact person, List<DealLine> lines) {
        Map<String, String> custom = new LinkedHashMap<>();
        JsonNode fields = d.customFields();
        if (fields != null && fields.isObject()) {
            fields.fields().forEachRemaining(e -> custom.put(e.getKey(), text(e.getValue())));
        }
        if (company != null) {
            custom.put(COMPANY_CNPJ, company.cnpj());
        }
        if (person != null) {
            custom.put(PERSON_CPF, person.cpf());
        }
        DealStatus status = status(d.status());
        Money value = d.value() == null ? null : Money.of(d.value(), CURRENCY);
        Instant won = status == DealStatus.WON ? instant("closed_at", d.closedAt()) : null;
        return new Deal(d.id(), Objects.requireNonNullElse(d.name(), ""), status, value, won,
                instant("updated_at", d.updatedAt()), d.pipelineId(), company == null ? null : party(company,
                        PartyKind.COMPANY), person == null ? null : party(person, PartyKind.PERSON), lines, custom,
                d.userId());
    }

    /** {@code open | won | lost}. */
    static DealStatus status(String status) {
        if (status == null) {
            throw new IllegalArgumentException("status is missing");
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "open" -> DealStatus.OPEN;
            case "won" -> DealStatus.WON;
            case "lost" -> DealStatus.LOST;
            default -> throw new IllegalArgumentException("status is not one of open, won, lost");
        };
    }

    /** A company's CNPJ or a person's CPF is the party's tax id when it is valid; an invalid one is left out (R7). */
    static Party party(Contact c, PartyKind kind) {
        String document = kind == PartyKind.COMPANY ? c.cnpj() : c.cpf();
        TaxId taxId = document == null || document.isBlank() ? null : TaxId.tryParseBrazilian(document).orElse(null);
        return new Party(kind, c.name(), taxId, email(c.emails()), phone(c.phones(), "work"),
                phone(c.phones(), "mobile"), null, ORIGIN, address(c.addresses()), c.id());
    }

    /**
     * A quote item; {@code product} is null when the product was deleted since, then the item's own name is used.
     * The discount's unit (percent or amount) is not documented, so the percentage is derived from the item's own
     * {@code total_price} against price × quantity.
     */
    static DealLine line(QuoteItem q, Product product) {
        BigDecimal price = Objects.requireNonNullElse(q.price(), BigDecimal.ZERO);
        BigDecimal quantity = q.quantity();
        BigDecimal discount = null;
        BigDecimal gross = quantity == null ? BigDecimal.ZERO : price.multiply(quantity);
        if (q.totalPrice() != null && gross.signum() > 0 && q.totalPrice().compareTo(gross) < 0) {
            discount = HUNDRED.subtract(q.totalPrice().multiply(HUNDRED).divide(gross, 10, RoundingMode.HALF_EVEN));
        }
        return new DealLine(item(q, product), quantity, Money.of(price, CURRENCY), discount);
    }

    /** The product's code is both R8's product code and its "código de identificação" (see package-info). */
    static Item item(QuoteItem q, Product product) {
        if (product == null) {
            return new Item(ItemKind.PRODUCT, null, q.name(), null, null);
        }
        String name = product.name() == null || product.name().isBlank() ? q.name() : product.name();
        Money price = product.price() == null ? null : Money.of(product.price(), CURRENCY);
        return new Item(ItemKind.PRODUCT, product.code(), name, price, null, product.tags());
    }

    private static String email(List<Email> emails) {
        if (emails == null || emails.isEmpty()) {
            return null;
        }
        return emails.stream().filter(e -> e.address() != null).map(Email::address).findFirst().orElse(null);
    }

    private static String phone(List<Phone> phones, String type) {
        if (phones == null) {
            return null;
        }
        return phones.stream().filter(p -> type.equals(p.type()) || type.equals(p.phoneType())).map(Phone::number)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Arivo's {@code country} is a name ("Brazil"), not an ISO code, so it is left out. */
    private static Address address(List<PostalAddress> addresses) {
        if (addresses == null || addresses.isEmpty()) {
            return null;
        }
        PostalAddress a = addresses.get(0);
        return new Address(a.street(), null, a.city(), a.state(), a.zip(), null);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** ISO 8601 with an offset ({@code -03:00}); anything else is refused naming the field. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not a time");
        }
    }
}
