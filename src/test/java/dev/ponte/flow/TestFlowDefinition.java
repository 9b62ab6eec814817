package dev.ponte.flow;

import dev.ponte.connector.DealSource;
import dev.ponte.connector.SalesLedger;
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
    public String description() {
        return "A flow that only declares settings";
    }

    @Override
    public Set<Class<?>> sourceCapabilities() {
        return Set.of(DealSource.class);
    }

    @Override
    public Set<Class<?>> ledgerCapabilities() {
        return Set.of(SalesLedger.class);
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(new SettingDefinition("matchByName", SettingType.BOOLEAN, null, false, "match by name"),
                new SettingDefinition("customerPolicy", SettingType.CHOICE,
                        List.of("DOCUMENT_THEN_NAME", "NAME_AND_DOCUMENT"), "DOCUMENT_THEN_NAME", "policy"),
                new SettingDefinition("pipelines", SettingType.STRING_LIST, null, null, "pipelines"));
    }
}
