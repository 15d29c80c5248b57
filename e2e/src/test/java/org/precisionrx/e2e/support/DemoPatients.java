package org.precisionrx.e2e.support;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;

import org.precisionrx.devtools.EhrBundles;
import org.precisionrx.simulator.CohortRow;
import org.precisionrx.simulator.CohortSimulator;
import org.precisionrx.simulator.Comorbidity;
import org.precisionrx.simulator.FhirExport;
import org.precisionrx.simulator.Indication;
import org.precisionrx.simulator.Patient;

/**
 * Simulated demo patients as FHIR bundles with an EHR server id. Each flow uses its own seed, so
 * no two flows share an MRN (the profile service would take them for one patient).
 */
public final class DemoPatients {

    /** A demo patient: the EHR's id for them, their MRN, the simulated facts and their FHIR bundle. */
    public record DemoPatient(String fhirId, String mrn, Patient simulated, String bundle) {

        public DemoPatient withGenotype(String gene, String diplotype) {
            return new DemoPatient(fhirId, mrn, simulated, Bundles.withGenotype(bundle, gene, diplotype));
        }
    }

    /** Nothing on record that changes these drugs' rules beside what a flow sets itself. */
    public static final Predicate<Patient> PLAIN = p -> p.pgxTested() && !p.omeprazole() && !p.strongCyp3a4Inhibitor()
            && !p.amiodarone() && !p.has(Comorbidity.LIVER_DISEASE);

    private static final int CANDIDATES = 60;

    private DemoPatients() {
    }

    /**
     * {@code count} demo patients of {@code indication} from {@code seed}, each with its own MRN
     * and the FHIR id {@code fhirIdPrefix-<n>}: for load that creates new patients.
     */
    public static List<DemoPatient> many(Indication indication, long seed, int count, String fhirIdPrefix) {
        List<CohortRow> rows = new CohortSimulator().demoPatients(count, seed, indication);
        FhirExport export = new FhirExport(LocalDate.now(ZoneOffset.UTC));
        List<DemoPatient> patients = new java.util.ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String fhirId = fhirIdPrefix + "-" + (i + 1);
            Patient patient = rows.get(i).patient();
            patients.add(new DemoPatient(fhirId, patient.mrn(), patient, EhrBundles.withFhirId(export.json(rows.get(i), i), fhirId)));
        }
        return patients;
    }

    /** The first demo patient of {@code indication} from {@code seed} that is {@code suitable}. */
    public static DemoPatient pick(Indication indication, long seed, String fhirId, Predicate<Patient> suitable) {
        return pick(indication, seed, fhirId, suitable, 0);
    }

    /** As {@link #pick}, skipping the first {@code skip} suitable ones (for a second patient of one seed). */
    public static DemoPatient pick(Indication indication, long seed, String fhirId, Predicate<Patient> suitable, int skip) {
        List<CohortRow> rows = new CohortSimulator().demoPatients(CANDIDATES, seed, indication);
        FhirExport export = new FhirExport(LocalDate.now(ZoneOffset.UTC));
        int toSkip = skip;
        for (int i = 0; i < rows.size(); i++) {
            Patient patient = rows.get(i).patient();
            if (suitable.test(patient) && toSkip-- == 0) {
                return new DemoPatient(fhirId, patient.mrn(), patient, EhrBundles.withFhirId(export.json(rows.get(i), i), fhirId));
            }
        }
        throw new IllegalStateException("no suitable " + indication.id + " demo patient among " + CANDIDATES + " of seed " + seed);
    }
}
