package dev.ponte.connection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** What a caller asks a connection to be; {@code credentials} null on update means "keep the stored ones". */
public record ConnectionDraft(String name, String sourceSystem, String ledgerSystem, List<String> flows,
        JsonNode settings, Map<String, String> credentials) {
}
