package org.precisionrx.dosage.warfarin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the IWPC warfarin cohort as PharmGKB publishes it (one row per patient, {@code NA} or an
 * empty cell for unknown). Training and evaluation read it through here, so that both see the
 * same columns. The service never reads the cohort at run time.
 */
public final class IwpcCohort {

    public static final String DOSE = "Therapeutic Dose of Warfarin";

    private IwpcCohort() {
    }

    /** Every row as column name to raw text, with {@code NA} and blanks turned into null. */
    public static List<Map<String, String>> read(Path csv) throws IOException {
        List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        List<String> header = rows.get(0).stream().map(h -> h.replaceAll("\\s+", " ").strip()).toList();
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            Map<String, String> record = new HashMap<>();
            for (int i = 0; i < header.size() && i < row.size(); i++) {
                String value = row.get(i).strip();
                if (!header.get(i).isEmpty()) {
                    record.put(header.get(i), value.isEmpty() || value.equals("NA") ? null : value);
                }
            }
            records.add(record);
        }
        return records;
    }

    /** The formula inputs of a row, or null when age, height or weight is missing. */
    public static WarfarinInputs inputs(Map<String, String> row) {
        String age = row.get("Age");
        Double height = number(row.get("Height (cm)"));
        Double weight = number(row.get("Weight (kg)"));
        if (age == null || height == null || weight == null) {
            return null;
        }
        int decades = age.startsWith("90") ? 9 : Integer.parseInt(age.substring(0, age.indexOf(' '))) / 10;
        return new WarfarinInputs(decades, height, weight, vkorc1(row.get("VKORC1 -1639 consensus")),
                WarfarinInputs.cyp2c9(row.get("CYP2C9 consensus")), race(row.get("Race")),
                yes(row, "Carbamazepine (Tegretol)") || yes(row, "Phenytoin (Dilantin)") || yes(row, "Rifampin or Rifampicin"),
                yes(row, "Amiodarone (Cordarone)"));
    }

    public static Double dose(Map<String, String> row) {
        return number(row.get(DOSE));
    }

    static WarfarinInputs.Vkorc1 vkorc1(String genotype) {
        if (genotype == null) {
            return WarfarinInputs.Vkorc1.UNKNOWN;
        }
        return switch (genotype) {
            case "G/G" -> WarfarinInputs.Vkorc1.GG;
            case "A/G", "G/A" -> WarfarinInputs.Vkorc1.AG;
            case "A/A" -> WarfarinInputs.Vkorc1.AA;
            default -> WarfarinInputs.Vkorc1.UNKNOWN;
        };
    }

    static WarfarinInputs.Race race(String race) {
        if (race == null) {
            return WarfarinInputs.Race.MISSING_OR_MIXED;
        }
        return switch (race) {
            case "White" -> WarfarinInputs.Race.WHITE;
            case "Asian" -> WarfarinInputs.Race.ASIAN;
            case "Black or African American" -> WarfarinInputs.Race.BLACK_OR_AFRICAN_AMERICAN;
            default -> WarfarinInputs.Race.MISSING_OR_MIXED;
        };
    }

    private static boolean yes(Map<String, String> row, String column) {
        return "1".equals(row.get(column));
    }

    private static Double number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
