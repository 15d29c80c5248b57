package org.precisionrx.gateway.cdshooks.order;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.precisionrx.dosage.v1.Frequency;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The frequency of a dosage instruction, from {@code timing.repeat} (frequency per period) or
 * {@code timing.code} (BID, TID, QD...). Only the dose service's frequencies are accepted; "every
 * other day", ranges and as-needed maxima are problems rather than approximations.
 */
final class TimingReader {

    private static final Map<String, Frequency> CODES = Map.ofEntries(
            Map.entry("QD", Frequency.FREQUENCY_ONCE_DAILY), Map.entry("DAILY", Frequency.FREQUENCY_ONCE_DAILY),
            Map.entry("AM", Frequency.FREQUENCY_ONCE_DAILY), Map.entry("PM", Frequency.FREQUENCY_ONCE_DAILY),
            Map.entry("BID", Frequency.FREQUENCY_BID), Map.entry("TID", Frequency.FREQUENCY_TID),
            Map.entry("QID", Frequency.FREQUENCY_QID), Map.entry("Q4H", Frequency.FREQUENCY_Q4H),
            Map.entry("Q6H", Frequency.FREQUENCY_Q6H), Map.entry("Q8H", Frequency.FREQUENCY_Q8H),
            Map.entry("Q12H", Frequency.FREQUENCY_Q12H), Map.entry("WK", Frequency.FREQUENCY_WEEKLY),
            Map.entry("QWK", Frequency.FREQUENCY_WEEKLY));

    private TimingReader() {
    }

    static Frequency read(JsonNode dosageInstruction) throws UncheckableOrder {
        JsonNode timing = dosageInstruction.path("timing");
        Optional<Frequency> fromRepeat = fromRepeat(timing.path("repeat"));
        Optional<Frequency> fromCode = fromCode(timing.path("code"));
        if (fromRepeat.isPresent() && fromCode.isPresent() && fromRepeat.get() != fromCode.get()) {
            throw new UncheckableOrder("the timing's code and repeat disagree ("
                    + DoseRate.words(fromCode.get()) + " vs " + DoseRate.words(fromRepeat.get()) + ")");
        }
        return fromRepeat.or(() -> fromCode)
                .orElseThrow(() -> new UncheckableOrder("the order states no frequency"));
    }

    private static Optional<Frequency> fromRepeat(JsonNode repeat) throws UncheckableOrder {
        if (!repeat.has("period") && !repeat.has("frequency")) {
            return Optional.empty();
        }
        if (repeat.has("frequencyMax") || repeat.has("periodMax")) {
            throw new UncheckableOrder("the frequency is a range (" + describe(repeat) + "); only a fixed frequency can be checked");
        }
        JsonNode written = repeat.path("frequency");
        // asInt would turn 2.5 (or 2^32 + 2) into 2, silently checking a different frequency.
        if (!written.isMissingNode() && !(written.isIntegralNumber() && written.canConvertToInt())) {
            throw new UncheckableOrder("the frequency (" + describe(repeat) + ") is not a whole number of administrations");
        }
        int times = written.asInt(1);
        double period = repeat.path("period").asDouble(Double.NaN);
        String unit = repeat.path("periodUnit").asText("");
        Frequency frequency = switch (unit) {
            case "h" -> times == 1 ? hourly(period) : null;
            case "d" -> period == 1 ? daily(times) : period == 7 && times == 1 ? Frequency.FREQUENCY_WEEKLY : null;
            case "wk" -> period == 1 && times == 1 ? Frequency.FREQUENCY_WEEKLY : null;
            default -> null;
        };
        if (frequency == null) {
            throw new UncheckableOrder("the frequency (" + describe(repeat)
                    + ") is not one the dose check knows (daily, BID, TID, QID, q4h, q6h, q8h, q12h or weekly)");
        }
        return Optional.of(frequency);
    }

    private static Frequency hourly(double period) {
        return period == 4 ? Frequency.FREQUENCY_Q4H
                : period == 6 ? Frequency.FREQUENCY_Q6H
                : period == 8 ? Frequency.FREQUENCY_Q8H
                : period == 12 ? Frequency.FREQUENCY_Q12H
                : period == 24 ? Frequency.FREQUENCY_ONCE_DAILY
                : null;
    }

    private static Frequency daily(int times) {
        return switch (times) {
            case 1 -> Frequency.FREQUENCY_ONCE_DAILY;
            case 2 -> Frequency.FREQUENCY_BID;
            case 3 -> Frequency.FREQUENCY_TID;
            case 4 -> Frequency.FREQUENCY_QID;
            default -> null;
        };
    }

    private static Optional<Frequency> fromCode(JsonNode code) throws UncheckableOrder {
        if (code.isMissingNode()) {
            return Optional.empty();
        }
        for (JsonNode coding : code.path("coding")) {
            Frequency known = CODES.get(coding.path("code").asText("").toUpperCase(Locale.ROOT));
            if (known != null) {
                return Optional.of(known);
            }
        }
        Frequency fromText = CODES.get(code.path("text").asText("").strip().toUpperCase(Locale.ROOT));
        if (fromText != null) {
            return Optional.of(fromText);
        }
        String shown = code.path("coding").path(0).path("code").asText(code.path("text").asText(""));
        throw new UncheckableOrder("the timing code '" + shown
                + "' is not one the dose check knows (QD, BID, TID, QID, Q4H, Q6H, Q8H, Q12H or WK)");
    }

    private static String describe(JsonNode repeat) {
        String times = repeat.path("frequency").asText("1")
                + (repeat.has("frequencyMax") ? "–" + repeat.path("frequencyMax").asText() : "");
        String period = repeat.path("period").asText("?")
                + (repeat.has("periodMax") ? "–" + repeat.path("periodMax").asText() : "");
        return times + " per " + period + " " + repeat.path("periodUnit").asText("?");
    }
}
