package dev.ponte.flow;

import java.util.List;
import java.util.Set;

/**
 * A flow a connection can run: its name, the systems it pairs and the settings it reads. Flows are registered as
 * beans; a connection naming an unknown flow, or a setting no chosen flow declares, is refused.
 */
public interface FlowDefinition {

    String name();

    Set<String> sourceSystems();

    Set<String> ledgerSystems();

    List<SettingDefinition> settings();
}
