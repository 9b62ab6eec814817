package dev.ponte.api;

import static dev.ponte.support.Api.as;
import static dev.ponte.support.Api.newConnection;
import static dev.ponte.support.Api.newTenant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import dev.ponte.flow.ConnectionDirectory;
import dev.ponte.mapping.MappingTables;
import dev.ponte.model.TermField;
import dev.ponte.support.Api.Tenant;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R32: a connection's mapping tables through the API, run on H2 and on PostgreSQL by its subclasses. */
abstract class MappingApiContractTest {

    @Inject
    ConnectionDirectory directory;

    @Test
    void r32ListsTheSixTablesWithTheSeedsDefaults() {
        Tenant tenant = newTenant("Defaults");
        UUID id = newConnection(tenant, Map.of());

        as(tenant.key()).get(mappings(id)).then().statusCode(200)
                .body("field", equalTo(List.of("currency", "customer-group", "payment-terms", "payment-mode",
                        "vat-zone", "price-group")))
                .body("crmField", equalTo(List.of("Valuta Reviso", "Gruppo clienti Reviso",
                        "Termini di pagamento Reviso", "Modalità di pagamento CiC", "Zona iva Reviso",
                        "Gruppo prezzi Reviso")))
                .body("mandatory", equalTo(List.of(true, true, true, false, true, false)))
                .body("derive", equalTo(List.of(false, false, false, false, true, false)))
                .body("defaultValue", equalTo(Arrays.asList(null, null, null, null, null, null)));
        as(tenant.key()).get(mappings(id) + "/vat-zone").then().statusCode(200).body("derive", equalTo(true))
                .body("translations", equalTo(Map.of()));
    }

    @Test
    void r32StoresReplacesAndResetsATable() {
        Tenant tenant = newTenant("Mapper");
        UUID id = newConnection(tenant, Map.of());

        as(tenant.key()).body(Map.of("defaultValue", "EUR", "crmField", "Valuta", "translations",
                Map.of("Euro", "EUR", "Dollaro", "USD"))).put(mappings(id) + "/currency").then().statusCode(200)
                .body("field", equalTo("currency")).body("defaultValue", equalTo("EUR"))
                .body("crmField", equalTo("Valuta")).body("derive", equalTo(false))
                .body("translations", equalTo(Map.of("Euro", "EUR", "Dollaro", "USD")));
        as(tenant.key()).body(Map.of("translations", Map.of("Lira", "ITL"))).put(mappings(id) + "/currency").then()
                .statusCode(200);
        as(tenant.key()).get(mappings(id) + "/currency").then().statusCode(200).body("defaultValue", nullValue())
                .body("crmField", equalTo("Valuta Reviso")).body("translations", equalTo(Map.of("Lira", "ITL")));
        as(tenant.key()).body(Map.of("derive", false, "defaultValue", "1")).put(mappings(id) + "/vat-zone").then()
                .statusCode(200).body("derive", equalTo(false));

        MappingTables tables = directory.mappings(id);
        assertThat(tables.table(TermField.CURRENCY).translate("Lira")).contains("ITL");
        assertThat(tables.table(TermField.VAT_ZONE).derive()).isFalse();
        assertThat(tables.table(TermField.VAT_ZONE).defaultValue()).isEqualTo("1");
        assertThat(tables.table(TermField.PRICE_GROUP).crmField()).isEqualTo("Gruppo prezzi Reviso");

        as(tenant.key()).delete(mappings(id) + "/currency").then().statusCode(204);
        as(tenant.key()).delete(mappings(id) + "/currency").then().statusCode(204);
        as(tenant.key()).get(mappings(id) + "/currency").then().statusCode(200)
                .body("translations", equalTo(Map.of()));
        assertThat(directory.mappings(id).table(TermField.CURRENCY).translations()).isEmpty();
    }

    @Test
    void r32RefusesABadTableFieldByField() {
        Tenant tenant = newTenant("Strict");
        UUID id = newConnection(tenant, Map.of());
        Map<String, Object> bad = new HashMap<>();
        bad.put("defaultValue", " ");
        bad.put("crmField", "x".repeat(201));
        bad.put("derive", true);
        bad.put("translations", Map.of("Euro", " "));

        as(tenant.key()).body(bad).put(mappings(id) + "/currency").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("defaultValue", "crmField", "derive", "translations.Euro"));
        as(tenant.key()).header("Accept-Language", "it").body(Map.of("derive", true)).put(mappings(id) + "/price-group")
                .then().statusCode(422).body("errors[0].field", equalTo("derive"))
                .body("errors[0].message", equalTo("Solo la zona IVA (vat-zone) può essere dedotta dalla nazione del "
                        + "cliente."));
        as(tenant.key()).body(Map.of("crmField", "zona IVA reviso")).put(mappings(id) + "/payment-mode").then()
                .statusCode(422).body("errors[0].field", equalTo("crmField"))
                .body("errors[0].message", equalTo("The CRM field \"zona IVA reviso\" already holds the vat-zone "
                        + "mapping: bind each mapping to a CRM field of its own."));
        as(tenant.key()).body(Map.of("colour", "blue")).put(mappings(id) + "/currency").then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        as(tenant.key()).body(Map.of()).put(mappings(id) + "/colour").then().statusCode(404)
                .contentType("application/problem+json");
        as(tenant.key()).get(mappings(id) + "/colour").then().statusCode(404);
        as(tenant.key()).get(mappings(id) + "/currency").then().statusCode(200).body("crmField",
                equalTo("Valuta Reviso"));
    }

    @Test
    void r32TenantNeverSeesAnotherTenantsTables() {
        Tenant a = newTenant("A");
        Tenant b = newTenant("B");
        UUID bConnection = newConnection(b, Map.of());
        as(b.key()).body(Map.of("defaultValue", "EUR")).put(mappings(bConnection) + "/currency").then()
                .statusCode(200);

        as(a.key()).get(mappings(bConnection)).then().statusCode(404).contentType("application/problem+json");
        as(a.key()).get(mappings(bConnection) + "/currency").then().statusCode(404);
        as(a.key()).body(Map.of("defaultValue", "USD")).put(mappings(bConnection) + "/currency").then()
                .statusCode(404);
        as(a.key()).delete(mappings(bConnection) + "/currency").then().statusCode(404);
        as(b.key()).get(mappings(bConnection) + "/currency").then().statusCode(200)
                .body("defaultValue", equalTo("EUR"));
    }

    @Test
    void r32DeletingAConnectionDeletesItsTables() {
        Tenant tenant = newTenant("Leaving");
        UUID id = newConnection(tenant, Map.of());
        as(tenant.key()).body(Map.of("translations", Map.of("Euro", "EUR"))).put(mappings(id) + "/currency").then()
                .statusCode(200);

        as(tenant.key()).delete("/api/v1/connections/" + id).then().statusCode(204);

        as(tenant.key()).get(mappings(id)).then().statusCode(404);
        assertThat(directory.mappings(id)).isEqualTo(MappingTables.defaults());
    }

    @Test
    void r32OpenApiDescribesTheMappings() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/connections/{id}/mappings"))
                .body("paths", hasKey("/api/v1/connections/{id}/mappings/{field}"))
                .body("paths.'/api/v1/connections/{id}/mappings/{field}'.put.parameters.name", hasItem("field"));
    }

    private static String mappings(UUID connectionId) {
        return "/api/v1/connections/" + connectionId + "/mappings";
    }
}
