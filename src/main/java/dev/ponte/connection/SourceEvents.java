package dev.ponte.connection;

import dev.ponte.connector.AppWebhooks;
import dev.ponte.connector.Connector.Side;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.SyncFailure;
import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.WebhookInbound.Delivery;
import dev.ponte.connector.WebhookInbound.Kind;
import dev.ponte.connector.WebhookInbound.PersonalDataRequest;
import dev.ponte.connector.WebhookInbound.SourceEvent;
import dev.ponte.connector.WebhookSubscription;
import dev.ponte.engine.JobService;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.flow.SourceEventFlow;
import dev.ponte.model.TaxId;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A connection's link to its source's events: the webhook subscription made when it is enabled and removed when
 * disabled (where the source subscribes by API), the deliveries themselves (verified by the source's connector, then
 * handed to the connection's flows that act on events), and "test connection". These are the only vendor calls made
 * on a request thread, besides the synchronous "send" actions.
 */
@ApplicationScoped
public class SourceEvents {

    private final ConnectionPorts ports;
    private final ConnectionService connections;
    private final JobService jobs;
    private final List<SourceEventFlow> eventFlows;
    private final String publicUrl;
    private final PersonalData personalData;
    private final ConnectorRegistry registry;

    SourceEvents(ConnectionPorts ports, ConnectionService connections, JobService jobs, Instance<SourceEventFlow> flows,
            PersonalData personalData, ConnectorRegistry registry,
            @ConfigProperty(name = "ponte.public-url") String publicUrl) {
        this.personalData = personalData;
        this.registry = registry;
        this.ports = ports;
        this.connections = connections;
        this.jobs = jobs;
        this.eventFlows = flows.stream().toList();
        this.publicUrl = publicUrl;
    }

    /**
     * What a delivery led to: the job it queued (the first, when several flows act on it), or why it was ignored, or
     * what was done at once (a disconnect, a privacy request) and, for a data request, what Ponte holds.
     */
    public record Receipt(Long jobId, String ignored, String done, PersonalData.SubjectData report) {

        Receipt(Long jobId, String ignored) {
            this(jobId, ignored, null, null);
        }
    }

    /**
     * Verifies a delivery and queues what the connection's flows make of it; a delivery repeated is the same job. A
     * connection that needs reconnecting still takes verified deliveries: their jobs are parked with the rest of its
     * paused work and run once it is reconnected (R16), so a deal won meanwhile is not lost. A disabled connection, or
     * one whose source sends no webhooks, takes none (R17), except a source's privacy request, which is a duty
     * whether or not the connection syncs. A source that says Ponte's access is revoked (a shop app uninstalled)
     * puts the connection in needs-reconnect at once, its work kept (R16).
     */
    public Receipt receive(UUID connectionId, Map<String, String> headers, Map<String, String> query, byte[] body) {
        // One read of the stored version: the status, the view and the port are the connection's at that version.
        ConnectionPorts.Snapshot stored = ports.snapshot(connectionId)
                .orElseThrow(() -> new NotFoundException("connection"));
        ConnectionStatus status = stored.status();
        boolean syncing = status == ConnectionStatus.ACTIVE || status == ConnectionStatus.NEEDS_RECONNECT;
        if (!syncing && status != ConnectionStatus.DISABLED) {
            throw new NotFoundException("connection");
        }
        ConnectionView connection = stored.view();
        WebhookInbound inbound = stored.sourceAs(WebhookInbound.class)
                .orElseThrow(() -> new NotFoundException("connection"));
        Optional<SourceEvent> event;
        try {
            event = inbound.read(new Delivery(headers, query, body));
        } catch (SyncFailure unverified) {
            if (!syncing) {
                throw new NotFoundException("connection");
            }
            throw unverified;
        }
        if (!syncing && (event.isEmpty() || event.get().kind() != Kind.PERSONAL_DATA)) {
            throw new NotFoundException("connection");
        }
        if (event.isEmpty()) {
            return ignored(connectionId, "not an event Ponte acts on");
        }
        if (event.get().kind() == Kind.DISCONNECTED) {
            connections.sourceDisconnected(connectionId);
            return new Receipt(null, null, "the source revoked Ponte's access: the connection needs reconnecting, "
                    + "its work is kept", null);
        }
        if (event.get().kind() == Kind.PERSONAL_DATA) {
            return privacy(connection, event.get().personalData());
        }
        Long first = null;
        List<String> ignored = new ArrayList<>();
        for (SourceEventFlow flow : flowsOf(connection)) {
            SourceEventFlow.Decision decision = flow.jobFor(connection, event.get());
            if (decision.job().isPresent()) {
                long id = jobs.enqueue(decision.job().get());
                first = first == null ? id : first;
            } else {
                ignored.add(decision.ignored());
            }
        }
        return first != null ? new Receipt(first, null)
                : ignored(connectionId, ignored.isEmpty() ? "no flow of this connection acts on events"
                        : String.join("; ", ignored));
    }

    /**
     * A delivery to a source system's app-wide address ({@link AppWebhooks}): verified with the app's secret, then
     * handed to each connection of that system, whose port takes it as its account's or refuses it as another's; a
     * delivery for an account Ponte does not hold is answered with no receipts (nothing held, nothing to do).
     *
     * @throws NotFoundException when the system has no app-wide address
     */
    public List<AppReceipt> receiveForApp(String system, Map<String, String> headers, Map<String, String> query,
            byte[] body) {
        AppWebhooks app = registry.find(system, Side.SOURCE).filter(AppWebhooks.class::isInstance)
                .map(AppWebhooks.class::cast).orElseThrow(() -> new NotFoundException("system"));
        app.verifyAppDelivery(new Delivery(headers, query, body));
        List<AppReceipt> receipts = new ArrayList<>();
        for (UUID connectionId : connections.idsWithSource(system)) {
            try {
                receipts.add(new AppReceipt(connectionId, receive(connectionId, headers, query, body)));
            } catch (CredentialsFailure | NotFoundException notThisConnections) {
                // Another account's connection, or one that takes no deliveries now.
            }
        }
        return receipts;
    }

    /** What a delivery to an app-wide address led to at one connection. */
    public record AppReceipt(UUID connectionId, Receipt receipt) {
    }

    /**
     * A source's privacy request, done before the delivery is answered: one customer's personal data removed for the
     * records listed (their subjects are {@code <source>:<type>:<id>}), the whole connection's, or reported.
     */
    private Receipt privacy(ConnectionView connection, PersonalDataRequest request) {
        if (request.action() == PersonalDataRequest.Action.REDACT_ACCOUNT) {
            PersonalData.Redaction done = personalData.forgetConnection(connection.id());
            return new Receipt(null, null, "the account's personal data was removed (" + done.total() + " rows)",
                    null);
        }
        String source = connection.sourceSystem().toLowerCase(Locale.ROOT);
        List<String> subjects = request.recordIds().stream()
                .map(id -> source + ":" + request.recordType() + ":" + id).toList();
        String taxId = request.document() == null ? null
                : TaxId.tryParseBrazilian(request.document()).map(TaxId::value).orElse(request.document());
        PersonalData.DataSubject subject = new PersonalData.DataSubject(request.customerId(), subjects,
                request.email(), taxId, null, request.phone());
        if (request.action() == PersonalDataRequest.Action.REPORT_CUSTOMER) {
            return new Receipt(null, null, "what Ponte holds about the customer (request " + request.requestId() + ")",
                    personalData.find(connection.id(), subject));
        }
        PersonalData.Redaction done = personalData.redact(connection.id(), subject);
        return new Receipt(null, null, "the customer's personal data was removed (" + done.total() + " rows)", null);
    }

    private static Receipt ignored(UUID connectionId, String why) {
        Log.debugf("Connection %s: webhook delivery ignored: %s", connectionId, why);
        return new Receipt(null, why);
    }

    /** Checks both sides' credentials (R16); answers the fields at fault, none when all is well. */
    public List<RejectedFailure.FieldError> test(UUID tenantId, UUID connectionId) {
        connections.find(tenantId, connectionId);
        List<RejectedFailure.FieldError> errors = new ArrayList<>(ports.sourcePort(connectionId).test());
        errors.addAll(ports.ledgerPort(connectionId).test());
        return errors;
    }

    /**
     * Readies the source for the connection's event flows and subscribes its webhook (a vendor refusal leaves the
     * connection as it was), then switches it on.
     */
    public ConnectionEntity enable(UUID tenantId, UUID connectionId) {
        ConnectionEntity c = connections.find(tenantId, connectionId);
        List<SourceEventFlow> flows = ports.find(c.id).map(this::flowsOf).orElse(List.of());
        if (!flows.isEmpty()) {
            ConnectionView view = ports.find(c.id).orElseThrow();
            flows.forEach(flow -> flow.prepare(view));
            ports.sourceIfOffered(c.id, WebhookSubscription.class).ifPresent(s -> s.subscribe(hookUrl(c.id)));
        }
        return connections.enable(tenantId, connectionId);
    }

    /**
     * The source's credentials were renewed (e.g. a shop app installed again): an enabled connection subscribes its
     * webhook again, since the source dropped it with the old credentials. A vendor refusal is logged, not thrown:
     * the credentials are stored, and the incremental reconciliation catches what a webhook would have brought.
     */
    public void sourceReconnected(UUID connectionId) {
        ConnectionEntity c = connections.byId(connectionId);
        if (c.status != ConnectionStatus.ACTIVE || ports.find(c.id).map(this::flowsOf).orElse(List.of()).isEmpty()) {
            return;
        }
        try {
            ports.sourceIfOffered(c.id, WebhookSubscription.class).ifPresent(s -> s.subscribe(hookUrl(c.id)));
        } catch (RuntimeException e) {
            Log.warnf("Connection %s: could not subscribe its webhook again (%s)", c.id, e.getClass().getSimpleName());
        }
    }

    /** Switches the connection off, then removes its webhook. */
    public ConnectionEntity disable(UUID tenantId, UUID connectionId) {
        ConnectionEntity c = connections.disable(tenantId, connectionId);
        if (ports.find(c.id).map(this::flowsOf).orElse(List.of()).isEmpty()) {
            return c;
        }
        try {
            ports.sourceIfOffered(c.id, WebhookSubscription.class).ifPresent(s -> s.unsubscribe(hookUrl(c.id)));
        } catch (RuntimeException e) {
            Log.warnf("Connection %s: could not remove its webhook (%s); deliveries are refused while disabled",
                    c.id, e.getClass().getSimpleName());
        }
        return c;
    }

    /** The connection's flows that act on source events. */
    private List<SourceEventFlow> flowsOf(ConnectionView connection) {
        return eventFlows.stream().filter(f -> connection.flows().contains(f.name()))
                .toList();
    }

    /**
     * Where the connection's source delivers its webhooks: subscribed by Ponte when the connection is enabled, or an
     * address a person pastes in the vendor's own screen (with its secret: only the tenant sees it). Empty for a source
     * that sends no webhooks.
     */
    public Optional<Webhook> webhook(UUID tenantId, UUID connectionId) {
        ConnectionEntity c = connections.find(tenantId, connectionId);
        if (ports.sourceIfOffered(c.id, WebhookSubscription.class).isPresent()) {
            return Optional.of(new Webhook(hookUrl(c.id), true));
        }
        return ports.sourceIfOffered(c.id, WebhookInbound.class).flatMap(in -> in.addressToPaste(hookUrl(c.id)))
                .map(url -> new Webhook(url, false));
    }

    /** A connection's webhook address, and whether Ponte subscribes it (else a person pastes it in the vendor). */
    public record Webhook(String url, boolean subscribedByPonte) {
    }

    private String hookUrl(UUID connectionId) {
        return publicUrl + "/hooks/" + connectionId;
    }
}
