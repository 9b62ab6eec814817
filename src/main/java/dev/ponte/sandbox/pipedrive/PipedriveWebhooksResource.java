package dev.ponte.sandbox.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.sandbox.pipedrive.PipedriveModel.StatusEnvelope;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Webhook;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Webhook subscriptions, API v1 (openapi-v1.yaml /webhooks, /webhooks/{id}); delivery is {@link WebhookDispatcher}. */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/pipedrive/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PipedriveWebhooksResource {

    private static final Set<String> ACTIONS = Set.of("create", "change", "delete", "*");
    private static final Set<String> OBJECTS = Set.of("activity", "deal", "lead", "note", "organization", "person",
            "pipeline", "product", "stage", "user", "*");
    /** "At most 40 webhooks per user" (README "Pipedrive"). */
    private static final int MAX_PER_USER = 40;

    private final Pipedrive state;

    public PipedriveWebhooksResource(Pipedrive state) {
        this.state = state;
    }

    @GET
    public StatusEnvelope<List<Webhook>> list() {
        return new StatusEnvelope<>("ok", true,
                state.webhooks.values().stream().sorted(Comparator.comparingLong(Webhook::id)).toList());
    }

    /** Required: subscription_url, event_action, event_object, name (addWebhook); version defaults to "2.0". */
    @POST
    public Response create(JsonNode body, @Context ContainerRequestContext request) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String url = PipedriveJson.text(body, "subscription_url");
        String action = PipedriveJson.text(body, "event_action");
        String object = PipedriveJson.text(body, "event_object");
        String name = PipedriveJson.text(body, "name");
        String version = Objects.requireNonNullElse(PipedriveJson.text(body, "version"), "2.0");
        if (url == null || !validUrl(url)) {
            errors.put("subscription_url", List.of("invalid or non-reachable URL"));
        }
        if (action == null || !ACTIONS.contains(action)) {
            errors.put("event_action", List.of("invalid value"));
        }
        if (object == null || !OBJECTS.contains(object)) {
            errors.put("event_object", List.of("invalid value"));
        }
        if (name == null || name.isBlank()) {
            errors.put("name", List.of("is required"));
        }
        if (!Set.of("1.0", "2.0").contains(version)) {
            errors.put("version", List.of("invalid value"));
        }
        long userId = PipedriveDealsResource.userId(request);
        if (state.webhooks.values().stream().filter(w -> w.userId() == userId).count() >= MAX_PER_USER) {
            errors.put("subscription_url", List.of("webhook limit of 40 per user reached"));
        }
        if (!errors.isEmpty()) {
            // The 400 body of addWebhook: {status:"error", success:false, errors:{field:[messages]}}.
            Map<String, Object> bad = new LinkedHashMap<>();
            bad.put("status", "error");
            bad.put("success", false);
            bad.put("errors", errors);
            return Response.status(400).entity(bad).build();
        }
        long id = state.nextId();
        Webhook webhook = new Webhook(id, Pipedrive.COMPANY_ID, userId, userId, action, object, url, version, 1,
                state.now(), null, "general", PipedriveJson.text(body, "http_auth_user"),
                PipedriveJson.text(body, "http_auth_password"), null, null, null, userId, name);
        state.webhooks.put(id, webhook);
        return Response.status(201).entity(new StatusEnvelope<>("ok", true, webhook)).build();
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @DELETE
    @Path("{id}")
    public StatusEnvelope<Object> delete(@PathParam("id") long id) {
        if (state.webhooks.remove(id) == null) {
            throw state.failure(404, "Webhook not found");
        }
        return new StatusEnvelope<>("ok", true, null);
    }
}
