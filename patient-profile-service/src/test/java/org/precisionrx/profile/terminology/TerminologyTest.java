package org.precisionrx.profile.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminologyTest {

    private static final String SNOMED = "http://snomed.info/sct";
    private static final String ICD = "http://hl7.org/fhir/sid/icd-10-cm";

    private final ConditionCategories categories = ConditionCategories.loadDefault();

    @Test
    void categorizesSnomedExactlyAndIcdByPrefix() {
        assertThat(categories.categorize(SNOMED, "49436004")).contains("ATRIAL_FIBRILLATION");
        assertThat(categories.categorize(ICD, "I48.91")).contains("ATRIAL_FIBRILLATION");
        assertThat(categories.categorize(ICD, "N18.3")).contains("CHRONIC_KIDNEY_DISEASE");
        assertThat(categories.categorize(ICD, "K92.2")).contains("PRIOR_MAJOR_BLEED");
        assertThat(categories.categorize(SNOMED, "4940000")).isEmpty();
        assertThat(categories.categorize("http://loinc.org", "49436004")).isEmpty();
        assertThat(categories.categorize(null, null)).isEmpty();
    }
}
