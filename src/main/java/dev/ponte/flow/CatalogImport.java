package dev.ponte.flow;

import dev.ponte.connector.CompanySource;
import dev.ponte.connector.CompanySource.ImportCount;
import dev.ponte.connector.CustomerLedger;
import dev.ponte.connector.RemotePage;
import dev.ponte.engine.RunCounts;
import dev.ponte.engine.RunCounts.Outcome;
import dev.ponte.engine.RunService;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.flow.SettingDefinition.SettingType;
import dev.ponte.model.Item;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * The product catalogue, ledger → CRM (R34), by its own procedure: a manual run ({@code POST …/runs} with mode
 * {@code catalog}) or its schedule ({@code schedule.catalog}). Articles are matched on their code, the join key with
 * quote lines (R35); one page of the ledger's catalogue is read and upserted at a time.
 */
@ApplicationScoped
public class CatalogImport implements FlowDefinition, Reconciler {

    public static final String NAME = "CatalogImport";

    private final ConnectionDirectory connections;

    CatalogImport(ConnectionDirectory connections) {
        this.connections = connections;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Copies the ledger's catalogue and reference data into the CRM, on its own schedule (R33, R34)";
    }

    @Override
    public Set<Class<?>> sourceCapabilities() {
        return Set.of(CompanySource.class);
    }

    @Override
    public Set<Class<?>> ledgerCapabilities() {
        return Set.of(CustomerLedger.class);
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(new SettingDefinition("schedule." + RunService.CATALOG, SettingType.CRON, null, null,
                "R34: when to import the ledger's catalogue into the CRM (Quartz cron), e.g. \"0 0 3 * * ?\""));
    }

    @Override
    public java.util.Set<String> flows() {
        return java.util.Set.of(NAME);
    }

    @Override
    public Set<String> modes() {
        return Set.of(RunService.CATALOG);
    }

    @Override
    public void reconcile(ConnectionView connection, String mode, RunCounts counts, Runnable progress) {
        CustomerLedger ledger = connections.ledger(connection.id(), CustomerLedger.class);
        CompanySource crm = connections.source(connection.id(), CompanySource.class);
        String cursor = null;
        do {
            RemotePage<Item> page = ledger.products(cursor);
            ImportCount imported = crm.importProducts(page.items());
            counts.add(Outcome.CREATED, imported.created());
            counts.add(Outcome.UPDATED, imported.updated());
            counts.add(Outcome.UNCHANGED, imported.unchanged());
            progress.run();
            cursor = page.nextCursor();
        } while (cursor != null);
    }
}
