package org.precisionrx.dosage.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrugCatalogTest {

    private final DrugCatalog drugs = DrugCatalog.loadDefault();

    @Test
    void identifiesDrugsByCodeThenByAnUnambiguousName() {
        assertThat(drugs.identify("855332", "anything")).contains("warfarin");
        assertThat(drugs.identify(null, "Warfarin Sodium 5 MG Oral Tablet")).contains("warfarin");
        assertThat(drugs.identify("999999", "escitalopram 10 MG Oral Tablet")).contains("escitalopram");
        assertThat(drugs.identify(null, "citalopram 20 MG")).contains("citalopram");
        // Two formulary ingredients in one product: not guessed.
        assertThat(drugs.identify(null, "clopidogrel and omeprazole kit")).isEmpty();
        assertThat(drugs.identify(null, "Acetaminophen 325 MG")).isEmpty();
        assertThat(drugs.identify(null, null)).isEmpty();
    }
}
