package org.precisionrx.gateway.audit;

/**
 * Result of walking the audit chain.
 *
 * @param intact              whether every record and the chain head agree
 * @param checked             how many records, from sequence 1 on, were found intact
 * @param firstBrokenSequence the sequence where the chain first breaks: the altered record, the
 *                            record whose link to its predecessor no longer matches (so a record
 *                            altered together with its own hash shows up at its successor), the
 *                            first missing sequence, or the first sequence the head disagrees
 *                            about; {@code null} if intact
 * @param problem             a short description of the break, {@code null} if intact
 */
public record ChainReport(boolean intact, long checked, Long firstBrokenSequence, String problem) {

    static ChainReport intact(long checked) {
        return new ChainReport(true, checked, null, null);
    }

    static ChainReport broken(long checked, long sequence, String problem) {
        return new ChainReport(false, checked, sequence, problem);
    }
}
