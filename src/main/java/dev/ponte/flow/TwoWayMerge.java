package dev.ponte.flow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Field-level merge of a linked pair (DESIGN §4). Each side is compared with what that side held at the last sync:
 * a field changed on one side is copied to the other; a field changed on both sides to different values is a
 * conflict, settled by the connection's policy. A field neither side changed stays as each side has it.
 */
final class TwoWayMerge {

    /** Who wins a conflict. */
    enum Policy {
        NEWEST_WINS, LEDGER_WINS, CRM_WINS
    }

    /** The same field changed on both sides: each side's value and the one kept. */
    record Conflict(String field, String ledgerValue, String crmValue, String kept) {
    }

    /** What each side should hold after the merge, and the conflicts settled on the way. */
    record Outcome(Map<String, String> ledger, Map<String, String> crm, List<Conflict> conflicts) {
    }

    private TwoWayMerge() {
    }

    static Outcome merge(Map<String, String> ledgerBefore, Map<String, String> crmBefore, Map<String, String> ledger,
            Map<String, String> crm, Policy policy, Instant ledgerUpdated, Instant crmUpdated) {
        Map<String, String> toLedger = new TreeMap<>();
        Map<String, String> toCrm = new TreeMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(ledger.keySet());
        keys.addAll(crm.keySet());
        keys.addAll(ledgerBefore.keySet());
        keys.addAll(crmBefore.keySet());
        boolean ledgerNewer = crmUpdated == null || (ledgerUpdated != null && ledgerUpdated.isAfter(crmUpdated));
        for (String key : keys) {
            String l = ledger.get(key);
            String c = crm.get(key);
            boolean ledgerChanged = !Objects.equals(l, ledgerBefore.get(key));
            boolean crmChanged = !Objects.equals(c, crmBefore.get(key));
            String ledgerValue = l;
            String crmValue = c;
            if (ledgerChanged && crmChanged && !Objects.equals(l, c)) {
                boolean ledgerWins = switch (policy) {
                    case LEDGER_WINS -> true;
                    case CRM_WINS -> false;
                    case NEWEST_WINS -> ledgerNewer;
                };
                String kept = ledgerWins ? l : c;
                conflicts.add(new Conflict(key, l, c, kept));
                ledgerValue = kept;
                crmValue = kept;
            } else if (ledgerChanged) {
                crmValue = l;
            } else if (crmChanged) {
                ledgerValue = c;
            }
            if (ledgerValue != null) {
                toLedger.put(key, ledgerValue);
            }
            if (crmValue != null) {
                toCrm.put(key, crmValue);
            }
        }
        return new Outcome(toLedger, toCrm, conflicts);
    }
}
