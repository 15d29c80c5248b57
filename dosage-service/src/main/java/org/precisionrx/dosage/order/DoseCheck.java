package org.precisionrx.dosage.order;

import java.util.ArrayList;
import java.util.List;

import org.precisionrx.dosage.engine.Recommendation;
import org.precisionrx.dosage.engine.Recommendation.Status;

/** Compares a proposed order's daily dose with the recommendation and says why, in words. */
public final class DoseCheck {

    public enum Verdict { WITHIN_RANGE, BELOW_RANGE, ABOVE_RANGE, AVOID, CONTRAINDICATED, INSUFFICIENT_DATA, OUT_OF_SCOPE }

    public record Result(Verdict verdict, double dailyMg, List<String> reasons) {
    }

    private DoseCheck() {
    }

    public static Result check(Recommendation rec, double amountMg, double perDay, String frequencyWords) {
        double daily = round(amountMg * perDay);
        List<String> reasons = new ArrayList<>();
        String computed = fmt(amountMg) + " mg " + frequencyWords + " is " + fmt(daily) + " mg per day";
        rec.applied().forEach(a -> reasons.add(a.rule().reason() + " [" + citation(a) + "]"));
        Verdict verdict = switch (rec.status()) {
            case CONTRAINDICATED -> Verdict.CONTRAINDICATED;
            case AVOID -> Verdict.AVOID;
            case OUT_OF_SCOPE -> Verdict.OUT_OF_SCOPE;
            case INSUFFICIENT_DATA -> {
                rec.missing().forEach(m -> reasons.add("Missing " + m.fact() + ": " + m.reason()));
                yield Verdict.INSUFFICIENT_DATA;
            }
            case STANDARD, ADJUSTED -> compare(rec, daily, computed, reasons);
        };
        if (rec.status() != Status.STANDARD && rec.status() != Status.ADJUSTED) {
            reasons.add(0, computed + "; " + rec.regimen());
        }
        return new Result(verdict, daily, List.copyOf(reasons));
    }

    private static Verdict compare(Recommendation rec, double daily, String computed, List<String> reasons) {
        String range = fmt(rec.range().low()) + "–" + fmt(rec.range().high()) + " mg per day";
        String basis = rec.status() == Status.ADJUSTED ? "the adjusted range " : "the standard range ";
        if (daily > rec.maxDaily()) {
            reasons.add(0, computed + ", above the maximum daily dose of " + fmt(rec.maxDaily()) + " mg (" + basis + range + ")");
            return Verdict.ABOVE_RANGE;
        }
        if (daily > rec.range().high()) {
            reasons.add(0, computed + ", above " + basis + range);
            return Verdict.ABOVE_RANGE;
        }
        if (daily < rec.range().low()) {
            reasons.add(0, computed + ", below " + basis + range);
            return Verdict.BELOW_RANGE;
        }
        reasons.add(0, computed + ", within " + basis + range);
        return Verdict.WITHIN_RANGE;
    }

    private static String citation(Recommendation.Applied applied) {
        var s = applied.rule().source();
        return s.guideline() != null ? s.guideline() + (s.pmid() != null ? ", PMID " + s.pmid() : "") : s.label();
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    static String fmt(double value) {
        double r = Math.round(value * 100.0) / 100.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }
}
