package dev.ponte.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An account receivable (R21) or payable (R22) to create in a ledger, every mandatory field filled from the
 * connection's mapping. {@code reference} is Ponte's stable marker of the entry (e.g. {@code ponte:<connection>:deal:<id>}),
 * sent where the ledger keeps an external reference and written into the description, so a retried create finds the
 * entry instead of making a second. {@code partyId} is the ledger's customer (receivable) or supplier (payable);
 * {@code financialAccount} and {@code category} are the ledger's ids. The instalments' values add up to {@code value}.
 */
public record FinancialEntry(Kind kind, String reference, String partyId, LocalDate competence, Money value,
        String description, String notes, String financialAccount, String category, List<Instalment> instalments,
        String paymentMethod) {

    /** Which side of the books the entry is on. */
    public enum Kind {
        RECEIVABLE,
        PAYABLE
    }

    /** One instalment: when it is due and how much. */
    public record Instalment(LocalDate due, Money value) {

        public Instalment {
            Objects.requireNonNull(due, "due");
            Objects.requireNonNull(value, "value");
        }
    }

    public FinancialEntry {
        Objects.requireNonNull(kind, "kind");
        Require.text(reference, "reference");
        Require.text(partyId, "partyId");
        Objects.requireNonNull(competence, "competence");
        Objects.requireNonNull(value, "value");
        if (value.isNegative() || value.amount().signum() == 0) {
            throw new IllegalArgumentException("value must be positive");
        }
        Require.text(description, "description");
        notes = Require.optionalText(notes);
        Require.text(financialAccount, "financialAccount");
        Require.text(category, "category");
        instalments = List.copyOf(instalments);
        if (instalments.isEmpty()) {
            throw new IllegalArgumentException("instalments must not be empty");
        }
        Money sum = Money.zero(value.currency());
        for (Instalment instalment : instalments) {
            sum = sum.plus(instalment.value());
        }
        if (!sum.equals(value)) {
            throw new IllegalArgumentException("instalments add up to " + sum.amount() + ", not " + value.amount());
        }
        paymentMethod = Require.optionalText(paymentMethod);
    }
}
