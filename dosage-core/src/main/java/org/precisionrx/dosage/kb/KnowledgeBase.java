package org.precisionrx.dosage.kb;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The validated, immutable knowledge base: formulary, doses and rules, with its version. */
public final class KnowledgeBase {

    private final String version;
    private final LocalDate released;
    private final Map<String, Indication> indications;
    private final Map<String, Drug> drugs;

    KnowledgeBase(String version, LocalDate released, Map<String, Indication> indications, Map<String, Drug> drugs) {
        this.version = version;
        this.released = released;
        this.indications = Map.copyOf(indications);
        this.drugs = Map.copyOf(drugs);
    }

    public String version() {
        return version;
    }

    public LocalDate released() {
        return released;
    }

    public Optional<Drug> drug(String id) {
        return Optional.ofNullable(drugs.get(id));
    }

    public Optional<Indication> indication(String id) {
        return Optional.ofNullable(indications.get(id));
    }

    public List<Drug> drugs() {
        return drugs.values().stream().sorted(Comparator.comparing(Drug::id)).toList();
    }

    public List<Indication> indications() {
        return indications.values().stream().sorted(Comparator.comparing(Indication::id)).toList();
    }

    /** Formulary ids closest to a name that is not in it (by edit distance over ids and aliases). */
    public List<String> closestDrugs(String name, int limit) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return drugs.values().stream()
                .sorted(Comparator.comparingInt((Drug d) -> distance(wanted, d)).thenComparing(Drug::id))
                .limit(limit)
                .map(Drug::id)
                .toList();
    }

    private static int distance(String wanted, Drug drug) {
        int best = Levenshtein.distance(wanted, drug.id());
        for (String alias : drug.aliases()) {
            best = Math.min(best, Levenshtein.distance(wanted, alias.toLowerCase(Locale.ROOT)));
        }
        return best;
    }
}
