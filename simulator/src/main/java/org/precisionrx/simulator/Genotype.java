package org.precisionrx.simulator;

/**
 * One gene's result: the diplotype as a lab would report it (e.g. "*1/*2", "rs9923231 C/T") and the
 * CPIC phenotype it translates to, spelt as CPIC/PharmCAT spell it (e.g. "Intermediate Metabolizer").
 */
public record Genotype(String diplotype, String phenotype) {
}
