package dev.ponte.api;

import dev.ponte.connection.ConflictException;
import dev.ponte.connection.ConnectionEntity;
import dev.ponte.connection.ConnectionService;
import dev.ponte.connection.NotFoundException;
import dev.ponte.flow.CustomerSync;
import dev.ponte.flow.QuotePush;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The CRM's buttons (R31, R35, R36): send a company or a quote to the ledger, synchronously. A refusal — Ponte's
 * pre-flight check or the ledger's — is a 422 problem naming each field, in the caller's language where Ponte
 * explains it (R37).
 */
@Path("/api/v1/connections/{id}")
@Tag(name = "Send", description = "Send a CRM company or quote to the ledger (the CRM's buttons)")
public class SendResource {

    private final ConnectionService connections;
    private final CallerContext caller;
    private final CustomerSync customers;
    private final QuotePush quotes;

    SendResource(ConnectionService connections, CallerContext caller, CustomerSync customers, QuotePush quotes) {
        this.connections = connections;
        this.caller = caller;
        this.customers = customers;
        this.quotes = quotes;
    }

    @POST
    @Path("/companies/{companyId}/send")
    @Operation(summary = "Send a CRM company to the ledger (R31)", description = "Answers the ledger customer it is "
            + "linked to, found by tax id, or created now; 422 with field errors when the ledger would refuse it.")
    public CompanySent sendCompany(@PathParam("id") UUID id, @PathParam("companyId") String companyId,
            HttpHeaders headers) {
        requireFlow(id, CustomerSync.NAME);
        try {
            CustomerSync.Sent sent = customers.send(id, companyId, Messages.pick(Messages.acceptable(headers)));
            return new CompanySent(sent.customerId(), sent.created());
        } catch (CustomerSync.SendInProgress e) {
            throw new ConflictException("send.inProgress");
        }
    }

    @POST
    @Path("/quotes/{quoteId}/send")
    @Operation(summary = "Send a CRM quote to the ledger (R35)", description = "Answers the ledger document's id; a "
            + "second call answers the same document. 422 with field errors: no company, unknown article codes, or a "
            + "customer the ledger would refuse.")
    public QuoteSent sendQuote(@PathParam("id") UUID id, @PathParam("quoteId") String quoteId, HttpHeaders headers) {
        requireFlow(id, QuotePush.NAME);
        try {
            QuotePush.Sent sent = quotes.send(id, quoteId, Messages.pick(Messages.acceptable(headers)));
            return new QuoteSent(sent.documentId(), sent.created());
        } catch (CustomerSync.SendInProgress e) {
            throw new ConflictException("send.inProgress");
        }
    }

    @GET
    @Path("/quotes/{quoteId}/document")
    @Produces("application/pdf")
    @Operation(summary = "The ledger's printable document of a sent quote (R36)")
    public Response document(@PathParam("id") UUID id, @PathParam("quoteId") String quoteId) {
        requireFlow(id, QuotePush.NAME);
        byte[] pdf = quotes.document(id, quoteId).orElseThrow(() -> new NotFoundException("sent quote"));
        return Response.ok(pdf, "application/pdf").build();
    }

    private void requireFlow(UUID id, String flow) {
        ConnectionEntity connection = connections.find(caller.tenantId(), id);
        if (!connections.flows(connection).contains(flow)) {
            throw new NotFoundException("flow " + flow + " of this connection");
        }
    }

    public record CompanySent(String customerId, boolean created) {
    }

    public record QuoteSent(String documentId, boolean created) {
    }
}
