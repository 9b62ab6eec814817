package dev.ponte.flow;

import dev.ponte.flow.SettingDefinition.SettingType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** A flow declaration for tests of per-flow settings validation. */
@ApplicationScoped
public class TestFlowDefinition implements FlowDefinition {

    @Override
    public String name() {
        return "TestFlow";
    }

    @Override
    public Set<String> sourceSystems() {
        return Set.of("PIPEDRIVE");
    }

    @Override
    public Set<String> ledgerSystems() {
        return Set.of("CONTA_AZUL");
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(new SettingDefinition("matchByName", SettingType.BOOLEAN, null, false, "match by name"),
                new SettingDefinition("customerPolicy", SettingType.CHOICE,
                        List.of("DOCUMENT_THEN_NAME", "NAME_AND_DOCUMENT"), "DOCUMENT_THEN_NAME", "policy"),
                new SettingDefinition("pipelines", SettingType.STRING_LIST, null, null, "pipelines"));
    }
}
