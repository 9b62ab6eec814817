package dev.ponte.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.connector.ItemCatalog;
import dev.ponte.connector.ItemCatalog.LedgerItem;
import dev.ponte.model.Item;
import dev.ponte.model.ItemKind;
import dev.ponte.model.Money;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ItemCatalog} promises a deal flow (R8): the kinds it keeps, products first; an item of each kind
 * created is held by the ledger and found again by its exact code and its exact name (never by a longer one); an
 * item the ledger already holds is found the same way; an unknown code finds nothing.
 *
 * <p>An implementation, one per ledger offering a catalogue, provides:
 * <ul>
 *   <li>{@link #reset()}: forget every item created (the sandbox's {@code _state});</li>
 *   <li>{@link #catalog()}: a port of a connection with working credentials;</li>
 *   <li>{@link #currency()}: the account's currency;</li>
 *   <li>{@link #seedItem(ItemKind, String, String)}: put an item into the ledger as a person would (the sandbox's
 *       API), answering its ledger id;</li>
 *   <li>{@link #held(String)}: the item of this id as the ledger holds it (through its sandbox).</li>
 * </ul>
 */
public abstract class ItemCatalogContract {

    protected abstract void reset();

    protected abstract ItemCatalog catalog();

    protected abstract String currency();

    protected abstract String seedItem(ItemKind kind, String code, String name);

    protected abstract Optional<HeldItem> held(String id);

    /** An item as the ledger holds it: its code and its name. */
    public record HeldItem(String code, String name) {
    }

    @BeforeEach
    void resetLedger() {
        reset();
    }

    @Test
    void keepsProductsBeforeServices() {
        List<ItemKind> kinds = catalog().kinds();

        assertThat(kinds).isNotEmpty().doesNotHaveDuplicates();
        if (kinds.contains(ItemKind.SERVICE)) {
            assertThat(kinds.indexOf(ItemKind.PRODUCT)).isLessThan(kinds.indexOf(ItemKind.SERVICE));
        }
    }

    @Test
    void aCreatedItemOfEachKindIsHeldAndFoundByExactCodeAndName() {
        for (ItemKind kind : catalog().kinds()) {
            String code = kind.name().substring(0, 3) + "-01";
            String name = "Caneta Azul " + kind;
            LedgerItem created = catalog().createItem(item(kind, code, name));
            catalog().createItem(item(kind, code + "1", name + " Grande"));

            assertThat(created.kind()).isEqualTo(kind);
            assertThat(created.code()).isEqualTo(code);
            assertThat(created.name()).isEqualTo(name);
            assertThat(held(created.id())).contains(new HeldItem(code, name));
            assertThat(catalog().findItemsByCode(kind, code)).containsExactly(created);
            assertThat(catalog().findItemsByName(kind, name)).containsExactly(created);
        }
    }

    @Test
    void findsAnItemTheLedgerHoldsByExactCodeAndName() {
        ItemKind kind = catalog().kinds().get(0);
        String id = seedItem(kind, "LAP-07", "Lápis Preto");
        seedItem(kind, "LAP-071", "Lápis Preto Macio");

        assertThat(catalog().findItemsByCode(kind, "LAP-07")).singleElement().satisfies(found -> {
            assertThat(found.id()).isEqualTo(id);
            assertThat(found.name()).isEqualTo("Lápis Preto");
        });
        assertThat(catalog().findItemsByName(kind, "Lápis Preto")).extracting(LedgerItem::id).containsExactly(id);
    }

    @Test
    void anUnknownCodeOrNameFindsNothing() {
        ItemKind kind = catalog().kinds().get(0);
        seedItem(kind, "BOR-01", "Borracha");

        assertThat(catalog().findItemsByCode(kind, "BOR-0")).isEmpty();
        assertThat(catalog().findItemsByCode(kind, "NAO-EXISTE")).isEmpty();
        assertThat(catalog().findItemsByName(kind, "Borracha Branca")).isEmpty();
    }

    private Item item(ItemKind kind, String code, String name) {
        return new Item(kind, code, name, Money.of("5.50", currency()), null);
    }
}
