package dev.ponte.sandbox.contaazul;

import dev.ponte.sandbox.SandboxVendor;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Categoria;
import dev.ponte.sandbox.contaazul.ContaAzulModel.ContaFinanceira;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Contrato;
import dev.ponte.sandbox.contaazul.ContaAzulModel.EventoFinanceiro;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Pessoa;
import dev.ponte.sandbox.contaazul.ContaAzulModel.PessoaResumo;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Produto;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Servico;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Venda;
import dev.ponte.sandbox.contaazul.ContaAzulModel.Vendedor;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The Conta Azul emulator's state: one connected ERP account, its OAuth2 client and grants, and its records. A {@code @Singleton} (no client proxy) because the resources of
 * this package read its maps directly.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Singleton
public class ContaAzul implements SandboxVendor {

    public static final String NAME = "contaazul";
    private final dev.ponte.sandbox.RateLimit limits = new dev.ponte.sandbox.RateLimit("/v1/",
            new dev.ponte.sandbox.RateLimit.Limits(10, 600));
    /** The one OAuth2 client the emulator knows (credentials of a sandbox, not secrets). */
    public static final String CLIENT_ID = "sandbox-client";
    public static final String CLIENT_SECRET = "sandbox-secret";
    /** Access tokens live one hour; authorization codes three minutes (research-notes §1a, docs "auth" page). */
    static final long ACCESS_TOKEN_SECONDS = 3600;
    static final long CODE_SECONDS = 180;
    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    record Grant(String clientId, String redirectUri, Instant expiresAt, String scope) {
    }

    /**
     * The account's sellers: fixed users of the emulated account (the API lists sellers but cannot create them), the
     * first its owner, who connects Ponte in the tests.
     */
    static final List<Vendedor> VENDEDORES = List.of(
            new Vendedor(UUID.fromString("7d1f3a52-5e0b-4c1a-9a61-000000000501"), "Ana Souza", 501),
            new Vendedor(UUID.fromString("7d1f3a52-5e0b-4c1a-9a61-000000000502"), "Bruno Lima", 502));

    /**
     * The account's categories, a parent and its leaves for each side (the API lists them; it cannot create them).
     * Names after Conta Azul's default chart; the ids are fixed so that tests and the demo can name them.
     */
    static final List<Categoria> CATEGORIAS = List.of(
            categoria("000000000001", "Receitas de vendas e serviços", null, "RECEITA"),
            categoria("000000000002", "Vendas de produtos", "000000000001", "RECEITA"),
            categoria("000000000003", "Prestação de serviços", "000000000001", "RECEITA"),
            categoria("000000000011", "Despesas administrativas", null, "DESPESA"),
            categoria("000000000012", "Aluguel", "000000000011", "DESPESA"),
            categoria("000000000013", "Serviços de terceiros", "000000000011", "DESPESA"));

    /** The account's financial accounts: one default, one other, one inactive, one "Receba Fácil" card account. */
    static final List<ContaFinanceira> CONTAS_FINANCEIRAS = List.of(
            new ContaFinanceira(UUID.fromString("4c0e8a10-0000-4000-8000-000000000101"), "BANCO_BRASIL", "001",
                    "Conta corrente Banco do Brasil", true, "CONTA_CORRENTE", true, false, "1234", "56789-0"),
            new ContaFinanceira(UUID.fromString("4c0e8a10-0000-4000-8000-000000000102"), null, null, "Caixinha", true,
                    "CAIXINHA", false, false, null, null),
            new ContaFinanceira(UUID.fromString("4c0e8a10-0000-4000-8000-000000000103"), "ITAU", "341",
                    "Conta antiga Itaú", false, "CONTA_CORRENTE", false, false, "0001", "11111-1"),
            new ContaFinanceira(UUID.fromString("4c0e8a10-0000-4000-8000-000000000104"), null, null,
                    "Receba Fácil", true, "RECEBA_FACIL_CARTAO", false, false, null, null));

    /** The account's categories now: {@link #CATEGORIAS} but those deleted. */
    List<Categoria> categorias() {
        return CATEGORIAS.stream().filter(c -> !deletedCategorias.contains(c.id())).toList();
    }

    private static Categoria categoria(String suffix, String nome, String pai, String tipo) {
        return new Categoria(UUID.fromString("ca7e6a00-0000-4000-8000-" + suffix), 1, nome,
                pai == null ? null : UUID.fromString("ca7e6a00-0000-4000-8000-" + pai), tipo,
                "RECEITA".equals(tipo) ? "RECEITAS_OPERACIONAIS" : "DESPESAS_OPERACIONAIS", false);
    }

    /** The user who consents in the sandbox (its consent page is skipped): the account's owner, its first seller. */
    static final Vendedor OWNER = VENDEDORES.get(0);
    static final String OWNER_EMAIL = "ana.souza@sandbox.contaazul.example";

