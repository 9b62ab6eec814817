package dev.ponte.model;

import java.util.Objects;

/**
 * A product or service of a catalogue. {@code code} and {@code price} are nullable: R8 falls back to the
 * name when there is no code, and deal lines carry their own price. {@code forceService} is set for
 * source products tagged {@code contaazul-serviço}, which must never create a ledger product (R8).
 */
public record Item(ItemKind kind, String code, String name, Money price, String unitCode, boolean forceService) {

    public Item {
        Objects.requireNonNull(kind, "kind");
        code = Require.optionalText(code);
        Require.text(name, "name");
        unitCode = Require.optionalText(unitCode);
    }

    /** The catalogue the ledger should use: a tagged product counts as a service. */
    public ItemKind ledgerKind() {
        return forceService ? ItemKind.SERVICE : kind;
    }
}
