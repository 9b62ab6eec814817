package dev.ponte.connector;

import dev.ponte.model.Item;
import dev.ponte.model.ItemKind;
import java.util.List;

/** A ledger's products and services as a deal flow needs them (R8): found by exact code or name, or created. */
public interface ItemCatalog {

    /** The kinds this ledger keeps, in the order R8 looks them up (products before services). */
    List<ItemKind> kinds();

    /** Items of this kind with exactly this code ({@link ItemKind#SERVICE}: the service code). */
    List<LedgerItem> findItemsByCode(ItemKind kind, String code);

    /** Items of this kind with exactly this name. */
    List<LedgerItem> findItemsByName(ItemKind kind, String name);

    /**
     * Whether the ledger's own rule makes this item a service whatever its kind, so that it is only ever matched to a
     * service and never creates a product (R8: Conta Azul's {@code contaazul-serviço} tag).
     */
    boolean alwaysService(Item item);

    /** Creates the item: a service when it is one or {@link #alwaysService} says so, else a product. */
    LedgerItem createItem(Item item);

    /** A product or service as the ledger holds it. */
    record LedgerItem(String id, ItemKind kind, String code, String name) {
    }
}
