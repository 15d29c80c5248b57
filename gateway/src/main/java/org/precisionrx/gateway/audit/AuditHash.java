package org.precisionrx.gateway.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The chain's hash function: {@code hex(SHA-256(previousHash || canonical(record)))}.
 *
 * <p>The canonical form is a sequence of fields, each written as {@code <UTF-8 byte length>:<value>}
 * or as {@code ~} for null, so no two different records share a form and null differs from any
 * string. Fields, in order: the format tag {@value #FORMAT}, sequence (decimal), recorded_at
 * ({@code yyyy-MM-ddTHH:mm:ss.ffffffZ}), request id, subject, role, client id, patient id, action,
 * purpose, reason, outcome name, emergency ({@code true}/{@code false}), detail.
 *
 * <p>Changing any of this invalidates every stored chain; a new form needs a new format tag.
 */
final class AuditHash {

    /** Names the canonical form, so a future form cannot be mistaken for this one. */
    static final String FORMAT = "prx-audit-v1";

    /** The previous hash of the first record. */
    static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditHash() {
    }

    /** The hash a record at {@code sequence}, written at {@code recordedAt}, must carry. */
    static String of(String previousHash, long sequence, Instant recordedAt, AuditRecord record) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        sha256.update(canonical(sequence, recordedAt, record));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The recorded time as it enters the hash; also shown in exports for cross-checking. */
    static String timestamp(Instant recordedAt) {
        if (recordedAt.getNano() % 1_000 != 0) {
            // PostgreSQL keeps microseconds: a finer instant would hash differently once read back.
            throw new IllegalArgumentException("recordedAt must be truncated to microseconds");
        }
        return MICROS.format(recordedAt);
    }

    static byte[] canonical(long sequence, Instant recordedAt, AuditRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, FORMAT);
        field(out, Long.toString(sequence));
        field(out, timestamp(recordedAt));
        field(out, r.requestId());
        field(out, r.subject());
        field(out, r.role());
        field(out, r.clientId());
        field(out, r.patientId());
        field(out, r.action());
        field(out, r.purpose());
        field(out, r.reason());
        field(out, r.outcome().name());
        field(out, Boolean.toString(r.emergency()));
        field(out, r.detail());
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write('~');
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
