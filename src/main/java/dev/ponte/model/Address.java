package dev.ponte.model;

/**
 * A postal address. Every part is optional because CRMs hold partial addresses and R6 does not require
 * one; {@code province} is the Italian province code or the Brazilian state (UF).
 */
public record Address(String street, String number, String city, String province, String postalCode,
        String countryCode) {

    public Address {
        street = Require.optionalText(street);
        number = Require.optionalText(number);
        city = Require.optionalText(city);
        province = Require.optionalText(province);
        postalCode = Require.optionalText(postalCode);
        countryCode = Require.optionalCountry(countryCode, "countryCode");
    }
}
