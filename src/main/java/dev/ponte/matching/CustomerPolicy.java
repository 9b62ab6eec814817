package dev.ponte.matching;

import dev.ponte.model.LedgerParty;
import dev.ponte.model.Party;
import java.util.List;
import java.util.Optional;

/**
 * How a deal's customer is matched to a ledger customer (R5).
 * <ul>
 * <li>{@code DOCUMENT_THEN_NAME}: the customer with the same CPF/CNPJ; if none and matching by name is on, the one
 * with exactly the same name; else a new customer. Matching by name risks merging homonyms, so it is off by
 * default.</li>
 * <li>{@code NAME_AND_DOCUMENT}: Conta Azul's own rule: reuse only a customer with the same name and the same
 * CPF/CNPJ; else a new customer.</li>
 * </ul>
 * Two or more equally good candidates are never guessed between: the decision says so.
 */
public enum CustomerPolicy {
    DOCUMENT_THEN_NAME, NAME_AND_DOCUMENT;

    /**
     * The outcome: reuse {@code match}, create a new customer, or stop because {@code candidates} (two or more) are
     * equally good.
     */
    public record Decision(Optional<LedgerParty> match, List<LedgerParty> candidates, String reason) {

        public boolean ambiguous() {
            return !candidates.isEmpty();
        }

        static Decision reuse(LedgerParty party, String reason) {
            return new Decision(Optional.of(party), List.of(), reason);
        }

        static Decision create(String reason) {
            return new Decision(Optional.empty(), List.of(), reason);
        }

        static Decision ambiguous(List<LedgerParty> candidates, String reason) {
            return new Decision(Optional.empty(), List.copyOf(candidates), reason);
        }
    }

    /**
     * Decides on the candidates the ledger returned for the customer's tax id and for its exact name ({@code byName}
     * is only consulted when the policy needs it).
     */
    public Decision decide(Party customer, List<LedgerParty> byTaxId, boolean matchByName,
            java.util.function.Supplier<List<LedgerParty>> byName) {
        String document = customer.taxId() == null ? null : customer.taxId().kind() + " " + customer.taxId().masked();
        if (this == NAME_AND_DOCUMENT) {
            if (document == null) {
                return Decision.create("no CPF/CNPJ, so no customer can match by name and document");
            }
            List<LedgerParty> both = byTaxId.stream().filter(p -> p.name().equals(customer.name())).toList();
            return switch (both.size()) {
                case 0 -> Decision.create("no customer with the same name and " + document);
                case 1 -> Decision.reuse(both.get(0), "customer matched by name and " + document);
                default -> Decision.ambiguous(both, both.size() + " customers share the name and " + document);
            };
        }
        if (document != null) {
            if (byTaxId.size() == 1) {
                return Decision.reuse(byTaxId.get(0), "customer matched by " + document);
            }
            if (byTaxId.size() > 1) {
                return Decision.ambiguous(byTaxId, byTaxId.size() + " customers have " + document);
            }
        }
        if (!matchByName) {
            return Decision.create(document == null ? "no CPF/CNPJ and matching by name is off"
                    : "no customer with " + document);
        }
        List<LedgerParty> named = byName.get();
        return switch (named.size()) {
            case 0 -> Decision.create("no customer with " + (document == null ? "" : document + " or ")
                    + "the same name");
            case 1 -> Decision.reuse(named.get(0), "customer matched by exact name");
            default -> Decision.ambiguous(named, named.size() + " customers have exactly this name");
        };
    }
}
