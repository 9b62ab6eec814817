/**
 * Conta Azul (Brazil) as a ledger, over its current API (api-v2.contaazul.com, developers.contaazul.com), including
 * its financial module, Conta Azul Financeiro (receivables and payables, R21/R22).
 *
 * <p>What the connector relies on, and what is still a guess (shared/vendor-apis/README.md, research-notes §1a):
 * <ul>
 *   <li>Verified in the docs or specs: OAuth2 authorization code at auth.contaazul.com with Basic client auth, one-hour
 *       access tokens and a refresh token that rotates on every refresh; {@code /v1/pessoas} ({@code documentos},
 *       {@code busca}), {@code /v1/produtos} ({@code sku}, {@code busca}), {@code /v1/servicos}
 *       ({@code busca_textual}); {@code POST /v1/venda} with {@code numero} from {@code /v1/venda/proximo-numero};
 *       {@code /v1/venda/busca} with page sizes 10…1000; {@code /v1/contratos} for recurring sales; 10 requests/s and
 *       600/min per account.</li>
 *   <li>Guessed: the error body beyond {@code {"error": "…"}} and its field errors ({@code ContaAzulFailures}); the
 *       wording of a taken {@code numero}; that the sum of the instalments must equal the total (Conta Azul's n8n
 *       node enforces it); the {@code "Nx"} label of
 *       {@code opcao_condicao_pagamento}; the page-size limit of the person, product and service lists (100 used);
 *       masked CPF/CNPJ on create (the docs' example body is masked); {@code data_fim} for open-ended contracts;
 *       that numbering sales from a count kept by Ponte, seeded once from {@code proximo-numero}, is acceptable: a sale
 *       the API refuses (stock, validation) leaves its number unused, a gap in the account's numbering, and
 *       {@code proximo-numero} is assumed to answer the highest number plus one, so a gap does not stop it.</li>
 *   <li>Sellers (R11): {@code GET /v1/venda/vendedores} answers a bare array of {@code {id, nome, id_legado}}, with no
 *       e-mail, so the user who activated the connection is matched by name (the flow's {@code activatedBy}); that
 *       the listed {@code id} is what {@code id_vendedor} takes is a guess from the field names.</li>
 *   <li>Not available: searching sales by {@code observacoes}, so finding a sale by its marker reads the notes of
 *       each sale dated around the given day.</li>
 * </ul>
 */
package dev.ponte.connector.contaazul;
