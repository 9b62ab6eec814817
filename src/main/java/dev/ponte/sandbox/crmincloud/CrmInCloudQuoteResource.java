package dev.ponte.sandbox.crmincloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.sandbox.crmincloud.CrmInCloudModel.ExternalReference;
import dev.ponte.sandbox.crmincloud.CrmInCloudModel.Quote;
import dev.ponte.sandbox.crmincloud.CrmInCloudModel.QuoteRow;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Quotes ({@code Quote}/{@code Quotes}, as the controller page lists its aliases): get, create, and link to a record
 * of another system with {@code POST Quote/{id}/ExternalReference}; a quote linked to {@code CiC} shows "(CiC)" in
 * its {@code listLabel}. Shapes and the link action are guesses.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/crmincloud/api/v1/{controller: Quotes|Quote}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrmInCloudQuoteResource {

    private final CrmInCloud state;

    public CrmInCloudQuoteResource(CrmInCloud state) {
        this.state = state;
    }

    @GET
    @Path("{id}")
    public Quote get(@PathParam("id") long id) {
        Quote quote = state.quotes.get(id);
        if (quote == null) {
            throw state.failure(404, "No quote with id " + id);
        }
        return quote;
    }

    @POST
    public Quote create(JsonNode body) {
        Map<String, List<String>> errors = Json.errors();
        Long companyId = body != null && body.hasNonNull("companyId") ? body.get("companyId").asLong() : null;
        if (companyId != null && !state.companies.containsKey(companyId)) {
            Json.error(errors, "companyId", "No company with id " + companyId + ".");
        }
        LocalDate date = LocalDate.now();
        try {
            String given = Json.text(body, "date");
            date = given == null ? date : LocalDate.parse(given.length() > 10 ? given.substring(0, 10) : given);
        } catch (DateTimeParseException e) {
            Json.error(errors, "date", "The date is not valid.");
        }
        List<QuoteRow> rows = new ArrayList<>();
        JsonNode array = body == null ? null : body.get("rows");
        for (int i = 0; array != null && i < array.size(); i++) {
            JsonNode row = array.get(i);
            Map<String, List<String>> rowErrors = Json.errors();
            BigDecimal quantity = Json.decimal(row, "quantity", rowErrors);
            BigDecimal price = Json.decimal(row, "price", rowErrors);
            BigDecimal discount = Json.decimal(row, "discount", rowErrors);
            String at = "rows[" + i + "].";
            rowErrors.forEach((field, messages) -> errors.put(at + field, messages));
            rows.add(new QuoteRow(Json.text(row, "articleCode"), Json.text(row, "description"),
                    quantity == null ? BigDecimal.ONE : quantity, price == null ? BigDecimal.ZERO : price, discount));
        }
        if (!errors.isEmpty()) {
            throw state.invalid(errors);
        }
        long id = state.nextId();
        String currency = Json.text(body, "currency");
        Quote quote = new Quote(id, Json.text(body, "code") == null ? "PR" + id : Json.text(body, "code"),
                Json.text(body, "subject"), companyId, date, currency == null ? "EUR" : currency, List.copyOf(rows),
                Json.text(body, "notes"), List.of(), state.now());
        state.quotes.put(id, quote);
        return quote;
    }

    /** Sets the quote's reference in {@code system} (one per system: a second call replaces the first). */
    @POST
    @Path("{id}/ExternalReference")
    public Quote link(@PathParam("id") long id, JsonNode body) {
        Map<String, List<String>> errors = Json.errors();
        String system = Json.required(body, "system", errors);
        String externalId = Json.required(body, "externalId", errors);
        if (!errors.isEmpty()) {
            throw state.invalid(errors);
        }
        synchronized (state) {
            Quote q = get(id);
            List<ExternalReference> references = new ArrayList<>(q.externalReferences());
            references.removeIf(r -> r.system().equals(system));
            references.add(new ExternalReference(system, externalId));
            Quote linked = new Quote(q.id(), q.code(), q.subject(), q.companyId(), q.date(), q.currency(), q.rows(),
                    q.notes(), List.copyOf(references), state.now());
            state.quotes.put(id, linked);
            return linked;
        }
    }
}
