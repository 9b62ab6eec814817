package dev.ponte.connector.contaazul;

import dev.ponte.connector.ConnectionAccess;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.CustomerDirectory;
import dev.ponte.connector.FinancialLedger;
import dev.ponte.connector.ItemCatalog;
import dev.ponte.connector.Port;
import dev.ponte.connector.RecurringSales;
import dev.ponte.connector.SalesLedger;
import dev.ponte.connector.Postponed;
import dev.ponte.connector.RejectedFailure;
import dev.ponte.connector.TransientFailure;
import dev.ponte.connector.support.Paging;
import dev.ponte.connector.support.ShortRetry;
import dev.ponte.connector.support.VendorCalls;
import dev.ponte.connector.contaazul.ContaAzulConfig.FinancialCreate;
import dev.ponte.connector.contaazul.ContaAzulConnector.Session;
import dev.ponte.connector.contaazul.ContaAzulDto.CategoriasPage;
import dev.ponte.connector.contaazul.ContaAzulDto.ContasFinanceirasPage;
import dev.ponte.connector.contaazul.ContaAzulDto.EventoCriado;
import dev.ponte.connector.contaazul.ContaAzulDto.NovoEventoFinanceiro;
import dev.ponte.connector.contaazul.ContaAzulDto.ParcelaBuscada;
import dev.ponte.connector.contaazul.ContaAzulDto.ParcelaDetalhe;
import dev.ponte.connector.contaazul.ContaAzulDto.ParcelasPage;
import dev.ponte.connector.contaazul.ContaAzulDto.ComposicaoDeValor;
import dev.ponte.connector.contaazul.ContaAzulDto.CondicaoPagamento;
import dev.ponte.connector.contaazul.ContaAzulDto.CondicaoPagamentoContrato;
import dev.ponte.connector.contaazul.ContaAzulDto.Desconto;
import dev.ponte.connector.contaazul.ContaAzulDto.Estoque;
import dev.ponte.connector.contaazul.ContaAzulDto.ItemVenda;
import dev.ponte.connector.contaazul.ContaAzulDto.NovaPessoa;
import dev.ponte.connector.contaazul.ContaAzulDto.NovaVenda;
import dev.ponte.connector.contaazul.ContaAzulDto.NovoContrato;
import dev.ponte.connector.contaazul.ContaAzulDto.NovoProduto;
import dev.ponte.connector.contaazul.ContaAzulDto.NovoServico;
import dev.ponte.connector.contaazul.ContaAzulDto.Parcela;
import dev.ponte.connector.contaazul.ContaAzulDto.Perfil;
import dev.ponte.connector.contaazul.ContaAzulDto.PessoaCriada;
import dev.ponte.connector.contaazul.ContaAzulDto.PessoaResumo;
import dev.ponte.connector.contaazul.ContaAzulDto.PessoasPage;
import dev.ponte.connector.contaazul.ContaAzulDto.Produto;
import dev.ponte.connector.contaazul.ContaAzulDto.ProdutosPage;
import dev.ponte.connector.contaazul.ContaAzulDto.Servico;
import dev.ponte.connector.contaazul.ContaAzulDto.ServicosPage;
import dev.ponte.connector.contaazul.ContaAzulDto.Termos;
import dev.ponte.connector.contaazul.ContaAzulDto.VendaDetalhe;
import dev.ponte.connector.contaazul.ContaAzulDto.VendaResumo;
import dev.ponte.connector.contaazul.ContaAzulDto.VendasPage;
import dev.ponte.connector.contaazul.ContaAzulDto.Vendedor;
import dev.ponte.model.FinancialEntry;
import dev.ponte.model.Item;
import dev.ponte.model.LedgerParty;
import dev.ponte.model.ItemKind;
import dev.ponte.model.Money;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.PaymentPlan;
import dev.ponte.model.Recurrence;
import dev.ponte.model.SalesDocument;
import dev.ponte.model.SalesLine;
import dev.ponte.model.TaxId;
import dev.ponte.model.TaxIdKind;
import io.quarkus.logging.Log;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One connection's Conta Azul ledger. Every call paces itself (R63), renews the access token a minute before it
 * expires or once after a 401, and stores each rotated pair before using it (R64).
 */
