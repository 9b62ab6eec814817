package dev.ponte.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The operator console is static files in {@code META-INF/resources/console/}; its address as a person types it,
 * {@code /console} or just the server's root, leads there.
 */
@ApplicationScoped
public class ConsolePath {

    void register(@Observes Router router) {
        router.get("/").handler(this::toConsole);
        router.get("/console").handler(this::toConsole);
    }

    private void toConsole(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals("/") || path.equals("/console")) {
            ctx.redirect("/console/");
        } else {
            ctx.next();
        }
    }
}
