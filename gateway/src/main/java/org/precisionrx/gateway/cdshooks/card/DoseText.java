package org.precisionrx.gateway.cdshooks.card;

import org.precisionrx.dosage.v1.DoseRange;
import org.precisionrx.dosage.v1.ProposedOrder;
import org.precisionrx.gateway.cdshooks.order.DoseRate;

/** Doses in words, with the numbers exactly as the services sent them. */
final class DoseText {

    private DoseText() {
    }

    /** "5–10 mg/d (target 7.5 mg/d)", or "75 mg/d" when the range is one value. */
    static String range(DoseRange range) {
        String unit = range.getUnit().isBlank() ? "" : " " + range.getUnit();
        if (range.getLow() == range.getHigh()) {
            return CardText.plain(range.getLow()) + unit;
        }
        String text = CardText.plain(range.getLow()) + "–" + CardText.plain(range.getHigh()) + unit;
        return range.getTarget() > 0 ? text + " (target " + CardText.plain(range.getTarget()) + unit + ")" : text;
    }

    /** "the recommended range of 10–20 mg/d", or "the recommended 10 mg/d" when the range is one value. */
    static String recommended(DoseRange range) {
        String unit = range.getUnit().isBlank() ? "" : " " + range.getUnit();
        return range.getLow() == range.getHigh() ? "the recommended " + CardText.plain(range.getLow()) + unit
                : "the recommended range of " + CardText.plain(range.getLow()) + "–" + CardText.plain(range.getHigh()) + unit;
    }

    /** "clopidogrel 75 mg once daily". */
    static String order(ProposedOrder order) {
        return order.getDrugId() + " " + amount(order) + " " + DoseRate.words(order.getFrequency());
    }

    static String amount(ProposedOrder order) {
        return CardText.plain(order.getAmount()) + " " + order.getUnit();
    }
}
