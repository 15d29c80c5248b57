package org.precisionrx.gateway.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.precisionrx.dosage.kb.KnowledgeBase;
import org.precisionrx.dosage.kb.KnowledgeBaseLoader;
import org.precisionrx.dosage.terminology.DrugCatalog;
import org.precisionrx.gateway.cdshooks.order.DefaultDrugCatalog;

/**
 * The formulary tables the gateway reads: indication names for people, and the RxNorm map for
 * draft orders. Dosing decisions stay with dosage-service.
 */
public class KnowledgeProducers {

    @Produces
    @Singleton
    KnowledgeBase knowledgeBase() {
        return KnowledgeBaseLoader.loadDefault();
    }

    @Produces
    @Singleton
    DrugCatalog drugCatalog() {
        return DefaultDrugCatalog.get();
    }
}
