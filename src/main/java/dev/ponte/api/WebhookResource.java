package dev.ponte.api;

import dev.ponte.connection.SourceEvents;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.RejectedFailure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where sources deliver their webhooks. Not under {@code /api}: vendors authenticate with the secret Ponte gave them
 * (in a header, an HMAC of the body or the URL), checked by the connection's source connector; an unverified delivery
 * answers 401, one whose body cannot be used 400. A verified one is queued (202) before this answers, so nothing
 * acknowledged is lost.
 */
@Path("/hooks")
@Tag(name = "Webhooks", description = "Inbound deliveries from sources (verified per vendor)")
public class WebhookResource {

    private final SourceEvents events;

    WebhookResource(SourceEvents events) {
        this.events = events;
    }

    @POST
    @Path("/{connectionId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Receive a source's webhook delivery")
    public Response receive(@PathParam("connectionId") UUID connectionId, HttpHeaders headers, @Context UriInfo uri,
            byte[] body) {
        return answer(headers, "The delivery does not carry the secret this connection gave its source.",
                () -> Response.accepted(events.receive(connectionId, flat(headers), query(uri), body)).build());
    }

    @POST
    @Path("/apps/{system}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Receive a delivery to a source app's one address for all its accounts",
            description = "For the events a vendor's app sends every account's deliveries of to one address set in "
                    + "the app's settings (a Nuvemshop app's privacy URLs): verified with the app's secret (401 "
                    + "otherwise), then done at each connection of that account; answers what each did, none for "
                    + "an account Ponte holds nothing of. 404 for a system with no such address.")
    public Response receiveForApp(@PathParam("system") String system, HttpHeaders headers, @Context UriInfo uri,
            byte[] body) {
        return answer(headers, "The delivery is not signed for Ponte's app.", () -> Response.ok(events.receiveForApp(
                system.toUpperCase(Locale.ROOT), flat(headers), query(uri), body)).build());
    }

    private static Map<String, String> flat(HttpHeaders headers) {
        Map<String, String> flat = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> flat.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        return flat;
    }

    private static Map<String, String> query(UriInfo uri) {
        Map<String, String> query = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> query.put(name, String.join(",", values)));
        return query;
    }

    private static Response answer(HttpHeaders headers, String unverified, Supplier<Response> delivery) {
        try {
            return delivery.get();
        } catch (CredentialsFailure e) {
            Messages m = Messages.of(headers);
            return new Problem("urn:ponte:problem:unauthorized", m.get("problem.unauthorized"), 401, unverified,
                    null).toResponse();
        } catch (RejectedFailure e) {
            // Only the body is read before queueing: a refusal here is a payload this source never sends, not a
            // ledger's refusal (422), so it answers as a malformed request naming the fields it could not use.
            Messages m = Messages.of(headers);
            return new Problem("urn:ponte:problem:malformed", m.get("problem.malformed"), 400, e.getMessage(),
                    e.errors().stream().map(f -> new Problem.FieldProblem(f.field(), f.message())).toList())
                    .toResponse();
        }
    }
}
