package dev.ponte.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Quarkus refuses a body over {@code quarkus.http.limits.max-body-size} with a bare 413 before JAX-RS sees it. This
 * route runs first and gives that refusal the same problem+json shape as every other error.
 */
@ApplicationScoped
public class BodyLimitProblem {

    private final long limit;

    BodyLimitProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length == null || parse(length) <= limit) {
            ctx.next();
            return;
        }
        String accept = ctx.request().getHeader("Accept-Language");
        List<Locale> wanted = accept == null ? List.of() : Locale.LanguageRange.parse(accept).stream()
                .map(r -> Locale.forLanguageTag(r.getRange())).toList();
        Messages m = Messages.of(wanted);
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                .end(new JsonObject().put("type", "urn:ponte:problem:too-large").put("title", m.get("problem.tooLarge"))
                        .put("status", 413).put("detail", m.get("problem.tooLarge.detail")).encode());
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
