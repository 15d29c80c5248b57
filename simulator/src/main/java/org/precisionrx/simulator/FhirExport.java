package org.precisionrx.simulator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;

/** Writes one pretty-printed transaction bundle per demo patient, named {@code <MRN>.json}. */
public final class FhirExport {

    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2025, 1, 1);

    private final IParser parser = FhirContext.forR4().newJsonParser().setPrettyPrint(true);
    private final FhirBundleBuilder builder;

    public FhirExport(LocalDate asOf) {
        this.builder = new FhirBundleBuilder(asOf);
    }

    /** 7 in 10 demo patients are already on the historically chosen arm; the others are new to treatment. */
    public static boolean onIndicationDrug(int index) {
        return index % 10 < 7;
    }

    public Bundle bundle(CohortRow row, int index) {
        return builder.build(row, onIndicationDrug(index));
    }

    public String json(CohortRow row, int index) {
        return parser.encodeResourceToString(bundle(row, index));
    }

    public List<Path> write(List<CohortRow> rows, Path dir) throws IOException {
        Files.createDirectories(dir);
        java.util.ArrayList<Path> written = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Path file = dir.resolve(rows.get(i).patient().mrn() + ".json");
            Files.writeString(file, json(rows.get(i), i) + "\n", StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }
}
