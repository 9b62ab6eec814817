package dev.ponte.sandbox.nuvemshop;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The app install (wave2-contracts §2 "App install"): the store's authorize page, which here consents at once and sends
 * the browser to the app's redirect URL (configured with the app, as in the Partner admin: the request names none)
 * with {@code code} and {@code state}; and {@code POST /apps/authorize/token}, which exchanges the code (single use)
 * for a token that never expires. A new install of the same store replaces the store's earlier token.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/nuvemshop/apps")
@Produces(MediaType.APPLICATION_JSON)
public class NuvemshopAppResource {

    static final String SCOPE = "read_orders,read_customers,read_products,write_products";

    private final Nuvemshop state;
    private final String redirectUrl;

    public NuvemshopAppResource(Nuvemshop state,
            @ConfigProperty(name = "ponte.sandbox.nuvemshop.app-redirect-url") String redirectUrl) {
        this.state = state;
        this.redirectUrl = redirectUrl;
    }

    /** {@code store}: which store installs the app (the merchant's, in the real admin); {@value Nuvemshop#DEFAULT_STORE} by default. */
    @GET
    @Path("{appId}/authorize")
    public Response authorize(@PathParam("appId") String appId, @QueryParam("state") String oauthState,
            @QueryParam("store") String store) {
        if (!Nuvemshop.APP_ID.equals(appId)) {
            throw state.failure(404, "App not found");
        }
        String storeId = store == null || !store.matches("\\d{1,12}") ? Nuvemshop.DEFAULT_STORE : store;
        String code = state.newToken();
        state.codes.put(code, storeId);
        UriBuilder target = UriBuilder.fromUri(redirectUrl).queryParam("code", code);
        if (oauthState != null) {
            target.queryParam("state", oauthState);
        }
        return Response.status(Response.Status.FOUND).location(target.build()).build();
    }

    @POST
    @Path("authorize/token")
    @Consumes(MediaType.WILDCARD)
    public Response token(JsonNode body) {
        if (body == null || !body.isObject()) {
            return Response.status(400).entity(Map.of("error", "Problems parsing JSON")).build();
        }
        if (!Nuvemshop.APP_ID.equals(body.path("client_id").asText())
                || !Nuvemshop.APP_SECRET.equals(body.path("client_secret").asText())) {
            return Response.status(400).entity(Map.of("error", "invalid_client",
                    "error_description", "Invalid client credentials")).build();
        }
        if (!"authorization_code".equals(body.path("grant_type").asText())) {
            return Response.status(400).entity(Map.of("error", "unsupported_grant_type")).build();
        }
        String store = state.codes.remove(body.path("code").asText(""));
        if (store == null) {
            return Response.status(400).entity(Map.of("error", "invalid_grant",
                    "error_description", "The authorization code is invalid or has expired")).build();
        }
        state.tokens.values().removeIf(store::equals);
        String token = state.newToken();
        state.tokens.put(token, store);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("token_type", "bearer");
        answer.put("scope", SCOPE);
        answer.put("user_id", store);
        return Response.ok(answer).build();
    }
}
