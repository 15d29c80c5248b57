package org.precisionrx.profile.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a FHIR R4 payload (Bundle or NDJSON) into one {@link PatientImport} per patient.
 * A payload that cannot be read at all is rejected with {@link FhirPayloadException}; a patient whose data
 * has problems gets no record, without affecting the other patients. Thread-safe: the shared FhirContext is
 * only used to create a parser per call.
 */
public final class FhirPayloadReader {

    /** Used when the caller does not know which FHIR server the logical ids belong to. */
    public static final String DEFAULT_SOURCE_SYSTEM = "urn:precisionrx:fhir";

    private final FhirContext ctx;
    private final Clock clock;

    public FhirPayloadReader(FhirContext ctx) {
        this(ctx, Clock.systemUTC());
    }

    /** For tests: the clock decides what "a birth date in the future" means. */
    FhirPayloadReader(FhirContext ctx, Clock clock) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param sourceSystem the FHIR server base the ids belong to; may be null -> {@value #DEFAULT_SOURCE_SYSTEM}
     * @throws FhirPayloadException for payloads that cannot be read at all
     */
    public FhirImport read(String payload, PayloadFormat format, String sourceSystem) {
        Objects.requireNonNull(format, "format");
        String system = sourceSystem == null || sourceSystem.isBlank() ? DEFAULT_SOURCE_SYSTEM : sourceSystem;
        List<PayloadEntry> entries = new PayloadParser(ctx).parse(payload, format);

        Skips skips = new Skips();
        PatientGrouper.Grouped grouped = new PatientGrouper().group(entries, skips);
        PatientAssembler assembler = new PatientAssembler(system, LocalDate.now(clock), grouped.medications());
        List<PatientImport> patients = new ArrayList<>();
        for (PatientGroup group : grouped.patients()) {
            patients.add(assembler.assemble(group, skips));
        }
        return new FhirImport(patients, skips.snapshot());
    }
}
