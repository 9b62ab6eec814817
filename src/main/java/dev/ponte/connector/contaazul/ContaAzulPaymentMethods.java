package dev.ponte.connector.contaazul;

import java.util.Map;

/**
 * Conta Azul spells two payment methods one way in its sales API ({@code COBRANCA_PIX}, {@code LINK_PAGAMENTO}) and
 * another in its contracts and financial APIs ({@code PIX_COBRANCA}, {@code CARTAO_CREDITO_VIA_LINK}); the others
 * are the same in all three. A connection's {@code paymentMethod} may use either spelling: each endpoint gets its own.
 */
final class ContaAzulPaymentMethods {

    private static final Map<String, String> SALES_TO_CONTRACTS = Map.of("COBRANCA_PIX", "PIX_COBRANCA",
            "LINK_PAGAMENTO", "CARTAO_CREDITO_VIA_LINK");
    private static final Map<String, String> CONTRACTS_TO_SALES = Map.of("PIX_COBRANCA", "COBRANCA_PIX",
            "CARTAO_CREDITO_VIA_LINK", "LINK_PAGAMENTO");

    private ContaAzulPaymentMethods() {
    }

    /** {@code tipo_pagamento} of {@code POST /v1/venda}. */
    static String forSale(String method) {
        return method == null ? null : CONTRACTS_TO_SALES.getOrDefault(method, method);
    }

    /** {@code tipo_pagamento} of a contract, {@code metodo_pagamento} of a financial entry's instalment. */
    static String forContractOrEntry(String method) {
        return method == null ? null : SALES_TO_CONTRACTS.getOrDefault(method, method);
    }
}
