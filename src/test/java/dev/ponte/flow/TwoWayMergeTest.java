package dev.ponte.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.flow.TwoWayMerge.Conflict;
import dev.ponte.flow.TwoWayMerge.Outcome;
import dev.ponte.flow.TwoWayMerge.Policy;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwoWayMergeTest {

    private static final Map<String, String> BEFORE = Map.of("name", "Rossi Srl", "city", "Milano", "email",
            "info@rossi.it");
    private static final Instant EARLY = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant LATE = Instant.parse("2026-11-20T11:00:00Z");

    @Test
    void R30_aFieldChangedOnOneSideIsCopiedToTheOther() {
        Map<String, String> ledger = Map.of("name", "Rossi Srl", "city", "Torino", "email", "info@rossi.it");
        Map<String, String> crm = Map.of("name", "Rossi S.r.l.", "city", "Milano", "email", "info@rossi.it");
        Outcome outcome = TwoWayMerge.merge(BEFORE, BEFORE, ledger, crm, Policy.NEWEST_WINS, EARLY, LATE);
        Map<String, String> both = Map.of("name", "Rossi S.r.l.", "city", "Torino", "email", "info@rossi.it");
        assertThat(outcome.ledger()).isEqualTo(both);
        assertThat(outcome.crm()).isEqualTo(both);
        assertThat(outcome.conflicts()).isEmpty();
    }

    @Test
    void R30_theSameFieldChangedOnBothSidesIsAConflictSettledByThePolicy() {
        Map<String, String> ledger = Map.of("name", "Rossi Srl", "city", "Torino", "email", "info@rossi.it");
        Map<String, String> crm = Map.of("name", "Rossi Srl", "city", "Roma", "email", "info@rossi.it");
        assertThat(TwoWayMerge.merge(BEFORE, BEFORE, ledger, crm, Policy.NEWEST_WINS, EARLY, LATE).conflicts())
                .containsExactly(new Conflict("city", "Torino", "Roma", "Roma"));
        assertThat(TwoWayMerge.merge(BEFORE, BEFORE, ledger, crm, Policy.NEWEST_WINS, LATE, EARLY).ledger())
                .containsEntry("city", "Torino");
        assertThat(TwoWayMerge.merge(BEFORE, BEFORE, ledger, crm, Policy.LEDGER_WINS, EARLY, LATE).crm())
                .containsEntry("city", "Torino");
        assertThat(TwoWayMerge.merge(BEFORE, BEFORE, ledger, crm, Policy.CRM_WINS, LATE, EARLY).ledger())
                .containsEntry("city", "Roma");
    }

    @Test
    void R30_aFieldOneSideDoesNotHoldIsNeitherClearedNorInvented() {
        // The CRM never held the mobile phone: the ledger keeps it, and a CRM change elsewhere does not clear it.
        Map<String, String> ledgerBefore = Map.of("name", "Rossi Srl", "mobile", "+39 333 1234567");
        Map<String, String> crmBefore = Map.of("name", "Rossi Srl");
        Map<String, String> crm = Map.of("name", "Rossi Srl Unipersonale");
        Outcome outcome = TwoWayMerge.merge(ledgerBefore, crmBefore, ledgerBefore, crm, Policy.NEWEST_WINS, EARLY,
                LATE);
        assertThat(outcome.ledger()).isEqualTo(Map.of("name", "Rossi Srl Unipersonale", "mobile", "+39 333 1234567"));
        assertThat(outcome.crm()).isEqualTo(Map.of("name", "Rossi Srl Unipersonale"));
    }

    @Test
    void R30_aValueClearedOnOneSideIsClearedOnTheOther() {
        Map<String, String> ledger = Map.of("name", "Rossi Srl", "city", "Milano");
        Outcome outcome = TwoWayMerge.merge(BEFORE, BEFORE, ledger, BEFORE, Policy.NEWEST_WINS, LATE, EARLY);
        assertThat(outcome.crm()).doesNotContainKey("email");
    }

    @Test
    void R30_nothingChangedMeansNothingToWrite() {
        Outcome outcome = TwoWayMerge.merge(BEFORE, BEFORE, BEFORE, BEFORE, Policy.NEWEST_WINS, EARLY, LATE);
        assertThat(outcome.ledger()).isEqualTo(BEFORE);
        assertThat(outcome.crm()).isEqualTo(BEFORE);
    }
}
