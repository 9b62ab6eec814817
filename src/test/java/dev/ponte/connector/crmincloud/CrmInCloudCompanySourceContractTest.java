package dev.ponte.connector.crmincloud;

import static io.restassured.RestAssured.given;

import dev.ponte.connector.CompanySource;
import dev.ponte.connector.contract.CompanySourceContract;
import dev.ponte.connector.contract.Sandbox;
import dev.ponte.model.Address;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/** {@link CompanySourceContract} for CRM in Cloud, over its sandbox. */
@QuarkusTest
class CrmInCloudCompanySourceContractTest extends CompanySourceContract {

    static final Sandbox SANDBOX = new Sandbox("crmincloud");
    static final String API_KEY = "sandbox-crm-api-key";

    @Inject
    CrmInCloudConnector connector;

    @Override
    protected void reset() {
        SANDBOX.reset();
    }

    @Override
    protected CompanySource companies() {
        return (CompanySource) connector.open(new MemoryAccess(Map.of("apiKey", API_KEY)));
    }

    @Override
    protected Party company(String name) {
        return new Party(PartyKind.COMPANY, name, TaxId.parse(TaxIdKind.PARTITA_IVA, "00743110157"),
                "info@rossi.example", null, null, "IT", null, new Address("Via Po", "10", "Torino", "TO", "10124", "IT"),
                null);
    }

    @Override
    protected void seedCompanies(int count) {
        given().contentType(ContentType.JSON).body(Map.of("count", count)).post(SANDBOX.path("/_seed/companies"))
                .then().statusCode(200);
    }

    @Override
    protected int heldCompanies() {
        return SANDBOX.state().getInt("companies");
    }

    @Override
    protected Optional<HeldCompany> held(String id) {
        String token = given().contentType(ContentType.JSON).body(Map.of("apiKey", API_KEY))
                .post(SANDBOX.path("/api/v1/Auth/Login")).then().statusCode(200).extract().path("access_token");
        var response = given().header("Authorization", "Bearer " + token).get(SANDBOX.path("/api/v1/Company/" + id));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonPath company = response.then().statusCode(200).extract().jsonPath();
        String emails = company.getString("emails");
        String first = emails == null ? "" : emails.split("[;,]")[0].strip();
        return Optional.of(new HeldCompany(company.getString("companyName"), first.isEmpty() ? null : first));
    }

    /** The connector asks for pages of {@value CrmInCloudSourcePort#PAGE} companies. */
    @Override
    protected int companiesSpanningPages() {
        return CrmInCloudSourcePort.PAGE * 2 + 50;
    }
}
