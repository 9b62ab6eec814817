package dev.ponte.flow;

import dev.ponte.connector.WebhookInbound.SourceEvent;
import dev.ponte.engine.NewJob;
import dev.ponte.flow.ConnectionDirectory.ConnectionView;
import dev.ponte.flow.SettingDefinition.SettingType;
import dev.ponte.model.Deal;
import dev.ponte.model.DealStatus;
import dev.ponte.model.Party;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A flow that acts on won deals (a sale, a receivable, a payable: R23's several actions of one trigger). Each queues its
 * own job per deal, keyed so that a webhook delivered many times and a reconciliation's poll make one job of that flow,
 * and each job is recorded and retried on its own: a failing receivable never re-creates the sale.
 */
public interface WonDeals extends SourceEventFlow {

    /** The settings every flow on won deals reads: whose deals, which of them, and how their customer is found. */
    List<SettingDefinition> DEAL_SETTINGS = List.of(
            new SettingDefinition("customerMatching", SettingType.CHOICE,
                    List.of("DOCUMENT_THEN_NAME", "NAME_AND_DOCUMENT"), "DOCUMENT_THEN_NAME",
                    "R5: DOCUMENT_THEN_NAME (CPF/CNPJ, then optionally the exact name) or NAME_AND_DOCUMENT"),
            new SettingDefinition("matchByName", SettingType.BOOLEAN, null, false,
                    "R5: with DOCUMENT_THEN_NAME, reuse a customer of exactly the same name when no CPF/CNPJ "
                            + "matches. Homonyms (two different people or companies with one name) would be merged."),
            new SettingDefinition("taxIdField", SettingType.STRING, null, null,
                    "R7: key of the source custom field that holds the CPF/CNPJ (of the company, and of the "
                            + "contact unless personTaxIdField is set)"),
            new SettingDefinition("personTaxIdField", SettingType.STRING, null, null,
                    "R7: key of the source custom field that holds a contact's CPF, when contacts keep it in "
                            + "another field than companies"),
            new SettingDefinition("pipelines", SettingType.STRING_LIST, null, null,
                    "R14: only deals of these pipeline ids; empty means all"),
            new SettingDefinition("captureRewins", SettingType.BOOLEAN, null, false,
                    "R13: a deal won, reopened and won again creates another sale (receivable, payable)"));

    /** How a won deal is paid: shared by its sale and its receivable or payable. */
    List<SettingDefinition> PAYMENT_SETTINGS = List.of(
            new SettingDefinition("paymentMethod", SettingType.STRING, null, null,
                    "R10: payment method, in the ledger's names; by default the ledger's cash"),
            new SettingDefinition("instalments", SettingType.INTEGER, null, 1, "R10: number of instalments"));

    /**
     * Why a flow on won deals leaves this deal alone — not won, won before the connection was activated (or, for a
     * backfill, outside its range: R2), not in the selected pipelines (R12–R14) — or empty when it is to be captured.
     */
    static Optional<String> notCaptured(ConnectionView connection, Deal deal, Optional<Backfill> backfill) {
        if (deal.status() != DealStatus.WON) {
            return Optional.of("the deal is not won (status " + deal.status() + ")");
        }
        if (backfill.isPresent()) {
            if (!backfill.get().covers(deal.wonTime())) {
                return Optional.of("the deal was won at " + deal.wonTime() + ", outside the backfill from "
                        + backfill.get());
            }
        } else if (deal.wonTime() == null || deal.wonTime().isBefore(connection.activationSecond())) {
            return Optional.of("the deal was won before the connection was activated at " + connection.activatedAt());
        }
        List<String> pipelines = connection.list("pipelines");
        if (!pipelines.isEmpty() && !pipelines.contains(deal.pipelineId())) {
            return Optional.of("the deal's pipeline " + deal.pipelineId() + " is not among the selected ones");
        }
        return Optional.empty();
    }

    /**
     * The key of the deal's document (sale, receivable, payable) in links and markers: the deal's id, or with
     * {@code captureRewins} (R13) its id and won time, so each win gets its own.
     */
    static String captureKey(ConnectionView connection, Deal deal) {
        return connection.flag("captureRewins", false) ? deal.id() + "@" + deal.wonTime() : deal.id();
    }

    /** The kind of the flow's jobs. */
    String kind();

    /**
     * Dry run (R61): what this flow's job would do with the deal (read with its parties and lines) as a backfill of
     * {@code range} — create, reuse, skip, wait for a review, be refused — and why, writing nothing anywhere.
     */
    Preview preview(ConnectionView connection, Deal deal, Backfill range);

    /** The start of a dry run's preview of this flow for the deal: its subject as the deal's jobs name it. */
    default Preview.Steps previewOf(ConnectionView connection, Deal deal) {
        return new Preview.Steps(name(), job(connection, deal.id(), deal.wonTime(), "preview").subject());
    }

    /**
     * The checks a preview opens with, in the order the flow's job makes them: the deal not captured by the range,
     * its {@code document} ("sale", "receivable", …) already created, no value, neither a company nor a contact.
     * Answers the preview one of them ends, or the deal's customer to go on with.
     */
    static PreviewStart previewStart(Preview.Steps steps, ConnectionView connection, Deal deal, Backfill range,
            ExactlyOnce once, LedgerMatching matching, String document) {
        Optional<String> notCaptured = notCaptured(connection, deal, Optional.of(range));
        if (notCaptured.isPresent()) {
            return new PreviewStart(steps.skip(notCaptured.get()), null);
        }
        Optional<String> linked = once.linked(connection.id(), document, captureKey(connection, deal));
        if (linked.isPresent()) {
            return new PreviewStart(steps.end(Preview.Outcome.REUSE, "a " + document + " (" + linked.get()
                    + ") was already created for this deal"), null);
        }
        if (!deal.hasValue()) {
            return new PreviewStart(steps.skip("the deal has no value"), null);
        }
        Optional<Party> customer = matching.dealCustomer(connection, deal, steps::add);
        return customer.map(party -> new PreviewStart(null, party)).orElseGet(() -> new PreviewStart(
                steps.skip("the deal has neither a company nor a contact"), null));
    }

    /** Where {@link #previewStart} left a preview: {@code ended}, or else going on with {@code customer}. */
    record PreviewStart(Preview ended, Party customer) {
    }

    /**
     * The backfill job of a deal won within {@code range} (R2): keyed apart from the webhook's, which skipped a deal
     * won before the activation, and carrying the range that captures it instead. Its document's link still makes
     * one document of a deal also synced by a webhook.
     */
    default NewJob backfillJob(ConnectionView connection, Deal deal, Backfill range) {
        NewJob job = job(connection, deal.id(), deal.wonTime(), null);
        return new NewJob(job.connectionId(), job.kind(), job.subject(), job.idempotencyKey() + ":backfill",
                job.payload().substring(0, job.payload().length() - 1) + "," + range.json() + "}");
    }

    /** A won deal's delivery queues this flow's job (one per deal and won time); any other is ignored. */
    @Override
    default Decision jobFor(ConnectionView connection, SourceEvent event) {
        if (event.deal() == null || event.deal().status() != DealStatus.WON) {
            return Decision.ignore("deal " + event.dealId() + " is not won");
        }
        return Decision.queue(job(connection, event.dealId(), event.deal().wonTime(), event.eventId()));
    }

    /**
     * The job for a deal won at {@code wonTime}; when the source did not say when ({@code wonTime} null), the
     * delivery's {@code eventId} keys it instead.
     */
    default NewJob job(ConnectionView connection, String dealId, Instant wonTime, String eventId) {
        String source = connection.sourceSystem().toLowerCase();
        String won = wonTime != null ? "won:" + wonTime : "event:" + eventId;
        return new NewJob(connection.id(), kind(), source + ":deal:" + dealId,
                connection.id() + ":" + kind() + ":" + source + ":deal:" + dealId + ":" + won,
                "{\"dealId\":\"" + dealId.replace("\"", "") + "\"}");
    }
}
