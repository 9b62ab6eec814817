package dev.ponte.connector.nuvemshop;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only receiver of Nuvemshop webhook deliveries: keeps the raw headers, query and body. */
@Path("/test-hooks/nuvemshop")
public class NuvemshopHookResource {

    /** One delivery as it arrived. */
    public record Delivery(Map<String, String> headers, Map<String, String> query, byte[] body) {
    }

    static final List<Delivery> DELIVERIES = new CopyOnWriteArrayList<>();

    @POST
    public void receive(@Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        Map<String, String> flat = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> flat.put(name.toLowerCase(), values.get(0)));
        Map<String, String> query = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> query.put(name, values.get(0)));
        DELIVERIES.add(new Delivery(flat, query, body));
    }
}
