package dev.ponte.flow;

import static dev.ponte.flow.PipedriveToContaAzul.connect;
import static dev.ponte.flow.PipedriveToContaAzul.contaAzul;
import static dev.ponte.flow.PipedriveToContaAzul.create;
import static dev.ponte.flow.PipedriveToContaAzul.deal;
import static dev.ponte.flow.PipedriveToContaAzul.eventually;
import static dev.ponte.flow.PipedriveToContaAzul.organization;
import static dev.ponte.flow.PipedriveToContaAzul.product;
import static dev.ponte.flow.PipedriveToContaAzul.sales;
import static dev.ponte.flow.PipedriveToContaAzul.setStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Match keys are not identity links (issue 9, item 6): two keys that lead to one ledger record — a product known by
 * its code and by its name, a customer known by its CNPJ and by its name — each make their sale, and no job dies.
 */
@QuarkusTest
class MatchKeysTest {

    @BeforeEach
    void reset() {
        PipedriveToContaAzul.resetSandboxes();
    }

    @Test
    void aProductFoundByNameThatIsAlreadyMatchedByItsCodeMakesItsSale() {
        PipedriveToContaAzul c = connect(Map.of());
        long org = organization("Acme", "11.222.333/0001-81");
        long first = deal("Com código", 10, org, null, product("Caneta", "CAN-01", 10), 1);
        setStatus(first, "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        // Another CRM product without a code but of the same name: found by name, it is the same ledger product.
        long second = deal("Sem código", 10, org, null, create("/v1/products", Map.of("name", "Caneta",
                "prices", List.of(Map.of("price", 10, "currency", "BRL")))), 1);
        setStatus(second, "won");
        eventually(() -> assertThat(sales()).isEqualTo(2));
        assertThat(contaAzul().getList("produtos")).hasSize(1);
        assertThat(c.history(second)).anyMatch(m -> m.contains("matched"));
        assertThat(c.jobs("status=DEAD").getInt("total")).isZero();
    }

    @Test
    void aCustomerFoundByNameThatIsAlreadyMatchedByItsCnpjMakesItsSale() {
        PipedriveToContaAzul c = connect(Map.of("matchByName", true));
        long product = product("Caneta", "CAN-01", 10);
        setStatus(deal("Com CNPJ", 10, organization("Acme Ltda", "11.222.333/0001-81"), null, product, 1), "won");
        eventually(() -> assertThat(sales()).isEqualTo(1));
        // The same company typed again without its CNPJ: matched by its exact name to the customer made above.
        long second = deal("Sem CNPJ", 10, create("/v1/organizations", Map.of("name", "Acme Ltda")), null, product, 1);
        setStatus(second, "won");
        eventually(() -> assertThat(sales()).isEqualTo(2));
        assertThat(contaAzul().getList("pessoas")).hasSize(1);
        assertThat(c.history(second)).anyMatch(m -> m.contains("matched by exact name"));
        assertThat(c.jobs("status=DEAD").getInt("total")).isZero();
    }
}
