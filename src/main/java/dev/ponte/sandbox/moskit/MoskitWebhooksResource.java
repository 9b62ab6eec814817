package dev.ponte.sandbox.moskit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test and demo control standing in for the webhook a person configures in Moskit's screen (Moskit offers no API for
 * it): {@code POST /sandbox/moskit/_webhooks} with {@code {url, dealId, before?, copies?}} delivers the
 * "deal-statusChanged" event of the deal as it is now to {@code url}, as Moskit would, and answers each attempt's
 * status. Payload as a community receiver saw it: {@code {metadata, before, after}}, single {@code contact} and
 * {@code company} objects, {@code customFieldValues} with {@code numberValue}. A failed delivery is retried up to
 * {@link #MAX_ATTEMPTS} times in all, then given up, as Moskit does.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/moskit/_webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MoskitWebhooksResource {

    static final int MAX_ATTEMPTS = 3;

    private final Moskit state;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public MoskitWebhooksResource(Moskit state) {
        this.state = state;
    }

    /** The delivery's attempts: {@code {attempts: [[status, …] per copy]}} (0 for a connection that failed). */
    @POST
    public Map<String, Object> deliver(ObjectNode request) {
        String url = request.path("url").asText(null);
        ObjectNode deal = state.deals.get(request.path("dealId").asLong());
        if (url == null || deal == null) {
            throw state.failure(400, "url and an existing dealId are required");
        }
        String body = payload(deal, request.path("before").asText("OPEN"));
        int copies = Math.max(1, request.path("copies").asInt(1));
        List<List<Integer>> attempts = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            List<Integer> statuses = new ArrayList<>();
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                int status = post(url, body);
                statuses.add(status);
                if (status / 100 == 2) {
                    break;
                }
            }
            attempts.add(statuses);
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("deal_id", deal.get("id").asLong());
            kept.put("url", url.replaceAll("secret=[^&]*", "secret=…"));
            kept.put("statuses", statuses);
            state.deliveries.add(kept);
        }
        return Map.of("attempts", attempts);
    }

    private int post(String url, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            Log.debugf("Moskit sandbox webhook delivery failed: %s", e.getMessage());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private String payload(ObjectNode deal, String before) {
        ObjectNode after = webhookDeal(deal);
        ObjectNode previous = after.deepCopy().put("status", before);
        if ("OPEN".equals(before)) {
            previous.putNull("closeDate");
        }
        ObjectNode body = state.json.createObjectNode();
        ObjectNode metadata = body.putObject("metadata");
        metadata.put("entity", "deal").put("operation", "statusChanged").put("event", "deal-statusChanged")
                .put("hash", UUID.randomUUID().toString()).putObject("actor").put("id", Moskit.USER_ID);
        body.set("before", previous);
        body.set("after", after);
        try {
            return state.json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The REST deal in the webhook's shape: single party objects, {@code customFieldValues} with numberValue. */
    private ObjectNode webhookDeal(ObjectNode deal) {
        ObjectNode out = deal.deepCopy();
        out.remove(List.of("contacts", "companies", "entityCustomFields"));
        JsonNode contact = deal.path("contacts").path(0);
        JsonNode company = deal.path("companies").path(0);
        if (!contact.isMissingNode()) {
            out.set("contact", contact.deepCopy());
        }
        if (!company.isMissingNode()) {
            out.set("company", company.deepCopy());
        }
        ArrayNode values = out.putArray("customFieldValues");
        for (JsonNode value : deal.path("entityCustomFields")) {
            ObjectNode copy = value.deepCopy();
            if (copy.has("numericValue")) {
                copy.set("numberValue", copy.remove("numericValue"));
            }
            values.add(copy);
        }
        return out;
    }
}
