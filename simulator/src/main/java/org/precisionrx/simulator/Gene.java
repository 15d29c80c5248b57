package org.precisionrx.simulator;

/** Pharmacogenes simulated, with HGNC identifiers for the FHIR "gene studied" component. */
public enum Gene {
    CYP2C19("HGNC:2621"),
    CYP2C9("HGNC:2623"),
    VKORC1("HGNC:23663"),
    SLCO1B1("HGNC:10959"),
    CYP2D6("HGNC:2625"),
    ABCG2("HGNC:74");

    public final String hgnc;

    Gene(String hgnc) {
        this.hgnc = hgnc;
    }

    /** CSV column name: the lower-case symbol. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
