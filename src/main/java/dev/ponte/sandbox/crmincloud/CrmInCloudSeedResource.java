package dev.ponte.sandbox.crmincloud;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Bulk seeding for benchmarks: {@code POST /sandbox/crmincloud/_seed/companies {"count": 100000, "modified":
 * "2026-01-01T00:00:00Z"}} creates synthetic companies in memory without one HTTP call each; {@code {"companies":
 * [...]}} stores the given company bodies, validated as the API's POST does (a body with an {@code id} replaces that
 * company as the API's PUT does), and answers their ids.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/crmincloud/_seed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrmInCloudSeedResource {

    private final CrmInCloud state;
    private final CrmInCloudCompanyResource companies;

    public CrmInCloudSeedResource(CrmInCloud state, CrmInCloudCompanyResource companies) {
        this.state = state;
        this.companies = companies;
    }

    @POST
    @Path("companies")
    public Map<String, Object> companies(JsonNode body) {
        if (body != null && body.path("companies").isArray()) {
            List<Long> ids = new ArrayList<>();
            synchronized (state) {
                for (JsonNode company : body.get("companies")) {
                    ids.add((company.hasNonNull("id") ? companies.update(company.get("id").asLong(), company)
                            : companies.create(company)).id());
                }
            }
            return Map.of("ids", ids);
        }
        int count = body == null ? 0 : body.path("count").asInt(0);
        if (count < 1 || count > 1_000_000) {
            throw state.failure(400, "count must be between 1 and 1000000");
        }
        String modified = Json.text(body, "modified");
        long[] ids = state.seedCompanies(count, modified == null ? null : Instant.parse(modified));
        return Map.of("firstId", ids[0], "lastId", ids[1]);
    }
}
