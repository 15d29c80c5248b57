package org.precisionrx.gateway.access;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The declarative table in authorization-matrix.txt, parsed. */
record MatrixTable(List<Row> rows) {

    static final List<String> ROLES = List.of("clinician", "pharmacist", "patient", "admin", "auditor");

    /** One endpoint: for each role the set of reach words (assigned, own, any, glass, all). */
    record Row(String endpoint, Map<String, Set<String>> reach) {

        boolean patientScoped() {
            return reach.values().stream().flatMap(Set::stream).noneMatch("all"::equals);
        }
    }

    static MatrixTable read(String resource) {
        try (InputStream in = MatrixTable.class.getClassLoader().getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Row> rows = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|");
                if (cells.length != ROLES.size() + 1) {
                    throw new IllegalStateException("bad matrix line: " + line);
                }
                Map<String, Set<String>> reach = new LinkedHashMap<>();
                for (int i = 0; i < ROLES.size(); i++) {
                    String cell = cells[i + 1].strip();
                    reach.put(ROLES.get(i), cell.equals("-") ? Set.of()
                            : Set.copyOf(Arrays.stream(cell.split(",")).map(String::strip).toList()));
                }
                rows.add(new Row(cells[0].strip(), reach));
            }
            return new MatrixTable(rows);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
