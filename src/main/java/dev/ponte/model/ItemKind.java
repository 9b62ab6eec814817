package dev.ponte.model;

/** Ledgers keep products and services in separate catalogues, so an item is one or the other. */
public enum ItemKind {
    PRODUCT,
    SERVICE
}
