package org.precisionrx.dosage.config;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;
import org.precisionrx.dosage.engine.DoseEngine;
import org.precisionrx.dosage.engine.DoseModel;
import org.precisionrx.dosage.kb.KnowledgeBase;
import org.precisionrx.dosage.kb.KnowledgeBaseLoader;

/** Loads and validates the knowledge base at start-up: a bad entry stops the start with its path. */
@ApplicationScoped
public class EngineProducer {

    @Produces
    @Singleton
    @Startup
    KnowledgeBase knowledgeBase() {
        return KnowledgeBaseLoader.loadDefault();
    }

    @Produces
    @Singleton
    DoseEngine doseEngine(KnowledgeBase kb, Instance<DoseModel> models) {
        return new DoseEngine(kb, List.copyOf(models.stream().toList()));
    }
}
