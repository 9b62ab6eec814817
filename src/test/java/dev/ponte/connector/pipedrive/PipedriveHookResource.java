package dev.ponte.connector.pipedrive;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only receiver of Pipedrive webhook deliveries: keeps the raw headers and body for the port to read. */
@Path("/test-hooks/pipedrive")
public class PipedriveHookResource {

    /** One delivery as it arrived. */
    public record Delivery(Map<String, String> headers, byte[] body) {
    }

    static final List<Delivery> DELIVERIES = new CopyOnWriteArrayList<>();

    @POST
    public void receive(@Context HttpHeaders headers, byte[] body) {
        Map<String, String> flat = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> flat.put(name, values.get(0)));
        DELIVERIES.add(new Delivery(flat, body));
    }
}
