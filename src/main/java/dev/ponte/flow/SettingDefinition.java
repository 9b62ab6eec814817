package dev.ponte.flow;

import java.util.List;

/** One setting a flow (or every connection) accepts: its name, type, allowed values and default. */
public record SettingDefinition(String name, SettingType type, List<String> allowed, Object defaultValue,
        String description) {

    public SettingDefinition {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /** The JSON shape a setting's value must have. */
    public enum SettingType {
        STRING, INTEGER, DECIMAL, BOOLEAN, CHOICE, CRON, STRING_LIST
    }
}
