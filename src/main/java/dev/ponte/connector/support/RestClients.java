package dev.ponte.connector.support;

import dev.ponte.connector.RateBudget;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

/**
 * Builds a vendor's REST client the way every connector does: base URL, one timeout for connecting and reading, an
 * optional connection pool size, an optional header computed per request (a token, which then stays out of URLs
 * and access logs), and the connection's {@link RateBudget} told of every answer.
 */
public final class RestClients {

    private RestClients() {
    }

    public static Builder to(String baseUrl, Duration timeout) {
        return new Builder(baseUrl, timeout);
    }

    /** A client under construction. */
    public static final class Builder {

        private final QuarkusRestClientBuilder builder;

        private Builder(String baseUrl, Duration timeout) {
            long millis = timeout.toMillis();
            builder = QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create(baseUrl))
                    .connectTimeout(millis, TimeUnit.MILLISECONDS)
                    .readTimeout(millis, TimeUnit.MILLISECONDS);
        }

        /** At most this many connections to the vendor at once. */
        public Builder poolSize(int connections) {
            builder.property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, connections);
            return this;
        }

        /** Sets header {@code name} on every request to what {@code value} answers then; none when it answers null. */
        public Builder header(String name, Supplier<String> value) {
            builder.register(new Header(name, value));
            return this;
        }

        /** Tells {@code budget} of every answer: its status and the vendor's rate-limit headers. */
        public Builder budget(RateBudget budget) {
            builder.register((ClientResponseFilter) (request, response) -> {
                // A dropped connection comes through here too, without headers: it is no answer.
                if (response.getHeaders() != null) {
                    budget.answered(response.getStatus(), response::getHeaderString);
                }
            });
            return this;
        }

        public <T> T build(Class<T> api) {
            return builder.build(api);
        }
    }

    private record Header(String name, Supplier<String> value) implements ClientRequestFilter {

        @Override
        public void filter(ClientRequestContext request) {
            String current = value.get();
            if (current != null) {
                request.getHeaders().putSingle(name, current);
            }
        }
    }
}
