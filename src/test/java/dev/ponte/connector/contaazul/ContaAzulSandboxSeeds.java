package dev.ponte.connector.contaazul;

import static io.restassured.RestAssured.given;

import dev.ponte.connector.contract.Sandbox;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.Map;

/** A Conta Azul sandbox account connected by OAuth2, as the contract tests of its capabilities open it. */
final class ContaAzulSandboxSeeds {

    static final Sandbox SANDBOX = new Sandbox("contaazul");
    private static final String REDIRECT = "https://ponte.example/callback";

    private ContaAzulSandboxSeeds() {
    }

    /** The consent a browser gives, then the code exchanged: the credentials a connection stores. */
    static Map<String, String> connect(ContaAzulOAuth oauth) {
        String location = given().urlEncodingEnabled(false).redirects().follow(false)
                .get(oauth.authorizeUrl("contract", REDIRECT).toString()).then().statusCode(302).extract()
                .header("Location");
        String code = URI.create(location).getQuery().replaceAll(".*code=([^&]+).*", "$1");
        return oauth.exchangeCode(code, REDIRECT);
    }

    /** The sandbox's own API, as a Conta Azul user of the account (to seed records). */
    static RequestSpecification api(Map<String, String> credentials) {
        return given().auth().oauth2(credentials.get("access_token")).contentType(ContentType.JSON);
    }
}
