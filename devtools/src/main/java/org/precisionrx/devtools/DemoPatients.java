package org.precisionrx.devtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.precisionrx.simulator.CohortRow;
import org.precisionrx.simulator.CohortSimulator;
import org.precisionrx.simulator.FhirExport;
import org.precisionrx.simulator.Gene;
import org.precisionrx.simulator.Patient;

/**
 * The demo patients of the local run: simulated adults across the four ranked indications, with
 * genotypes, labs, conditions and medications, as the development EHR would export them.
 */
public final class DemoPatients {

    public static final int COUNT = 12;
    /** Chosen so the demo has what it shows: CYP2C19 poor and intermediate metabolizers, ACS and AF patients. */
    public static final long SEED = 2026;
    static final String AS_OF_FILE = "demo-data-as-of";

    /** One demo patient and the EHR export of their record. */
    public record DemoPatient(String fhirId, String mrn, String indication, int age, String sex, String cyp2c19, String bundle) {
    }

    private DemoPatients() {
    }

    public static String fhirId(int index) {
        return String.format(Locale.ROOT, "demo-patient-%02d", index + 1);
    }

    /** The same patients for the same date, so importing them again changes nothing. */
    public static List<DemoPatient> generate(int count, long seed, LocalDate asOf) {
        List<CohortRow> rows = new CohortSimulator().demoPatients(count, seed, null);
        FhirExport export = new FhirExport(asOf);
        List<DemoPatient> patients = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Patient p = rows.get(i).patient();
            String cyp2c19 = p.pgxTested() ? p.phenotype(Gene.CYP2C19) : "not tested";
            patients.add(new DemoPatient(fhirId(i), p.mrn(), p.indication().id, p.age(), p.sex().name().toLowerCase(Locale.ROOT),
                    cyp2c19, EhrBundles.withFhirId(export.json(rows.get(i), i), fhirId(i))));
        }
        return patients;
    }

    /**
     * The date the demo records describe, fixed at the first run: exports made on a later day would
     * date their observations differently and re-imports would no longer be unchanged.
     */
    public static LocalDate asOf(Path stateDir, LocalDate today) {
        Path file = stateDir.resolve(AS_OF_FILE);
        try {
            if (Files.exists(file)) {
                return LocalDate.parse(Files.readString(file, StandardCharsets.UTF_8).trim());
            }
            Files.createDirectories(stateDir);
            Files.writeString(file, today + "\n", StandardCharsets.UTF_8);
            return today;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(file + " does not hold a date (yyyy-mm-dd); delete it to start afresh", e);
        }
    }
}
