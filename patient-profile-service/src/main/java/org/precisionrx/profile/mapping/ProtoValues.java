package org.precisionrx.profile.mapping;

import java.time.Instant;
import java.time.LocalDate;

import com.google.protobuf.Timestamp;
import org.precisionrx.common.v1.Date;

/** Conversions between java.time and the proto date and time types. */
public final class ProtoValues {

    private ProtoValues() {
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    public static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    public static Date date(LocalDate date) {
        return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()).build();
    }

    /** @throws java.time.DateTimeException for an impossible date such as 2023-02-30 */
    public static LocalDate localDate(Date date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    }

    public static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
