package dev.ponte.model;

/** A customer as a ledger holds it: its id there, its name and its tax id (null when it has none). */
public record LedgerParty(String id, String name, TaxId taxId) {
}
