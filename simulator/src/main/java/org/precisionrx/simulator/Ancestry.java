package org.precisionrx.simulator;

/** OMB race categories used for the ancestry-specific allele frequencies; OTHER covers other and mixed. */
public enum Ancestry {
    WHITE("2106-3", "White"),
    BLACK_OR_AFRICAN_AMERICAN("2054-5", "Black or African American"),
    ASIAN("2028-9", "Asian"),
    OTHER("2131-1", "Other Race");

    /** CDC race and ethnicity code (urn:oid:2.16.840.1.113883.6.238) for the US Core race extension. */
    public final String cdcCode;
    public final String display;

    Ancestry(String cdcCode, String display) {
        this.cdcCode = cdcCode;
        this.display = display;
    }
}
