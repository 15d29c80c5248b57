package org.precisionrx.recommender.model;

import java.util.List;

import org.precisionrx.ml.feature.FeatureEncoder;

/**
 * The two models ranked options are scored with for one indication: net clinical benefit and
 * serious adverse-event risk, over the same arms and features.
 */
public record IndicationModels(String indication, ArmModel benefit, ArmModel adverseEvents, FeatureEncoder encoder) {

    public IndicationModels {
        if (!benefit.arms().equals(adverseEvents.arms())) {
            throw new IllegalStateException(indication + ": benefit and adverse-event models have different arms");
        }
    }

    public List<String> arms() {
        return benefit.arms();
    }

    void close() {
        benefit.close();
        adverseEvents.close();
    }
}
