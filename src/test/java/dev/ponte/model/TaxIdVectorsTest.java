package dev.ponte.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every row of the shared vector file (shared/vendor-apis/tax-id-vectors.csv) through the parser. */
class TaxIdVectorsTest {

    record Vector(String kind, String value, boolean valid, String source) {

        TaxIdKind taxIdKind() {
            return switch (kind) {
                case "cpf" -> TaxIdKind.CPF;
                case "cnpj", "cnpj_alnum" -> TaxIdKind.CNPJ;
                case "partita_iva" -> TaxIdKind.PARTITA_IVA;
                case "codice_fiscale" -> TaxIdKind.CODICE_FISCALE;
                default -> throw new IllegalArgumentException("unknown kind in vectors: " + kind);
            };
        }

        @Override
        public String toString() {
            return kind + " " + value + " valid=" + valid;
        }
    }

    static List<Vector> vectors() throws IOException {
        List<List<String>> records = Csv.parse(resource());
        assertThat(records.get(0)).containsExactly("kind", "value", "valid", "source");
        List<Vector> vectors = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            assertThat(r).as("columns of %s", r).hasSize(4);
            assertThat(r.get(2)).isIn("true", "false");
            vectors.add(new Vector(r.get(0), r.get(1), Boolean.parseBoolean(r.get(2)), r.get(3)));
        }
        return vectors;
    }

    static Stream<Vector> validVectors() throws IOException {
        return vectors().stream().filter(Vector::valid);
    }

    static Stream<Vector> invalidVectors() throws IOException {
        return vectors().stream().filter(v -> !v.valid());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void parsesExactlyTheValidVectors(Vector v) {
        assertThat(TaxId.tryParse(v.taxIdKind(), v.value()).isPresent()).as(v.source()).isEqualTo(v.valid());
        if (v.valid()) {
            assertThat(TaxId.parse(v.taxIdKind(), v.value()).kind()).isEqualTo(v.taxIdKind());
        } else {
            assertThatThrownBy(() -> TaxId.parse(v.taxIdKind(), v.value()))
                    .as(v.source())
                    .isInstanceOf(InvalidTaxIdException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("validVectors")
    void reparsesItsOwnCanonicalAndFormattedForms(Vector v) {
        TaxId id = TaxId.parse(v.taxIdKind(), v.value());

        assertThat(new TaxId(id.kind(), id.value())).isEqualTo(id);
        assertThat(TaxId.parse(id.kind(), id.formatted())).isEqualTo(id);
        assertThat(id.value()).matches("[0-9A-Z]+");
    }

    @ParameterizedTest
    @MethodSource("validVectors")
    void masksEveryValidVector(Vector v) {
        TaxId id = TaxId.parse(v.taxIdKind(), v.value());

        assertThat(id.masked()).doesNotContain(id.value()).doesNotContain(id.formatted());
        assertThat(id.toString()).doesNotContain(id.value()).doesNotContain(id.formatted());
        assertThat(id.masked().replaceAll("[^0-9A-Z]", "")).hasSize(4);
    }

    @ParameterizedTest
    @MethodSource("invalidVectors")
    void keepsInvalidDocumentsOutOfErrorMessages(Vector v) {
        assertThatThrownBy(() -> TaxId.parse(v.taxIdKind(), v.value()))
                .isInstanceOfSatisfying(InvalidTaxIdException.class, e -> {
                    String compact = v.value().replaceAll("[^0-9A-Za-z]", "");
                    assertThat(e.getMessage()).doesNotContain(v.value().strip());
                    assertThat(e.getMessage().replaceAll("[^0-9A-Za-z]", "")).doesNotContainIgnoringCase(compact);
                    assertThat(e.reason()).isNotNull();
                });
    }

    @Test
    void readsEveryRowOfTheVectorFile() throws IOException {
        long lines;
        try (InputStream in = resource()) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
        }
        List<Vector> vectors = vectors();

        assertThat(vectors).hasSize((int) lines - 1);
        assertThat(vectors).extracting(Vector::kind).contains("cpf", "cnpj", "cnpj_alnum", "partita_iva", "codice_fiscale");
        assertThat(vectors).anyMatch(v -> v.source().contains(","));
    }

    private static InputStream resource() {
        InputStream in = TaxIdVectorsTest.class.getResourceAsStream("/tax-id-vectors.csv");
        assertThat(in).as("tax-id-vectors.csv on the test class path").isNotNull();
        return in;
    }

    /** RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    static final class Csv {

        static List<List<String>> parse(InputStream in) throws IOException {
            String text;
            try (in) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    endRecord(records, record, field);
                    record = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            endRecord(records, record, field);
            return records;
        }

        private static void endRecord(List<List<String>> records, List<String> record, StringBuilder field) {
            if (record.isEmpty() && field.length() == 0) {
                return;
            }
            record.add(field.toString());
            field.setLength(0);
            records.add(record);
        }
    }
}
