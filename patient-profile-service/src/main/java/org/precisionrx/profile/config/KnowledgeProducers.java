package org.precisionrx.profile.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import org.precisionrx.profile.derived.DerivedValuesCalculator;
import org.precisionrx.profile.fhir.FhirPayloadReader;
import org.precisionrx.profile.pgx.PgxKnowledge;
import org.precisionrx.profile.pharmcat.PharmcatCallsParser;
import org.precisionrx.profile.service.RecordValidator;
import org.precisionrx.profile.terminology.ConditionCategories;
import org.precisionrx.dosage.terminology.DrugCatalog;

/**
 * Builds the immutable tables once at start-up. A missing or malformed table fails the start
 * with a message naming it, instead of failing the first request.
 */
@ApplicationScoped
public class KnowledgeProducers {

    @Produces
    @Singleton
    @Startup
    PgxKnowledge pgxKnowledge() {
        return PgxKnowledge.loadDefault();
    }

    @Produces
    @Singleton
    @Startup
    ConditionCategories conditionCategories() {
        return ConditionCategories.loadDefault();
    }

    @Produces
    @Singleton
    @Startup
    DrugCatalog drugCatalog() {
        return DrugCatalog.loadDefault();
    }

    /** Creating a FhirContext scans the whole R4 model; it is expensive and thread-safe, so one is shared. */
    @Produces
    @Singleton
    FhirPayloadReader fhirPayloadReader() {
        return new FhirPayloadReader(FhirContext.forR4());
    }

    @Produces
    @Singleton
    PharmcatCallsParser pharmcatCallsParser() {
        return new PharmcatCallsParser();
    }

    @Produces
    @Singleton
    RecordValidator recordValidator(PgxKnowledge pgx) {
        return new RecordValidator(pgx);
    }

    /** Profiles report a gap for each gene dosing rules read and the patient has no result for. */
    @Produces
    @Singleton
    DerivedValuesCalculator derivedValuesCalculator(PgxKnowledge pgx) {
        return new DerivedValuesCalculator(pgx.genes());
    }

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
