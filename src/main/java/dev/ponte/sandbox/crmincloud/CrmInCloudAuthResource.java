package dev.ponte.sandbox.crmincloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code /Auth/Login}: the documented way to a bearer token. Its body is not known; the emulator takes the user's
 * Web API key (Setup › Utenti › Web API Keys, help.reviso.com) as {@code {"apiKey": …}} and answers an OAuth-style
 * {@code access_token} (guesses).
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/crmincloud/api/v1/Auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrmInCloudAuthResource {

    private final CrmInCloud state;

    public CrmInCloudAuthResource(CrmInCloud state) {
        this.state = state;
    }

    @POST
    @Path("Login")
    public Map<String, Object> login(JsonNode body) {
        String token = state.login(Json.text(body, "apiKey"));
        if (token == null) {
            throw state.failure(401, null);
        }
        return Map.of("access_token", token, "token_type", "bearer", "expires_in",
                CrmInCloud.TOKEN_LIFETIME.toSeconds());
    }
}
