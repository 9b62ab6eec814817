package dev.ponte.model;

/** One value a ledger offers for a field, e.g. payment terms "9" named "30 gg d.f.". */
public record Choice(String code, String name) {

    public Choice {
        Require.text(code, "code");
        Require.text(name, "name");
    }
}
