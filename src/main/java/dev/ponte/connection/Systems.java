package dev.ponte.connection;

import java.util.Set;

/** The systems Ponte knows, by the names the API uses. */
public final class Systems {

    public static final Set<String> SOURCES = Set.of("PIPEDRIVE", "MOSKIT", "ARIVO", "NUVEMSHOP", "CRM_IN_CLOUD");
    public static final Set<String> LEDGERS = Set.of("CONTA_AZUL", "CONTA_AZUL_FINANCEIRO", "REVISO");

    private Systems() {
    }
}
