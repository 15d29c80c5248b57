package org.precisionrx.dosage.kb;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks what a schema cannot: references between entries and the order of dose bounds. */
final class KnowledgeBaseChecks {

    private KnowledgeBaseChecks() {
    }

    static void crossReferences(Map<String, Indication> indications, Map<String, Drug> drugs, List<String> problems) {
        for (Indication indication : indications.values()) {
            for (String drugId : indication.drugs()) {
                Drug drug = drugs.get(drugId);
                if (drug == null) {
                    problems.add("indication " + indication.id() + ": drug " + drugId + " is not in the formulary");
                } else if (drug.doseFor(indication.id()).isEmpty()) {
                    problems.add("drug " + drugId + ": no dose for indication " + indication.id());
                }
            }
        }
        Set<String> ruleIds = new HashSet<>();
        for (Drug drug : drugs.values()) {
            for (DoseEntry dose : drug.doses()) {
                String where = "drug " + drug.id() + " dose for " + dose.indication();
                if (!indications.containsKey(dose.indication())) {
                    problems.add(where + ": unknown indication");
                }
                if (!dose.dailyRange().isOrdered()) {
                    problems.add(where + ": dailyRange must satisfy low <= target <= high");
                }
                if (dose.dailyRange().high() > dose.maxDaily()) {
                    problems.add(where + ": dailyRange.high exceeds maxDaily");
                }
            }
            for (Rule rule : drug.rules()) {
                String where = "drug " + drug.id() + " rule " + rule.id();
                if (!ruleIds.add(rule.id())) {
                    problems.add(where + ": rule id is used more than once");
                }
                rule.indications().stream().filter(i -> drug.doseFor(i).isEmpty())
                        .forEach(i -> problems.add(where + ": the drug has no dose for indication " + i));
                if (rule.action().range() != null && !rule.action().range().isOrdered()) {
                    problems.add(where + ": action.range must satisfy low <= target <= high");
                }
            }
        }
    }
}
