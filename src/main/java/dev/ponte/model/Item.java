package dev.ponte.model;

import java.util.List;
import java.util.Objects;

/**
 * A product or service of a catalogue. {@code code} and {@code price} are nullable: R8 falls back to the
 * name when there is no code, and deal lines carry their own price. {@code tags} are the labels the source attaches
 * to it (tags, a category, a description); a ledger may read its own rules in them, e.g. a tag that makes a product
 * always a service (R8).
 */
public record Item(ItemKind kind, String code, String name, Money price, String unitCode, List<String> tags) {

    public Item {
        Objects.requireNonNull(kind, "kind");
        code = Require.optionalText(code);
        Require.text(name, "name");
        unitCode = Require.optionalText(unitCode);
        tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).toList();
    }

    /** An item without tags. */
    public Item(ItemKind kind, String code, String name, Money price, String unitCode) {
        this(kind, code, name, price, unitCode, List.of());
    }
}
