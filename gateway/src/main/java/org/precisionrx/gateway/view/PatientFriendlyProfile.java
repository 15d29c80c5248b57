package org.precisionrx.gateway.view;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a patient sees of their own record: plain words, no codes, no raw lab tables. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PatientFriendlyProfile(String patientId, Integer ageYears, List<String> medicines, List<String> allergies,
        List<GeneResult> genes, List<String> missingInformation) {

    /** One pharmacogenomic result and what it means for medicines, in plain words. */
    public record GeneResult(String gene, String result, String meaning) {
    }
}
