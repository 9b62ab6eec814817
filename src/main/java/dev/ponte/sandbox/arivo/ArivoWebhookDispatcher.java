package dev.ponte.sandbox.arivo;

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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers events to the subscriptions of that event by HTTP POST to their {@code callback_url}, off the request
 * thread. Arivo's payload is unknown (its node passes the raw body through): the emulator sends
 * {@code {event, data: <the deal>}}, a guess, and nothing that signs it. A failed attempt is retried a few times; the
 * {@code webhook_duplicates} fault knob sends each event several times.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@ApplicationScoped
public class ArivoWebhookDispatcher {

    static final int MAX_ATTEMPTS = 3;
    static final long RETRY_DELAY_MILLIS = 200;

    private final Arivo state;
    private final Faults faults;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "sandbox-arivo-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public ArivoWebhookDispatcher(Arivo state, Faults faults) {
        this.state = state;
        this.faults = faults;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Queues {@code event} (e.g. {@code deal.won}) about {@code record} for every subscription of it. */
    public void publish(String event, ObjectNode record) {
        List<ObjectNode> targets = state.webhooks.values().stream()
                .filter(w -> event.equals(w.path("event").asText())).toList();
        String body = body(event, record);
        int copies = faults.webhookDuplicates(Arivo.NAME);
        for (ObjectNode webhook : targets) {
            for (int copy = 0; copy < copies; copy++) {
                executor.execute(() -> attempt(webhook, event, record.path("id").asText(), body, 1));
            }
        }
    }

    private void attempt(ObjectNode webhook, String event, String recordId, String body, int attempt) {
        String url = webhook.path("callback_url").asText();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        } catch (IllegalArgumentException e) {
            delivered(webhook, event, recordId, body, attempt, 0);
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                Log.debugf("Arivo webhook %s delivery failed: %s", webhook.path("id").asText(), failure.getMessage());
            }
            delivered(webhook, event, recordId, body, attempt, failure == null ? response.statusCode() : 0);
        });
    }

    private void delivered(ObjectNode webhook, String event, String recordId, String body, int attempt, int status) {
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("webhook_id", webhook.path("id").asText());
        delivery.put("event", event);
        delivery.put("record_id", recordId);
        delivery.put("attempt", attempt);
        delivery.put("status", status);
        state.deliveries.add(delivery);
        if (status / 100 != 2 && attempt < MAX_ATTEMPTS && !executor.isShutdown()) {
            executor.schedule(() -> attempt(webhook, event, recordId, body, attempt + 1), RETRY_DELAY_MILLIS * attempt,
                    TimeUnit.MILLISECONDS);
        }
    }

    private String body(String event, ObjectNode record) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("event", event);
        body.put("data", record.deepCopy());
        try {
            return state.json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
