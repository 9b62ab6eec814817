package dev.ponte.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.connection.InvalidInputException.Violation;
import dev.ponte.connector.Connector;
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

    public static final List<SettingDefinition> COMMON = List.of(
            new SettingDefinition(ConnectionService.INCREMENTAL, SettingType.CRON, null, null,
                    "Quartz cron (UTC) for incremental reconciliation; by default every five minutes where a flow "
                            + "reconciles incrementally (`0 */5 * * * ?`), `off` for none"),
            new SettingDefinition("schedule.full", SettingType.CRON, null, null,
                    "Quartz cron (UTC) for full reconciliation, e.g. `0 0 3 * * ?`; `off` for none"),
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
     * Answers the settings to store, or throws with every field at fault. A flow is allowed where the source and the
     * ledger connectors (null: not known, already refused) offer every capability it declares.
     */
    ObjectNode validate(Connector source, Connector ledger, List<String> flowNames, JsonNode settings) {
        List<Violation> violations = new ArrayList<>();
        Map<String, SettingDefinition> allowed = new LinkedHashMap<>();
        COMMON.forEach(s -> allowed.put(s.name(), s));
        for (int i = 0; i < flowNames.size(); i++) {
            FlowDefinition flow = flows.get(flowNames.get(i));
            if (flow == null) {
                violations.add(new Violation("flows[" + i + "]", "flow.unknown", flowNames.get(i), flows.keySet()));
            } else if (source != null && ledger != null && !serves(source, ledger, flow)) {
                violations.add(new Violation("flows[" + i + "]", "flow.systems", flow.name(), source.system(),
                        ledger.system()));
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

    /** Whether these two connectors offer every capability the flow needs of each side. */
    public static boolean serves(Connector source, Connector ledger, FlowDefinition flow) {
        return source.capabilities().containsAll(flow.sourceCapabilities())
                && ledger.capabilities().containsAll(flow.ledgerCapabilities());
    }

    /** The message key of what is wrong with the value, or null when it fits. */
    private static String check(SettingDefinition definition, JsonNode value) {
        return switch (definition.type()) {
            case STRING -> value.isTextual() ? null : "setting.string";
            case INTEGER -> value.isIntegralNumber() ? null : "setting.integer";
            case DECIMAL -> value.isNumber() && value.asDouble() > 0 ? null : "setting.decimal";
            case BOOLEAN -> value.isBoolean() ? null : "setting.boolean";
            case CHOICE -> value.isTextual() && definition.allowed().contains(value.asText()) ? null : "setting.choice";
            case CRON -> value.isTextual() && (ConnectionService.OFF.equals(value.asText())
                    || CronExpression.isValidExpression(value.asText())) ? null : "setting.cron";
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
