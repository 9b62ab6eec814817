package dev.ponte.connector;

import java.util.List;
import java.util.Map;

/** A CRM that lets Ponte create custom deal fields (R19's contract fields). */
public interface DealFields {

    /**
     * Creates the deal fields that do not exist yet (matched by label, without case); answers label → field key, as
     * deals carry them in {@link dev.ponte.model.Deal#customFields()}.
     */
    Map<String, String> ensureDealFields(List<NewField> fields);

    /** A deal field to create: its label, its type and, for a choice, its options' labels. */
    record NewField(String label, Type type, List<String> options) {

        public NewField {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    /** The kinds of value a created field holds. */
    enum Type {
        TEXT, DATE, CHOICE
    }
}
