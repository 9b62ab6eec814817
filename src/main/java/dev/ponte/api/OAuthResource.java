package dev.ponte.api;

import dev.ponte.connection.OAuthConnect;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OAuth2 connect flow of a connection's ledger (Conta Azul): consent redirect and callback (R16). */
@Path("/")
@Tag(name = "Connections")
public class OAuthResource {

    private final OAuthConnect oauth;
    private final CallerContext caller;

    OAuthResource(OAuthConnect oauth, CallerContext caller) {
        this.oauth = oauth;
        this.caller = caller;
    }

    @GET
    @Path("api/v1/connections/{id}/oauth/authorize")
    @Operation(summary = "Connect the ledger (OAuth2)", description = "Redirects to the ledger's consent page; the "
            + "ledger then calls back /oauth/callback, and the tokens are stored encrypted.")
    public Response authorize(@PathParam("id") UUID id) {
        return Response.seeOther(oauth.authorize(caller.tenantId(), id)).build();
    }

    @GET
    @Path("oauth/callback")
    @Operation(summary = "OAuth2 callback", description = "Called by the ledger after consent, authenticated by the "
            + "sealed state it carries (not by an API key).")
    public Map<String, Object> callback(@QueryParam("code") String code, @QueryParam("state") String state) {
        return Map.of("connectionId", oauth.callback(code, state), "connected", true);
    }
}
