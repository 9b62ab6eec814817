package dev.ponte.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests refused before JAX-RS sees them, answered in the same problem+json shape as every other error: a URI that
 * does not parse (400) or is too long (414), a body over {@code quarkus.http.limits.max-body-size} (413) whether it
 * gives its Content-Length or comes chunked, and any other 4xx Vert.x fails a request with. {@code /q/metrics} (job
 * counts and timings of every connection) answers only to {@code Authorization: Bearer <ponte.metrics.api-key>}, a key
 * of its own so that the scraper holds no key to the API; health stays open for the orchestrator's probes.
 */
@ApplicationScoped
public class RequestProblems {

    /**
     * The longest path and query accepted: Vert.x's default request-line limit. Netty's own limit
     * ({@code quarkus.http.limits.max-initial-line-length}) is set higher so that a longer URI reaches this check and
     * is explained instead of cut off with a bare 414.
     */
    static final int MAX_URI = 4096;

    private final long limit;
    private final BodyHandler chunkedBody;
    private final ObjectMapper json;
    /** SHA-256 of the metrics key; none set: no one reads the metrics. */
    private final byte[] metricsKeyHash;

    RequestProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper json,
            @ConfigProperty(name = "ponte.metrics.api-key") Optional<String> metricsKey) {
        this.limit = limit.asLongValue();
        this.metricsKeyHash = metricsKey.filter(k -> !k.isBlank()).map(RequestProblems::sha256).orElse(null);
        this.chunkedBody = BodyHandler.create(false).setBodyLimit(this.limit);
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check).failureHandler(this::failed);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String uri = request.uri();
        if (uri.length() > MAX_URI) {
            Messages m = messages(ctx);
            send(ctx, new Problem("urn:ponte:problem:uri-too-long", m.get("problem.uriTooLong"), 414,
                    m.get("problem.uriTooLong.detail", String.valueOf(MAX_URI)), null));
            return;
        }
        // Quarkus's own check of the same (a bare 400) is switched off by vertx.disableURIValidation (see Main).
        if (!parses(uri)) {
            Messages m = messages(ctx);
            send(ctx, new Problem("urn:ponte:problem:malformed-uri", m.get("problem.uri"), 400,
                    m.get("problem.uri.detail"), List.of(new Problem.FieldProblem(faultAt(uri), m.get("field.uri")))));
            return;
        }
        // The path is decoded here, so only once it is known to parse (above).
        if (ctx.normalizedPath().startsWith("/q/metrics") && !metricsKey(request.getHeader("Authorization"))) {
            Messages m = messages(ctx);
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            send(ctx, new Problem("urn:ponte:problem:unauthorized", m.get("problem.unauthorized"), 401,
                    m.get("problem.unauthorized.metrics"), null));
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null) {
            if (parse(length) > limit) {
                tooLarge(ctx);
            } else {
                ctx.next();
            }
        } else if (request.headers().contains("Transfer-Encoding")) {
            // Quarkus checks only Content-Length; a chunked body over the limit is cut off mid-read with a bare 413.
            // Read here up to the limit instead (failing with 413 past it): JAX-RS then reads the buffered body.
            chunkedBody.handle(ctx);
        } else {
            ctx.next();
        }
    }

    /** Failures Vert.x raises itself (e.g. the body limit above); anything JAX-RS answers never comes here. */
    private void failed(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.response().headWritten() || status < 400 || status >= 500) {
            ctx.next();
            return;
        }
        if (status == 413) {
            tooLarge(ctx);
            return;
        }
        Log.debugf("Request to %s refused by Vert.x with %d", ctx.normalizedPath(), status);
        send(ctx, new Problem("urn:ponte:problem:http-" + status, messages(ctx).get("problem.http"), status,
                HttpResponseStatus.valueOf(status).reasonPhrase(), null));
    }

    private void tooLarge(RoutingContext ctx) {
        Messages m = messages(ctx);
        // The rest of the body may still be on its way: close rather than read it.
        ctx.response().putHeader("Connection", "close");
        send(ctx, new Problem("urn:ponte:problem:too-large", m.get("problem.tooLarge"), 413,
                m.get("problem.tooLarge.detail"), null));
    }

    private void send(RoutingContext ctx, Problem problem) {
        try {
            ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Messages messages(RoutingContext ctx) {
        String accept = ctx.request().getHeader("Accept-Language");
        try {
            return Messages.of(accept == null ? List.of() : Locale.LanguageRange.parse(accept).stream()
                    .map(r -> Locale.forLanguageTag(r.getRange())).toList());
        } catch (IllegalArgumentException unreadable) {
            return Messages.of(List.of());
        }
    }

    private boolean metricsKey(String authorization) {
        return metricsKeyHash != null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(metricsKeyHash, sha256(authorization.substring(7).trim()));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean parses(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The query parameter at fault when it can be named, else {@code query} or {@code path}. */
    static String faultAt(String uri) {
        int q = uri.indexOf('?');
        if (q < 0 || !parses(uri.substring(0, q))) {
            return "path";
        }
        for (String pair : uri.substring(q + 1).split("&")) {
            String name = pair.split("=", 2)[0];
            if (!parses("/?" + pair)) {
                return !name.isEmpty() && parses("/?" + name) ? URLDecoder.decode(name, StandardCharsets.UTF_8)
                        : "query";
            }
        }
        return "query";
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
