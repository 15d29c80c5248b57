package org.precisionrx.profile.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.precisionrx.profile.ingest.Demographics;
import org.precisionrx.profile.ingest.ExternalId;
import org.precisionrx.profile.ingest.GeneticCall;
import org.precisionrx.profile.ingest.HlaCall;
import org.precisionrx.profile.ingest.ImportProblem;
import org.precisionrx.profile.ingest.LabFact;
import org.precisionrx.profile.ingest.Lifestyle;
import org.precisionrx.profile.ingest.PatientRecord;
import org.precisionrx.profile.pgx.DiplotypeNormalizer;
import org.precisionrx.profile.pgx.DiplotypeSyntaxException;
import org.precisionrx.profile.pgx.PgxKnowledge;

/**
 * Checks the invariants every ingestion path must meet before anything is stored: plausible
 * ranges, parseable diplotypes, known phenotypes, well-formed codes, and lengths that fit.
 * Problems name the item and field, never the patient's values.
 */
public final class RecordValidator {

    private static final Pattern LOINC = Pattern.compile("\\d{1,7}-\\d");
    private static final Pattern HLA_ALLELE = Pattern.compile("HLA-[A-Z0-9]+\\*\\d{2,3}:\\d{2,3}");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1890, 1, 1);
    private static final int MAX_TEXT = 500;
    private static final int ADULT_YEARS = 18;
    private static final double MIN_ADULT_WEIGHT_KG = 20;
    private static final int MAX_KEY = 255;

    private final PgxKnowledge pgx;

    public RecordValidator(PgxKnowledge pgx) {
        this.pgx = pgx;
    }

    public List<ImportProblem> validate(PatientRecord record, LocalDate today) {
        List<ImportProblem> problems = new ArrayList<>();
        identifiers(record.identifiers(), problems);
        if (record.demographics() != null) {
            demographics(record.demographics(), today, problems);
        }
        if (record.lifestyle() != null) {
            lifestyle(record.lifestyle(), problems);
        }
        genetics(record.genetics(), problems);
        hla(record.hla(), problems);
        uniqueKeys("history.conditions", record.conditions(), c -> c.sourceKey(), problems);
        uniqueKeys("history.medications", record.medications(), m -> m.sourceKey(), problems);
        uniqueKeys("history.labs", record.labs(), l -> l.sourceKey(), problems);
        uniqueKeys("history.allergies", record.allergies(), a -> a.sourceKey(), problems);
        for (int i = 0; i < record.conditions().size(); i++) {
            var c = record.conditions().get(i);
            String where = where("history.conditions", i, c.sourceKey());
            required(where, "code", c.code(), 64, problems);
            optional(where, "system", c.system(), MAX_KEY, problems);
            optional(where, "display", c.display(), MAX_TEXT, problems);
        }
        for (int i = 0; i < record.medications().size(); i++) {
            var m = record.medications().get(i);
            String where = where("history.medications", i, m.sourceKey());
            if (blank(m.rxnorm()) && blank(m.display())) {
                problems.add(new ImportProblem(where, "rxnorm", "a medication needs an RxNorm code or a text"));
            }
            optional(where, "rxnorm", m.rxnorm(), 32, problems);
            optional(where, "display", m.display(), MAX_TEXT, problems);
        }
        for (int i = 0; i < record.labs().size(); i++) {
            lab(record.labs().get(i), where("history.labs", i, record.labs().get(i).sourceKey()), problems);
        }
        for (int i = 0; i < record.allergies().size(); i++) {
            var a = record.allergies().get(i);
            String where = where("history.allergies", i, a.sourceKey());
            if (blank(a.code()) && blank(a.display())) {
                problems.add(new ImportProblem(where, "code", "an allergy needs a code or a text"));
            }
            optional(where, "code", a.code(), 64, problems);
            optional(where, "display", a.display(), MAX_TEXT, problems);
        }
        return problems;
    }

    private static void identifiers(List<ExternalId> ids, List<ImportProblem> problems) {
        for (int i = 0; i < ids.size(); i++) {
            ExternalId id = ids.get(i);
            String where = "identifiers[" + i + "]";
            if (id.kind() == null) {
                problems.add(new ImportProblem(where, "kind", "identifier kind must be MRN or FHIR_ID"));
            }
            required(where, "system", id.system(), MAX_KEY, problems);
            required(where, "value", id.value(), MAX_KEY, problems);
        }
    }

    private static void demographics(Demographics d, LocalDate today, List<ImportProblem> problems) {
        if (d.birthDate() != null && (d.birthDate().isAfter(today) || d.birthDate().isBefore(EARLIEST_BIRTH))) {
            problems.add(new ImportProblem("demographics", "birth_date", "birth date must be between 1890-01-01 and today"));
        }
        if (d.heightCm() != null) {
            range("demographics", "height_cm", d.heightCm().value(), 20, 280, problems);
        }
        if (d.weightKg() != null) {
            range("demographics", "weight_kg", d.weightKg().value(), 0.3, 700, problems);
            adultWeight(d, today, problems);
        }
    }

    /**
     * An adult under 20 kg is a unit or typing error (grams, pounds, a child's record), not a
     * patient to dose by: Cockcroft-Gault would give a fraction of the true clearance.
     */
    private static void adultWeight(Demographics d, LocalDate today, List<ImportProblem> problems) {
        if (d.birthDate() == null || !Double.isFinite(d.weightKg().value())) {
            return;
        }
        LocalDate weighed = d.weightKg().observedAt() == null ? today
                : d.weightKg().observedAt().atZone(ZoneOffset.UTC).toLocalDate();
        if (!weighed.isBefore(d.birthDate().plusYears(ADULT_YEARS)) && d.weightKg().value() < MIN_ADULT_WEIGHT_KG) {
            problems.add(new ImportProblem("demographics", "weight_kg",
                    "an adult must weigh at least " + fmt(MIN_ADULT_WEIGHT_KG) + " kg (is the unit right?)"));
        }
    }

    private static void lifestyle(Lifestyle l, List<ImportProblem> problems) {
        if (l.packYears() != null) {
            range("lifestyle", "pack_years", l.packYears(), 0, 300, problems);
        }
        if (l.alcoholUnitsPerWeek() != null) {
            range("lifestyle", "alcohol_units_per_week", l.alcoholUnitsPerWeek(), 0, 1000, problems);
        }
    }

    private void genetics(List<GeneticCall> calls, List<ImportProblem> problems) {
        Set<String> genes = new HashSet<>();
        for (int i = 0; i < calls.size(); i++) {
            GeneticCall call = calls.get(i);
            String where = "genetics.calls[" + i + "]";
            if (blank(call.gene())) {
                problems.add(new ImportProblem(where, "gene", "gene is required"));
                continue;
            }
            required(where, "gene", call.gene(), 32, problems);
            if (!genes.add(call.gene())) {
                problems.add(new ImportProblem(where, "gene", "gene " + call.gene() + " is given more than once"));
            }
            if (blank(call.diplotype()) && blank(call.reportedPhenotype())) {
                problems.add(new ImportProblem(where, "diplotype", "either a diplotype or a reported phenotype is required"));
            }
            if (!blank(call.diplotype())) {
                try {
                    DiplotypeNormalizer.normalize(call.gene(), call.diplotype());
                    optional(where, "diplotype", call.diplotype(), 200, problems);
                } catch (DiplotypeSyntaxException e) {
                    problems.add(new ImportProblem(where, "diplotype", e.getMessage()));
                }
            }
            if (!blank(call.reportedPhenotype()) && pgx.supports(call.gene())
                    && !pgx.isKnownPhenotype(call.gene(), call.reportedPhenotype())) {
                problems.add(new ImportProblem(where, "reported_phenotype",
                        "not a CPIC phenotype for " + call.gene()));
            }
            if (call.reportedActivityScore() != null) {
                range(where, "reported_activity_score", call.reportedActivityScore(), 0, 10, problems);
            }
        }
    }

    private static void hla(List<HlaCall> calls, List<ImportProblem> problems) {
        Set<String> alleles = new HashSet<>();
        for (int i = 0; i < calls.size(); i++) {
            HlaCall call = calls.get(i);
            String where = "genetics.hla[" + i + "]";
            if (call.allele() == null || !HLA_ALLELE.matcher(call.allele()).matches()) {
                problems.add(new ImportProblem(where, "allele", "allele must look like HLA-B*57:01"));
            } else if (!alleles.add(call.allele())) {
                problems.add(new ImportProblem(where, "allele", call.allele() + " is given more than once"));
            }
        }
    }

    private static void lab(LabFact lab, String where, List<ImportProblem> problems) {
        if (lab.loinc() == null || !LOINC.matcher(lab.loinc()).matches()) {
            problems.add(new ImportProblem(where, "loinc", "not a LOINC code (digits, a dash and a check digit)"));
        }
        if (!Double.isFinite(lab.value())) {
            problems.add(new ImportProblem(where, "value", "value must be a finite number"));
        }
        required(where, "unit", lab.unit(), 64, problems);
        optional(where, "display", lab.display(), MAX_TEXT, problems);
    }

    private static <T> void uniqueKeys(String section, List<T> items, Function<T, String> key, List<ImportProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String k = key.apply(items.get(i));
            if (blank(k)) {
                problems.add(new ImportProblem(section + "[" + i + "]", "source_key", "source key is required"));
            } else if (k.length() > MAX_KEY) {
                problems.add(new ImportProblem(section + "[" + i + "]", "source_key", "longer than " + MAX_KEY + " characters"));
            } else if (!seen.add(k)) {
                problems.add(new ImportProblem(section + "[" + i + "]", "source_key", "the same item is given more than once"));
            }
        }
    }

    private static void range(String where, String field, double value, double min, double max, List<ImportProblem> problems) {
        if (!Double.isFinite(value) || value < min || value > max) {
            problems.add(new ImportProblem(where, field, "must be between " + fmt(min) + " and " + fmt(max)));
        }
    }

    private static void required(String where, String field, String value, int maxLength, List<ImportProblem> problems) {
        if (blank(value)) {
            problems.add(new ImportProblem(where, field, field + " is required"));
        } else {
            optional(where, field, value, maxLength, problems);
        }
    }

    private static void optional(String where, String field, String value, int maxLength, List<ImportProblem> problems) {
        if (value != null && value.length() > maxLength) {
            problems.add(new ImportProblem(where, field, "longer than " + maxLength + " characters"));
        }
    }

    /** FHIR items are named by their resource; structured input by its position. */
    private static String where(String section, int index, String sourceKey) {
        return sourceKey != null && !sourceKey.startsWith("manual:") ? sourceKey : section + "[" + index + "]";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
