package org.precisionrx.dosage.terminology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Maps medications and allergens to internal ingredient ids by RxNorm code, else by an
 * unambiguous ingredient name in the text. Immutable after loading. Shared by the services that
 * read medications from FHIR (profile import, CDS Hooks draft orders).
 */
public final class DrugCatalog {

    static final String RESOURCE = "terminology/drugs.json";

    private final Map<String, String> byRxnorm;
    private final Map<Pattern, String> byName;

    private DrugCatalog(Map<String, String> byRxnorm, Map<Pattern, String> byName) {
        this.byRxnorm = Map.copyOf(byRxnorm);
        this.byName = Map.copyOf(byName);
    }

    public static DrugCatalog loadDefault() {
        JsonNode drugs = required(read(), "drugs");
        Map<String, String> byRxnorm = new HashMap<>();
        Map<Pattern, String> byName = new HashMap<>();
        drugs.fields().forEachRemaining(drug -> {
            required(drug.getValue(), "rxnorm")
                    .forEach(code -> byRxnorm.put(code.asText(), drug.getKey()));
            required(drug.getValue(), "names").forEach(name -> byName.put(
                    Pattern.compile("(?<![\\p{L}\\d-])" + Pattern.quote(name.asText().toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\d])"),
                    drug.getKey()));
        });
        return new DrugCatalog(byRxnorm, byName);
    }

    /** The drug id, or empty when the code is unknown and the text names no single listed ingredient. */
    public Optional<String> identify(String rxnorm, String text) {
        if (rxnorm != null && byRxnorm.containsKey(rxnorm)) {
            return Optional.of(byRxnorm.get(rxnorm));
        }
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> matches = new LinkedHashSet<>();
        byName.forEach((pattern, drug) -> {
            if (pattern.matcher(lower).find()) {
                matches.add(drug);
            }
        });
        return matches.size() == 1 ? Optional.of(matches.iterator().next()) : Optional.empty();
    }

    private static JsonNode read() {
        try (InputStream in = DrugCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException(RESOURCE + ": missing field '" + field + "'");
        }
        return value;
    }
}
