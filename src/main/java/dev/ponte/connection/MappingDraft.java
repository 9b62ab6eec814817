package dev.ponte.connection;

import java.util.Map;

/**
 * What a caller asks one mapping table to be; a null {@code crmField} or {@code derive} takes the default (the
 * seed's label; derive only for the VAT zone), null translations mean none.
 */
public record MappingDraft(String defaultValue, String crmField, Boolean derive, Map<String, String> translations) {
}
