package dev.ponte.sandbox.pipedrive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponte.sandbox.Faults;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Delivery;
import dev.ponte.sandbox.pipedrive.PipedriveModel.Webhook;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers webhook v2 events (body shape: specs/pipedrive/examples/webhook-v2-deal-change.example.json) to every
 * matching subscription by HTTP POST with basic auth, off the request thread. A failed attempt (non-2xx or I/O
 * error) is retried with {@code meta.attempt} incremented; the {@code webhook_duplicates} fault knob sends each event
 * several times with the same {@code correlation_id}, as Pipedrive has been seen to do.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@ApplicationScoped
public class WebhookDispatcher {

    /** Pipedrive's real retry schedule is not published; a few quick retries keep tests fast. */
    static final int MAX_ATTEMPTS = 3;
    static final long RETRY_DELAY_MILLIS = 200;

    private final Pipedrive state;
    private final Faults faults;
    private final ObjectMapper mapper;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "sandbox-pipedrive-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    /** HTTP/1.1, one POST per delivery as Pipedrive sends them, not streams multiplexed on one upgraded connection. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public WebhookDispatcher(Pipedrive state, Faults faults, ObjectMapper mapper) {
        this.state = state;
        this.faults = faults;
        this.mapper = mapper;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Queues {@code action} (create, change, delete) on {@code entity} for every subscription that wants it. */
    public void publish(String action, String entity, long entityId, Object data, Object previous, long userId) {
        List<Webhook> targets = state.webhooks.values().stream()
                .filter(w -> w.isActive() == 1)
                .filter(w -> w.eventAction().equals("*") || w.eventAction().equals(action))
                .filter(w -> w.eventObject().equals("*") || w.eventObject().equals(entity))
                .toList();
        String correlationId = UUID.randomUUID().toString();
        long timestamp = state.now().getEpochSecond();
        int copies = faults.webhookDuplicates(Pipedrive.NAME);
        for (Webhook webhook : targets) {
            for (int copy = 0; copy < copies; copy++) {
                Event event = new Event(webhook, action, entity, entityId, data, previous, userId, correlationId,
                        timestamp);
                executor.execute(() -> attempt(event, 1));
            }
        }
    }

    private record Event(Webhook webhook, String action, String entity, long entityId, Object data, Object previous,
                         long userId, String correlationId, long timestamp) {
    }

    /**
     * Sends without waiting for the answer, so deliveries overlap as Pipedrive's do: a slow receiver delays only its
     * own events, not every subscription's.
     */
    private void attempt(Event event, int attempt) {
        Webhook webhook = event.webhook();
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(webhook.subscriptionUrl()))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(event, attempt)));
            if (webhook.httpAuthUser() != null) {
                String credentials = webhook.httpAuthUser() + ":" + webhook.httpAuthPassword();
                builder.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            Log.debugf("webhook %d delivery failed: %s", webhook.id(), e.getMessage());
            delivered(event, attempt, 0);
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                Log.debugf("webhook %d delivery failed: %s", webhook.id(), failure.getMessage());
            }
            delivered(event, attempt, failure == null ? response.statusCode() : 0);
        });
    }

    private void delivered(Event event, int attempt, int status) {
        Webhook webhook = event.webhook();
        state.deliveries.add(new Delivery(webhook.id(), webhook.subscriptionUrl(), event.action(), event.entityId(),
                event.correlationId(), attempt, status, state.now()));
        state.webhooks.computeIfPresent(webhook.id(), (id, w) -> new Webhook(w.id(), w.companyId(), w.ownerId(),
                w.userId(), w.eventAction(), w.eventObject(), w.subscriptionUrl(), w.version(), w.isActive(),
                w.addTime(), w.removeTime(), w.type(), w.httpAuthUser(), w.httpAuthPassword(), w.removeReason(),
                state.now(), status, w.adminId(), w.name()));
        if (status / 100 != 2 && attempt < MAX_ATTEMPTS && !executor.isShutdown()) {
            executor.schedule(() -> attempt(event, attempt + 1), RETRY_DELAY_MILLIS * attempt, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * {@code meta} as in the v2 example; {@code correlation_id} is named in the README but absent from the
     * third-party example, so its name is a guess.
     */
    private String body(Event event, int attempt) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("action", event.action());
        meta.put("entity", event.entity());
        meta.put("version", "2.0");
        meta.put("company_id", Pipedrive.COMPANY_ID);
        meta.put("user_id", event.userId());
        meta.put("id", event.entityId());
        meta.put("entity_id", event.entityId());
        meta.put("webhook_id", event.webhook().id());
        meta.put("webhook_owner_id", event.webhook().ownerId());
        meta.put("permitted_user_ids", List.of(Pipedrive.ADMIN_USER_ID, Pipedrive.REGULAR_USER_ID));
        meta.put("correlation_id", event.correlationId());
        meta.put("attempt", attempt);
        meta.put("host", Pipedrive.HOST);
        meta.put("timestamp", event.timestamp());
        meta.put("change_source", "api");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meta", meta);
        body.put("data", event.data());
        body.put("previous", event.previous());
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
