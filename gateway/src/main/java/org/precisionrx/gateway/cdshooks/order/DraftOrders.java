package org.precisionrx.gateway.cdshooks.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.precisionrx.dosage.terminology.DrugCatalog;
import org.precisionrx.dosage.v1.Frequency;
import org.precisionrx.dosage.v1.ProposedOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Reads the medication orders of a hook context for dose checks.
 *
 * <ul>
 * <li>order-select and order-sign: {@code context.draftOrders}, a FHIR Bundle.</li>
 * <li>medication-verify (draft hook, CDS Hooks Library 0.1.0): its context table names
 * {@code context.medication}, one MedicationRequest, while its examples send
 * {@code context.order.resource}. Both are read, and a Bundle in either place too.</li>
 * </ul>
 * Resources other than MedicationRequest are skipped: they are not dose checks.
 */
public final class DraftOrders {

    private static final String MEDICATION_REQUEST = "MedicationRequest";

    private DraftOrders() {
    }

    /** The orders of a hook context (or of a whole hook request), checked against the default formulary. */
    public static List<DraftOrder> parse(JsonNode context) {
        return parse(context, DefaultDrugCatalog.get());
    }

    public static List<DraftOrder> parse(JsonNode context, DrugCatalog catalog) {
        JsonNode ctx = contextOf(context);
        DrugReader drugs = new DrugReader(catalog);
        List<DraftOrder> orders = new ArrayList<>();
        JsonNode source = firstPresent(ctx.path("draftOrders"), ctx.path("medication"), ctx.path("order"));
        JsonNode unwrapped = source.has("resource") && !source.has("resourceType") ? source.get("resource") : source;
        if ("Bundle".equals(unwrapped.path("resourceType").asText())) {
            for (JsonNode entry : unwrapped.path("entry")) {
                if (MEDICATION_REQUEST.equals(entry.path("resource").path("resourceType").asText())) {
                    orders.add(read(entry.get("resource"), unwrapped, drugs));
                }
            }
        } else if (MEDICATION_REQUEST.equals(unwrapped.path("resourceType").asText())) {
            orders.add(read(unwrapped, MissingNode.getInstance(), drugs));
        }
        return List.copyOf(orders);
    }

    /** order-select's {@code context.selections}: references such as "MedicationRequest/123". */
    public static List<String> selections(JsonNode context) {
        List<String> selections = new ArrayList<>();
        contextOf(context).path("selections").forEach(s -> selections.add(s.asText()));
        return List.copyOf(selections);
    }

    /** The parsed orders the user is working on, in their original order. */
    public static List<DraftOrder> selected(List<DraftOrder> parsed, List<String> selections) {
        return parsed.stream()
                .filter(o -> o.resourceId() != null
                        && (selections.contains(o.reference()) || selections.contains(o.resourceId())))
                .toList();
    }

    private static DraftOrder read(JsonNode resource, JsonNode bundle, DrugReader drugs) {
        String id = resource.hasNonNull("id") ? resource.get("id").asText() : null;
        List<String> problems = new ArrayList<>();
        String drugId = null;
        try {
            drugId = drugs.drugId(resource, bundle);
        } catch (UncheckableOrder e) {
            problems.add(e.getMessage());
        }
        DoseReader.Dose dose = null;
        Frequency frequency = null;
        Optional<String> route = Optional.empty();
        try {
            dose = DoseReader.read(resource);
        } catch (UncheckableOrder e) {
            problems.add(e.getMessage());
        }
        // Frequency and route are read only from a single instruction; several were reported above.
        if (resource.path("dosageInstruction").size() == 1) {
            JsonNode instruction = resource.path("dosageInstruction").path(0);
            try {
                frequency = TimingReader.read(instruction);
            } catch (UncheckableOrder e) {
                problems.add(e.getMessage());
            }
            try {
                route = RouteReader.read(instruction);
            } catch (UncheckableOrder e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return new DraftOrder(id, resource, drugId, null, String.join("; ", problems));
        }
        ProposedOrder order = ProposedOrder.newBuilder()
                .setDrugId(drugId).setAmount(dose.amount()).setUnit(dose.unit())
                .setRoute(route.orElse("")).setFrequency(frequency)
                .build();
        return new DraftOrder(id, resource, drugId, order, null);
    }

    private static JsonNode contextOf(JsonNode node) {
        if (node == null) {
            return MissingNode.getInstance();
        }
        // A whole hook request carries its context under "context".
        return node.has("hook") && node.has("context") ? node.get("context") : node;
    }

    private static JsonNode firstPresent(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isObject()) {
                return candidate;
            }
        }
        return MissingNode.getInstance();
    }
}
