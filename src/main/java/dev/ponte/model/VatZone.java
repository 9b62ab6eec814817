package dev.ponte.model;

/**
 * A ledger's VAT zone and the customers it fits: {@code DOMESTIC} for the agreement's own country, {@code EU} for
 * the other EU members, {@code ABROAD} for the rest; {@code OTHER} zones (e.g. domestic exempt) are never derived.
 */
public record VatZone(String code, String name, Scope scope, boolean enabledForCustomer) {

    public enum Scope {
        DOMESTIC, EU, ABROAD, OTHER
    }

    public VatZone {
        Require.text(code, "code");
        Require.text(name, "name");
        java.util.Objects.requireNonNull(scope, "scope");
    }

    /** The scope a customer of {@code country} has for an agreement in {@code agreementCountry}. */
    public static Scope scopeOf(String country, String agreementCountry) {
        if (country.equals(agreementCountry)) {
            return Scope.DOMESTIC;
        }
        return EU_MEMBERS.contains(country) ? Scope.EU : Scope.ABROAD;
    }

    private static final java.util.Set<String> EU_MEMBERS = java.util.Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK",
            "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI",
            "ES", "SE");
}
