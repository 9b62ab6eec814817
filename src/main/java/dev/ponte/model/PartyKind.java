package dev.ponte.model;

/** Whether a party is a legal entity (pessoa jurídica) or a natural person (pessoa física). */
public enum PartyKind {
    COMPANY,
    PERSON
}
