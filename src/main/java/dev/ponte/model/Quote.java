package dev.ponte.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A CRM quote to send to the ledger (R35). {@code companyId} is the CRM company it belongs to (null when it has
 * none, which R35 refuses); lines carry article codes, the join key with the ledger's products.
 */
public record Quote(String id, String number, String companyId, LocalDate date, String currency, List<QuoteLine> lines,
        String notes) {

    public Quote {
        Require.text(id, "id");
        number = Require.optionalText(number);
        companyId = Require.optionalText(companyId);
        Objects.requireNonNull(date, "date");
        Require.text(currency, "currency");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        notes = Require.optionalText(notes);
    }

    /** A quote line; {@code articleCode} is null when the CRM line names no catalogue article. */
    public record QuoteLine(String articleCode, String description, java.math.BigDecimal quantity, Money unitPrice,
            java.math.BigDecimal discountPercent) {

        public QuoteLine {
            articleCode = Require.optionalText(articleCode);
            description = Require.optionalText(description);
            Require.positive(quantity, "quantity");
            Objects.requireNonNull(unitPrice, "unitPrice");
            discountPercent = Require.percent(discountPercent, "discountPercent");
        }
    }
}
