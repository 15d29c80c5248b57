package org.precisionrx.recommender.client;

import java.util.List;
import java.util.Optional;

import org.precisionrx.dosage.v1.DoseResult;

/**
 * dosage-service's answer: one result per drug asked about, in order; or none, and in words why
 * (it refused the request, did not answer, was not called), naming the service.
 */
public record Doses(Optional<List<DoseResult>> results, String missing) {

    public static Doses of(List<DoseResult> results) {
        return new Doses(Optional.of(results), "");
    }

    public static Doses none(String why) {
        return new Doses(Optional.empty(), why);
    }
}
