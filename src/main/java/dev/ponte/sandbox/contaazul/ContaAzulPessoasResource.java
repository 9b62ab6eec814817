package dev.ponte.sandbox.contaazul;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Items;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Perfil;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Pessoa;
import dev.ponte.sandbox.contaazul.ContaAzulModel.PessoaResumo;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Customers and suppliers: {@code /v1/pessoas} (docs open-api-person/v1; research-notes §1a). */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/contaazul/v1/pessoas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContaAzulPessoasResource {

    private static final Set<String> TIPOS = Set.of("Física", "Jurídica", "Estrangeira");
    private static final Set<String> PERFIS = Set.of("Cliente", "Fornecedor", "Transportadora");

    private final ContaAzul state;

    public ContaAzulPessoasResource(ContaAzul state) {
        this.state = state;
    }

    @GET
    public Items<PessoaResumo> list(@QueryParam("busca") String busca,
                                    @QueryParam("documentos") String documentos,
                                    @QueryParam("nomes") String nomes,
                                    @QueryParam("emails") String emails,
                                    @QueryParam("tipo_perfil") String tipoPerfil,
                                    @QueryParam("data_alteracao_de") String alteracaoDe,
                                    @QueryParam("data_alteracao_ate") String alteracaoAte,
                                    @QueryParam("pagina") @DefaultValue("1") int pagina,
                                    @QueryParam("tamanho_pagina") @DefaultValue("10") int tamanhoPagina) {
        LocalDateTime de = ContaAzul.parseDateTime("data_alteracao_de", alteracaoDe);
        LocalDateTime ate = ContaAzul.parseDateTime("data_alteracao_ate", alteracaoAte);
        Set<String> docs = csv(documentos).stream().map(ContaAzul::digits).collect(Collectors.toSet());
        Set<String> names = csv(nomes).stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> mails = csv(emails).stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<PessoaResumo> all = state.pessoas.values().stream()
                .filter(p -> busca == null || matchesBusca(p, busca))
                .filter(p -> docs.isEmpty() || docs.contains(p.documento()))
                .filter(p -> names.isEmpty() || names.contains(p.nome().toLowerCase(Locale.ROOT)))
                .filter(p -> mails.isEmpty() || p.email() != null && mails.contains(p.email().toLowerCase(Locale.ROOT)))
                .filter(p -> tipoPerfil == null || p.perfis().stream().anyMatch(x -> x.tipoPerfil().equals(tipoPerfil)))
                .filter(p -> ContaAzul.within(p.dataAlteracao(), de, ate))
                .sorted(Comparator.comparing(Pessoa::nome).thenComparing(Pessoa::idLegado))
                .map(PessoaResumo::of)
                .toList();
        return new Items<>(ContaAzul.page(all, pagina, tamanhoPagina), all.size());
    }

    /** {@code busca} matches the name, trade name, e-mail or document (docs: "documento ou nome"). */
    private static boolean matchesBusca(Pessoa p, String busca) {
        String term = busca.toLowerCase(Locale.ROOT);
        String digits = ContaAzul.digits(busca);
        return p.nome().toLowerCase(Locale.ROOT).contains(term)
                || p.nomeFantasia() != null && p.nomeFantasia().toLowerCase(Locale.ROOT).contains(term)
                || p.email() != null && p.email().toLowerCase(Locale.ROOT).contains(term)
                || !digits.isEmpty() && digits.equals(p.documento());
    }

    static List<String> csv(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @GET
    @Path("{id}")
    public Pessoa get(@PathParam("id") String id) {
        return parse(id).map(state.pessoas::get).orElseThrow(ContaAzulErrors::notFound);
    }

    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @POST
    public Pessoa create(JsonNode json) {
        Body body = Body.of(json);
        String nome = body.requireText("nome");
        if (nome.length() > 200) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, "nome", "mais de 200 caracteres");
        }
        String tipo = body.requireOneOf("tipo_pessoa", TIPOS);
        String cpf = "Física".equals(tipo) ? body.text("cpf") : null;
        String cnpj = "Jurídica".equals(tipo) ? body.text("cnpj") : null;
        List<Perfil> perfis = new ArrayList<>();
        if (json.has("perfis")) {
            json.get("perfis").forEach(p -> perfis.add(new Perfil(
                    Body.of(p).requireOneOf("tipo_perfil", PERFIS))));
        }
        LocalDateTime now = state.now();
        Pessoa pessoa = new Pessoa(UUID.randomUUID(), state.nextLegacyId(), nome, tipo, cpf, cnpj,
                body.text("email"), body.text("telefone_celular"), body.text("telefone_comercial"),
                body.text("codigo"), body.text("nome_fantasia"), body.text("data_nascimento"),
                body.text("observacao"), !json.has("ativo") || json.get("ativo").asBoolean(), List.copyOf(perfis),
                json.get("enderecos"), json.get("inscricoes"), now, now);
        synchronized (state.pessoas) {
            // Conta Azul keeps customers that share a CPF/CNPJ under different names (seeds/nuvemshop-to-conta-azul:
            // "mesmo nome, mas com CPF ou CNPJ diferente: será criado um novo cadastro", and the converse); only the
            // same name with the same document is refused here — a guess, as the API's rule is not published.
            String documento = pessoa.documento();
            if (documento != null && !documento.isEmpty() && state.pessoas.values().stream()
                    .anyMatch(p -> documento.equals(p.documento()) && pessoa.nome().equals(p.nome()))) {
                throw ContaAzulErrors.badRequest(ContaAzulErrors.DUPLICATE_DOCUMENT, documento);
            }
            state.pessoas.put(pessoa.id(), pessoa);
        }
        return pessoa;
    }
}
