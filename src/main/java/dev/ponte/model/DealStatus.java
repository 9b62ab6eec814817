package dev.ponte.model;

/** Lifecycle state of a CRM deal; only {@link #WON} deals become sales (R1). */
public enum DealStatus {
    OPEN,
    WON,
    LOST,
    DELETED
}
