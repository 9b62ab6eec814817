package dev.ponte.sandbox.reviso;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /self}: the agreement the tokens open, here an Italian company (CRM in Cloud's setting). */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/reviso/self")
@Produces(MediaType.APPLICATION_JSON)
public class RevisoSelfResource {

    /**
     * The agreement. e-conomic's {@code /self} shape ({@code agreementNumber, company, userName, settings}); the
     * company's {@code countryCode} is a guess next to its {@code country} name.
     */
    @GET
    public Object self(@Context UriInfo uri) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", "Ponte Demo S.r.l.");
        company.put("addressLine1", "Via Roma 1");
        company.put("city", "Bologna");
        company.put("zip", "40121");
        company.put("country", "Italia");
        company.put("countryCode", Reviso.ref("code", Reviso.AGREEMENT_COUNTRY, "/country-codes/"));
        company.put("vatNumber", "03027950363");
        Map<String, Object> self = new LinkedHashMap<>();
        self.put("agreementNumber", 421337);
        self.put("agreementType", Map.of("agreementTypeNumber", 1, "name", "Contabilità in Cloud"));
        self.put("company", company);
        self.put("userName", "Amministratore");
        self.put("settings", Map.of("baseCurrency", "EUR", "internationalLedger", false));
        self.put("self", "/self");
        return Reviso.absolute(self, Reviso.root(uri));
    }

}
