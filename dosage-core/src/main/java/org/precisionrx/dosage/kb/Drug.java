package org.precisionrx.dosage.kb;

import java.util.List;
import java.util.Optional;

public record Drug(String id, String name, List<String> aliases, String drugClass, List<DoseEntry> doses, List<Rule> rules) {

    public Optional<DoseEntry> doseFor(String indication) {
        return doses.stream().filter(d -> d.indication().equals(indication)).findFirst();
    }
}
