package dev.ponte.api;

import jakarta.ws.rs.core.HttpHeaders;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** User-facing messages in English (default), Brazilian Portuguese or Italian, chosen by Accept-Language. */
final class Messages {

    private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("pt-BR"),
            Locale.ITALIAN);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("messages.Messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Messages of(HttpHeaders headers) {
        return of(acceptable(headers));
    }

    /**
     * The caller's languages, best first; none when Accept-Language cannot be read. JAX-RS throws on such a header,
     * and a message explaining another error must not fail in turn.
     */
    static List<Locale> acceptable(HttpHeaders headers) {
        try {
            return headers == null ? List.of() : headers.getAcceptableLanguages();
        } catch (RuntimeException unreadable) {
            return List.of();
        }
    }

    static Messages of(List<Locale> acceptable) {
        return new Messages(pick(acceptable));
    }

    static Locale pick(List<Locale> acceptable) {
        for (Locale wanted : acceptable) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    return supported;
                }
            }
        }
        return Locale.ENGLISH;
    }

    String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
