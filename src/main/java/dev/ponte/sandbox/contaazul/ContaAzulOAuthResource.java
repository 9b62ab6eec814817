package dev.ponte.sandbox.contaazul;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.sandbox.contaazul.ContaAzul.Grant;
import dev.ponte.sandbox.contaazul.ContaAzulModel.TokenResponse;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Conta Azul's OAuth2 authorization server (auth.contaazul.com/oauth2/…, README "Conta Azul"). The consent page is
 * skipped: authorize answers at once with a code. Every refresh rotates the refresh token and revokes the old one.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/contaazul/auth/oauth2")
public class ContaAzulOAuthResource {

    private final ContaAzul state;

    public ContaAzulOAuthResource(ContaAzul state) {
        this.state = state;
    }

    @GET
    @Path("authorize")
    @Produces(MediaType.APPLICATION_JSON)
    public Response authorize(@QueryParam("response_type") String responseType,
                              @QueryParam("client_id") String clientId,
                              @QueryParam("redirect_uri") String redirectUri,
                              @QueryParam("state") String oauthState,
                              @QueryParam("scope") String scope) {
        if (!ContaAzul.CLIENT_ID.equals(clientId) || redirectUri == null || redirectUri.isBlank()) {
            return ContaAzulErrors.oauth(400, "invalid_request", "unknown client_id or missing redirect_uri");
        }
        if (!"code".equals(responseType)) {
            return redirect(UriBuilder.fromUri(redirectUri).queryParam("error", "unsupported_response_type"),
                    oauthState);
        }
        String code = state.newToken();
        state.codes.put(code, new Grant(clientId, redirectUri, state.instant().plusSeconds(ContaAzul.CODE_SECONDS),
                scope));
        return redirect(UriBuilder.fromUri(redirectUri).queryParam("code", code), oauthState);
    }

    private static Response redirect(UriBuilder target, String oauthState) {
        if (oauthState != null) {
            target.queryParam("state", oauthState);
        }
        return Response.status(Response.Status.FOUND).location(target.build()).build();
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @FormParam("grant_type") String grantType,
                          @FormParam("code") String code,
                          @FormParam("redirect_uri") String redirectUri,
                          @FormParam("refresh_token") String refreshToken,
                          @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret) {
        if (!clientAuthenticated(authorization, clientId, clientSecret)) {
            return ContaAzulErrors.oauth(401, "invalid_client", "client authentication failed");
        }
        if ("authorization_code".equals(grantType)) {
            Grant grant = code == null ? null : state.codes.remove(code);
            if (grant == null || !state.instant().isBefore(grant.expiresAt())
                    || !grant.redirectUri().equals(redirectUri)) {
                return ContaAzulErrors.oauth(400, "invalid_grant", "invalid, expired or used authorization code");
            }
            return Response.ok(issue(grant.scope() != null && grant.scope().contains("openid"))).build();
        }
        if ("refresh_token".equals(grantType)) {
            // Rotation (docs /renewingaccesstoken): the old refresh token is revoked atomically with the new issue.
            if (refreshToken == null || state.refreshTokens.remove(refreshToken) == null) {
                return ContaAzulErrors.oauth(400, "invalid_grant", "invalid or revoked refresh token");
            }
            state.refreshes.incrementAndGet();
            return Response.ok(issue(true)).build();
        }
        return ContaAzulErrors.oauth(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
    }

    /** Basic client auth as documented; client_id/client_secret in the form are accepted as well. */
    private static boolean clientAuthenticated(String authorization, String formId, String formSecret) {
        String expected = ContaAzul.CLIENT_ID + ":" + ContaAzul.CLIENT_SECRET;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                return expected.equals(decoded);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return expected.equals(formId + ":" + formSecret);
    }

    /**
     * Real access tokens are Cognito JWTs; opaque strings are enough here since clients must not parse them. The
     * {@code id_token} (with the {@code openid} scope) is a JWT naming the consenting user, {@link ContaAzul#OWNER},
     * with Cognito's claims ({@code sub}, {@code name}, {@code email}, {@code cognito:username},
     * {@code token_use=id}); signed HS256 with the client secret, as OpenID Connect allows, rather than Cognito's RS256.
     */
    private TokenResponse issue(boolean idToken) {
        String access = state.newToken();
        String refresh = state.newToken();
        long lifetime = state.accessTokenSeconds;
        state.accessTokens.put(access, state.instant().plusSeconds(lifetime));
        state.refreshTokens.put(refresh, ContaAzul.CLIENT_ID);
        return new TokenResponse(access, refresh, idToken ? idToken(lifetime) : null, lifetime, "Bearer");
    }

    private String idToken(long lifetime) {
        long now = state.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", ContaAzul.OWNER.id().toString());
        claims.put("aud", ContaAzul.CLIENT_ID);
        claims.put("iss", "https://auth.contaazul.com");
        claims.put("token_use", "id");
        claims.put("cognito:username", ContaAzul.OWNER_EMAIL);
        claims.put("name", ContaAzul.OWNER.nome());
        claims.put("email", ContaAzul.OWNER_EMAIL);
        claims.put("iat", now);
        claims.put("exp", now + lifetime);
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signed = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                    + "." + b64.encodeToString(JSON.writeValueAsBytes(claims));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ContaAzul.CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signed + "." + b64.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
}
