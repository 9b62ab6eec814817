package dev.ponte.sandbox.nuvemshop;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What every store API call ({@code /v1/{store_id}/…}) must carry, in the vendor's order [V README]: a
 * {@code User-Agent} (400 without), {@code Authentication: bearer <token>} of that store (401 otherwise; the newer
 * docs' {@code Authorization: Bearer} is accepted too, as wave2-contracts §2 advises), JSON on a POST or PUT (415),
 * and room in the store's leaky bucket (429 with the rate-limit headers). Runs after injected faults.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
public class NuvemshopAuthFilter {

    private static final Pattern STORE_PATH = Pattern.compile("^/sandbox/nuvemshop/v1/(\\d+)(/.*)?$");

    private final Nuvemshop state;

    public NuvemshopAuthFilter(Nuvemshop state) {
        this.state = state;
    }

    /** The store id of a store API path, or null. */
    static String storeOf(String path) {
        Matcher m = STORE_PATH.matcher(path);
        return m.matches() ? m.group(1) : null;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request) {
        String store = storeOf(request.getUriInfo().getPath());
        if (store == null) {
            return null;
        }
        String agent = request.getHeaderString(HttpHeaders.USER_AGENT);
        if (agent == null || agent.isBlank()) {
            return state.error(400, "A User-Agent header is required: \"MyApp (contact@email or URL)\"");
        }
        String token = token(request.getHeaderString("Authentication"));
        if (token == null) {
            token = token(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        }
        if (token == null || !store.equals(state.tokens.get(token))) {
            return state.error(401, "Invalid access token");
        }
        boolean writes = HttpMethod.POST.equals(request.getMethod()) || HttpMethod.PUT.equals(request.getMethod());
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (writes && (type == null || !type.toLowerCase().startsWith("application/json"))) {
            return state.error(415, "Content-Type must be application/json");
        }
        if (!state.admit(store)) {
            return state.error(429, "Too Many Requests");
        }
        return null;
    }

    private static String token(String header) {
        if (header == null || !header.regionMatches(true, 0, "bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
