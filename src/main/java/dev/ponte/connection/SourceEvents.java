package dev.ponte.connection;

import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.SourcePort;
import dev.ponte.connector.SourcePort.WebhookEvent;
import dev.ponte.engine.JobService;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.flow.WonDealToSale;
import dev.ponte.flow.WonDeals;
import dev.ponte.model.DealStatus;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A connection's link to its source's events: the webhook subscription made when it is enabled (with a secret of
 * its own, verified on every delivery) and removed when disabled, the deliveries themselves, and "test connection".
 * These are the only vendor calls made on a request thread, besides "send quote".
 */
@ApplicationScoped
public class SourceEvents {

    private final ConnectionPorts ports;
    private final ConnectionService connections;
    private final JobService jobs;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    SourceEvents(ConnectionPorts ports, ConnectionService connections, JobService jobs,
            @ConfigProperty(name = "ponte.public-url") String publicUrl) {
        this.ports = ports;
        this.connections = connections;
        this.jobs = jobs;
        this.publicUrl = publicUrl;
    }

    /** What a delivery led to: the job it queued, or why it was ignored. */
    public record Receipt(Long jobId, String ignored) {
    }

    /**
     * Verifies a delivery and queues the won deal it names; a delivery repeated is the same job. A connection that
     * needs reconnecting still takes verified deliveries: their jobs are parked with the rest of its paused work and
     * run once it is reconnected (R16), so a deal won meanwhile is not lost. A disabled connection takes none (R17).
     */
    public Receipt receive(UUID connectionId, Map<String, String> headers, byte[] body) {
        ConnectionStatus status = connections.byId(connectionId).status;
        if (status != ConnectionStatus.ACTIVE && status != ConnectionStatus.NEEDS_RECONNECT) {
            throw new NotFoundException("connection");
        }
        ConnectionView connection = ports.find(connectionId).orElseThrow(() -> new NotFoundException("connection"));
        Optional<WebhookEvent> event = ports.source(connectionId).readWebhook(headers, body);
        if (event.isEmpty()) {
            return ignored(connectionId, "not a deal event");
        }
        WebhookEvent e = event.get();
        if (e.deal() == null || e.deal().status() != DealStatus.WON) {
            return ignored(connectionId, "deal " + e.dealId() + " is not won");
        }
        return new Receipt(jobs.enqueue(WonDeals.job(connection, e.dealId(), e.deal().wonTime(), e.eventId())), null);
    }

    private static Receipt ignored(UUID connectionId, String why) {
        Log.debugf("Connection %s: webhook delivery ignored: %s", connectionId, why);
        return new Receipt(null, why);
    }

    /** Checks the source's credentials (R16); answers the fields at fault, none when all is well. */
    public List<RejectedFailure.FieldError> test(UUID tenantId, UUID connectionId) {
        connections.find(tenantId, connectionId);
        return ports.source(connectionId).test();
    }

    /** Subscribes the source's webhook (a vendor refusal leaves the connection as it was), then switches it on. */
    public ConnectionEntity enable(UUID tenantId, UUID connectionId) {
        subscribe(connections.find(tenantId, connectionId));
        return connections.enable(tenantId, connectionId);
    }

    /** Switches the connection off, then removes its webhook. */
    public ConnectionEntity disable(UUID tenantId, UUID connectionId) {
        ConnectionEntity c = connections.disable(tenantId, connectionId);
        unsubscribe(c);
        return c;
    }

    private void subscribe(ConnectionEntity c) {
        if (!connections.flows(c).contains(WonDealToSale.NAME)) {
            return;
        }
        Map<String, String> credentials = Map.of("webhookUser", "ponte", "webhookPassword", secret());
        connections.storeCredentials(c.id, credentials);
        SourcePort source = ports.source(c.id);
        source.registerWebhook(hookUrl(c.id), credentials.get("webhookUser"), credentials.get("webhookPassword"));
        if (connections.settings(c).path("contracts").asBoolean(false)) {
            source.ensureDealFields(WonDealToSale.CONTRACT_FIELDS);
        }
    }

    /** Removes the connection's webhook; a failure is logged, not fatal: deliveries to a disabled one are refused. */
    private void unsubscribe(ConnectionEntity c) {
        if (!connections.flows(c).contains(WonDealToSale.NAME)) {
            return;
        }
        try {
            ports.source(c.id).removeWebhooks(hookUrl(c.id));
        } catch (RuntimeException e) {
            Log.warnf("Connection %s: could not remove its webhook (%s); deliveries are refused while disabled",
                    c.id, e.getClass().getSimpleName());
        }
    }

    private String hookUrl(UUID connectionId) {
        return publicUrl + "/hooks/" + connectionId;
    }

    private String secret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
