package dev.ponte.api;

import dev.ponte.connection.InvalidInputException;
import dev.ponte.connection.PersonalData.DataSubject;
import dev.ponte.connection.PersonalData.Held;
import dev.ponte.connection.PersonalData.Redaction;
import dev.ponte.connection.PersonalData.SubjectData;
import dev.ponte.connection.PersonalDataService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A person's data held by Ponte for one of the tenant's connections (LGPD/GDPR): what it holds, and its removal. The
 * records of the source and the ledger themselves are theirs to remove; links from source records to ledger records
 * stay, so nothing synced is created twice.
 */
@Path("/api/v1/connections/{id}/privacy")
@Tag(name = "Privacy", description = "Personal data requests (LGPD/GDPR): find and remove what Ponte holds")
public class PrivacyResource {

    private final PersonalDataService personalData;
    private final CallerContext caller;

    PrivacyResource(PersonalDataService personalData, CallerContext caller) {
        this.personalData = personalData;
        this.caller = caller;
    }

    @POST
    @Path("/redactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove a person's data", description = "Rewrites the person's name, document, e-mail and "
            + "phones as \"[removed]\" in history, jobs and reconciliation runs, drops them from two-way snapshots "
            + "and turns match keys made of them into one-way digests (their next deal still reuses the ledger "
            + "customer). One transaction; an audit line without the data is written to the history (subject "
            + "\"privacy\"). Answers how many rows changed per table.")
    public RedactionResponse redact(@PathParam("id") UUID id, PrivacySubjectRequest request) {
        return RedactionResponse.of(personalData.redact(caller.tenantId(), id, subject(request)));
    }

    @POST
    @Path("/data-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "What Ponte holds about a person", description = "The history lines, jobs, links, match "
            + "keys and runs that concern the person, as stored; nothing is changed.")
    public SubjectDataResponse find(@PathParam("id") UUID id, PrivacySubjectRequest request) {
        return SubjectDataResponse.of(personalData.find(caller.tenantId(), id, subject(request)));
    }

    @POST
    @Path("/forget")
    @Operation(summary = "Remove all the connection's personal data", description = "For an account that asked to "
            + "be forgotten: every history message, job payload and error, snapshot and run message is removed, "
            + "match keys become digests, the credentials are deleted and the connection is switched off. Links "
            + "stay, so nothing synced is created twice if it is connected again.")
    public RedactionResponse forget(@PathParam("id") UUID id) {
        return RedactionResponse.of(personalData.forgetConnection(caller.tenantId(), id));
    }

    private static DataSubject subject(PrivacySubjectRequest r) {
        if (r == null) {
            throw new InvalidInputException("body", "field.required");
        }
        return new DataSubject(r.sourceCustomerId(), r.recordSubjects(), r.email(), r.taxId(), r.name(), r.phone());
    }

    @Schema(name = "PrivacySubjectRequest", description = "The person: at least one identifier.")
    public record PrivacySubjectRequest(
            @Schema(description = "Their id in the source (a company, person or customer id)", examples = "42")
            String sourceCustomerId,
            @Schema(description = "Subjects of the source records that concern them, as in history and jobs",
                    examples = "[\"<system>:deal:8712\"]")
            List<String> recordSubjects,
            @Schema(examples = "ana@example.com") String email,
            @Schema(description = "CPF, CNPJ or another document, with or without separators",
                    examples = "529.982.247-25")
            String taxId,
            @Schema(description = "Their name as the source holds it", examples = "Ana Souza") String name,
            @Schema(description = "One or more phones, separated by commas", examples = "+55 11 99999-8888")
            String phone) {
    }

    @Schema(name = "RedactionResponse", description = "Rows changed per table (a webhook's delivery is kept as its job)")
    public record RedactionResponse(int historyLines, int jobs, int links, int matches, int runs, int total) {

        static RedactionResponse of(Redaction r) {
            return new RedactionResponse(r.historyLines(), r.jobs(), r.links(), r.matches(), r.runs(), r.total());
        }
    }

    @Schema(name = "SubjectDataResponse", description = "What Ponte holds about the person, per table (a webhook's "
            + "delivery is kept as its job)")
    public record SubjectDataResponse(List<HeldResponse> historyLines, List<HeldResponse> jobs,
            List<HeldResponse> links, List<HeldResponse> matches, List<HeldResponse> runs) {

        static SubjectDataResponse of(SubjectData d) {
            return new SubjectDataResponse(held(d.historyLines()), held(d.jobs()), held(d.links()),
                    held(d.matches()), held(d.runs()));
        }

        private static List<HeldResponse> held(List<Held> rows) {
            return rows.stream().map(h -> new HeldResponse(h.id(), h.recordSubject(), h.at(), h.content())).toList();
        }
    }

    @Schema(name = "HeldResponse", description = "One stored row: its id, the source record it is about, when, what")
    public record HeldResponse(String id, String recordSubject, Instant at, String content) {
    }
}
