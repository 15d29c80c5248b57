package org.precisionrx.dosage.engine;

import java.util.List;

/** The drug is not in the formulary; the closest formulary names are suggested. */
public class UnknownDrugException extends RuntimeException {

    private final transient List<String> closest;

    public UnknownDrugException(String drug, List<String> closest) {
        super("drug '" + drug + "' is not in the formulary; closest: " + String.join(", ", closest));
        this.closest = List.copyOf(closest);
    }

    public List<String> closest() {
        return closest;
    }
}
