package dev.ponte.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CRM deal as the flows see it. {@code value}, {@code wonTime}, {@code updateTime}, {@code pipelineId},
 * {@code organization}, {@code person} and {@code ownerId} may be null. Custom fields keep their source
 * keys; entries with a null value are dropped, since CRMs send unset fields as null.
 */
public record Deal(String id, String title, DealStatus status, Money value, Instant wonTime, Instant updateTime,
        String pipelineId, Party organization, Party person, List<DealLine> lines, Map<String, String> customFields,
        String ownerId) {

    public Deal {
        Require.text(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        pipelineId = Require.optionalText(pipelineId);
        ownerId = Require.optionalText(ownerId);
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        Map<String, String> fields = new LinkedHashMap<>();
        Objects.requireNonNull(customFields, "customFields").forEach((key, fieldValue) -> {
            if (fieldValue != null) {
                fields.put(Objects.requireNonNull(key, "custom field key"), fieldValue);
            }
        });
        customFields = Collections.unmodifiableMap(fields);
    }

    /** R4: the organisation is the customer even when a contact is also linked; otherwise the contact. */
    public Optional<Party> customer() {
        return Optional.ofNullable(organization != null ? organization : person);
    }

    /** R12: a deal without a positive value is skipped, never sent. */
    public boolean hasValue() {
        return value != null && value.amount().signum() > 0;
    }
}
