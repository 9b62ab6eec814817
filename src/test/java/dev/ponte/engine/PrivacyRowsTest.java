package dev.ponte.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.engine.PersonalRows.Traces;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a person's traces are recognised and rewritten in stored text, whatever way they were typed. */
class PrivacyRowsTest {

    private final Traces ana = Traces.of("42", List.of("crm:deal:7"), "Ana.Souza@Example.com", "529.982.247-25",
            "Ana  Souza", "+55 (11) 99999-8888, 3333 4444");

    @Test
    void documentsAndPhonesAreFoundByTheirDigitsWhateverTheSeparators() {
        // The area code is part of the phone: "(11) 999998888" goes from its digits on.
        assertThat(PersonalRows.scrubText("CPF 52998224725, CPF 529.982.247-25, masked ***.***.*47-25",
                ana.patterns())).isEqualTo("CPF [removed], CPF [removed], masked [removed]");
        assertThat(PersonalRows.scrubText("call +55 11 99999-8888 or (11) 999998888 or 3333-4444",
                ana.patterns())).isEqualTo("call [removed] or ([removed] or [removed]");
    }

    @Test
    void namesAndEmailsAreFoundWhateverTheCase() {
        assertThat(PersonalRows.scrubText("customer ANA SOUZA <ana.souza@example.com>", ana.patterns()))
                .isEqualTo("customer [removed] <[removed]>");
    }

    @Test
    void longerNumbersAndOtherPeopleAreLeftAlone() {
        String other = "customer Bruno Lima, CPF 111.444.777-35, order 5299822472599";
        assertThat(PersonalRows.scrubText(other, ana.patterns())).isEqualTo(other);
    }

    @Test
    void aShortNameIsRemovedAsAWordNeverInsideOthersOrIds() {
        Traces bea = Traces.of(null, List.of(), null, null, "Bea", null);
        assertThat(PersonalRows.scrubText("customer Bea (3fbea1c2), product Beatriz's cake", bea.patterns()))
                .isEqualTo("customer [removed] (3fbea1c2), product Beatriz's cake");
    }

    @Test
    void jsonStaysJsonAndNumbersHoldingAPhoneBecomeText() {
        assertThat(PersonalRows.scrubAny("{\"c\":{\"phone\":5511999998888,\"n\":[\"Ana Souza\",1]},\"id\":7}",
                ana.patterns(), Set.of())).isEqualTo("{\"c\":{\"phone\":\"[removed]\",\"n\":[\"[removed]\",1]},"
                        + "\"id\":7}");
        assertThat(PersonalRows.scrubAny("{\"crm\":{\"name\":\"x\",\"city\":\"Recife\"}}", ana.patterns(),
                PersonalRows.PERSONAL_FIELDS)).isEqualTo("{\"crm\":{\"city\":\"Recife\"}}");
    }

    @Test
    void matchKeysAreTheFlowsOwnSpellings() {
        assertThat(ana.matchKeys()).contains("CPF:52998224725", "name:Ana  Souza", "name:Ana Souza");
        assertThat(ana.subjects()).contains("crm:deal:7", "company:42", "person:42");
    }
}
