package org.precisionrx.ml.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.precisionrx.ml.feature.Feature;
import org.precisionrx.ml.feature.FeatureSpec;
import org.precisionrx.ml.feature.RawValues;

/** A cohort CSV with a header row: rows as column -> raw value maps, plus the column-type inference of train. */
record Cohort(String file, List<String> header, List<Map<String, String>> rows) {
    static final String UNKNOWN = "__unknown__";

    static Cohort read(Path file) {
        List<List<String>> records;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            records = Csv.read(in);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + describe(e));
        }
        if (records.isEmpty()) {
            throw new UsageException(file + " is empty (a header row is required)");
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        if (new HashSet<>(header).size() != header.size()) {
            throw new UsageException(file + ": duplicate column names in the header");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() != header.size()) {
                throw new UsageException(file + ": record " + r + " has " + rec.size() + " fields, the header has "
                        + header.size());
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), rec.get(c));
            }
            rows.add(row);
        }
        return new Cohort(file.getFileName().toString(), header, rows);
    }

    static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    void require(String... columns) {
        for (String c : columns) {
            if (!header.contains(c)) {
                throw new UsageException(file + " has no column '" + c + "' (columns: " + String.join(", ", header) + ")");
            }
        }
    }

    List<String> values(String column) {
        require(column);
        return rows.stream().map(r -> r.get(column)).toList();
    }

    static boolean isNumber(String v) {
        try {
            return Double.isFinite(Double.parseDouble(v.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Distinct non-missing values, sorted numerically when all are numbers (so "2" < "10"), else as text.
     */
    static List<String> sortedLevels(List<String> values) {
        TreeSet<String> distinct = new TreeSet<>();
        values.stream().filter(v -> !RawValues.isMissing(v)).map(String::trim).forEach(distinct::add);
        List<String> out = new ArrayList<>(distinct);
        if (out.stream().allMatch(Cohort::isNumber)) {
            out.sort(Comparator.comparingDouble((String v) -> Double.parseDouble(v)).thenComparing(v -> v));
        }
        return out;
    }

    /**
     * Infers a fitted feature spec: a column is NUMERIC if every non-missing value parses as a number (with a
     * missing indicator if any value is missing), else CATEGORICAL over its sorted values plus an explicit
     * unknown category for missing and unseen values. Columns with no values at all are skipped (warned).
     */
    static FeatureSpec inferSpec(String name, List<String> columns, List<Map<String, String>> rows,
                                 java.io.PrintStream warnings) {
        List<Feature> defs = new ArrayList<>();
        for (String col : columns) {
            List<String> values = rows.stream().map(r -> r.get(col)).toList();
            List<String> present = values.stream().filter(v -> !RawValues.isMissing(v)).toList();
            if (present.isEmpty()) {
                warnings.println("warning: column '" + col + "' has no values; skipped");
                continue;
            }
            if (present.stream().allMatch(Cohort::isNumber)) {
                defs.add(Feature.numeric(col, present.size() < values.size()));
                continue;
            }
            List<String> categories = new ArrayList<>(sortedLevels(present));
            if (categories.size() > 100) {
                warnings.println("warning: column '" + col + "' has " + categories.size()
                        + " categories; use --ignore if it is an identifier");
            }
            String unknown = UNKNOWN;
            while (categories.contains(unknown)) {
                unknown = "_" + unknown + "_";
            }
            categories.add(unknown);
            defs.add(Feature.categorical(col, categories, unknown));
        }
        if (defs.isEmpty()) {
            throw new UsageException("no usable feature columns");
        }
        return FeatureSpec.fit(name, 1, rows, defs.toArray(new Feature[0]));
    }

    /** Parses --opt a,b,c lists (blank entries dropped). */
    static List<String> list(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** Keeps insertion order; used for group columns. */
    static Map<String, List<String>> columns(Cohort cohort, List<String> names) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(n, cohort.values(n).stream().map(v -> RawValues.isMissing(v) ? "NA" : v.trim()).toList());
        }
        return out;
    }
}
