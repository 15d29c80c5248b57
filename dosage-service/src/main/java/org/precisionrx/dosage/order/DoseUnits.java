package org.precisionrx.dosage.order;

import java.util.Locale;

import org.precisionrx.dosage.engine.InvalidRequestException;

/** Mass units an order may use, converted to mg. Anything else is not a mass and is rejected. */
public final class DoseUnits {

    private DoseUnits() {
    }

    /** @throws InvalidRequestException for a unit that is not mg, mcg or g, or an amount that is not a finite mass */
    public static double toMg(double amount, String unit) {
        if (!Double.isFinite(amount) || amount < 0) {
            throw new InvalidRequestException("order.amount", "amount must be a finite, non-negative number");
        }
        String u = unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
        double mg = switch (u) {
            case "mg" -> amount;
            case "mcg", "ug", "µg", "μg" -> amount / 1000.0;
            case "g" -> amount * 1000.0;
            default -> throw new InvalidRequestException("order.unit",
                    "unit '" + unit + "' is not a mass unit this service converts (use mg, mcg or g)");
        };
        if (Double.isInfinite(mg)) { // e.g. 1e306 g
            throw new InvalidRequestException("order.amount", "amount is too large to be a dose");
        }
        if (mg != 0 && mg < Double.MIN_NORMAL) { // e.g. 2.2e-308 mcg: a subnormal mg value has lost its precision
            throw new InvalidRequestException("order.amount", "amount is too small to be a dose");
        }
        return mg;
    }
}
