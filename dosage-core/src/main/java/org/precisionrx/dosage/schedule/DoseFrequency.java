package org.precisionrx.dosage.schedule;

import java.util.Optional;

/**
 * How often an order is given, as an exact fraction of administrations per days (weekly is 1 per
 * 7), with the words a pharmacist writes. The gRPC enum {@code Frequency} has the same names with
 * a {@code FREQUENCY_} prefix; every service maps it through here.
 */
public enum DoseFrequency {
    ONCE_DAILY(1, 1, "once daily"),
    BID(2, 1, "twice daily"),
    TID(3, 1, "three times daily"),
    QID(4, 1, "four times daily"),
    Q4H(6, 1, "every 4 hours"),
    Q6H(4, 1, "every 6 hours"),
    Q8H(3, 1, "every 8 hours"),
    Q12H(2, 1, "every 12 hours"),
    WEEKLY(1, 7, "once weekly");

    static final String PROTO_PREFIX = "FREQUENCY_";

    private final int administrations;
    private final int days;
    private final String words;

    DoseFrequency(int administrations, int days, String words) {
        this.administrations = administrations;
        this.days = days;
        this.words = words;
    }

    /** The frequency named by a gRPC {@code Frequency} constant; empty for UNSPECIFIED or unknown. */
    public static Optional<DoseFrequency> ofProtoName(String name) {
        if (name == null || !name.startsWith(PROTO_PREFIX)) {
            return Optional.empty();
        }
        String bare = name.substring(PROTO_PREFIX.length());
        for (DoseFrequency frequency : values()) {
            if (frequency.name().equals(bare)) {
                return Optional.of(frequency);
            }
        }
        return Optional.empty();
    }

    public int administrations() {
        return administrations;
    }

    public int days() {
        return days;
    }

    public double perDay() {
        return (double) administrations / days;
    }

    public String words() {
        return words;
    }
}
