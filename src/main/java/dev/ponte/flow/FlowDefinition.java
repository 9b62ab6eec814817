package dev.ponte.flow;

import java.util.List;
import java.util.Set;

/**
 * A flow a connection can run: its name, what it does, the capabilities it needs of each side and the settings it
 * reads. Flows are registered as beans; a connection naming an unknown flow, a flow its connectors cannot serve, or
 * a setting no chosen flow declares, is refused.
 */
public interface FlowDefinition {

    String name();

    /** One sentence for whoever builds a connection. */
    String description();

    /** The capability interfaces (package {@code dev.ponte.connector}) the source must offer. */
    Set<Class<?>> sourceCapabilities();

    /** The capability interfaces the ledger must offer. */
    Set<Class<?>> ledgerCapabilities();

    List<SettingDefinition> settings();
}
