package dev.ponte.sandbox.reviso;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.sandbox.reviso.Reviso.Customer;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test and benchmark seeding, outside the vendor's API (no tokens, no faults): {@code POST _customers} stores an
 * array of customer bodies validated as the API does but keeping a given {@code customerNumber} and
 * {@code lastUpdated}; {@code POST _customers/generate} makes {@code count} valid Italian customers in memory at once
 * (100,000 in well under a second), {@code lastUpdated} from {@code from} (default now) {@code stepMillis} apart.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/reviso/_customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RevisoSeedResource {

    private final Reviso state;
    private final RevisoCustomersResource customers;

    public RevisoSeedResource(Reviso state, RevisoCustomersResource customers) {
        this.state = state;
        this.customers = customers;
    }

    @POST
    public Map<String, Object> load(List<JsonNode> bodies) {
        List<Customer> drafts = new ArrayList<>();
        for (JsonNode body : bodies) {
            drafts.add(customers.draft(body, body.path("customerNumber").asInt(0), true));
        }
        List<Integer> numbers = new ArrayList<>();
        for (Customer draft : drafts) {
            numbers.add(state.save(draft, true).customerNumber());
        }
        return Map.of("customerNumbers", numbers);
    }

    /** Body {@code {count, from?, stepMillis?}}. */
    @POST
    @Path("generate")
    public Map<String, Object> generate(JsonNode body) {
        int count = body.path("count").asInt(0);
        if (count < 1 || count > 1_000_000) {
            throw RevisoErrors.badRequest("count must be between 1 and 1000000.");
        }
        Instant from = body.hasNonNull("from") ? Instant.parse(body.get("from").asText()) : state.now();
        long step = body.path("stepMillis").asLong(0);
        Integer bologna = RevisoSeeds.province("BO");
        List<Customer> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String serial = String.format("%07d", 1_000_000 + i);
            drafts.add(new Customer(0, String.format("Cliente %07d S.r.l.", i + 1), "EUR", 1, 2, 1, 1, null,
                    partitaIva(serial + "037"), null, "cliente" + (i + 1) + "@example.it", null, null,
                    "Via dell'Indipendenza " + (i % 200 + 1), "Bologna", "40121", "IT", bologna, null,
                    from.plusMillis(step * i)));
        }
        state.saveAll(drafts);
        return Map.of("generated", count, "customers", state.customerCount());
    }

    /** Appends the Luhn check digit of a Partita IVA (identifiers.md §2). */
    static String partitaIva(String first10) {
        int t = 0;
        for (int i = 0; i < 10; i++) {
            int d = first10.charAt(i) - '0';
            t += i % 2 == 1 ? (2 * d > 9 ? 2 * d - 9 : 2 * d) : d;
        }
        return first10 + (10 - t % 10) % 10;
    }
}