    final Map<UUID, Pessoa> pessoas = new ConcurrentHashMap<>();
    final Map<UUID, Produto> produtos = new ConcurrentHashMap<>();
    final Map<UUID, Servico> servicos = new ConcurrentHashMap<>();
    final Map<UUID, Venda> vendas = new ConcurrentHashMap<>();
    final Map<UUID, Contrato> contratos = new ConcurrentHashMap<>();
    final Map<UUID, EventoFinanceiro> eventos = new ConcurrentHashMap<>();
    /** Categories a test deleted (as a person does in Conta Azul's screen): listed no more, refused in a rateio. */
    final Set<UUID> deletedCategorias = ConcurrentHashMap.newKeySet();
    final Map<String, Grant> codes = new ConcurrentHashMap<>();
    final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    /** Refresh grants served since the last reset, for tests that need the connector to have renewed. */
    final AtomicLong refreshes = new AtomicLong();
    /**
     * Whether the financial creates answer as before 18/10/2026 (202 with a protocol, generation (A)) instead of 201
     * with the account; a test control, off after a reset.
     */
    volatile boolean protocolCreates;
    /** How long new access tokens live; a test shortens it to seconds to make every connection renew. */
    volatile long accessTokenSeconds = ACCESS_TOKEN_SECONDS;
    private final AtomicLong legacyIds = new AtomicLong(1000);
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public ContaAzul(Instance<Clock> clock) {
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Response error(int status, String message) {
        return ContaAzulErrors.body(status, message);
    }

    /**
     * The documented 10 requests/s and 600/min per connected account (docs /minimumrequirements, research-notes §1a;
     * "over the limit you get HTTP 429"), on the {@code /v1/} API.
     */
    @Override
    public Response tooManyRequests(long retryAfterSeconds) {
        // Invented in the vendor's style; the live wording is not published.
        return Response.fromResponse(error(429, "Limite de requisições excedido. Tente novamente em "
                + retryAfterSeconds + " segundo(s).")).header("Retry-After", retryAfterSeconds).build();
    }

    @Override
    public java.util.Optional<dev.ponte.sandbox.RateLimit> rateLimit() {
        return java.util.Optional.of(limits);
    }

    @Override
    public void reset() {
        Stream.of(pessoas, produtos, servicos, vendas, contratos, eventos, codes, accessTokens, refreshTokens)
                .forEach(Map::clear);
        refreshes.set(0);
        deletedCategorias.clear();
        ContaAzulErrors.shape = ContaAzulErrors.Shape.MESSAGE;
        accessTokenSeconds = ACCESS_TOKEN_SECONDS;
        protocolCreates = false;
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("client_id", CLIENT_ID);
        state.put("pessoas", sorted(pessoas, PessoaResumo::of, Pessoa::dataCriacao));
        state.put("produtos", sorted(produtos, Function.identity(), Produto::dataAlteracao));
        state.put("servicos", sorted(servicos, Function.identity(), Servico::dataAlteracao));
        state.put("vendas", sorted(vendas, Function.identity(), Venda::criadoEm));
        state.put("contratos", sorted(contratos, Function.identity(), Contrato::numero));
        state.put("eventos_financeiros", sorted(eventos, Function.identity(), EventoFinanceiro::dataCriacao));
        Instant now = instant();
        state.put("active_access_tokens", accessTokens.values().stream().filter(now::isBefore).count());
        state.put("refreshes", refreshes.get());
        state.put("access_token_seconds", accessTokenSeconds);
        state.put("active_refresh_tokens", refreshTokens.size());
        return state;
    }

    private static <K, V, R, C extends Comparable<? super C>> List<R> sorted(
            Map<K, V> map, Function<V, R> view, Function<V, C> order) {
        return map.values().stream().sorted(Comparator.comparing(order)).map(view).toList();
    }

    long nextLegacyId() {
        return legacyIds.incrementAndGet();
    }

    Instant instant() {
        return clock.instant();
    }

    LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), SAO_PAULO).truncatedTo(ChronoUnit.MILLIS);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), SAO_PAULO);
    }

    String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    boolean validAccessToken(String token) {
        Instant expiresAt = token == null ? null : accessTokens.get(token);
        return expiresAt != null && instant().isBefore(expiresAt);
    }

    static String digits(String value) {
        return value == null ? null : value.replaceAll("\\D", "");
    }

    /**
     * {@code data_alteracao_de/ate}: ISO 8601 in São Paulo time (docs); accepts a date, a local date-time or one
     * with an offset (converted to São Paulo).
     */
    static LocalDateTime parseDateTime(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(value).atZoneSameInstant(SAO_PAULO).toLocalDateTime();
            }
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, field, value);
        }
    }

    static boolean within(LocalDateTime value, LocalDateTime from, LocalDateTime to) {
        return (from == null || !value.isBefore(from)) && (to == null || !value.isAfter(to));
    }

    /** 1-based {@code pagina}, {@code tamanho_pagina} items per page. */
    static <T> List<T> page(List<T> all, int pagina, int tamanho) {
        if (pagina < 1 || tamanho < 1) {
            throw ContaAzulErrors.badRequest(ContaAzulErrors.INVALID, "pagina", pagina + "/" + tamanho);
        }
        long skip = (long) (pagina - 1) * tamanho;
        return all.stream().skip(skip).limit(tamanho).toList();
    }
}
