package dev.ponte.sandbox.contaazul;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conta Azul's error bodies, in one place because most of them are guesses. The specs only say errors are plain
 * JSON (api-evangelist/conta-azul-conventions.yml); the quotes spec (conta-azul-proposal-openapi.yml) declares
 * {@code {"error": "…"}} for 400/401/429/500, so every error here uses that shape. The Portuguese messages are
 * invented in the vendor's style, not copied from the live API. OAuth errors follow RFC 6749 §5.2.
 */
final class ContaAzulErrors {

    static final String REQUIRED = "O campo '%s' é obrigatório.";
    static final String INVALID = "O campo '%s' possui um valor inválido: %s";
    static final String NOT_FOUND = "Recurso não encontrado.";
    static final String CLIENT_NOT_FOUND = "Cliente não encontrado: %s";
    static final String ITEM_NOT_FOUND = "Produto ou serviço não encontrado: %s";
    static final String DUPLICATE_SALE_NUMBER = "Já existe uma venda com o número %d.";
    static final String DUPLICATE_CONTRACT_NUMBER = "Já existe um contrato com o número %d.";
    static final String DUPLICATE_DOCUMENT = "Já existe uma pessoa cadastrada com o documento %s.";
    static final String DUPLICATE_SKU = "Já existe um produto cadastrado com o código SKU %s.";
    static final String INSTALMENTS_MISMATCH =
            "A soma das parcelas (%s) deve ser igual ao valor total da venda (%s).";
    /** Financial creates: sums that must agree (the rateio rule is documented for (B); the instalments' inferred). */
    static final String RATEIO_MISMATCH = "O campo 'rateio' soma %s, mas o campo 'valor' é %s: devem ser iguais.";
    static final String PARCELAS_MISMATCH =
            "O campo 'condicao_pagamento.parcelas' soma %s, mas o campo 'valor' é %s: devem ser iguais.";
    static final String PERSON_UNKNOWN = "O campo '%s' não corresponde a uma pessoa cadastrada: %s";
    static final String CATEGORY_UNKNOWN = "O campo '%s' não corresponde a uma categoria de %s: %s";
    static final String ACCOUNT_UNKNOWN = "O campo '%s' não corresponde a uma conta financeira ativa: %s";
    static final String ACCOUNT_REFUSED = "O campo '%s' não aceita uma conta Receba Fácil em contas a pagar: %s";
    /** The ledger's "Verificar estoque ao criar uma venda" setting (shared/seeds/pipedrive-to-conta-azul.pt.txt). */
    static final String NOT_ENOUGH_STOCK =
            "Não há estoque suficiente para o produto '%s'. Estoque disponível: %s, quantidade solicitada: %s.";

    private ContaAzulErrors() {
    }

    /**
     * How a refusal (400 or 422) carries its messages. Conta Azul does not publish it, and integrators report both a
     * list of field/message objects and a list of plain strings under a generic {@code error}, so the emulator serves
     * each on demand ({@code POST /sandbox/contaazul/_controls/errors}); other statuses always use {@code {"error": "…"}}.
     */
    enum Shape {
        /** {@code {"error": "O campo 'x' é obrigatório."}}, the quotes spec's shape and the default. */
        MESSAGE,
        /** {@code {"error": "Erro de validação", "errors": [{"field": "x", "message": "…"}]}}. */
        OBJECTS,
        /** {@code {"error": "Erro de validação", "errors": ["…"]}}. */
        STRINGS
    }

    static final String VALIDATION_FAILED = "Erro de validação";
    private static final Pattern FIELD = Pattern.compile("[Cc]ampo '([^']+)'");
    /** The emulator is one singleton; its state reset puts this back to {@link Shape#MESSAGE}. */
    static volatile Shape shape = Shape.MESSAGE;

    static Response body(int status, String message) {
        Object entity = Map.of("error", message);
        if (status == 400 || status == 422) {
            if (shape == Shape.STRINGS) {
                entity = Map.of("error", VALIDATION_FAILED, "errors", List.of(message));
            } else if (shape == Shape.OBJECTS) {
                Matcher field = FIELD.matcher(message);
                Map<String, String> error = field.find() ? Map.of("field", field.group(1), "message", message)
                        : Map.of("message", message);
                entity = Map.of("error", VALIDATION_FAILED, "errors", List.of(error));
            }
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(entity).build();
    }

    static WebApplicationException badRequest(String format, Object... args) {
        return new WebApplicationException(body(400, String.format(format, args)));
    }

    static WebApplicationException notFound() {
        return new WebApplicationException(body(404, NOT_FOUND));
    }

    static Response oauth(int status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description)).build();
    }
}
