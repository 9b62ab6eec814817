package dev.ponte.model;

import java.util.Objects;

/**
 * A customer or CRM organisation/contact. Apart from kind and name every field is nullable (blank
 * becomes null); {@code origin} names the source system ("Pipedrive") for the ledger's record (R6), and
 * {@code sourceId} is the party's id there.
 *
 * <p>The kind is not forced to agree with the tax id: a CRM organisation may carry a CPF, and the flow
 * decides what the ledger gets.
 */
public record Party(PartyKind kind, String name, TaxId taxId, String email, String businessPhone,
        String mobilePhone, String countryCode, String origin, Address address, String sourceId) {

    public Party {
        Objects.requireNonNull(kind, "kind");
        Require.text(name, "name");
        email = Require.optionalText(email);
        businessPhone = Require.optionalText(businessPhone);
        mobilePhone = Require.optionalText(mobilePhone);
        countryCode = Require.optionalCountry(countryCode, "countryCode");
        origin = Require.optionalText(origin);
        sourceId = Require.optionalText(sourceId);
    }
}
