package dev.ponte.api;

import dev.ponte.connection.ConnectorRegistry;
import dev.ponte.connector.Connector.Side;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Lists the registered systems as the enums of a connection's {@code sourceSystem} and {@code ledgerSystem} in the
 * OpenAPI document, at start-up: the connectors are beans, known only at run time.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class SystemsOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema request = openAPI.getComponents().getSchemas().get("ConnectionRequest");
        if (request == null || request.getProperties() == null) {
            return;
        }
        ConnectorRegistry registry = Arc.container().instance(ConnectorRegistry.class).get();
        Map<String, Schema> properties = request.getProperties();
        enumerate(properties.get("sourceSystem"), registry.systems(Side.SOURCE));
        enumerate(properties.get("ledgerSystem"), registry.systems(Side.LEDGER));
    }

    private static void enumerate(Schema property, List<String> systems) {
        if (property != null) {
            property.setEnumeration(List.copyOf(systems));
        }
    }
}
