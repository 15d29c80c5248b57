package org.precisionrx.recommender.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every indication's models, loaded and self-checked together, served as one version. */
public record ModelSet(String version, Map<String, IndicationModels> byIndication) {

    public ModelSet {
        byIndication = Map.copyOf(byIndication);
    }

    public Optional<IndicationModels> forIndication(String indication) {
        return Optional.ofNullable(byIndication.get(indication));
    }

    public List<String> indications() {
        return byIndication.keySet().stream().sorted().toList();
    }

    void close() {
        byIndication.values().forEach(IndicationModels::close);
    }
}
