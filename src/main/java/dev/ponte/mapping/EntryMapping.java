package dev.ponte.mapping;

import dev.ponte.model.FinancialEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A connection's mapping of one action's entry (R21 receivable, R22 payable): each of the nine mandatory fields of
 * Pluga's "Contas a Receber" screen as an {@link EntryTemplate}. The category and the financial account are chosen by
 * name; when they are constants their ledger ids are resolved when the mapping is saved ({@code categoryId},
 * {@code financialAccountId}) and checked again before each entry is sent, so a renamed category still works and a
 * deleted one is refused with its name.
 */
public record EntryMapping(FinancialEntry.Kind kind, Map<Field, EntryTemplate> fields, String categoryId,
        String financialAccountId) {

    /** The mandatory fields, by the names the API uses. */
    public enum Field {
        COMPETENCE("competence"),
        VALUE("value"),
        NOTES("notes"),
        DESCRIPTION("description"),
        FINANCIAL_ACCOUNT("financialAccount"),
        CATEGORY("category"),
        CUSTOMER_NAME("customerName"),
        CUSTOMER_TYPE("customerType"),
        ROLE("role");

        private final String apiName;

        Field(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        public static Optional<Field> of(String apiName) {
            return Arrays.stream(values()).filter(f -> f.apiName.equals(apiName)).findFirst();
        }

        public static List<String> apiNames() {
            return Arrays.stream(values()).map(Field::apiName).toList();
        }
    }

    /** The customer types (Pluga's "Tipo do cliente"): a person (CPF) or a company (CNPJ). */
    public static final Set<String> CUSTOMER_TYPES = Set.of("PF", "PJ");
    /** The roles (Pluga's "Tipo de papel"): whom the entry is with, a customer or a supplier. */
    public static final Set<String> ROLES = Set.of("Cliente", "Fornecedor");

    public EntryMapping {
        fields = Map.copyOf(fields);
    }

    public EntryTemplate field(Field field) {
        return fields.get(field);
    }

    /** The mapping as the API shows it: field name → template text, in the fields' order. */
    public Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            texts.put(field.apiName(), fields.get(field).text());
        }
        return texts;
    }

    /**
     * Checks a mapping as a person wrote it and resolves its constant category and account by name. {@code labels}
     * answers the custom field labels of a scope ({@code deal.field}…), or null where the source cannot list them
     * (those labels are then checked when a deal is read).
     *
     * @param categories the ledger's categories of this kind, id → name
     * @param accounts the ledger's financial accounts, id → name
     * @return the mapping, or every field at fault
     */
    public static Checked check(FinancialEntry.Kind kind, Map<String, String> raw, Map<String, String> categories,
            Map<String, String> accounts, Function<String, Set<String>> labels) {
        List<Refusal> refusals = new ArrayList<>();
        Map<Field, EntryTemplate> parsed = new EnumMap<>(Field.class);
        Map<String, String> given = raw == null ? Map.of() : raw;
        given.keySet().stream().filter(name -> Field.of(name).isEmpty()).forEach(
                name -> refusals.add(new Refusal("fields." + name, "mapping.field.unknown", name, Field.apiNames())));
        for (Field field : Field.values()) {
            String name = "fields." + field.apiName();
            String text = given.get(field.apiName());
            if (text == null || text.isBlank()) {
                refusals.add(new Refusal(name, "mapping.required", field.apiName()));
                continue;
            }
            EntryTemplate template;
            try {
                template = EntryTemplate.parse(text);
            } catch (EntryTemplate.Invalid e) {
                refusals.add(new Refusal(name, e.key(), e.argument(), EntryTemplate.NAMES, EntryTemplate.FIELD_SCOPES));
                continue;
            }
            for (EntryTemplate.Part part : template.parts()) {
                Set<String> known = part.scope() == null || labels == null ? null : labels.apply(part.scope());
                if (known != null && known.stream().noneMatch(l -> comparable(l).equals(comparable(part.label())))) {
                    refusals.add(new Refusal(name, "mapping.sourceField.unknown", part.label(), part.scope(),
                            known.stream().sorted().toList()));
                }
            }
            template.constant().ifPresent(constant -> checkConstant(field, name, constant, refusals));
            parsed.put(field, template);
        }
        String categoryId = resolved(parsed.get(Field.CATEGORY), categories, "fields.category",
                "mapping.category.unknown", refusals);
        String accountId = resolved(parsed.get(Field.FINANCIAL_ACCOUNT), accounts, "fields.financialAccount",
                "mapping.financialAccount.unknown", refusals);
        return refusals.isEmpty() ? new Checked(new EntryMapping(kind, parsed, categoryId, accountId), List.of())
                : new Checked(null, refusals);
    }

    /** A checked mapping, or the refusals of the fields at fault. */
    public record Checked(EntryMapping mapping, List<Refusal> refusals) {
    }

    private static void checkConstant(Field field, String name, String constant, List<Refusal> refusals) {
        switch (field) {
            case COMPETENCE -> {
                if (date(constant).isEmpty()) {
                    refusals.add(new Refusal(name, "mapping.date", constant));
                }
            }
            case VALUE -> {
                Optional<BigDecimal> value = decimal(constant);
                if (value.isEmpty() || value.get().signum() <= 0) {
                    refusals.add(new Refusal(name, "mapping.value", constant));
                }
            }
            case CUSTOMER_TYPE -> {
                if (customerType(constant).isEmpty()) {
                    refusals.add(new Refusal(name, "mapping.choice", constant, CUSTOMER_TYPES));
                }
            }
            case ROLE -> {
                if (role(constant).isEmpty()) {
                    refusals.add(new Refusal(name, "mapping.choice", constant, ROLES));
                }
            }
            default -> {
            }
        }
    }

    /** The id of a constant name among the ledger's (null for a template, resolved per deal). */
    private static String resolved(EntryTemplate template, Map<String, String> byId, String field, String key,
            List<Refusal> refusals) {
        if (template == null || template.constant().isEmpty()) {
            return null;
        }
        Optional<String> id = idOf(template.constant().get(), byId);
        if (id.isEmpty()) {
            refusals.add(new Refusal(field, key, template.constant().get(), names(byId.values())));
        }
        return id.orElse(null);
    }

    /** The id of the one entry named {@code name} (case, accents and spaces aside). */
    public static Optional<String> idOf(String name, Map<String, String> byId) {
        String wanted = comparable(name);
        List<String> ids = byId.entrySet().stream().filter(e -> e.getValue() != null
                && comparable(e.getValue()).equals(wanted)).map(Map.Entry::getKey).toList();
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    public static List<String> names(Collection<String> names) {
        return names.stream().filter(n -> n != null).sorted().toList();
    }

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd/MM/uuuu"));

    /** A date as a template renders it: {@code 2026-12-02}, {@code 02/12/2026} or an ISO date-time's date. */
    public static Optional<LocalDate> date(String text) {
        String value = text.strip();
        if (value.length() > 10 && value.charAt(4) == '-' && value.charAt(10) == 'T') {
            value = value.substring(0, 10);
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(value, format));
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return Optional.empty();
    }

    /**
     * An amount as a template renders it: {@code 1234.56} (as {@code {deal.value}} does), or the Brazilian
     * {@code 1.234,56} a person may keep in a custom field; an optional {@code R$} is ignored.
     */
    public static Optional<BigDecimal> decimal(String text) {
        String value = text.strip().replace("R$", "").replace(" ", "");
        if (value.contains(",")) {
            value = value.replace(".", "").replace(',', '.');
        }
        if (!value.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value));
    }

    /** {@code PF} or {@code PJ} (also spelt Física/Jurídica, as Conta Azul names them). */
    public static Optional<String> customerType(String text) {
        String value = comparable(text);
        return switch (value) {
            case "pf", "fisica", "pessoa fisica" -> Optional.of("PF");
            case "pj", "juridica", "pessoa juridica" -> Optional.of("PJ");
            default -> Optional.empty();
        };
    }

    public static Optional<String> role(String text) {
        String value = comparable(text);
        return ROLES.stream().filter(r -> comparable(r).equals(value)).findFirst();
    }

    /** Names as people type them: case, accents and repeated spaces do not matter. */
    public static String comparable(String name) {
        String plain = java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
