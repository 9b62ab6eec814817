package dev.ponte.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.connection.ConnectionDraft;
import dev.ponte.connection.ConnectionEntity;
import dev.ponte.connection.ConnectionService;
import dev.ponte.connection.ConnectionStatus;
import dev.ponte.connection.ConnectorRegistry;
import dev.ponte.connection.OAuthConnect;
import dev.ponte.connection.SourceEvents;
import dev.ponte.connector.Connector.Side;
import dev.ponte.connector.RateBudget;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.engine.JobService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's connections (R2, R16, R17, R20). Credentials are write-only. */
@Path("/api/v1/connections")
@Tag(name = "Connections", description = "Source ↔ ledger pairs, their flows, settings and switch")
public class ConnectionResource {

    private final ConnectionService connections;
    private final SourceEvents events;
    private final OAuthConnect oauth;
    private final JobService jobs;
    private final CallerContext caller;
    private final ConnectorRegistry connectors;

    ConnectionResource(ConnectionService connections, SourceEvents events, OAuthConnect oauth, JobService jobs,
            CallerContext caller, ConnectorRegistry connectors) {
        this.connectors = connectors;
        this.connections = connections;
        this.events = events;
        this.oauth = oauth;
        this.jobs = jobs;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a connection", description = "Created as DRAFT; enable it to start syncing.")
    public Response create(@Valid @NotNull ConnectionRequest request) {
        ConnectionEntity c = connections.create(caller.tenantId(), request.toDraft());
        return Response.status(201).entity(view(c)).build();
    }

    @GET
    @Operation(summary = "List connections")
    public List<ConnectionResponse> list() {
        return connections.list(caller.tenantId()).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a connection")
    public ConnectionResponse get(@PathParam("id") UUID id) {
        return view(connections.find(caller.tenantId(), id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}")
    @Operation(summary = "Change a connection", description = "Omit credentials to keep the stored ones; giving new "
            + "ones to a NEEDS_RECONNECT connection reactivates it and resumes its paused jobs.")
    public ConnectionResponse update(@PathParam("id") UUID id, @Valid @NotNull ConnectionRequest request) {
        return view(connections.update(caller.tenantId(), id, request.toDraft()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a connection", description = "Its queued jobs stop; its history, "
            + "jobs and links are kept without the personal data in them (as a forget request leaves them).")
    public Response delete(@PathParam("id") UUID id) {
        connections.delete(caller.tenantId(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Switch a connection on", description = "Sets the activation time the first time only: "
            + "only deals won (orders paid) from then on are synced (R2). Subscribes the source's webhook first.")
    public ConnectionResponse enable(@PathParam("id") UUID id) {
        return view(events.enable(caller.tenantId(), id));
    }

    @POST
    @Path("/{id}/disable")
    @Operation(summary = "Switch a connection off", description = "No new syncs; queued work waits; history is kept.")
    public ConnectionResponse disable(@PathParam("id") UUID id) {
        return view(events.disable(caller.tenantId(), id));
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "Test a connection's credentials", description = "Calls the source: 200 when they work, "
            + "422 naming what is wrong (e.g. Pipedrive needs an admin user's API token, R16).")
    public Response test(@PathParam("id") UUID id) {
        List<RejectedFailure.FieldError> errors = events.test(caller.tenantId(), id);
        if (!errors.isEmpty()) {
            throw new RejectedFailure("The credentials do not work", errors);
        }
        return Response.ok(Map.of("ok", true)).build();
    }

    @GET
    @Path("/{id}/webhook")
    @Operation(summary = "The connection's webhook address", description = "Where the source delivers its events. "
            + "`subscribedByPonte` true: Ponte subscribes it when the connection is enabled. false: paste `url` in the "
            + "vendor's own webhook screen (e.g. Moskit's Integrations > Webhooks); it carries the connection's secret, "
            + "so keep it private. 404 for a source that sends no webhooks.")
    public SourceEvents.Webhook webhook(@PathParam("id") UUID id) {
        return events.webhook(caller.tenantId(), id)
                .orElseThrow(() -> new dev.ponte.connection.NotFoundException("webhook"));
    }

    @GET
    @Path("/{id}/oauth/authorize")
    @Operation(summary = "Connect a side by OAuth2", description = "Redirects (303) to the consent page of the side "
            + "that connects by OAuth2 (`side`: `ledger` or `source`, needed only when both do); the vendor then calls "
            + "back /oauth/callback, and the tokens are stored encrypted beside the other credentials (R16).")
    public Response authorize(@PathParam("id") UUID id, @QueryParam("side") String side) {
        return Response.seeOther(oauth.authorize(caller.tenantId(), id, side)).build();
    }

    @GET
    @Path("/{id}/rate-limits")
    @Operation(summary = "The connection's request budgets (R63)", description = "For the source and the ledger: "
            + "the calls Ponte made to the vendor in the last minute and the 429s it was answered, the rate it spaces "
            + "them to, and what the vendor last reported of its own limit (window limit, remaining, reset; "
            + "Pipedrive also its daily allowance), null where its answers carry none. Counted by this instance "
            + "since it started; `budget` is null before its first call.")
    public List<RateLimitResponse> rateLimits(@PathParam("id") UUID id) {
        ConnectionEntity c = connections.find(caller.tenantId(), id);
        return List.of(rateLimit(c.id, Side.SOURCE, c.sourceSystem), rateLimit(c.id, Side.LEDGER, c.ledgerSystem));
    }

    private RateLimitResponse rateLimit(UUID id, Side side, String system) {
        return new RateLimitResponse(side, system,
                connectors.find(system, side).flatMap(connector -> connector.usage(id)).orElse(null));
    }

    @POST
    @Path("/{id}/oauth/consent-link")
    @Operation(summary = "A new OAuth2 consent page address", description = "What `…/oauth/authorize` redirects to, "
            + "as JSON, for a page that sends the person there itself (the console); valid for a short while, once, "
            + "and until the next one of the same side is made.")
    public ConsentLink consentLink(@PathParam("id") UUID id, @QueryParam("side") String side) {
        return new ConsentLink(oauth.authorize(caller.tenantId(), id, side));
    }

    public record ConsentLink(@Schema(description = "The vendor's consent page") java.net.URI url) {
    }

    private ConnectionResponse view(ConnectionEntity c) {
        return new ConnectionResponse(c.id, c.name, c.sourceSystem, c.ledgerSystem, connections.flows(c),
                connections.settings(c), c.status, c.activatedAt, c.credentials != null, jobs.isPaused(c.id),
                c.createdAt, c.updatedAt);
    }

    @Schema(name = "ConnectionRequest")
    public record ConnectionRequest(
            @Schema(required = true, examples = "Pipedrive → Conta Azul") String name,
            @Schema(required = true, description = "A source system of GET /api/v1/catalog/systems")
            String sourceSystem,
            @Schema(required = true, description = "A ledger system of GET /api/v1/catalog/systems")
            String ledgerSystem,
            @Schema(description = "Flows this connection runs") List<String> flows,
            @Schema(description = "Settings of the chosen flows, plus the common schedule.incremental, "
                    + "schedule.full (Quartz cron, UTC) and jobsPerSecond",
                    examples = "{\"schedule.incremental\": \"0 */5 * * * ?\"}") JsonNode settings,
            @Schema(description = "Write-only: stored encrypted, never returned",
                    examples = "{\"apiToken\": \"…\"}") Map<String, String> credentials) {

        ConnectionDraft toDraft() {
            return new ConnectionDraft(name, sourceSystem, ledgerSystem, flows, settings, credentials);
        }
    }

    public record RateLimitResponse(Side side, String system, RateBudget.Usage budget) {
    }

    @Schema(name = "Connection")
    public record ConnectionResponse(UUID id, String name, String sourceSystem, String ledgerSystem,
            List<String> flows, JsonNode settings, ConnectionStatus status,
            @Schema(description = "When the connection was first enabled; nothing before it is synced") Instant activatedAt,
            @Schema(description = "Whether credentials are stored (they are never shown)") boolean credentialsSet,
            @Schema(description = "Whether its jobs are held (disabled or waiting to reconnect)") boolean paused,
            Instant createdAt, Instant updatedAt) {
    }
}
