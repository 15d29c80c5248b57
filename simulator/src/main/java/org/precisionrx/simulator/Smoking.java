package org.precisionrx.simulator;

/** Tobacco smoking status with the US Core / ONC SNOMED CT code written to FHIR. */
public enum Smoking {
    NEVER("266919005", "Never smoked tobacco"),
    FORMER("8517006", "Ex-smoker"),
    CURRENT("449868002", "Smokes tobacco daily");

    public final String snomed;
    public final String display;

    Smoking(String snomed, String display) {
        this.snomed = snomed;
        this.display = display;
    }
}
