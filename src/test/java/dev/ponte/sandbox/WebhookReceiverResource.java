package dev.ponte.sandbox;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only webhook endpoint: records every delivery; {@code flaky-*} inboxes fail their first delivery. */
@Path("/test-receiver/{inbox}")
public class WebhookReceiverResource {

    public record Received(String authorization, String body) {
    }

    private static final Map<String, List<Received>> INBOXES = new ConcurrentHashMap<>();

    public static List<Received> inbox(String name) {
        return INBOXES.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
    }

    @POST
    public Response receive(@PathParam("inbox") String name, @HeaderParam("Authorization") String authorization,
                            String body) {
        List<Received> inbox = inbox(name);
        boolean first;
        // Deliveries arrive concurrently: decide "first" under the inbox's lock, not by reading its size later.
        synchronized (inbox) {
            inbox.add(new Received(authorization, body));
            first = inbox.size() == 1;
        }
        return name.startsWith("flaky") && first ? Response.serverError().build() : Response.ok().build();
    }
}
