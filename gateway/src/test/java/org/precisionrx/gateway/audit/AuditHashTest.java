package org.precisionrx.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class AuditHashTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.123456Z");
    private static final AuditRecord RECORD = new AuditRecord("req-1", "user-1", "clinician", "precisionrx-web",
            "p-1", "profile.read", "TREAT", null, AuditOutcome.SUCCESS, false, "é");

    @Test
    void matchesTheDocumentedCanonicalForm() {
        // Pinned from: printf '<64 zeros>12:prx-audit-v11:127:2026-01-02T03:04:05.123456Z5:req-16:user-1
        // 9:clinician15:precisionrx-web3:p-112:profile.read5:TREAT~7:SUCCESS5:false2:é' | sha256sum
        // If this changes, every stored chain stops verifying.
        assertThat(AuditHash.of(AuditHash.GENESIS, 1, AT, RECORD))
                .isEqualTo("349a337b9657c26b63b745258749627fa6ebade0b85d457a57bb26144f788b9e");
    }

    @Test
    void everyFieldChangesTheHash() {
        List<UnaryOperator<AuditRecord>> changes = List.of(
                r -> with(r, 0, "req-2"), r -> with(r, 1, "user-2"), r -> with(r, 2, "pharmacist"),
                r -> with(r, 3, "precisionrx-ehr"), r -> with(r, 4, "p-2"), r -> with(r, 4, null),
                r -> with(r, 5, "profile.update"), r -> with(r, 6, "ETREAT"), r -> with(r, 7, "reason"),
                r -> new AuditRecord(r.requestId(), r.subject(), r.role(), r.clientId(), r.patientId(), r.action(),
                        r.purpose(), r.reason(), AuditOutcome.DENIED, r.emergency(), r.detail()),
                r -> new AuditRecord(r.requestId(), r.subject(), r.role(), r.clientId(), r.patientId(), r.action(),
                        r.purpose(), r.reason(), r.outcome(), true, r.detail()),
                r -> with(r, 10, null));
        String original = AuditHash.of(AuditHash.GENESIS, 1, AT, RECORD);
        Set<String> hashes = changes.stream()
                .map(change -> AuditHash.of(AuditHash.GENESIS, 1, AT, change.apply(RECORD)))
                .collect(Collectors.toSet());
        assertThat(hashes).hasSize(changes.size()).doesNotContain(original);
        assertThat(AuditHash.of(AuditHash.GENESIS, 2, AT, RECORD)).isNotEqualTo(original);
        assertThat(AuditHash.of(AuditHash.GENESIS, 1, AT.plusNanos(1_000), RECORD)).isNotEqualTo(original);
        assertThat(AuditHash.of("1" + AuditHash.GENESIS.substring(1), 1, AT, RECORD)).isNotEqualTo(original);
    }

    @Test
    void fieldBoundariesCannotShift() {
        AuditRecord a = with(with(RECORD, 1, "ab"), 2, "c");
        AuditRecord b = with(with(RECORD, 1, "a"), 2, "bc");
        assertThat(AuditHash.of(AuditHash.GENESIS, 1, AT, a)).isNotEqualTo(AuditHash.of(AuditHash.GENESIS, 1, AT, b));
    }

    @Test
    void nullDiffersFromAnyString() {
        assertThat(AuditHash.of(AuditHash.GENESIS, 1, AT, with(RECORD, 10, null)))
                .isNotEqualTo(AuditHash.of(AuditHash.GENESIS, 1, AT, with(RECORD, 10, "~")));
        assertThat(new String(AuditHash.canonical(1, AT, with(RECORD, 7, null)), java.nio.charset.StandardCharsets.UTF_8))
                .contains("5:TREAT~7:SUCCESS");
    }

    @Test
    void refusesTimesFinerThanPostgresKeeps() {
        assertThatThrownBy(() -> AuditHash.of(AuditHash.GENESIS, 1, AT.plusNanos(1), RECORD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AuditHash.timestamp(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000000Z");
    }

    /** {@code r} with one of its string fields replaced, by position in the record. */
    private static AuditRecord with(AuditRecord r, int field, String value) {
        String[] s = {r.requestId(), r.subject(), r.role(), r.clientId(), r.patientId(), r.action(), r.purpose(),
                r.reason(), null, null, r.detail()};
        s[field] = value;
        return new AuditRecord(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], r.outcome(), r.emergency(), s[10]);
    }
}
