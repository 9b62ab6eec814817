package dev.ponte.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One field of a receivable or payable mapping (R21): a constant ({@code Comissões}), a source field
 * ({@code {deal.field:Centro de custo}}) or a template mixing both ({@code Pedido {deal.title} – {company.name}}).
 * A placeholder is {@code {name}}; {@code {{} and {@code }}} are a literal brace. The names:
 * <ul>
 *   <li>{@code deal.id}, {@code deal.title}, {@code deal.value} (a plain decimal, {@code 1234.56}),
 *   {@code deal.wonDate} ({@code yyyy-MM-dd}, in the ledger's time zone), {@code deal.field:<label>} (a deal custom
 *   field by its label);</li>
 *   <li>{@code customer.name}, {@code customer.type} ({@code PF} or {@code PJ}), {@code customer.document} (its
 *   CPF/CNPJ digits): the deal's customer, its company when it has one, else its contact (R4);</li>
 *   <li>{@code company.name}, {@code company.field:<label>}; {@code contact.name}, {@code contact.field:<label>}.</li>
 * </ul>
 */
public final class EntryTemplate {

    /** The placeholders without an argument. */
    public static final Set<String> NAMES = Set.of("deal.id", "deal.title", "deal.value", "deal.wonDate",
            "customer.name", "customer.type", "customer.document", "company.name", "contact.name");
    /** The placeholders that name a custom field by its label, after the colon. */
    public static final Set<String> FIELD_SCOPES = Set.of("deal.field", "company.field", "contact.field");

    private final String text;
    private final List<Part> parts;

    private EntryTemplate(String text, List<Part> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /** A literal piece of text, or a placeholder ({@code scope} is a custom field's scope, {@code label} its label). */
    public record Part(String literal, String placeholder, String scope, String label) {

        public boolean isPlaceholder() {
            return placeholder != null;
        }
    }

    /** Why a template cannot be parsed: the message key of the bundles and its argument. */
    public static final class Invalid extends RuntimeException {

        private final String key;
        private final String argument;

        Invalid(String key, String argument) {
            super(key + ": " + argument, null, false, false);
            this.key = key;
            this.argument = argument;
        }

        public String key() {
            return key;
        }

        public String argument() {
            return argument;
        }
    }

    /**
     * Parses the template.
     *
     * @throws Invalid with {@code mapping.template.syntax} (an unclosed or stray brace) or
     *         {@code mapping.placeholder.unknown} (a name not listed in the class comment)
     */
    public static EntryTemplate parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '}') {
                throw new Invalid("mapping.template.syntax", text);
            } else if (c == '{') {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    throw new Invalid("mapping.template.syntax", text);
                }
                if (!literal.isEmpty()) {
                    parts.add(new Part(literal.toString(), null, null, null));
                    literal.setLength(0);
                }
                parts.add(placeholder(text.substring(i + 1, end).strip()));
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Part(literal.toString(), null, null, null));
        }
        return new EntryTemplate(text, parts);
    }

    private static Part placeholder(String name) {
        if (NAMES.contains(name)) {
            return new Part(null, name, null, null);
        }
        int colon = name.indexOf(':');
        if (colon > 0 && FIELD_SCOPES.contains(name.substring(0, colon).strip())
                && !name.substring(colon + 1).isBlank()) {
            String scope = name.substring(0, colon).strip();
            return new Part(null, scope + ":" + name.substring(colon + 1).strip(), scope,
                    name.substring(colon + 1).strip());
        }
        throw new Invalid("mapping.placeholder.unknown", name);
    }

    public String text() {
        return text;
    }

    public List<Part> parts() {
        return parts;
    }

    /** A template without placeholders: the same text for every deal. */
    public boolean isConstant() {
        return parts.stream().noneMatch(Part::isPlaceholder);
    }

    /** The constant's text, or empty when the template has placeholders. */
    public Optional<String> constant() {
        return isConstant() ? Optional.of(render(p -> "")) : Optional.empty();
    }

    /** The text with each placeholder replaced by {@code values} (null: empty), stripped. */
    public String render(Function<Part, String> values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part.isPlaceholder()) {
                String value = values.apply(part);
                out.append(value == null ? "" : value);
            } else {
                out.append(part.literal());
            }
        }
        return out.toString().strip();
    }

    @Override
    public String toString() {
        return text;
    }
}
