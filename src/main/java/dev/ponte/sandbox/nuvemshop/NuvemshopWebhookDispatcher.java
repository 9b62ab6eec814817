package dev.ponte.sandbox.nuvemshop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.sandbox.Faults;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers events by HTTP POST, off the request thread, each body signed: {@code X-Linkedstore-HMAC-SHA256} is the hex
 * HMAC-SHA256 of the raw body keyed with the app's secret [V webhook.md]. Store events ({@code {store_id, event, id}})
 * go to the store's subscriptions of that event; the privacy events to the URL given (they are app settings, not
 * subscriptions). A delivery not answered 2xx is retried a few times, quickly (the vendor retries for 48 h); the
 * {@code webhook_duplicates} fault knob, or a control's {@code copies}, sends each event several times.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@ApplicationScoped
public class NuvemshopWebhookDispatcher {

    static final String SIGNATURE = "X-Linkedstore-HMAC-SHA256";
    static final int MAX_ATTEMPTS = 3;
    static final long RETRY_DELAY_MILLIS = 200;

    private final Nuvemshop state;
    private final Faults faults;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "sandbox-nuvemshop-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public NuvemshopWebhookDispatcher(Nuvemshop state, Faults faults) {
        this.state = state;
        this.faults = faults;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** {@code event} about record {@code id} of {@code store}, to every subscription of it; answers how many were sent. */
    public int publish(String store, String event, String id, int copies) {
        List<ObjectNode> targets = state.of(state.webhooks, store).values().stream()
                .filter(w -> event.equals(w.path("event").asText())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("store_id", Long.parseLong(store));
        body.put("event", event);
        body.put("id", Long.parseLong(id));
        byte[] raw = write(body);
        int n = Math.max(copies, faults.webhookDuplicates(Nuvemshop.NAME));
        for (ObjectNode webhook : targets) {
            for (int copy = 0; copy < n; copy++) {
                String url = webhook.path("url").asText();
                executor.execute(() -> attempt(url, event, raw, 1));
            }
        }
        return targets.size() * n;
    }

    /** A privacy event's body to {@code url}, signed like the others. */
    public void send(String url, String event, Map<String, Object> body) {
        byte[] raw = write(body);
        executor.execute(() -> attempt(url, event, raw, 1));
    }

    private void attempt(String url, String event, byte[] body, int attempt) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(40))
                    .header("Content-Type", "application/json")
                    .header(SIGNATURE, Nuvemshop.sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            delivered(url, event, body, attempt, 0);
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                Log.debugf("Nuvemshop webhook %s delivery failed: %s", event, failure.getMessage());
            }
            delivered(url, event, body, attempt, failure == null ? response.statusCode() : 0);
        });
    }

    private void delivered(String url, String event, byte[] body, int attempt, int status) {
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("url", url);
        delivery.put("event", event);
        delivery.put("body", new String(body, StandardCharsets.UTF_8));
        delivery.put("attempt", attempt);
        delivery.put("status", status);
        state.deliveries.add(delivery);
        if (status / 100 != 2 && status != 401 && attempt < MAX_ATTEMPTS && !executor.isShutdown()) {
            executor.schedule(() -> attempt(url, event, body, attempt + 1), RETRY_DELAY_MILLIS * attempt,
                    TimeUnit.MILLISECONDS);
        }
    }

    private byte[] write(Map<String, Object> body) {
        try {
            return state.json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
