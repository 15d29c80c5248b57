package org.precisionrx.dosage.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KnowledgeBaseLoaderTest {

    @Test
    void theShippedKnowledgeBaseLoadsAndCoversTheFormulary() {
        KnowledgeBase kb = KnowledgeBaseLoader.loadDefault();
        assertThat(kb.version()).isNotBlank();
        assertThat(kb.indications()).hasSize(11);
        assertThat(kb.drugs()).extracting(Drug::id).contains(
                "warfarin", "apixaban", "rivaroxaban", "dabigatran", "edoxaban", "clopidogrel", "prasugrel", "ticagrelor",
                "simvastatin", "atorvastatin", "rosuvastatin", "pravastatin", "fluvastatin", "citalopram", "escitalopram",
                "sertraline", "paroxetine", "fluoxetine", "codeine", "tramadol", "morphine", "oxycodone", "hydromorphone",
                "azathioprine", "mercaptopurine", "thioguanine", "fluorouracil", "capecitabine", "abacavir", "allopurinol",
                "carbamazepine", "phenytoin", "tacrolimus");
        kb.drugs().forEach(drug -> drug.rules().forEach(rule -> {
            assertThat(rule.reviewed()).as(rule.id()).isNotNull();
            assertThat(rule.source().pmid() != null || rule.source().label() != null).as(rule.id()).isTrue();
        }));
    }

    @Test
    void aBadEntryFailsWithFileAndPath() {
        KnowledgeBaseLoader loader = new KnowledgeBaseLoader("kb-broken/", getClass().getClassLoader());
        assertThatThrownBy(loader::load)
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("kb-broken/drugs/broken.json")
                .hasMessageContaining("factor")
                .hasMessageContaining("drug ghost is not in the formulary");
    }

    @Test
    void crossReferencesAreChecked() {
        KnowledgeBase kb = new KnowledgeBaseLoader("kb-fixture/", getClass().getClassLoader()).load();
        assertThat(kb.closestDrugs("alphamap", 1)).containsExactly("alpha");
    }
}
