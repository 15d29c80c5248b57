package org.precisionrx.gateway.input;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON as the gateway reads it, from callers and from EHR FHIR servers alike: a key given twice is
 * an error (which of two doses would be meant?), and nesting and sizes are bounded so a hostile
 * body cannot exhaust the stack or memory of the parser.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Deep enough for FHIR resources in CDS Hooks prefetch (about 12 levels), far below a stack risk. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Digits of one number: a dose or a count never needs more. */
    public static final int MAX_NUMBER_LENGTH = 100;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
    }
}
