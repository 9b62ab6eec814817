package dev.ponte.api;

import dev.ponte.connection.ConnectorRegistry;
import dev.ponte.connection.SettingsValidator;
import dev.ponte.connector.Connector;
import dev.ponte.connector.Connector.Side;
import dev.ponte.flow.FlowDefinition;
import dev.ponte.flow.SettingDefinition;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What whoever builds a connection (the console, a script) may choose: the systems with their side, capabilities and
 * credential fields, and the flows with the pairs of systems they run between and their settings. All of it comes
 * from the registered connector and flow beans.
 */
@Path("/api/v1/catalog")
@Tag(name = "Catalog", description = "The systems and flows a connection may choose")
public class CatalogResource {

    private final ConnectorRegistry registry;
    private final SettingsValidator validator;

    CatalogResource(ConnectorRegistry registry, SettingsValidator validator) {
        this.registry = registry;
        this.validator = validator;
    }

    /** A system a connection may name as its source or ledger. */
    public record SystemResponse(String system, Side side, String label, List<String> capabilities,
            List<Connector.CredentialField> credentials, boolean oauth) {
    }

    /** A flow, the systems it runs between, and the settings it reads. */
    public record FlowResponse(String name, String description, List<String> sourceCapabilities,
            List<String> ledgerCapabilities, List<Pair> pairs, List<SettingDefinition> settings) {
    }

    /** A source and a ledger system between which a flow can run. */
    public record Pair(String sourceSystem, String ledgerSystem) {
    }

    @GET
    @Path("/systems")
    @Operation(summary = "Systems", description = "Every system Ponte has a connector for, with its capabilities and "
            + "the credentials a connection needs (besides those its OAuth2 consent brings).")
    public List<SystemResponse> systems() {
        return registry.all().stream().map(c -> new SystemResponse(c.system(), c.side(), c.label(),
                names(c.capabilities()), c.credentialFields(), c.oauth().isPresent())).toList();
    }

    @GET
    @Path("/flows")
    @Operation(summary = "Flows", description = "Every flow, the pairs of systems it can run between, and its settings "
            + "(type, default, description) beside the settings every connection takes.")
    public List<FlowResponse> flows() {
        List<Connector> sources = registry.all().stream().filter(c -> c.side() == Side.SOURCE).toList();
        List<Connector> ledgers = registry.all().stream().filter(c -> c.side() == Side.LEDGER).toList();
        return validator.flows().values().stream().map(f -> new FlowResponse(f.name(), f.description(),
                names(f.sourceCapabilities()), names(f.ledgerCapabilities()), pairs(f, sources, ledgers),
                settings(f))).toList();
    }

    private static List<Pair> pairs(FlowDefinition flow, List<Connector> sources, List<Connector> ledgers) {
        return sources.stream().flatMap(s -> ledgers.stream().filter(l -> SettingsValidator.serves(s, l, flow))
                .map(l -> new Pair(s.system(), l.system()))).toList();
    }

    private static List<SettingDefinition> settings(FlowDefinition flow) {
        return java.util.stream.Stream.concat(SettingsValidator.COMMON.stream(), flow.settings().stream()).toList();
    }

    private static List<String> names(Collection<Class<?>> capabilities) {
        return capabilities.stream().map(Class::getSimpleName).sorted().toList();
    }
}
