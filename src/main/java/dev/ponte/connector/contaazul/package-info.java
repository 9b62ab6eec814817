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
 *
 * <p>Receivables and payables ({@code FinancialLedger}; shared/vendor-apis/wave2-contracts.md §4, the financial spec
 * copy specs/contaazul/api-evangelist/conta-azul-financial-openapi.yml):
 * <ul>
 *   <li>Verified in the spec: {@code GET /v1/categorias} ({@code tipo} RECEITA|DESPESA, {@code apenas_filhos},
 *       {@code pagina}/{@code tamanho_pagina} from 10…1000, answer {@code {itens_totais, itens}});
 *       {@code GET /v1/conta-financeira} ({@code apenas_ativo}, {@code conta_padrao}); the create paths
 *       {@code POST /v1/financeiro/eventos-financeiros/contas-a-receber} and {@code …/contas-a-pagar} with
 *       {@code EventoFinanceiroRequest} ({@code contato}, {@code observacao}, {@code rateio},
 *       {@code condicao_pagamento.parcelas[]} with {@code nota}, {@code conta_financeira},
 *       {@code detalhe_valor.valor_bruto}, {@code metodo_pagamento}); {@code …/buscar} with its required
 *       {@code data_vencimento_de/ate}, {@code descricao}, {@code ids_clientes} (receivables only: the payables'
 *       search has no supplier filter) and {@code valor_de/ate} as {@code "999.99"} strings, whose items are
 *       instalments; {@code GET …/parcelas/{id}} with {@code evento.id}. Verified on the vendor's pages: the protocol
 *       API was discontinued on 18/10/2026; the newer create ("Novo · use este") is synchronous, answers 201 with the
 *       account's {@code id} and 400 in the same response, takes {@code id_cliente}/{@code id_fornecedor},
 *       {@code referencia_externa} and a {@code rateio} whose sum must equal {@code valor}, and refuses a Receba
 *       Fácil account on a payable.</li>
 *   <li>Chosen: today is after 18/10/2026, so the create is built on the synchronous answer; the body carries both
 *       generations' fields. Which fields are sent and how the answer is read sit behind one switch,
 *       {@code ponte.vendors.contaazul.financial-create} ({@code SYNCHRONOUS} by default, or {@code PROTOCOL}), all of
 *       it in {@code ContaAzulFinancial}. A protocol answer (202, read as {@code protocolo} or {@code protocolId}) is
 *       accepted under either value: the entry is looked for by its reference and, not made yet, the job retries
 *       later and finds it then ({@code GET /v1/protocolo}, which is gone, is not used).</li>
 *   <li>Guessed: that the newer create keeps the older path (the stored page was cut off before it); its answer
 *       beyond {@code id}, and that this {@code id} is the event's (the one {@code evento.id} shows); that
 *       {@code descricao} in {@code …/buscar} matches a substring of the instalment's or the event's description
 *       (Conta Azul's n8n node sends {@code busca} instead); that {@code valor_de/ate} bound the instalment's value;
 *       that the instalments' {@code valor_bruto} must add up to {@code valor}; that {@code permite_apenas_filhos},
 *       "required" in the spec but never sent by the n8n node, is harmless when sent; that
 *       {@code tipo_perfil=Fornecedor} filters {@code /v1/pessoas} by profile (the research notes list it for
 *       Cliente), so a supplier is also checked against the list item's {@code perfis} when present.</li>
 *   <li>findEntry: there is no search by {@code referencia_externa}. The reference is written at the end of
 *       {@code descricao} and of each instalment's description in brackets ({@code [ponte:…:deal:12]}, so that
 *       {@code deal:12} is never found in {@code deal:123}), and repeated in {@code observacao} and each instalment's
 *       {@code nota}. The search asks for the bracketed reference, a due window of a day either side of the first
 *       instalment, its exact value and, for a receivable, the customer; each instalment found is read by id
 *       ({@code GET …/parcelas/{id}}), and its {@code evento.id} is the entry's id.</li>
 *   <li>Categories are the leaves of the entry's side, cached per connection for a minute.</li>
 * </ul>
 *
 * <p>The seller by default (R11): the consent asks for {@code openid profile}, so the token answer carries an
 * {@code id_token}. Conta Azul's authorization server is Amazon Cognito ({@code aws.cognito.signin.user.admin}), whose
 * id tokens carry the user pool's standard attributes; the consenting user's name is read from {@code name} (else
 * {@code given_name} + {@code family_name}), without checking the signature (the token comes straight from the token
 * endpoint over TLS, OpenID Connect Core §3.1.3.7). That Conta Azul fills {@code name} with the user's full name as its
 * sellers list shows it is a guess. The name goes back to the connect flow as {@code OAuth2Connect.CONSENTING_USER},
 * which records it as the connection's {@code activatedBy} unless someone set one.
 */
package dev.ponte.connector.contaazul;
