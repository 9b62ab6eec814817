package dev.ponte.mapping;

import dev.ponte.model.TermField;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A connection's six mapping tables (R32), one per {@link TermField}; a field nobody changed has its defaults. */
public record MappingTables(Map<TermField, MappingTable> tables) {

    public MappingTables {
        EnumMap<TermField, MappingTable> all = new EnumMap<>(TermField.class);
        for (TermField field : TermField.values()) {
            MappingTable table = tables.get(field);
            if (table != null && table.field() != field) {
                throw new IllegalArgumentException("the table of " + table.field() + " is filed under " + field);
            }
            all.put(field, table == null ? MappingTable.defaults(field) : table);
        }
        tables = Collections.unmodifiableMap(all);
    }

    public static MappingTables defaults() {
        return new MappingTables(Map.of());
    }

    public static MappingTables of(Collection<MappingTable> tables) {
        EnumMap<TermField, MappingTable> byField = new EnumMap<>(TermField.class);
        tables.forEach(t -> byField.put(t.field(), t));
        return new MappingTables(byField);
    }

    public MappingTable table(TermField field) {
        return tables.get(field);
    }

    /** The six tables in {@link TermField} order. */
    public List<MappingTable> all() {
        return List.copyOf(tables.values());
    }
}
