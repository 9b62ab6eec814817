package dev.ponte.sandbox.arivo;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code GET /teams}: what the vendor's credential test reads. */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/arivo/teams")
@Produces(MediaType.APPLICATION_JSON)
public class ArivoTeamsResource {

    @GET
    public List<Map<String, String>> list() {
        return List.of(Map.of("id", "1", "object", "team", "name", "Vendas"));
    }
}
