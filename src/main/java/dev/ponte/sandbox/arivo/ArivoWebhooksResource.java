package dev.ponte.sandbox.arivo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Webhook subscriptions ({@code POST /webhooks {callback_url, event}}, {@code GET /webhooks} as a bare array,
 * {@code DELETE /webhooks/{id}}); delivery is {@link ArivoWebhookDispatcher}.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/arivo/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArivoWebhooksResource {

    /** The events of the vendor's trigger node. */
    private static final Pattern EVENTS = Pattern.compile("contact\\.(person\\.|company\\.)?(created|updated|deleted)"
            + "|deal\\.(created|updated|deleted|won|lost|reopen)|note\\.(created|updated|deleted)"
            + "|task\\.(created|updated|deleted|done|undone)|custom_record\\.\\w+\\.(created|updated|deleted)");

    private final Arivo state;

    public ArivoWebhooksResource(Arivo state) {
        this.state = state;
    }

    @GET
    public List<ObjectNode> list() {
        return state.webhooks.values().stream().sorted(Comparator.comparingLong(w -> w.path("id").asLong()))
                .map(ObjectNode::deepCopy).toList();
    }

    @POST
    public Response create(ObjectNode body) {
        String url = body.path("callback_url").asText(null);
        String event = body.path("event").asText(null);
        if (url == null || !validUrl(url)) {
            throw state.invalid("callback_url", "is invalid");
        }
        if (event == null || !EVENTS.matcher(event).matches()) {
            throw state.invalid("event", "is not included in the list");
        }
        ObjectNode webhook = state.record("webhook");
        webhook.put("callback_url", url);
        webhook.put("event", event);
        state.webhooks.put(webhook.path("id").asText(), webhook);
        return Response.status(201).entity(webhook.deepCopy()).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (state.webhooks.remove(id) == null) {
            throw state.failure(404, "Webhook not found");
        }
        return Response.noContent().build();
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
