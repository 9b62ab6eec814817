package dev.ponte.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.model.InvalidTaxIdException.Reason;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaxIdTest {

    @Test
    void rejectsCpfOfRepeatedDigits() {
        assertRejected(() -> TaxId.parse(TaxIdKind.CPF, "111.111.111-11"), Reason.REPEATED_DIGITS, TaxIdKind.CPF);
    }

    @Test
    void rejectsCpfWithWrongCheckDigits() {
        assertRejected(() -> TaxId.parse(TaxIdKind.CPF, "248.438.034-81"), Reason.BAD_CHECK_DIGITS, TaxIdKind.CPF);
    }

    @Test
    void classifiesElevenDigitsAsCpfAndFourteenCharactersAsCnpj() {
        assertThat(TaxId.parseBrazilian("248.438.034-80")).isEqualTo(new TaxId(TaxIdKind.CPF, "24843803480"));
        assertThat(TaxId.parseBrazilian("11.222.333/0001-81")).isEqualTo(new TaxId(TaxIdKind.CNPJ, "11222333000181"));
        assertThat(TaxId.parseBrazilian("12.ABC.345/01DE-35").kind()).isEqualTo(TaxIdKind.CNPJ);
    }

    @Test
    void treatsAnyLetterAsCnpjWhenClassifying() {
        assertRejected(() -> TaxId.parseBrazilian("12ABC345678"), Reason.BAD_LENGTH, TaxIdKind.CNPJ);
    }

    @Test
    void rejectsBrazilianDocumentOfOtherLength() {
        assertRejected(() -> TaxId.parseBrazilian("9380826044"), Reason.BAD_LENGTH, null);
    }

    @Test
    void acceptsSpacesAndUnicodeDashesPastedFromPdf() {
        assertThat(TaxId.parseBrazilian("\u00A012. ABC.345 /01DE\u201335 ").value()).isEqualTo("12ABC34501DE35");
        assertThat(TaxId.parseBrazilian("248.438.034\u221280").value()).isEqualTo("24843803480");
    }

    @ParameterizedTest
    @ValueSource(strings = {"54550[752#0001..$55", "16.727.230/0001=97", "12ABC34501DE3\u0131", "24843803480\u00B2"})
    void rejectsCharactersOutsideLettersDigitsAndSeparators(String raw) {
        assertRejected(() -> TaxId.parseBrazilian(raw), Reason.BAD_CHARACTERS, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "./-"})
    void rejectsEmptyInput(String raw) {
        assertRejected(() -> TaxId.parse(TaxIdKind.CPF, raw), Reason.EMPTY, TaxIdKind.CPF);
        assertThat(TaxId.tryParseBrazilian(raw)).isEmpty();
    }

    @Test
    void rejectsNullInputWithoutNullPointer() {
        assertRejected(() -> TaxId.parseBrazilian(null), Reason.EMPTY, null);
        assertThat(TaxId.tryParse(TaxIdKind.PARTITA_IVA, null)).isEmpty();
    }

    @Test
    void upperCasesLowercaseAlphanumericCnpjFromRawInput() {
        // SERPRO's reference rejects "1345c3A5000106"; identifiers.md says upper-case on the way in.
        assertThat(TaxId.parseBrazilian("1345c3A5000106").value()).isEqualTo("1345C3A5000106");
        assertThat(TaxId.parse(TaxIdKind.CNPJ, "12.abc.345/01de-35").value()).isEqualTo("12ABC34501DE35");
    }

    @Test
    void constructorAcceptsOnlyTheCanonicalForm() {
        assertRejected(() -> new TaxId(TaxIdKind.CNPJ, "1345c3A5000106"), Reason.BAD_CHARACTERS, TaxIdKind.CNPJ);
        assertRejected(() -> new TaxId(TaxIdKind.CPF, "248.438.034-80"), Reason.BAD_LENGTH, TaxIdKind.CPF);
        assertRejected(() -> new TaxId(TaxIdKind.PARTITA_IVA, "IT00743110157"), Reason.BAD_LENGTH, TaxIdKind.PARTITA_IVA);
    }

    @Test
    void rejectsLetterInCnpjCheckDigits() {
        assertRejected(() -> TaxId.parse(TaxIdKind.CNPJ, "12.ABC.345/01DE-9B"), Reason.BAD_CHARACTERS, TaxIdKind.CNPJ);
    }

    @Test
    void rejectsCnpjOfZeros() {
        assertRejected(() -> TaxId.parse(TaxIdKind.CNPJ, "00.000.000/0000-00"), Reason.ZERO_NUMBER, TaxIdKind.CNPJ);
    }

    @Test
    void formatsWithTheOfficialMask() {
        assertThat(TaxId.parseBrazilian("24843803480").formatted()).isEqualTo("248.438.034-80");
        assertThat(TaxId.parseBrazilian("00000000000191").formatted()).isEqualTo("00.000.000/0001-91");
        assertThat(TaxId.parseBrazilian("12ABC34501DE35").formatted()).isEqualTo("12.ABC.345/01DE-35");
        assertThat(TaxId.parseItalian("IT 00743110157").formatted()).isEqualTo("00743110157");
    }

    @Test
    void masksAllButTheLastFourCharacters() {
        assertThat(TaxId.parseBrazilian("24843803480").masked()).isEqualTo("***.***.*34-80");
        assertThat(TaxId.parseBrazilian("12ABC34501DE35").masked()).isEqualTo("**.***.***/**DE-35");
        assertThat(TaxId.parseItalian("00743110157").masked()).isEqualTo("*******0157");
        assertThat(TaxId.parseItalian("MRSMSR81D60Z611H").masked()).isEqualTo("************611H");
    }

    @Test
    void toStringNeverShowsTheFullDocument() {
        TaxId cpf = TaxId.parseBrazilian("248.438.034-80");

        assertThat(cpf).hasToString("CPF ***.***.*34-80");
        assertThat(new Party(PartyKind.PERSON, "Ana", cpf, null, null, null, null, null, null, null).toString())
                .doesNotContain("24843803480")
                .doesNotContain("248.438.034-80");
    }

    @Test
    void errorMessageNeverShowsTheFullDocument() {
        assertThatThrownBy(() -> TaxId.parse(TaxIdKind.CPF, "248.438.034-81"))
                .hasMessage("CPF has wrong check digits (ending in 81)")
                .message().doesNotContain("24843803481").doesNotContain("248.438.034");
        assertThatThrownBy(() -> TaxId.parse(TaxIdKind.CNPJ, "12.ABC.345/01DE-34"))
                .message().doesNotContain("12ABC34501DE34").doesNotContain("12.ABC.345");
    }

    @Test
    void derivesPersonTypeFromTheDocument() {
        assertThat(TaxId.parseBrazilian("24843803480").personType()).isEqualTo(PartyKind.PERSON);
        assertThat(TaxId.parseBrazilian("11222333000181").personType()).isEqualTo(PartyKind.COMPANY);
        assertThat(TaxId.parseItalian("00743110157").personType()).isEqualTo(PartyKind.COMPANY);
        assertThat(TaxId.parseItalian("MRSMSR81D60Z611H").personType()).isEqualTo(PartyKind.PERSON);
        assertThat(TaxId.parseItalian("80000000580").personType()).isEqualTo(PartyKind.COMPANY);
    }

    @Test
    void padsNumericFieldThatLostCpfLeadingZero() {
        assertThat(TaxId.parseBrazilianFromNumber("1169538452")).isEqualTo(new TaxId(TaxIdKind.CPF, "01169538452"));
        assertThat(TaxId.parseBrazilianFromNumber("9380826044")).isEqualTo(new TaxId(TaxIdKind.CPF, "09380826044"));
    }

    @Test
    void padsNumericFieldThatLostCnpjLeadingZero() {
        assertThat(TaxId.parseBrazilianFromNumber("8807432000110")).isEqualTo(new TaxId(TaxIdKind.CNPJ, "08807432000110"));
    }

    @Test
    void keepsElevenDigitNumberThatIsAValidCpf() {
        assertThat(TaxId.parseBrazilianFromNumber("88641577947")).isEqualTo(new TaxId(TaxIdKind.CPF, "88641577947"));
    }

    @Test
    void refusesToGuessWhenBothPaddingsValidate() {
        assertRejected(() -> TaxId.parseBrazilianFromNumber("191"), Reason.AMBIGUOUS, null);
    }

    @Test
    void rejectsPaddedNumberThatStillFailsTheChecksum() {
        assertRejected(() -> TaxId.parseBrazilianFromNumber("1169538453"), Reason.BAD_CHECK_DIGITS, TaxIdKind.CPF);
    }

    @Test
    void rejectsNumberInScientificNotation() {
        assertRejected(() -> TaxId.parseBrazilianFromNumber("1.12223E+13"), Reason.BAD_CHARACTERS, null);
    }

    @Test
    void stripsOneItalianCountryPrefix() {
        assertThat(TaxId.parseItalian("it 00743110157")).isEqualTo(new TaxId(TaxIdKind.PARTITA_IVA, "00743110157"));
        assertThat(TaxId.tryParseItalian("IT IT 06863340961")).isEmpty();
    }

    @Test
    void classifiesSixteenCharactersAsCodiceFiscale() {
        assertThat(TaxId.parseItalian("rssmra45c12f20rx")).isEqualTo(new TaxId(TaxIdKind.CODICE_FISCALE, "RSSMRA45C12F20RX"));
    }

    @Test
    void treatsElevenDigitsFromSerial8000000AsCodiceFiscaleOfNonVatBody() {
        assertThat(TaxId.parseItalian("80000000580")).isEqualTo(new TaxId(TaxIdKind.CODICE_FISCALE, "80000000580"));
        assertThat(TaxId.parse(TaxIdKind.CODICE_FISCALE, "97123450583").value()).isEqualTo("97123450583");
        assertRejected(() -> TaxId.parse(TaxIdKind.PARTITA_IVA, "80000000580"), Reason.NON_VAT_BODY, TaxIdKind.PARTITA_IVA);
    }

    @Test
    void rejectsPartitaIvaWithUnknownOfficeCode() {
        assertRejected(() -> TaxId.parse(TaxIdKind.PARTITA_IVA, "12345678903"), Reason.BAD_OFFICE_CODE, TaxIdKind.PARTITA_IVA);
    }

    @Test
    void rejectsPartitaIvaOfZeros() {
        assertRejected(() -> TaxId.parse(TaxIdKind.PARTITA_IVA, "00000000000"), Reason.ZERO_NUMBER, TaxIdKind.PARTITA_IVA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSSMRA45C32F205E", "RSSMRA45B30F205V", "RSSMRA45B29F205O", "RSSMRA45C72F205I"})
    void rejectsCodiceFiscaleWithImpossibleBirthDate(String cf) {
        assertRejected(() -> TaxId.parse(TaxIdKind.CODICE_FISCALE, cf), Reason.BAD_DATE, TaxIdKind.CODICE_FISCALE);
    }

    @Test
    void acceptsTwentyNinthOfFebruaryInALeapYear() {
        assertThat(TaxId.tryParse(TaxIdKind.CODICE_FISCALE, "RSSMRA48B29F205R")).isPresent();
    }

    @Test
    void keepsOmocodiaVariantsAsDifferentIdentifiers() {
        TaxId base = TaxId.parseItalian("RSSMRA45C12F205C");
        TaxId omocode = TaxId.parseItalian("RSSMRA45C12F20RX");

        assertThat(omocode).isNotEqualTo(base);
    }

    private static void assertRejected(ThrowingCallable call, Reason reason, TaxIdKind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidTaxIdException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.kind()).isEqualTo(kind);
        });
    }
}
