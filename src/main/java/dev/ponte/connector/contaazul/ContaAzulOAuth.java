package dev.ponte.connector.contaazul;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.connector.OAuth2Connect;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.contaazul.ContaAzulDto.TokenResponse;
import dev.ponte.connector.support.RestClients;
import dev.ponte.connector.support.VendorCalls;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriBuilder;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Conta Azul's OAuth2 authorization-code flow: the consent URL, the code exchange the connect flow calls from its
 * callback, and the refresh the connector runs before a token expires. Credentials travel as a map with
 * {@value #ACCESS_TOKEN}, {@value #REFRESH_TOKEN}, {@value #ISSUED_AT} and {@value #EXPIRES_AT} (ISO-8601 instants);
 * they are only Conta Azul's keys, which the connection stores beside the source's own.
 *
 * <p>Not quarkus-oidc-client: it manages the tokens of clients named in configuration and keeps them in memory,
 * while Ponte holds one grant per connection in its encrypted store and must persist each rotated refresh token before
 * using the new access token (R64), which needs the exchange itself rather than a token cache.
 */
@ApplicationScoped
public class ContaAzulOAuth implements OAuth2Connect {

    public static final String ACCESS_TOKEN = "access_token";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String EXPIRES_AT = "expires_at";
    public static final String ISSUED_AT = "issued_at";
    /**
     * The scope the docs' quick-start asks for; the API needs no narrower one. {@code openid profile} also bring an
     * {@code id_token} naming the consenting user (R11).
     */
    static final String SCOPE = "openid profile aws.cognito.signin.user.admin";
    /** Tokens live one hour (docs); used when a response leaves {@code expires_in} out. */
    private static final long DEFAULT_EXPIRES_IN = 3600;
    private static final VendorCalls CALLS = new VendorCalls(ContaAzulFailures.ERRORS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContaAzulConfig config;
    private final Clock clock;
    private final ContaAzulAuthApi api;

    public ContaAzulOAuth(ContaAzulConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.api = RestClients.to(config.authUrl(), config.timeout()).build(ContaAzulAuthApi.class);
    }

    /** Where to send the user for consent; {@code redirectUri} null means the configured one. */
    @Override
    public URI authorizeUrl(String state, String redirectUri) {
        return UriBuilder.fromUri(config.authUrl()).path("oauth2/authorize")
                .queryParam("response_type", "code")
                .queryParam("client_id", clientId())
                .queryParam("redirect_uri", redirect(redirectUri))
                .queryParam("state", state)
                .queryParam("scope", SCOPE)
                .build();
    }

    /**
     * Exchanges the callback's code (valid three minutes, single use) for the connection's first credentials. The
     * caller checks {@code state} before calling. A refused code is a {@link CredentialsFailure}. The answer also
     * names the consenting user ({@link OAuth2Connect#CONSENTING_USER}) when the {@code id_token} does.
     */
    @Override
    public Map<String, String> exchangeCode(String code, String redirectUri) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirect(redirectUri));
        TokenResponse token = token(form);
        Map<String, String> credentials = credentials(token, clock.instant());
        String user = consentingUser(token.idToken());
        if (user == null) {
            return credentials;
        }
        Map<String, String> answer = new HashMap<>(credentials);
        answer.put(CONSENTING_USER, user);
        return Map.copyOf(answer);
    }

    /**
     * The consenting user's name from the {@code id_token}'s claims: {@code name}, else {@code given_name} and
     * {@code family_name}. Conta Azul's auth server is Amazon Cognito (the {@code aws.cognito.signin.user.admin}
     * scope), whose id tokens carry the user pool's standard attributes; that Conta Azul fills {@code name} with the
     * user's full name, as its seller list shows it, is a guess. The signature is not checked: the token comes
     * straight from the token endpoint over TLS, which OpenID Connect Core §3.1.3.7 accepts in its place, and the
     * name is only a default a person can change. Null when there is no token or no name in it.
     */
    static String consentingUser(String idToken) {
        if (idToken == null) {
            return null;
        }
        String[] parts = idToken.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            String name = claims.path("name").asText("").strip();
            if (name.isEmpty()) {
                name = (claims.path("given_name").asText("") + " " + claims.path("family_name").asText("")).strip();
            }
            return name.isEmpty() ? null : name;
        } catch (IOException | IllegalArgumentException unreadable) {
            return null;
        }
    }

    /**
     * Trades the refresh token for a new pair. Conta Azul rotates the refresh token on every refresh and revokes the
     * old one, so the caller must store the answer before anything else. {@code now} comes from the caller's clock so
     * the expiry it stores agrees with the one it checks.
     */
    Map<String, String> refresh(String refreshToken, Instant now) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        return credentials(token(form), now);
    }

    private TokenResponse token(MultivaluedMap<String, String> form) {
        // The docs send client_id in the form as well as in Basic auth; the secret goes only in the header.
        form.add("client_id", clientId());
        return CALLS.unwrapped(() -> api.token(basic(), form));
    }

    private String clientId() {
        return config.clientId().orElseThrow(() -> new RejectedFailure("Conta Azul is not set up on this Ponte: "
                + "set PONTE_VENDORS_CONTAAZUL_CLIENT_ID (and _CLIENT_SECRET) to the application's OAuth2 client",
                List.of(new RejectedFailure.FieldError("ponte.vendors.contaazul.client-id", "not configured"))));
    }

    private String basic() {
        String secret = config.clientSecret().orElseThrow(() -> new CredentialsFailure(
                "ponte.vendors.contaazul.client-secret is not configured; Ponte cannot talk to Conta Azul"));
        return "Basic " + Base64.getEncoder().encodeToString(
                (clientId() + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> credentials(TokenResponse token, Instant issuedAt) {
        if (token == null || token.accessToken() == null || token.refreshToken() == null) {
            throw new CredentialsFailure("Conta Azul's token answer lacked a token; reconnect the account");
        }
        long expiresIn = token.expiresIn() == null ? DEFAULT_EXPIRES_IN : token.expiresIn();
        return Map.of(ACCESS_TOKEN, token.accessToken(), REFRESH_TOKEN, token.refreshToken(),
                ISSUED_AT, issuedAt.toString(), EXPIRES_AT, issuedAt.plusSeconds(expiresIn).toString());
    }

    private String redirect(String redirectUri) {
        if (redirectUri != null && !redirectUri.isBlank()) {
            return redirectUri;
        }
        return config.redirectUri().orElseThrow(() -> new IllegalArgumentException(
                "no redirect URI given and ponte.vendors.contaazul.redirect-uri is not configured"));
    }

    @PreDestroy
    void close() {
        try {
            ((Closeable) api).close();
        } catch (IOException | ClassCastException e) {
            // Nothing to release then.
        }
    }
}
