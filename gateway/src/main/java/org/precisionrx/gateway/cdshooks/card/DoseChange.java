package org.precisionrx.gateway.cdshooks.card;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.precisionrx.dosage.v1.DoseRange;
import org.precisionrx.dosage.v1.Frequency;
import org.precisionrx.dosage.v1.ProposedOrder;
import org.precisionrx.gateway.cdshooks.order.DoseRate;

/**
 * The recommended daily target as a dose per administration in the order's own unit, at the
 * order's frequency. Only exact answers count: 25 mg/d three times daily has none, and then no
 * change is suggested rather than a rounded one.
 */
final class DoseChange {

    /** A dose with more decimals than this is not one a prescriber could order. */
    static final int MAX_DECIMALS = 3;

    private static final Map<String, BigDecimal> MG_PER_UNIT = Map.of(
            "mg", BigDecimal.ONE, "mcg", new BigDecimal("0.001"), "g", new BigDecimal("1000"));

    private DoseChange() {
    }

    static Optional<BigDecimal> perAdministration(ProposedOrder order, DoseRange recommended) {
        String rangeUnitText = recommended.getUnit().strip();
        // Only a per-day range can be split by a frequency.
        if (!rangeUnitText.matches("(mg|mcg|g)/d")) {
            return Optional.empty();
        }
        BigDecimal rangeUnit = MG_PER_UNIT.get(rangeUnitText.substring(0, rangeUnitText.indexOf('/')));
        BigDecimal orderUnit = MG_PER_UNIT.get(order.getUnit());
        if (orderUnit == null || recommended.getTarget() <= 0
                || order.getFrequency() == Frequency.FREQUENCY_UNSPECIFIED || order.getFrequency() == Frequency.UNRECOGNIZED) {
            return Optional.empty();
        }
        DoseRate rate = DoseRate.of(order.getFrequency());
        try {
            BigDecimal perDay = BigDecimal.valueOf(recommended.getTarget()).multiply(rangeUnit).divide(orderUnit);
            BigDecimal each = perDay.multiply(BigDecimal.valueOf(rate.days()))
                    .divide(BigDecimal.valueOf(rate.administrations()))
                    .stripTrailingZeros();
            return each.scale() <= MAX_DECIMALS ? Optional.of(each.scale() < 0 ? each.setScale(0) : each) : Optional.empty();
        } catch (ArithmeticException notExact) {
            return Optional.empty();
        }
    }
}
