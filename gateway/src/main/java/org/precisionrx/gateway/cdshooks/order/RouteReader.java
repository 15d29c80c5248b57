package org.precisionrx.gateway.cdshooks.order;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The route in the dose service's words ("oral", "intravenous", ...). No route means the
 * formulary's route; a route given but not recognised is a problem, since the dose service
 * refuses a route that differs from the formulary's.
 */
final class RouteReader {

    private static final String SNOMED = "http://snomed.info/sct";

    private static final Map<String, String> SNOMED_ROUTES = Map.of(
            "26643006", "oral", "47625008", "intravenous", "78421000", "intramuscular", "34206005", "subcutaneous",
            "37839007", "sublingual", "54471007", "buccal", "45890007", "transdermal", "37161004", "rectal");

    private static final Map<String, String> ROUTE_WORDS = Map.ofEntries(
            Map.entry("oral", "oral"), Map.entry("orally", "oral"), Map.entry("po", "oral"), Map.entry("by mouth", "oral"),
            Map.entry("per os", "oral"), Map.entry("intravenous", "intravenous"), Map.entry("iv", "intravenous"),
            Map.entry("intramuscular", "intramuscular"), Map.entry("im", "intramuscular"),
            Map.entry("subcutaneous", "subcutaneous"), Map.entry("sc", "subcutaneous"), Map.entry("subcut", "subcutaneous"),
            Map.entry("sublingual", "sublingual"), Map.entry("buccal", "buccal"), Map.entry("transdermal", "transdermal"),
            Map.entry("rectal", "rectal"), Map.entry("pr", "rectal"));

    private RouteReader() {
    }

    /** The route, or empty when the instruction gives none. */
    static Optional<String> read(JsonNode dosageInstruction) throws UncheckableOrder {
        JsonNode route = dosageInstruction.path("route");
        if (route.isMissingNode() || route.isNull()) {
            return Optional.empty();
        }
        for (JsonNode coding : route.path("coding")) {
            if (SNOMED.equals(coding.path("system").asText()) && SNOMED_ROUTES.containsKey(coding.path("code").asText())) {
                return Optional.of(SNOMED_ROUTES.get(coding.path("code").asText()));
            }
        }
        String words = route.path("text").asText(route.path("coding").path(0).path("display").asText(""));
        String normalised = words.strip().toLowerCase(Locale.ROOT).replaceFirst("\\s+route$", "");
        String known = ROUTE_WORDS.get(normalised);
        if (known == null) {
            throw new UncheckableOrder(words.isBlank() ? "the route is coded in a way PrecisionRx does not read"
                    : "the route '" + words.strip() + "' is not one PrecisionRx recognises");
        }
        return Optional.of(known);
    }
}
