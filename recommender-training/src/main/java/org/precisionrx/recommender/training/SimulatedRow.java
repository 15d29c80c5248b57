package org.precisionrx.recommender.training;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.precisionrx.dosage.facts.PatientFacts;
import org.precisionrx.simulator.CohortCsv;
import org.precisionrx.simulator.CohortRow;
import org.precisionrx.simulator.Comorbidity;
import org.precisionrx.simulator.Gene;
import org.precisionrx.simulator.Patient;

/**
 * One simulated patient as the two consumers see it: the raw feature columns exactly as the
 * cohort CSV writes them (the same strings recommender-service builds from a profile), and the
 * facts dosage-core's rules read.
 */
final class SimulatedRow {

    private SimulatedRow() {
    }

    /** The CSV row's columns by header name; going through the writer keeps one formatting path. */
    static Map<String, String> columns(CohortRow row) {
        StringWriter out = new StringWriter();
        try {
            CohortCsv.writeRow(row, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = CohortCsv.header(row.patient().indication());
        String[] values = out.toString().stripTrailing().split(",", -1);
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), values[i]);
        }
        return columns;
    }

    static PatientFacts facts(CohortRow row) {
        Patient p = row.patient();
        Map<String, String> phenotypes = new LinkedHashMap<>();
        for (Gene gene : Gene.values()) {
            String phenotype = p.observedPhenotype(gene);
            if (!"UNKNOWN".equals(phenotype)) {
                phenotypes.put(gene.name(), phenotype);
            }
        }
        Set<String> medications = new HashSet<>();
        if (p.amiodarone()) {
            medications.add("amiodarone");
        }
        if (p.omeprazole()) {
            medications.add("omeprazole");
        }
        if (p.strongCyp3a4Inhibitor()) {
            medications.add("clarithromycin");
        }
        Set<String> conditions = new HashSet<>();
        for (Comorbidity c : p.conditions()) {
            conditions.add(c.name());
        }
        return new PatientFacts(p.age(), p.sex().name(), p.weightKg(), p.heightCm(), p.crcl(), p.egfr(), p.creatinine(),
                phenotypes, Map.of(), Map.of(), Map.of(), medications, conditions,
                p.highVitaminK() ? Set.of("HIGH_VITAMIN_K_INTAKE") : Set.of(), p.smoking().name(), p.ancestry().name());
    }
}
