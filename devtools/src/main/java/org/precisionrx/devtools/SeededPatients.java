package org.precisionrx.devtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code up} loaded, kept as a tab-separated file in the state directory for {@code demo},
 * the script's examples and people ({@code column -t}).
 */
public final class SeededPatients {

    static final String FILE = "demo-patients.tsv";
    static final String HEADER = "fhirId\tpatientId\tindication\tage\tsex\tcyp2c19\tcareTeam\tlinkedUser";

    /** One loaded demo patient; {@code careTeam} and {@code linkedUser} are "-" when none. */
    public record SeededPatient(String fhirId, String patientId, String indication, int age, String sex, String cyp2c19,
            String careTeam, String linkedUser) {

        String line() {
            return String.join("\t", fhirId, patientId, indication, Integer.toString(age), sex, cyp2c19, careTeam, linkedUser);
        }

        static SeededPatient parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 8) {
                throw new IllegalArgumentException("expected 8 tab-separated fields, got " + f.length + ": " + line);
            }
            return new SeededPatient(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4], f[5], f[6], f[7]);
        }
    }

    private SeededPatients() {
    }

    public static Path file(Path stateDir) {
        return stateDir.resolve(FILE);
    }

    public static void write(Path stateDir, List<SeededPatient> patients) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        patients.forEach(p -> lines.add(p.line()));
        try {
            Files.createDirectories(stateDir);
            Files.write(file(stateDir), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(stateDir), e);
        }
    }

    public static List<SeededPatient> read(Path stateDir) {
        Path file = file(stateDir);
        if (!Files.exists(file)) {
            throw new IllegalStateException("no demo patients yet (" + file + " is missing): run ./precisionrx up first");
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .skip(1).filter(line -> !line.isBlank()).map(SeededPatient::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The patients as an aligned table for the terminal. */
    public static String table(List<SeededPatient> patients) {
        StringBuilder markdown = new StringBuilder("| FHIR id | patient id | indication | age | sex | CYP2C19 | care team | user |\n");
        patients.forEach(p -> markdown.append("| ").append(String.join(" | ", p.fhirId(), p.patientId(), p.indication(),
                Integer.toString(p.age()), p.sex(), p.cyp2c19(), p.careTeam(), p.linkedUser())).append(" |\n"));
        return TerminalMarkdown.render(markdown.toString(), "  ", Integer.MAX_VALUE);
    }
}
