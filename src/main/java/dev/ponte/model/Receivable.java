package dev.ponte.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An account receivable to create in a ledger (R21), with the fields Conta Azul requires; each comes from
 * the connection's mapping. {@code notes} may be null; {@code financialAccount} and {@code category} are
 * the ledger's ids.
 */
public record Receivable(LocalDate competence, Money value, String description, String notes,
        String financialAccount, String category, String customerName, PartyKind customerType) {

    public Receivable {
        Objects.requireNonNull(competence, "competence");
        Objects.requireNonNull(value, "value");
        Require.text(description, "description");
        notes = Require.optionalText(notes);
        Require.text(financialAccount, "financialAccount");
        Require.text(category, "category");
        Require.text(customerName, "customerName");
        Objects.requireNonNull(customerType, "customerType");
    }
}
