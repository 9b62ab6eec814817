package dev.ponte.connector;

import dev.ponte.model.SalesDocument;
import java.util.List;

/**
 * A ledger with recurring sales (contracts, R19). Which won deals are contracts is told by CRM deal fields that the
 * ledger's integration names ({@link #contractFields()}), created in the CRM when a connection asks for contracts.
 */
public interface RecurringSales {

    /** The deal fields that mark a contract, its start date and its due date, and the flag's "yes". */
    ContractFields contractFields();

    /**
     * Creates the recurring sale of {@code sale.recurrence()}; answers its id, which
     * {@link SalesLedger#findSaleByMarker} answers too for its first sale.
     */
    String createRecurringSale(SalesDocument sale);

    /** The contract deal fields: a choice whose {@code yes} option marks a contract, and two dates. */
    record ContractFields(String flag, String yes, String no, String start, String dueDate) {

        public List<DealFields.NewField> fields() {
            return List.of(new DealFields.NewField(flag, DealFields.Type.CHOICE, List.of(yes, no)),
                    new DealFields.NewField(start, DealFields.Type.DATE, null),
                    new DealFields.NewField(dueDate, DealFields.Type.DATE, null));
        }
    }
}
