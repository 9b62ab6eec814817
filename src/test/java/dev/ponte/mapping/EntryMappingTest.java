package dev.ponte.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.model.FinancialEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The receivable/payable mapping's templates and its checks when saved (R21, R22). */
class EntryMappingTest {

    private static final Map<String, String> CATEGORIES = Map.of("c1", "Vendas de produtos", "c2", "Prestação de serviços");
    private static final Map<String, String> ACCOUNTS = Map.of("a1", "Conta corrente Banco do Brasil", "a2", "Caixinha");

    private static Map<String, String> valid() {
        Map<String, String> fields = new HashMap<>();
        fields.put("competence", "{deal.wonDate}");
        fields.put("value", "{deal.value}");
        fields.put("description", "Pedido {deal.title} – {company.name}");
        fields.put("notes", "Centro: {deal.field:Centro de custo}");
        fields.put("financialAccount", "Caixinha");
        fields.put("category", "vendas de produtos");
        fields.put("customerName", "{customer.name}");
        fields.put("customerType", "{customer.type}");
        fields.put("role", "Cliente");
        return fields;
    }

    private static EntryMapping.Checked check(Map<String, String> fields) {
        return EntryMapping.check(FinancialEntry.Kind.RECEIVABLE, fields, CATEGORIES, ACCOUNTS,
                scope -> scope.equals("deal.field") ? Set.of("Centro de custo") : Set.of());
    }

    @Test
    void rendersATemplateMixingTextAndPlaceholders() {
        EntryTemplate template = EntryTemplate.parse("Pedido {deal.title} – {company.name} {{x}}");
        assertThat(template.isConstant()).isFalse();
        assertThat(template.render(p -> p.placeholder().equals("deal.title") ? "42" : "Acme"))
                .isEqualTo("Pedido 42 – Acme {x}");
    }

    @Test
    void aCustomFieldPlaceholderCarriesItsScopeAndLabel() {
        EntryTemplate.Part part = EntryTemplate.parse("{company.field: Centro de custo }").parts().get(0);
        assertThat(part.scope()).isEqualTo("company.field");
        assertThat(part.label()).isEqualTo("Centro de custo");
    }

    @Test
    void refusesUnknownPlaceholdersAndUnbalancedBraces() {
        assertThatThrownBy(() -> EntryTemplate.parse("{deal.nome}")).isInstanceOf(EntryTemplate.Invalid.class)
                .hasMessageContaining("mapping.placeholder.unknown");
        assertThatThrownBy(() -> EntryTemplate.parse("{deal.title")).hasMessageContaining("mapping.template.syntax");
        assertThatThrownBy(() -> EntryTemplate.parse("a } b")).hasMessageContaining("mapping.template.syntax");
        assertThatThrownBy(() -> EntryTemplate.parse("{deal.field:}")).hasMessageContaining("placeholder.unknown");
    }

    @Test
    void aValidMappingResolvesItsConstantCategoryAndAccountByNameCaseAside() {
        EntryMapping.Checked checked = check(valid());
        assertThat(checked.refusals()).isEmpty();
        assertThat(checked.mapping().categoryId()).isEqualTo("c1");
        assertThat(checked.mapping().financialAccountId()).isEqualTo("a2");
        assertThat(checked.mapping().texts()).containsKeys("competence", "role");
    }

    @Test
    void aCategoryFromATemplateIsResolvedPerDealNotWhenSaved() {
        Map<String, String> fields = valid();
        fields.put("category", "{deal.field:Centro de custo}");
        assertThat(check(fields).mapping().categoryId()).isNull();
    }

    @Test
    void namesEveryFieldAtFault() {
        Map<String, String> fields = valid();
        fields.remove("role");
        fields.put("category", "Aluguel");
        fields.put("financialAccount", "Conta antiga");
        fields.put("notes", "{deal.field:Centro de lucro}");
        fields.put("customerType", "XX");
        fields.put("value", "0");
        fields.put("competence", "amanhã");
        fields.put("dueDate", "x");
        assertThat(check(fields).refusals()).extracting(Refusal::field).containsExactlyInAnyOrder("fields.role",
                "fields.category", "fields.financialAccount", "fields.notes", "fields.customerType", "fields.value",
                "fields.competence", "fields.dueDate");
    }

    @Test
    void parsesDatesAndAmountsAsPeopleWriteThem() {
        assertThat(EntryMapping.date("02/12/2026")).contains(LocalDate.of(2026, 12, 2));
        assertThat(EntryMapping.date("2026-12-02T10:00:00Z")).contains(LocalDate.of(2026, 12, 2));
        assertThat(EntryMapping.decimal("R$ 1.234,56")).contains(new BigDecimal("1234.56"));
        assertThat(EntryMapping.decimal("1234.56")).contains(new BigDecimal("1234.56"));
        assertThat(EntryMapping.decimal("muito")).isEmpty();
        assertThat(EntryMapping.customerType("Jurídica")).contains("PJ");
        assertThat(EntryMapping.role("fornecedor")).contains("Fornecedor");
        assertThat(EntryMapping.idOf("CAIXINHA", ACCOUNTS)).contains("a2");
        assertThat(EntryMapping.names(List.of("b", "a"))).containsExactly("a", "b");
    }
}
