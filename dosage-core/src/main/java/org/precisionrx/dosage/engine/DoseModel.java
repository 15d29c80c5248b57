package org.precisionrx.dosage.engine;

import java.util.List;

import org.precisionrx.dosage.facts.PatientFacts;

/**
 * A model that estimates a drug's daily dose for a patient, named by a knowledge-base dose entry
 * ({@code "model": "warfarin-iwpc"}). When it cannot run (missing inputs), the engine falls back
 * to the guideline range and says so.
 */
public interface DoseModel {

    String id();

    /** The estimates, in mg/day; exactly one of them drives the range. */
    Result estimate(PatientFacts facts);

    /** @param missing the inputs the model needed but did not get (estimates is empty then) */
    record Result(List<ModelEstimate> estimates, List<String> missing, List<String> notes) {
    }
}
