package org.precisionrx.dosage.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.precisionrx.dosage.engine.Recommendation.Applied;
import org.precisionrx.dosage.engine.Recommendation.Missing;
import org.precisionrx.dosage.engine.Recommendation.Status;
import org.precisionrx.dosage.facts.PatientFacts;
import org.precisionrx.dosage.kb.Action;
import org.precisionrx.dosage.kb.DoseEntry;
import org.precisionrx.dosage.kb.Drug;
import org.precisionrx.dosage.kb.Range;
import org.precisionrx.dosage.kb.Rule;

/**
 * Collects what applies to one recommendation and combines it in a fixed order: explicit ranges
 * (the most conservative wins), then factors (multiplied), then caps (the lowest wins). Status is
 * the most severe of CONTRAINDICATED, AVOID, INSUFFICIENT_DATA, ADJUSTED, STANDARD.
 */
final class Adjustments {

    private final Drug drug;
    private final DoseEntry dose;
    private final String kbVersion;
    private final List<Applied> applied = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Missing> missing = new ArrayList<>();
    private final List<ModelEstimate> estimates = new ArrayList<>();
    private Range base;
    private double maxDaily;
    private boolean modelDriven;

    Adjustments(Drug drug, DoseEntry dose, String kbVersion) {
        this.drug = drug;
        this.dose = dose;
        this.kbVersion = kbVersion;
    }

    /** Turns a per-kg or per-m² dose into mg for this patient; false when the size is unknown. */
    boolean sizeBase(PatientFacts facts) {
        double size = switch (dose.unit()) {
            case MG -> 1.0;
            case MG_PER_KG -> facts.weightKg() == null ? Double.NaN : facts.weightKg();
            case MG_PER_M2 -> facts.weightKg() == null || facts.heightCm() == null
                    ? Double.NaN : Math.sqrt(facts.weightKg() * facts.heightCm() / 3600.0);
        };
        if (Double.isNaN(size)) {
            if (facts.weightKg() == null) {
                missing("weightKg", drug.id() + " is dosed in " + dose.unit().code() + "; body weight is needed");
            }
            if (dose.unit() == DoseEntry.DoseUnit.MG_PER_M2 && facts.heightCm() == null) {
                missing("heightCm", drug.id() + " is dosed by body-surface area (Mosteller); height is needed");
            }
            return false;
        }
        base = dose.dailyRange().scaled(size);
        maxDaily = dose.maxDaily() * size;
        return true;
    }

    void applyModel(DoseModel.Result result) {
        estimates.addAll(result.estimates());
        warnings.addAll(result.notes());
        result.estimates().stream().filter(ModelEstimate::drivesRange).findFirst().ifPresentOrElse(driver -> {
            base = new Range(driver.p10(), driver.p50(), driver.p90());
            modelDriven = true;
        }, () -> warnings.add("the dose model could not run (missing " + String.join(", ", result.missing())
                + "); the guideline range is shown instead"));
    }

    void fire(Rule rule) {
        applied.add(new Applied(rule, effect(rule.action())));
        if (rule.action().type() == Action.Type.CAUTION) {
            warnings.add(rule.reason());
        }
    }

    void missing(String fact, String reason) {
        if (missing.stream().noneMatch(m -> m.fact().equals(fact))) {
            missing.add(new Missing(fact, reason));
        }
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    Recommendation outOfScope(String reason) {
        warnings.add(reason);
        return result(Status.OUT_OF_SCOPE, null, null, reason);
    }

    Recommendation finish() {
        Set<Action.Type> types = new LinkedHashSet<>();
        applied.forEach(a -> types.add(a.rule().action().type()));
        if (types.contains(Action.Type.CONTRAINDICATED)) {
            return result(Status.CONTRAINDICATED, null, null, "contraindicated: do not give " + drug.name());
        }
        if (types.contains(Action.Type.AVOID)) {
            return result(Status.AVOID, null, null, "avoid " + drug.name() + "; consider the alternatives");
        }
        if (!missing.isEmpty() || base == null) {
            return result(Status.INSUFFICIENT_DATA, null, null, "no dose can be recommended until the missing data are known");
        }
        Range range = base;
        double max = maxDaily;
        Range explicit = applied.stream().map(a -> a.rule().action())
                .filter(a -> a.type() == Action.Type.ADJUST_RANGE).map(Action::range)
                .reduce((a, b) -> new Range(Math.min(a.low(), b.low()), Math.min(a.target(), b.target()), Math.min(a.high(), b.high())))
                .orElse(null);
        if (explicit != null) {
            range = explicit;
        }
        double factor = applied.stream().map(a -> a.rule().action())
                .filter(a -> a.type() == Action.Type.ADJUST_FACTOR).mapToDouble(Action::factor).reduce(1.0, (a, b) -> a * b);
        range = range.scaled(factor);
        double cap = applied.stream().map(a -> a.rule().action())
                .filter(a -> a.type() == Action.Type.CAP_MAX).mapToDouble(Action::maxDaily).min().orElse(Double.POSITIVE_INFINITY);
        range = range.capped(Math.min(cap, max));
        max = Math.min(cap, max);
        boolean adjusted = modelDriven || !rounded(range).equals(rounded(base)) || max < maxDaily;
        return result(adjusted ? Status.ADJUSTED : Status.STANDARD, rounded(range), round(max),
                adjusted ? regimen(rounded(range)) : dose.regimen());
    }

    private String regimen(Range range) {
        return "target " + fmt(range.target()) + " mg/day (" + fmt(range.low()) + "–" + fmt(range.high()) + " mg/day), "
                + dose.route() + ", " + dose.frequency().replace('_', ' ').toLowerCase(java.util.Locale.ROOT)
                + "; standard regimen: " + dose.regimen();
    }

    private Recommendation result(Status status, Range range, Double max, String regimen) {
        return new Recommendation(drug.id(), dose.indication(), status, range, max, dose, regimen,
                List.copyOf(applied), List.copyOf(warnings), DoseEngine.union(applied), List.copyOf(missing),
                List.copyOf(estimates), kbVersion);
    }

    private static String effect(Action action) {
        return switch (action.type()) {
            case STANDARD -> "standard dosing";
            case CAUTION -> "caution";
            case ADJUST_FACTOR -> "dose x" + fmt(action.factor());
            case ADJUST_RANGE -> "range set to " + fmt(action.range().low()) + "–" + fmt(action.range().high()) + " (target "
                    + fmt(action.range().target()) + ")";
            case CAP_MAX -> "maximum " + fmt(action.maxDaily()) + " per day";
            case AVOID -> "avoid";
            case CONTRAINDICATED -> "contraindicated";
        };
    }

    private static Range rounded(Range range) {
        return new Range(round(range.low()), round(range.target()), round(range.high()));
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    private static String fmt(double value) {
        double r = round(value);
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }
}
