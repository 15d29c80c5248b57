package org.precisionrx.dosage.kb;

/** Where a dose or rule comes from: a guideline with its PMID, or a drug label. */
public record Source(String guideline, String pmid, String label, String url) {
}
