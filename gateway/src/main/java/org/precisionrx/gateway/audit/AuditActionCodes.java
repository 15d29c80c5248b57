package org.precisionrx.gateway.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;

/**
 * FHIR AuditEvent.action (C/R/U/D/E) from a gateway action name, by the verb its last part starts
 * with: {@code profile.read} and {@code grpc:PatientProfileService/GetProfile} are reads,
 * {@code careteam.update} an update. Anything else, such as computing recommendations, a dose check
 * or a CDS Hooks call ({@code cds.precisionrx-order-sign}), is E: the gateway executed something
 * with the patient's data.
 */
final class AuditActionCodes {

    // Checked in order; a verb must be followed by a word boundary, so "settings" is not "set".
    private static final List<Map.Entry<String, AuditEventAction>> VERBS = List.of(
            Map.entry("read", AuditEventAction.R),
            Map.entry("get", AuditEventAction.R),
            Map.entry("list", AuditEventAction.R),
            Map.entry("search", AuditEventAction.R),
            Map.entry("find", AuditEventAction.R),
            Map.entry("view", AuditEventAction.R),
            Map.entry("export", AuditEventAction.R),
            Map.entry("create", AuditEventAction.C),
            Map.entry("add", AuditEventAction.C),
            Map.entry("import", AuditEventAction.C),
            Map.entry("update", AuditEventAction.U),
            Map.entry("set", AuditEventAction.U),
            Map.entry("put", AuditEventAction.U),
            Map.entry("link", AuditEventAction.U),
            Map.entry("delete", AuditEventAction.D),
            Map.entry("remove", AuditEventAction.D));

    private AuditActionCodes() {
    }

    static AuditEventAction of(String action) {
        String last = lastPart(action);
        String lower = last.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, AuditEventAction> verb : VERBS) {
            String name = verb.getKey();
            if (lower.startsWith(name) && wordEndsAt(last, name.length())) {
                return verb.getValue();
            }
        }
        return AuditEventAction.E;
    }

    private static String lastPart(String action) {
        int cut = Math.max(action.lastIndexOf('.'), Math.max(action.lastIndexOf('/'), action.lastIndexOf(':')));
        return action.substring(cut + 1);
    }

    // "GetProfile", "get", "get-all" and "get_all" end the verb; "getter" and "settings" do not.
    private static boolean wordEndsAt(String text, int index) {
        if (index == text.length()) {
            return true;
        }
        char next = text.charAt(index);
        return Character.isUpperCase(next) || !Character.isLetter(next);
    }
}