final class ContaAzulLedgerPort implements Port, CustomerDirectory, ItemCatalog, SalesLedger, RecurringSales,
        FinancialLedger {

    /**
     * Renew this long before expiry, so a token never dies between the check and the call; at most half the token's
     * lifetime, so a short-lived token is not renewed before every call.
     */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);
    /**
     * {@code /v1/venda/busca}, the categories, financial accounts and instalment searches only accept 10, 20, 50,
     * 100, 200, 500 or 1000 (sales and financial specs).
     */
    private static final int[] SALE_PAGE_SIZES = {10, 20, 50, 100, 200, 500, 1000};
    /** Stops a list that ignores {@code pagina} from looping forever. */
    private static final int MAX_PAGES = 1000;
    /** Tries of a create whose {@code numero} another writer took between reading and using it. */
    private static final int NUMBER_ATTEMPTS = 5;
    /**
     * The contracts spec requires {@code data_fim} even with {@code tipo_expiracao=NUNCA}; what Conta Azul does with
     * it then is undocumented, so an open-ended contract gets a far end date that NUNCA should override (a guess).
     */
    private static final int OPEN_ENDED_YEARS = 10;

    private final Session session;
    private final ConnectionAccess connection;
    private final ContaAzulOAuth oauth;
    private final Clock clock;
    private final int pageSize;
    private final int salePageSize;
    private final FinancialCreate financialCreate;

    ContaAzulLedgerPort(Session session, ConnectionAccess connection, ContaAzulOAuth oauth, Clock clock, int pageSize,
            FinancialCreate financialCreate) {
        this.session = session;
        this.financialCreate = financialCreate;
        this.connection = connection;
        this.oauth = oauth;
        this.clock = clock;
        this.pageSize = pageSize;
        int size = SALE_PAGE_SIZES[SALE_PAGE_SIZES.length - 1];
        for (int allowed : SALE_PAGE_SIZES) {
            if (allowed >= pageSize) {
                size = allowed;
                break;
            }
        }
        this.salePageSize = size;
    }

    /** The account's sellers are the cheapest read that needs a valid token. */
    @Override
    public List<RejectedFailure.FieldError> test() {
        try {
            read(bearer -> session.api().vendedores(bearer));
            return List.of();
        } catch (CredentialsFailure refused) {
            return List.of(new RejectedFailure.FieldError("credentials", "Conta Azul refused the connection's "
                    + "authorization: connect the account again"));
        }
    }

    /** Conta Azul keeps its account's dates in São Paulo time. */
    @Override
    public ZoneId zone() {
        return ContaAzulConnector.ZONE;
    }

    /** R10: cash, in Conta Azul's payment type names. */
    @Override
    public String defaultPaymentMethod() {
        return "DINHEIRO";
    }

    /**
     * R19: the fields Conta Azul's own Pipedrive integration creates in the CRM
     * (shared/seeds/pipedrive-to-conta-azul.pt.txt).
     */
    @Override
    public ContractFields contractFields() {
        return CONTRACT_FIELDS;
    }

    private static final ContractFields CONTRACT_FIELDS = new ContractFields("Contrato Conta Azul", "Sim", "Não",
            "Vigência Contrato Conta Azul", "Vencimento Contrato Conta Azul");

    @Override
    public List<ItemKind> kinds() {
        return List.of(ItemKind.PRODUCT, ItemKind.SERVICE);
    }

    // --- customers ---

    /** Conta Azul holds only Brazilian documents, so an Italian tax id has no match. */
    @Override
    public List<LedgerParty> findCustomersByTaxId(TaxId taxId) {
        if (taxId.kind() != TaxIdKind.CPF && taxId.kind() != TaxIdKind.CNPJ) {
            return List.of();
        }
        return pessoas(taxId.value(), null, null, p -> taxId.equals(parseDocument(p.documento())));
    }

    /** {@code busca} also matches trade names, e-mails and substrings, so results are filtered to the exact name. */
    @Override
    public List<LedgerParty> findCustomersByName(String name) {
        String wanted = name.strip();
        return pessoas(null, wanted, null, p -> p.nome() != null && p.nome().strip().equals(wanted));
    }

    /** {@code tipoPerfil} null: any person; else only those with that profile (Cliente, Fornecedor…). */
    private List<LedgerParty> pessoas(String documentos, String busca, String tipoPerfil, Predicate<PessoaResumo> keep) {
        return Paging.numbered(1, MAX_PAGES, page -> {
            PessoasPage result = read(bearer -> session.api().pessoas(bearer, documentos, busca, tipoPerfil, page,
                    pageSize));
            return Paging.Slice.sized(result == null ? null : result.items(), pageSize,
                    result == null ? null : result.totalItems());
        }).filter(keep).map(p -> new LedgerParty(p.id(), p.nome(), parseDocument(p.documento()))).toList();
    }

    /**
     * R6: name, person type, CPF/CNPJ, e-mail, business and mobile phones, the Cliente profile and the origin. The
     * document goes out with its official mask, as in the docs' example body ({@code "cnpj": "12.345.678/0001-90"});
     * Conta Azul stores and searches the digits either way. A party with an Italian tax id is {@code Estrangeira}
     * without a document, since Conta Azul only knows Brazilian ones.
     */
    @Override
    public LedgerParty createCustomer(Party party) {
        return createPessoa(party, CLIENTE);
    }

    private static final String CLIENTE = "Cliente";
    private static final String FORNECEDOR = "Fornecedor";

    /** A person with one profile: {@link #CLIENTE} for a customer, {@link #FORNECEDOR} for a supplier. */
    private LedgerParty createPessoa(Party party, String perfil) {
        TaxId taxId = party.taxId();
        String tipo;
        String cpf = null;
        String cnpj = null;
        if (taxId != null && taxId.kind() == TaxIdKind.CPF) {
            tipo = "Física";
            cpf = taxId.formatted();
        } else if (taxId != null && taxId.kind() == TaxIdKind.CNPJ) {
            tipo = "Jurídica";
            cnpj = taxId.formatted();
        } else if (taxId != null) {
            tipo = "Estrangeira";
        } else {
            tipo = party.kind() == PartyKind.PERSON ? "Física" : "Jurídica";
        }
        NovaPessoa body = new NovaPessoa(party.name(), tipo, cpf, cnpj, party.email(), party.businessPhone(),
                party.mobilePhone(), List.of(new Perfil(perfil)), origin(party));
        PessoaCriada created = call(bearer -> session.api().createPessoa(bearer, body));
        return new LedgerParty(created.id(), created.nome() != null ? created.nome() : party.name(),
                taxId != null && (taxId.kind() == TaxIdKind.CPF || taxId.kind() == TaxIdKind.CNPJ) ? taxId : null);
    }

    // --- suppliers (R22) ---

    /**
     * Persons with the Fornecedor profile ({@code tipo_perfil}, a documented filter of {@code /v1/pessoas}); a list
     * item that carries its {@code perfis} is checked as well, in case the filter is ignored.
     */
    @Override
    public List<LedgerParty> findSuppliersByTaxId(TaxId taxId) {
        if (taxId.kind() != TaxIdKind.CPF && taxId.kind() != TaxIdKind.CNPJ) {
            return List.of();
        }
        return pessoas(taxId.value(), null, FORNECEDOR,
                p -> supplier(p) && taxId.equals(parseDocument(p.documento())));
    }

    @Override
    public List<LedgerParty> findSuppliersByName(String name) {
        String wanted = name.strip();
        return pessoas(null, wanted, FORNECEDOR,
                p -> supplier(p) && p.nome() != null && p.nome().strip().equals(wanted));
    }

    @Override
    public LedgerParty createSupplier(Party party) {
        return createPessoa(party, FORNECEDOR);
    }

    private static boolean supplier(PessoaResumo pessoa) {
        return pessoa.perfis() == null || pessoa.perfis().isEmpty() || pessoa.perfis().contains(FORNECEDOR);
    }

    /** {@code observacao} is the only free-text field of a person, so the origin (R6) goes there. */
    private static String origin(Party party) {
        if (party.origin() == null) {
            return null;
        }
        return "Origem: " + party.origin() + (party.sourceId() == null ? "" : " (id " + party.sourceId() + ")");
    }

    private static TaxId parseDocument(String documento) {
        return documento == null || documento.isBlank() ? null : TaxId.tryParseBrazilian(documento).orElse(null);
    }

    // --- items ---

    @Override
    public List<LedgerItem> findItemsByCode(ItemKind kind, String code) {
        String wanted = code.strip();
        return kind == ItemKind.PRODUCT
                ? produtos(wanted, null, p -> wanted.equals(strip(p.codigoSku())))
                : servicos(wanted, s -> wanted.equals(strip(s.codigo())));
    }

    @Override
    public List<LedgerItem> findItemsByName(ItemKind kind, String name) {
        String wanted = name.strip();
        return kind == ItemKind.PRODUCT
                ? produtos(null, wanted, p -> wanted.equals(strip(p.nome())))
                : servicos(wanted, s -> wanted.equals(strip(s.descricao())));
    }

    private List<LedgerItem> produtos(String sku, String busca, Predicate<Produto> keep) {
        return Paging.numbered(1, MAX_PAGES, page -> {
            ProdutosPage result = read(bearer -> session.api().produtos(bearer, sku, busca, page, pageSize));
            return Paging.Slice.sized(result == null ? null : result.items(), pageSize,
                    result == null ? null : result.totalItems());
        }).filter(keep).map(p -> new LedgerItem(p.id(), ItemKind.PRODUCT, p.codigoSku(), p.nome())).toList();
    }

    /** {@code busca_textual} matches description and code; the envelope has no total, so a short page ends it. */
    private List<LedgerItem> servicos(String buscaTextual, Predicate<Servico> keep) {
        return Paging.numbered(1, MAX_PAGES, page -> {
            ServicosPage result = read(bearer -> session.api().servicos(bearer, buscaTextual, page, pageSize));
            return Paging.Slice.sized(result == null ? null : result.itens(), pageSize);
        }).filter(keep).map(s -> new LedgerItem(s.id(), ItemKind.SERVICE, s.codigo(), s.descricao())).toList();
    }

    /**
     * R8: Conta Azul's integrations treat a product tagged {@code contaazul-serviço} as a service; the tag is looked
     * for in every label the source gives (without case, with or without the cedilla).
     */
    @Override
    public boolean alwaysService(Item item) {
        return item.tags().stream().map(t -> t.toLowerCase(Locale.ROOT))
                .anyMatch(t -> SERVICE_TAGS.stream().anyMatch(t::contains));
    }

    private static final List<String> SERVICE_TAGS = List.of("contaazul-serviço", "contaazul-servico");

    /** A tagged product becomes a service and never a product (R8). */
    @Override
    public LedgerItem createItem(Item item) {
        BigDecimal price = item.price() == null ? null : item.price().amount();
        if (item.kind() == ItemKind.SERVICE || alwaysService(item)) {
            NovoServico body = new NovoServico(item.name(), item.code(), price, "ATIVO", "PRESTADO");
            Servico created = call(bearer -> session.api().createServico(bearer, body));
            return new LedgerItem(created.id(), ItemKind.SERVICE, item.code(), item.name());
        }
        NovoProduto body = new NovoProduto(item.name(), item.code(), "SIMPLES",
                price == null ? null : new Estoque(price));
        Produto created = call(bearer -> session.api().createProduto(bearer, body));
        return new LedgerItem(created.id(), ItemKind.PRODUCT, item.code(), item.name());
    }

    // --- sales ---

    /**
     * Conta Azul cannot search {@code observacoes}, so this lists the sales dated from the day before to the day after
     * {@code date} (slack for time zones) and reads each one's notes: one extra call per candidate, paced like any
     * other. A recurring sale answers its contract's id, as {@link #createSale} did. The first sale of a contract is
     * dated at the recurrence start, so a contract is found only when that start is near {@code date}.
     */
    @Override
    public Optional<String> findSaleByMarker(String marker, String customerId, LocalDate date) {
        LocalDate from = date.minusDays(1);
        LocalDate to = date.plusDays(1);
        return Paging.numbered(1, MAX_PAGES, page -> {
            VendasPage result = read(bearer -> session.api().vendas(bearer, from, to, customerId, page, salePageSize));
            return Paging.Slice.sized(result == null ? null : result.itens(), salePageSize,
                    result == null ? null : result.totalItens());
        }).map(venda -> marked(venda, marker)).flatMap(Optional::stream).findFirst();
    }

    /** The id a sale that carries {@code marker} answers: its contract's for a recurring sale; else empty. */
    private Optional<String> marked(VendaResumo venda, String marker) {
        VendaDetalhe detail = detail(venda.id());
        if (detail == null || detail.venda() == null || !carriesMarker(detail.venda().observacoes(), marker)) {
            return Optional.empty();
        }
        String contrato = venda.idContrato() != null ? venda.idContrato()
                : detail.contrato() != null ? detail.contrato().uuid() : null;
        return Optional.of(contrato != null ? contrato : venda.id());
    }

    /** A sale deleted between the listing and this read is simply not a candidate. */
    private VendaDetalhe detail(String id) {
        try {
            return read(bearer -> session.api().venda(bearer, id));
        } catch (RejectedFailure gone) {
            return null;
        }
    }

    /** The marker is written on a line of its own, so "deal:12" never matches "deal:123". */
    static boolean carriesMarker(String observacoes, String marker) {
        return observacoes != null && observacoes.lines().map(String::strip).anyMatch(marker::equals);
    }

    static String observacoes(SalesDocument sale) {
        return sale.notes() == null ? sale.externalMarker() : sale.notes() + "\n\n" + sale.externalMarker();
    }

    @Override
    public String createSale(SalesDocument sale) {
        return createPendingSale(sale);
    }

    @Override
    public String createRecurringSale(SalesDocument sale) {
        return createContract(sale);
    }

    /**
     * {@code POST /v1/venda} pending review (EM_ANDAMENTO, R3). The API wants the caller to choose {@code numero}: it
     * comes from the connection's {@link NumberSequence}, seeded from {@code /v1/venda/proximo-numero}. Another writer
     * of the account (Conta Azul's own screens included) may have taken it: that refusal moves the sequence past it and
     * the create is tried again. Nothing was created by a refused attempt, so the retry cannot duplicate the sale.
     */
    private String createPendingSale(SalesDocument sale) {
        NumberSequence numbers = session.saleNumbers();
        for (int attempt = 1; ; attempt++) {
            long numero = numbers.take(() -> read(bearer -> session.api().proximoNumeroVenda(bearer)));
            NovaVenda body = new NovaVenda(sale.customerId(), numero, "EM_ANDAMENTO", sale.date(), itens(sale),
                    condicaoPagamento(sale), sale.sellerId(), observacoes(sale), composicao(sale));
            try {
                return call(bearer -> session.api().createVenda(bearer, body)).id();
            } catch (RejectedFailure refused) {
                if (!ContaAzulFailures.isDuplicateNumber(refused)) {
                    throw refused;
                }
                if (attempt >= NUMBER_ATTEMPTS) {
                    // A race with other writers, not a refusal of the sale: worth another go later.
                    throw new TransientFailure("Conta Azul sale numbers kept being taken by other writers",
                            java.time.Duration.ofSeconds(1), refused);
                }
                Log.debugf("Conta Azul sale number %d was taken meanwhile; trying the next free one", numero);
                numbers.skipPast(numero, read(bearer -> session.api().proximoNumeroVenda(bearer)));
            }
        }
    }

    /**
     * A recurring sale is a contract ({@code POST /v1/contratos}), monthly because the model's recurrence has a due
     * day of the month; Conta Azul creates its first sale at once. Answers the contract's id. Numbered like sales, from
     * the connection's contract sequence.
     */
    private String createContract(SalesDocument sale) {
        List<RejectedFailure.FieldError> fractional = new ArrayList<>();
        for (int i = 0; i < sale.lines().size(); i++) {
            if (plain(sale.lines().get(i).quantity()).scale() > 0) {
                fractional.add(new RejectedFailure.FieldError("products[" + i + "].quantity", "is "
                        + plain(sale.lines().get(i).quantity()).toPlainString() + "; a contract takes whole quantities"));
            }
        }
        if (!fractional.isEmpty()) {
            throw new RejectedFailure("Conta Azul's contracts take whole quantities only: make the recurring deal's "
                    + "quantities whole numbers in the CRM, then retry", fractional);
        }
        Recurrence recurrence = sale.recurrence();
        NumberSequence numbers = session.contractNumbers();
        for (int attempt = 1; ; attempt++) {
            long numero = numbers.take(() -> read(bearer -> session.api().proximoNumeroContrato(bearer)));
            Termos termos = new Termos("MENSAL", recurrence.end() == null ? "NUNCA" : "DATA", recurrence.start(),
                    recurrence.end() != null ? recurrence.end() : recurrence.start().plusYears(OPEN_ENDED_YEARS),
                    numero);
            NovoContrato body = new NovoContrato(sale.customerId(), sale.date(), sale.sellerId(), observacoes(sale),
                    termos, composicao(sale), new CondicaoPagamentoContrato(
                    ContaAzulPaymentMethods.forContractOrEntry(sale.payment().method()),
                    recurrence.dueDay(), firstDueDate(recurrence)), itens(sale));
            try {
                return call(bearer -> session.api().createContrato(bearer, body)).id();
            } catch (RejectedFailure refused) {
                if (!ContaAzulFailures.isDuplicateNumber(refused) || attempt >= NUMBER_ATTEMPTS) {
                    throw refused;
                }
                numbers.skipPast(numero, read(bearer -> session.api().proximoNumeroContrato(bearer)));
            }
        }
    }

    /** The first day on or after the start that falls on the due day (the month's last day when it is shorter). */
    static LocalDate firstDueDate(Recurrence recurrence) {
        LocalDate start = recurrence.start();
        LocalDate candidate = start.withDayOfMonth(Math.min(recurrence.dueDay(), start.lengthOfMonth()));
        if (candidate.isBefore(start)) {
            LocalDate next = start.plusMonths(1);
            candidate = next.withDayOfMonth(Math.min(recurrence.dueDay(), next.lengthOfMonth()));
        }
        return candidate;
    }

    /** Items go at their unit price; line discounts travel in {@code composicao_de_valor.desconto}. */
    private static List<ItemVenda> itens(SalesDocument sale) {
        return sale.lines().stream().map(line -> new ItemVenda(line.itemId(), plain(line.quantity()),
                line.unitPrice().amount(), line.description())).toList();
    }

    /**
     * Conta Azul's items carry no discount, so the lines' discounts add up to one sale discount in VALOR: the exact
     * gross less the lines' rounded totals, plus the document's own discount, which makes the sale's net equal
     * {@link SalesDocument#total()}. Shipping is {@code frete}.
     */
    static ComposicaoDeValor composicao(SalesDocument sale) {
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        for (SalesLine line : sale.lines()) {
            gross = gross.add(line.unitPrice().amount().multiply(line.quantity()));
            net = net.add(line.total().amount());
        }
        BigDecimal discount = gross.subtract(net);
        if (sale.discount() != null) {
            discount = discount.add(sale.discount().amount());
        }
        BigDecimal frete = sale.shipping() == null || sale.shipping().isZero() ? null : sale.shipping().amount();
        Desconto desconto = discount.signum() > 0 ? new Desconto("VALOR", plain(discount)) : null;
        return frete == null && desconto == null ? null : new ComposicaoDeValor(frete, desconto);
    }

    /**
     * R10: the plan's payment type ({@code DINHEIRO} by default) in its number of instalments. Conta Azul requires
     * the instalments to add up to the sale total, so the cents that do not divide evenly go to the last one. One
     * instalment is "À vista" due on the sale date; N are "Nx" due monthly from a month after it (the option label
     * format follows the docs' examples "À vista" and "3x").
     */
    static CondicaoPagamento condicaoPagamento(SalesDocument sale) {
        PaymentPlan plan = sale.payment();
        Money total = sale.total();
        int n = plan.instalments();
        BigDecimal each = total.amount().divide(BigDecimal.valueOf(n), 2, RoundingMode.DOWN);
        List<Parcela> parcelas = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            BigDecimal valor = i < n ? each : total.amount().subtract(each.multiply(BigDecimal.valueOf(n - 1)));
            LocalDate due = n == 1 ? sale.date() : sale.date().plusMonths(i);
            parcelas.add(new Parcela(due, valor, n == 1 ? null : "Parcela " + i + "/" + n));
        }
        return new CondicaoPagamento(n == 1 ? "À vista" : n + "x", ContaAzulPaymentMethods.forSale(plan.method()),
                parcelas);
    }

    // --- receivables and payables (R21, R22) ---

    /**
     * Leaf categories ({@code apenas_filhos}) of the entry's kind, since an entry is booked under a leaf; shared by
     * the connection's ports for a minute (a mapping and every entry are checked against them).
     */
    @Override
    public List<LedgerCategory> categories(FinancialEntry.Kind kind) {
        return session.categories().get(kind, k -> {
            String tipo = k == FinancialEntry.Kind.RECEIVABLE ? "RECEITA" : "DESPESA";
            return Paging.numbered(1, MAX_PAGES, page -> {
                CategoriasPage result = read(bearer -> session.api().categorias(bearer, tipo, true, true, page,
                        salePageSize));
                return Paging.Slice.sized(result == null ? null : result.itens(), salePageSize,
                        result == null ? null : result.itensTotais());
            }).filter(c -> c.id() != null && (c.tipo() == null || tipo.equals(c.tipo())))
                    .map(c -> new LedgerCategory(c.id(), c.nome())).toList();
        });
    }

    /** Active accounts only; the preferred one is Conta Azul's {@code conta_padrao}. */
    @Override
    public List<FinancialAccount> financialAccounts() {
        return Paging.numbered(1, MAX_PAGES, page -> {
            ContasFinanceirasPage result = read(bearer -> session.api().contasFinanceiras(bearer, true, page,
                    salePageSize));
            return Paging.Slice.sized(result == null ? null : result.itens(), salePageSize,
                    result == null ? null : result.itensTotais());
        }).filter(c -> c.id() != null && !Boolean.FALSE.equals(c.ativo()))
                .map(c -> new FinancialAccount(c.id(), c.nome(), Boolean.TRUE.equals(c.contaPadrao()))).toList();
    }

    /**
     * {@code POST …/contas-a-receber} or {@code …/contas-a-pagar}; the body and the reading of the answer are
     * {@link ContaAzulFinancial}'s. A create accepted by protocol is looked for at once and, not found yet, the job is
     * told to try again later, when {@link #findEntry} finds it before anything is created again.
     */
    @Override
    public String createEntry(FinancialEntry entry) {
        NovoEventoFinanceiro body = ContaAzulFinancial.body(financialCreate, entry);
        String side = ContaAzulFinancial.side(entry.kind());
        EventoCriado created = call(bearer -> session.api().createEvento(bearer, side, body));
        String id = ContaAzulFinancial.createdId(financialCreate, created);
        if (id != null) {
            return id;
        }
        try {
            return findEntry(entry).orElseThrow(ContaAzulFinancial::protocolPending);
        } catch (Postponed wait) {
            // The entry was accepted: a wait now is not "nothing was sent", which a Postponed says to the caller.
            throw new TransientFailure("Conta Azul accepted the entry; looking for it must wait: " + wait.getMessage(),
                    wait.retryAfter().orElse(null), wait);
        }
    }

    /**
     * Conta Azul cannot search by {@code referencia_externa}, so this searches the instalments
     * ({@code …/buscar}) due within a day of the entry's first instalment, of exactly its value, whose
     * {@code descricao} carries the entry's bracketed reference (and of the entry's customer, for a receivable: the
     * payables' search has no supplier filter). Each match is read by id ({@code GET …/parcelas/{id}}), whose
     * {@code evento.id} is the entry's id, as {@link #createEntry} answered it.
     */
    @Override
    public Optional<String> findEntry(FinancialEntry entry) {
        FinancialEntry.Instalment first = entry.instalments().get(0);
        LocalDate from = first.due().minusDays(1);
        LocalDate to = first.due().plusDays(1);
        String valor = ContaAzulFinancial.amount(first.value().amount()).toPlainString();
        String side = ContaAzulFinancial.side(entry.kind());
        String clientes = entry.kind() == FinancialEntry.Kind.RECEIVABLE ? entry.partyId() : null;
        String descricao = ContaAzulFinancial.tag(entry.reference());
        return Paging.numbered(1, MAX_PAGES, page -> {
            ParcelasPage result = read(bearer -> session.api().buscar(bearer, side, from, to, descricao, clientes,
                    valor, valor, page, salePageSize));
            return Paging.Slice.sized(result == null ? null : result.itens(), salePageSize,
                    result == null ? null : result.itensTotais());
        }).filter(p -> p.id() != null && ContaAzulFinancial.carriesTag(p.descricao(), entry.reference()))
                .map(this::eventOf).flatMap(Optional::stream).findFirst();
    }

    /** The event an instalment belongs to; an instalment deleted since the search is not a candidate. */
    private Optional<String> eventOf(ParcelaBuscada parcela) {
        try {
            ParcelaDetalhe detail = read(bearer -> session.api().parcela(bearer, parcela.id()));
            return detail == null || detail.evento() == null ? Optional.empty()
                    : Optional.ofNullable(detail.evento().id());
        } catch (RejectedFailure gone) {
            return Optional.empty();
        }
    }

    // --- sellers ---

    /** Shared by the connection's ports for a few minutes: every sale may need them, and they rarely change. */
    @Override
    public List<LedgerSeller> sellers() {
        return session.sellers().get("vendedores", key -> {
            List<Vendedor> vendedores = read(bearer -> session.api().vendedores(bearer));
            return vendedores == null ? List.of() : vendedores.stream().filter(v -> v.id() != null)
                    .map(v -> new LedgerSeller(v.id(), v.nome())).toList();
        });
    }

    /** Without trailing zeros but never in exponent form: {@code 10} must not go out as {@code 1E+1}. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    // --- calls: pacing, token renewal, error translation ---

    /**
     * Runs one API call with a fresh token. A 401 means the token died early (revoked, or the account's password
     * changed): renew once and retry once; a second 401 is the connection's credentials failing.
     */
    private <T> T call(Function<String, T> request) {
        return call(request, false);
    }

    /**
     * An idempotent GET: a 5xx or a timeout is also tried again here, a few times after a short pause, since reading
     * again changes nothing. A marker search reads a listing and each candidate's detail, so without this one bad
     * answer in ten (as a load test's faults give) would cost the job an attempt for most searches. Never for a
     * create: its exactly-once rests on claim, marker search, create.
     */
    private <T> T read(Function<String, T> request) {
        return call(request, true);
    }

    private <T> T call(Function<String, T> request, boolean idempotent) {
        String token = accessToken();
        try {
            return send(request, token, idempotent);
        } catch (CredentialsFailure unauthorized) {
            String renewed = renew(token, true);
            return send(request, renewed, idempotent);
        }
    }

    /**
     * One request, paced. A 429 whose Retry-After is short is waited out here (a 429 means the request was not
     * processed, so even a create is safe to repeat); longer waits and every other failure go to the job engine, which
     * retries over minutes (STYLE: seconds here, minutes there).
     */
    private <T> T send(Function<String, T> request, String token, boolean idempotent) {
        Supplier<T> paced = () -> {
            session.pacer().acquire();
            return CALLS.call(() -> request.apply("Bearer " + token));
        };
        return idempotent ? SHORT_RETRY.read(paced, READ_PAUSE) : SHORT_RETRY.run(paced);
    }

    private static final VendorCalls CALLS = new VendorCalls(ContaAzulFailures.ERRORS);
    private static final ShortRetry SHORT_RETRY = new ShortRetry(3, Duration.ofSeconds(2));
    private static final Duration READ_PAUSE = Duration.ofMillis(200);

    private String accessToken() {
        Map<String, String> credentials = connection.credentials();
        String token = credentials.get(ContaAzulOAuth.ACCESS_TOKEN);
        return token != null && !expiresSoon(credentials) ? token : renew(token, false);
    }

    /**
     * Renews the pair, one worker at a time per connection: the lock is shared by every port of the connection in this
     * JVM, and the credentials are re-read once it is held, because the worker before may have renewed already — a
     * second refresh with the now revoked refresh token would fail with invalid_grant. {@code force} renews even a
     * token that has not expired, when the API refused {@code seen}.
     */
    private String renew(String seen, boolean force) {
        session.refreshLock().lock();
        try {
            // As stored now: the worker before, or another replica, may have renewed already.
            Map<String, String> current = connection.reloadCredentials();
            String token = current.get(ContaAzulOAuth.ACCESS_TOKEN);
            boolean renewedByAnother = token != null && !token.equals(seen);
            if (token != null && !expiresSoon(current) && (renewedByAnother || !force)) {
                return token;
            }
            String refreshToken = current.get(ContaAzulOAuth.REFRESH_TOKEN);
            if (refreshToken == null || refreshToken.isBlank()) {
                throw new CredentialsFailure("no Conta Azul refresh token is stored; reconnect the account");
            }
            session.pacer().acquire();
            Map<String, String> renewed;
            try {
                renewed = oauth.refresh(refreshToken, clock.instant());
            } catch (CredentialsFailure refused) {
                // Another replica may have rotated the pair first (the lock is per JVM): its tokens are stored.
                Map<String, String> stored = connection.reloadCredentials();
                if (!refreshToken.equals(stored.get(ContaAzulOAuth.REFRESH_TOKEN))
                        && stored.get(ContaAzulOAuth.ACCESS_TOKEN) != null) {
                    return stored.get(ContaAzulOAuth.ACCESS_TOKEN);
                }
                throw refused;
            }
            // The old refresh token is already revoked: store the new pair before anything can fail or use it (R64).
            connection.storeCredentials(renewed);
            Log.debugf("Renewed the Conta Azul access token of connection %s", connection.connectionId());
            return renewed.get(ContaAzulOAuth.ACCESS_TOKEN);
        } finally {
            session.refreshLock().unlock();
        }
    }

    private boolean expiresSoon(Map<String, String> credentials) {
        String expires = credentials.get(ContaAzulOAuth.EXPIRES_AT);
        if (expires == null) {
            return true;
        }
        try {
            Instant expiresAt = Instant.parse(expires);
            String issued = credentials.get(ContaAzulOAuth.ISSUED_AT);
            Duration margin = RENEW_BEFORE_EXPIRY;
            if (issued != null) {
                Duration half = Duration.between(Instant.parse(issued), expiresAt).dividedBy(2);
                margin = half.compareTo(margin) < 0 ? half : margin;
            }
            return !clock.instant().plus(margin).isBefore(expiresAt);
        } catch (DateTimeParseException e) {
            return true;
        }
    }
}
