package dev.ponte.mapping;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A field the ledger would refuse, found before calling it (R37): the field at fault as the API names it (e.g.
 * {@code address.countryCode}, {@code vatZone}), a message key of the {@code messages/Messages} bundles and its
 * arguments.
 */
public record Refusal(String field, String key, List<Object> args) {

    public Refusal {
        args = List.copyOf(args);
    }

    Refusal(String field, String key, Object... args) {
        this(field, key, List.of(args));
    }

    /** What is wrong and what to do, in English, Brazilian Portuguese or Italian (English for any other language). */
    public String explain(Locale locale) {
        Locale supported = "pt".equals(locale.getLanguage()) ? Locale.forLanguageTag("pt-BR") : locale;
        try {
            ResourceBundle bundle = ResourceBundle.getBundle("messages.Messages", supported,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new MessageFormat(bundle.getString(key), supported).format(args.toArray());
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
