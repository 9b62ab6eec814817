package dev.ponte.connector.moskit;

import static dev.ponte.connector.moskit.MoskitSeeds.company;
import static dev.ponte.connector.moskit.MoskitSeeds.contact;
import static dev.ponte.connector.moskit.MoskitSeeds.deal;
import static dev.ponte.connector.moskit.MoskitSeeds.field;
import static dev.ponte.connector.moskit.MoskitSeeds.number;
import static dev.ponte.connector.moskit.MoskitSeeds.product;
import static dev.ponte.connector.moskit.MoskitSeeds.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.connector.DealSource;
import dev.ponte.connector.DealSource.DealPage;
import dev.ponte.connector.WebhookInbound;
import dev.ponte.connector.WebhookInbound.Delivery;
import dev.ponte.connector.moskit.MoskitSeeds.Line;
import dev.ponte.model.Deal;
import dev.ponte.model.DealStatus;
import dev.ponte.model.Money;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Moskit's own ways, over its sandbox: centavos, both paging styles, stages, NUMBER documents, phones, 429. */
@QuarkusTest
class MoskitConnectorTest {

    @Inject
    MoskitConnector connector;

    private DealSource source;

    @BeforeEach
    void reset() {
        MoskitSeeds.SANDBOX.reset();
        source = (DealSource) connector.open(new MemoryAccess(MoskitSeeds.credentials()));
    }

    @Test
    void readsDealAndProductPricesInCentavos() {
        long product = product("Caneta", "CAN-01", 1050);
        long id = deal("Venda", 12345L, company("Acme", List.of()), null, MoskitSeeds.SALES_STAGE,
                List.of(new Line(product, new BigDecimal("2"), 1050)), "WON");

        Deal read = source.deal(String.valueOf(id)).orElseThrow();

        assertThat(read.value()).isEqualTo(Money.of("123.45", "BRL"));
        assertThat(read.lines().get(0).unitPrice()).isEqualTo(Money.of("10.50", "BRL"));
        assertThat(read.lines().get(0).total()).isEqualTo(Money.of("21.00", "BRL"));
        assertThat(read.lines().get(0).item().price()).isEqualTo(Money.of("10.50", "BRL"));
    }

    @Test
    void padsANumberCnpjOrCpfThatLostItsLeadingZerosAndKeysItByIdAndLabel() {
        String cnpj = field("CNPJ", "COMPANY", "NUMBER");
        String cpf = field("CPF", "CONTACT", "NUMBER");
        long org = company("Zero Ltda", List.of(number(cnpj, 425201000130L)));
        long person = contact("Ana", null, List.of(), List.of(number(cpf, 1234567890L)));
        long id = deal("Venda", 100L, org, person, MoskitSeeds.SALES_STAGE, List.of(), "WON");

        Map<String, String> fields = source.deal(String.valueOf(id)).orElseThrow().customFields();

        assertThat(fields).containsEntry("org.CNPJ", "00425201000130").containsEntry("org." + cnpj, "00425201000130")
                .containsEntry("person.CPF", "01234567890");
    }

    @Test
    void aNumberThatIsNoDocumentOncePaddedStaysAsItCame() {
        String employees = field("Funcionários", "COMPANY", "NUMBER");
        long id = deal("Venda", 100L, company("Acme", List.of(number(employees, 12))), null, MoskitSeeds.SALES_STAGE,
                List.of(), "WON");

        assertThat(source.deal(String.valueOf(id)).orElseThrow().customFields()).containsEntry("org.Funcionários",
                "12");
    }

    @Test
    void readsTheCompanysBuiltInCnpjAndADealCustomField() {
        String dealCnpj = field("CNPJ do cliente", "DEAL", "TEXT");
        long org = MoskitSeeds.create("/companies", Map.of("name", "Acme", "cnpj", "11.222.333/0001-81"));
        long id = MoskitSeeds.create("/deals", Map.of("name", "Venda", "price", 100, "status", "WON",
                "companies", List.of(Map.of("id", org)), "entityCustomFields",
                List.of(text(dealCnpj, "11.444.777/0001-61"))));

        Map<String, String> fields = source.deal(String.valueOf(id)).orElseThrow().customFields();

        assertThat(fields).containsEntry("org.cnpj", "11.222.333/0001-81")
                .containsEntry("CNPJ do cliente", "11.444.777/0001-61");
    }

    @Test
    void listsPagedByTheNextPageTokenAreReadToTheEnd() {
        String last = null;
        for (int i = 1; i <= 23; i++) {
            last = field("Campo " + i, "COMPANY", "TEXT");
        }
        long id = deal("Venda", 100L, company("Acme", List.of(text(last, "valor"))), null, MoskitSeeds.SALES_STAGE,
                List.of(), "WON");

        Map<String, String> fields = source.deal(String.valueOf(id)).orElseThrow().customFields();

        assertThat(fields).containsEntry("org." + last, "valor");
        assertThat(fields.entrySet()).anyMatch(e -> e.getKey().startsWith("org.Campo ") && e.getValue().equals("valor"));
    }

    @Test
    void dealsArePagedByOffsetAscendingTenAtATime() {
        List<String> seeded = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            seeded.add(String.valueOf(deal("Deal " + i, 100L, null, null, MoskitSeeds.SALES_STAGE, List.of(),
                    "OPEN")));
        }
        List<String> cursors = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            DealPage page = source.dealsChangedSince(null, cursor);
            page.deals().forEach(d -> seen.add(d.id()));
            cursor = page.nextCursor();
            cursors.add(cursor);
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(seeded);
        assertThat(cursors).containsExactly("10", "20", null);
    }

    @Test
    void theDealsPipelineIsItsStagesPipeline() {
        long id = deal("Parceria", 100L, company("Acme", List.of()), null, MoskitSeeds.PARTNERS_STAGE, List.of(),
                "WON");

        assertThat(source.deal(String.valueOf(id)).orElseThrow().pipelineId()).isEqualTo("2");
    }

    @Test
    void aContactsMobileAndBusinessPhonesAreToldApartByTheNumber() {
        long person = contact("Ana", "ana@example.com", List.of("(11) 3333-4444", "+55 11 99999-8888"), List.of());
        long id = deal("Venda", 100L, null, person, MoskitSeeds.SALES_STAGE, List.of(), "WON");

        var read = source.deal(String.valueOf(id)).orElseThrow().person();

        assertThat(read.businessPhone()).isEqualTo("(11) 3333-4444");
        assertThat(read.mobilePhone()).isEqualTo("+55 11 99999-8888");
        assertThat(read.email()).isEqualTo("ana@example.com");
        assertThat(read.origin()).isEqualTo("Moskit");
    }

    @Test
    void aShortRetryAfterIsWaitedOut() {
        long id = deal("Venda", 100L, company("Acme", List.of()), null, MoskitSeeds.SALES_STAGE, List.of(), "WON");
        MoskitSeeds.SANDBOX.faults(Map.of("next_429", 1, "retry_after_seconds", 1));

        assertThat(source.deal(String.valueOf(id))).map(Deal::status).contains(DealStatus.WON);
    }

    @Test
    void aWebhookOfAnotherEntityIsNotAnEvent() {
        WebhookInbound inbound = (WebhookInbound) source;
        byte[] body = "{\"metadata\": {\"entity\": \"project\", \"operation\": \"created\"}, \"after\": {\"id\": 5}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(inbound.read(new Delivery(Map.of(), Map.of("secret", MoskitSeeds.SECRET), body))).isEmpty();
    }
}
