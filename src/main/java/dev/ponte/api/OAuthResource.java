package dev.ponte.api;

import dev.ponte.connection.InvalidInputException;
import dev.ponte.connection.OAuthConnect;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the ledger sends the user back after OAuth2 consent (R16). Not under {@code /api}: the browser carries no
 * API key; the sealed {@code state} names the connection and expires.
 */
@Path("/oauth/callback")
@Tag(name = "Connections")
public class OAuthResource {

    private final OAuthConnect oauth;

    OAuthResource(OAuthConnect oauth) {
        this.oauth = oauth;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OAuth2 callback", description = "Exchanges the code and stores the tokens encrypted. A "
            + "browser (asking for text/html) is sent on to the console's page of the connection.")
    public Map<String, Object> callback(@QueryParam("code") String code, @QueryParam("state") String state) {
        return Map.of("connectionId", oauth.callback(code, state), "connected", true);
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";qs=0.5")
    @Operation(hidden = true)
    public Response callbackInBrowser(@QueryParam("code") String code, @QueryParam("state") String state) {
        try {
            return Response.seeOther(URI.create("/console/?connected=" + oauth.callback(code, state))).build();
        } catch (InvalidInputException e) {
            // Denied at the vendor (no code), expired, or used already: the console says so, in the person's words.
            return Response.seeOther(URI.create("/console/?consent=failed")).build();
        }
    }
}
