package dev.ponte.model;

/** The tax identifiers Ponte understands: Brazil's CPF and CNPJ, Italy's Partita IVA and codice fiscale. */
public enum TaxIdKind {
    CPF,
    CNPJ,
    PARTITA_IVA,
    CODICE_FISCALE
}
