package dev.ponte.model;

/** A unit of measure of a ledger, e.g. "PZ" or "UN", synced to the CRM as reference data (R33). */
public record Unit(String code, String name) {

    public Unit {
        Require.text(code, "code");
        Require.text(name, "name");
    }
}
