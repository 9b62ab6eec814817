package dev.ponte.connector.reviso;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.connector.CustomerLedger;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.mapping.LedgerOffer;
import dev.ponte.mapping.MappingTables;
import dev.ponte.mapping.Preflight;
import dev.ponte.mapping.Refusal;
import dev.ponte.model.Address;
import dev.ponte.model.CustomerTerms;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TermField;
import dev.ponte.support.MemoryAccess;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * R37: Ponte's pre-flight check and the ledger agree. Random customers — countries inside and outside the agreement's,
 * provinces with and without a country, every VAT zone, terms present, missing or unknown — go through the pre-flight
 * check and then to the Reviso emulator: whatever the pre-flight accepts, the ledger accepts, and whatever it refuses,
 * the ledger refuses too.
 */
@QuarkusTest
class PreflightAgreesWithRevisoTest {

    // Mostly valid values, so that both answers are frequent.
    private static final String[] COUNTRIES = { "IT", "IT", "IT", "IT", "DE", "FR", "US", "CH", null };
    private static final String[] PROVINCES = { null, null, null, null, "BO", "MI", "XX" };
    private static final String[] ZONES = { "1", "1", "1", "1", "2", "3", "4", "9", null };
    private static final String[] CURRENCIES = { "EUR", "EUR", "EUR", "EUR", "USD", "XYZ", null };
    private static final String[] GROUPS = { "1", "1", "1", "2", "99", null };
    private static final String[] PAYMENT_TERMS = { "2", "2", "9", "9", "999", null };

    @Inject
    RevisoConnector connector;

    @Test
    void R37_whatThePreflightAcceptsTheLedgerAcceptsAndWhatItRefusesTheLedgerRefuses() {
        given().delete("/sandbox/reviso/_state").then().statusCode(204);
        given().delete("/sandbox/reviso/_faults").then().statusCode(204);
        CustomerLedger ledger = (CustomerLedger) connector.open(new MemoryAccess(
                Map.of("agreementGrantToken", "sandbox-agreement-grant-token")));
        LedgerOffer offer = new LedgerOffer(ledger.choices(), ledger.vatZones(), ledger.agreementCountry(),
                ledger::provinces);
        Preflight preflight = new Preflight(MappingTables.defaults());
        Random random = new Random(20261123);
        int accepted = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String country = pick(random, COUNTRIES);
            Party party = new Party(PartyKind.COMPANY, "Cliente " + i, null, null, null, null, country, null,
                    new Address("Via Roma", "1", "Città", pick(random, PROVINCES), "40100", country), null);
            Map<TermField, String> codes = new EnumMap<>(TermField.class);
            put(codes, TermField.CURRENCY, pick(random, CURRENCIES));
            put(codes, TermField.CUSTOMER_GROUP, pick(random, GROUPS));
            put(codes, TermField.PAYMENT_TERMS, pick(random, PAYMENT_TERMS));
            put(codes, TermField.VAT_ZONE, pick(random, ZONES));
            CustomerTerms terms = new CustomerTerms(codes);

            List<Refusal> refusals = preflight.check(party, terms, offer);
            String ledgerAnswer;
            try {
                ledger.createCustomer(party, terms);
                ledgerAnswer = "accepted";
            } catch (RejectedFailure e) {
                ledgerAnswer = "refused: " + e.getMessage() + " " + e.errors();
            }
            if (refusals.isEmpty()) {
                accepted++;
            }
            if (refusals.isEmpty() != ledgerAnswer.equals("accepted")) {
                disagreements.add(party.countryCode() + "/" + party.address().province() + " " + codes
                        + " → pre-flight " + refusals.stream().map(Refusal::key).toList() + ", ledger " + ledgerAnswer);
            }
        }
        assertThat(disagreements).isEmpty();
        // The sample is not degenerate: both answers occur many times.
        assertThat(accepted).isBetween(20, 280);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static void put(Map<TermField, String> codes, TermField field, String code) {
        if (code != null) {
            codes.put(field, code);
        }
    }
}
