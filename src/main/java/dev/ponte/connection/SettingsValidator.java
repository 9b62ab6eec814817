package dev.ponte.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.connection.InvalidInputException.Violation;
import dev.ponte.flow.FlowDefinition;
import dev.ponte.flow.SettingDefinition;
import dev.ponte.flow.SettingDefinition.SettingType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartz.CronExpression;

/**
 * Checks a connection's flows and settings against what its flows declare. Every connection also takes the
 * common settings below (schedules and its rate budget).
 */
@ApplicationScoped
public class SettingsValidator {

    static final List<SettingDefinition> COMMON = List.of(
            new SettingDefinition("schedule.incremental", SettingType.CRON, null, null,
                    "Quartz cron (UTC) for incremental reconciliation, e.g. `0 */5 * * * ?`"),
            new SettingDefinition("schedule.full", SettingType.CRON, null, null,
                    "Quartz cron (UTC) for full reconciliation, e.g. `0 0 3 * * ?`"),
            new SettingDefinition("jobsPerSecond", SettingType.DECIMAL, null, null,
                    "Jobs per second this connection may start; defaults to its vendors' documented limits"));

    private final Map<String, FlowDefinition> flows = new LinkedHashMap<>();

    SettingsValidator(Instance<FlowDefinition> definitions) {
        for (FlowDefinition flow : definitions) {
            if (flows.putIfAbsent(flow.name(), flow) != null) {
                throw new IllegalStateException("Two flows are named " + flow.name());
            }
        }
    }

    public Map<String, FlowDefinition> flows() {
        return flows;
    }

    /**
     * Answers the settings to store, or throws with every field at fault. A {@code source} or {@code ledger} that is
     * null (missing: the caller reports it) skips the check that each flow pairs them, as there is nothing to pair.
     */
    ObjectNode validate(String source, String ledger, List<String> flowNames, JsonNode settings) {
        List<Violation> violations = new ArrayList<>();
        Map<String, SettingDefinition> allowed = new LinkedHashMap<>();
        COMMON.forEach(s -> allowed.put(s.name(), s));
        for (int i = 0; i < flowNames.size(); i++) {
            FlowDefinition flow = flows.get(flowNames.get(i));
            if (flow == null) {
                violations.add(new Violation("flows[" + i + "]", "flow.unknown", flowNames.get(i), flows.keySet()));
            } else if (source != null && ledger != null
                    && (!flow.sourceSystems().contains(source) || !flow.ledgerSystems().contains(ledger))) {
                violations.add(new Violation("flows[" + i + "]", "flow.systems", flow.name(), source, ledger));
            } else {
                flow.settings().forEach(s -> allowed.putIfAbsent(s.name(), s));
            }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        if (settings != null && !settings.isNull()) {
            if (!settings.isObject()) {
                violations.add(new Violation("settings", "field.object"));
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    String field = "settings." + entry.getKey();
                    SettingDefinition definition = allowed.get(entry.getKey());
                    if (definition == null) {
                        violations.add(new Violation(field, "setting.unknown", entry.getKey()));
                    } else if (!entry.getValue().isNull()) {
                        String key = check(definition, entry.getValue());
                        if (key != null) {
                            violations.add(new Violation(field, key, definition.allowed()));
                        } else {
                            result.set(entry.getKey(), entry.getValue());
                        }
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return result;
    }

    /** The message key of what is wrong with the value, or null when it fits. */
    private static String check(SettingDefinition definition, JsonNode value) {
        return switch (definition.type()) {
            case STRING -> value.isTextual() ? null : "setting.string";
            case INTEGER -> value.isIntegralNumber() ? null : "setting.integer";
            case DECIMAL -> value.isNumber() && value.asDouble() > 0 ? null : "setting.decimal";
            case BOOLEAN -> value.isBoolean() ? null : "setting.boolean";
            case CHOICE -> value.isTextual() && definition.allowed().contains(value.asText()) ? null : "setting.choice";
            case CRON -> value.isTextual() && CronExpression.isValidExpression(value.asText()) ? null : "setting.cron";
            case STRING_LIST -> isTextArray(value) ? null : "setting.stringList";
        };
    }

    private static boolean isTextArray(JsonNode value) {
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
