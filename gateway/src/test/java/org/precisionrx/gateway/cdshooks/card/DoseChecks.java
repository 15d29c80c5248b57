package org.precisionrx.gateway.cdshooks.card;

import org.precisionrx.common.v1.Citation;
import org.precisionrx.common.v1.DataGap;
import org.precisionrx.common.v1.Quantity;
import org.precisionrx.dosage.v1.Adjustment;
import org.precisionrx.dosage.v1.CheckDoseResponse;
import org.precisionrx.dosage.v1.DoseRange;
import org.precisionrx.dosage.v1.DoseRecommendation;
import org.precisionrx.dosage.v1.DoseStatus;
import org.precisionrx.dosage.v1.Verdict;

/** dosage-service CheckDose answers shaped like the real knowledge base's, for card tests. */
final class DoseChecks {

    static final String KB = "2026.11.0";

    static final Citation CPIC_SSRI = Citation.newBuilder()
            .setGuideline("CPIC Guideline for CYP2D6, CYP2C19, CYP2B6, SLC6A4, and HTR2A Genotypes and Serotonin"
                    + " Reuptake Inhibitor Antidepressants (2023)")
            .setPmid("37032427").setUrl("https://cpicpgx.org/guidelines/cpic-guideline-for-ssri-and-snri-antidepressants/")
            .build();
    static final Citation CPIC_CLOPIDOGREL = Citation.newBuilder()
            .setGuideline("CPIC Guideline for CYP2C19 Genotype and Clopidogrel Therapy: 2022 Update").setPmid("35034351")
            .build();
    static final Citation CPIC_ALLOPURINOL = Citation.newBuilder()
            .setGuideline("CPIC Guidelines for Human Leukocyte Antigen-B Genotype and Allopurinol Dosing: 2015 Update")
            .setPmid("26094938").build();
    static final Citation SIMVASTATIN_LABEL = Citation.newBuilder()
            .setLabel("Zocor (simvastatin) US prescribing information")
            .setUrl("https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=simvastatin").build();

    private DoseChecks() {
    }

    /** Simvastatin 20 mg daily with amiodarone: within the range, capped at 20 mg/d. */
    static CheckDoseResponse simvastatinWithinCappedRange() {
        DoseRange range = range(10, 20, 20, 20);
        return CheckDoseResponse.newBuilder()
                .setVerdict(Verdict.VERDICT_WITHIN_RANGE).setComputedDailyDose(mgPerDay(20)).setRecommended(range)
                .addReasons("20 mg once daily is 20 mg per day, within the adjusted range 10–20 mg per day")
                .addReasons("With amiodarone, amlodipine or ranolazine do not exceed simvastatin 20 mg daily (myopathy risk)."
                        + " [Zocor (simvastatin) US prescribing information]")
                .setRecommendation(DoseRecommendation.newBuilder().setDrugId("simvastatin").setIndicationId("hyperlipidaemia")
                        .setStatus(DoseStatus.DOSE_STATUS_ADJUSTED).setDailyRange(range)
                        .setRegimen("target 20 mg/day (10–20 mg/day), oral, once daily; standard regimen: 20-40 mg once daily")
                        .addAdjustments(Adjustment.newBuilder().setRuleId("simvastatin-amiodarone-amlodipine-ranolazine")
                                .setReason("With amiodarone, amlodipine or ranolazine do not exceed simvastatin 20 mg daily"
                                        + " (myopathy risk).")
                                .setEffect("max 20 mg/day").setSource(SIMVASTATIN_LABEL))
                        .setKnowledgeBaseVersion(KB))
                .setKnowledgeBaseVersion(KB)
                .build();
    }

    static CheckDoseResponse simvastatinWithinStandardRange() {
        DoseRange range = range(10, 20, 40, 40);
        return CheckDoseResponse.newBuilder()
                .setVerdict(Verdict.VERDICT_WITHIN_RANGE).setComputedDailyDose(mgPerDay(20)).setRecommended(range)
                .addReasons("20 mg once daily is 20 mg per day, within the standard range 10–40 mg per day")
                .setRecommendation(DoseRecommendation.newBuilder().setDrugId("simvastatin")
                        .setStatus(DoseStatus.DOSE_STATUS_STANDARD).setDailyRange(range).setKnowledgeBaseVersion(KB))
                .setKnowledgeBaseVersion(KB)
                .build();
    }

    /** Citalopram in a CYP2C19 poor metabolizer: half the dose, at most 20 mg/d. */
    static CheckDoseResponse citalopram(Verdict verdict, double computedDaily) {
        DoseRange range = range(10, 10, 20, 20);
        return CheckDoseResponse.newBuilder()
                .setVerdict(verdict).setComputedDailyDose(mgPerDay(computedDaily)).setRecommended(range)
                .addReasons(CardText.plain(computedDaily) + " mg per day, "
                        + (verdict == Verdict.VERDICT_ABOVE_RANGE ? "above" : "below") + " the adjusted range 10–20 mg per day")
                .setRecommendation(DoseRecommendation.newBuilder().setDrugId("citalopram").setIndicationId("depression")
                        .setStatus(DoseStatus.DOSE_STATUS_ADJUSTED).setDailyRange(range)
                        .setRegimen("target 10 mg/day (10–20 mg/day), oral, once daily; standard regimen: 20 mg once daily")
                        .addAdjustments(Adjustment.newBuilder().setRuleId("citalopram-cyp2c19-poor")
                                .setReason("CYP2C19 poor metabolizer: if citalopram is used, start low, titrate slowly and"
                                        + " use a 50% lower maintenance dose.")
                                .setEffect("dose x0.5").setRecommendationStrength("Moderate").setSource(CPIC_SSRI))
                        .addAdjustments(Adjustment.newBuilder().setRuleId("citalopram-cyp2c19-poor-label-max")
                                .setReason("The citalopram label limits CYP2C19 poor metabolizers to a maximum of 20 mg/day.")
                                .setEffect("max 20 mg/day"))
                        .addAlternatives("fluoxetine").addAlternatives("paroxetine").addAlternatives("bupropion")
                        .setKnowledgeBaseVersion(KB))
                .setKnowledgeBaseVersion(KB)
                .build();
    }

    /** Apixaban 2.5 mg twice daily when the standard 10 mg/d applies. */
    static CheckDoseResponse apixabanBelowRange() {
        DoseRange range = range(10, 10, 10, 10);
        return CheckDoseResponse.newBuilder()
                .setVerdict(Verdict.VERDICT_BELOW_RANGE).setComputedDailyDose(mgPerDay(5)).setRecommended(range)
                .addReasons("2.5 mg twice daily is 5 mg per day, below the standard range 10–10 mg per day")
                .setRecommendation(DoseRecommendation.newBuilder().setDrugId("apixaban")
                        .setIndicationId("af-stroke-prevention").setStatus(DoseStatus.DOSE_STATUS_STANDARD)
                        .setDailyRange(range).setRegimen("5 mg twice daily; 2.5 mg twice daily if at least two of: age >=80"
                                + " years, body weight <=60 kg, serum creatinine >=1.5 mg/dL.")
                        .setKnowledgeBaseVersion(KB))
                .setKnowledgeBaseVersion(KB)
                .build();
    }

    /** Clopidogrel in a CYP2C19 poor metabolizer. */
    static CheckDoseResponse clopidogrelAvoid() {
        return CheckDoseResponse.newBuilder()
                .setVerdict(Verdict.VERDICT_AVOID).setComputedDailyDose(mgPerDay(75))
                .addReasons("75 mg once daily is 75 mg per day; avoid Clopidogrel; consider the alternatives")
                .addReasons("CYP2C19 poor metabolizer: markedly reduced formation of the active metabolite."
                        + " Use prasugrel or ticagrelor at standard dose if not contraindicated."
                        + " [CPIC Guideline for CYP2C19 Genotype and Clopidogrel Therapy: 2022 Update, PMID 35034351]")
                .setRecommendation(DoseRecommendation.newBuilder().setDrugId("clopidogrel").setIndicationId("acs-pci")
                        .setStatus(DoseStatus.DOSE_STATUS_AVOID).setRegimen("avoid Clopidogrel; consider the alternatives")
                        .addAdjustments(Adjustment.newBuilder().setRuleId("clopidogrel-cyp2c19-poor")
                                .setReason("CYP2C19 poor metabolizer: markedly reduced formation of the active metabolite."
                                        + " Use prasugrel or ticagrelor at standard dose if not contraindicated.")
                                .setEffect("avoid").setRecommendationStrength("Strong").setSource(CPIC_CLOPIDOGREL))
                        .addAlternatives("prasugrel").addAlternatives("ticagrelor")
                        .setKnowledgeBaseVersion(KB))
                .setKnowledgeBaseVersion(KB)
                .build();
    }

    /** Allopurinol in an HLA-B*58:01 carrier: the only alternative is outside the formulary. */
    static CheckDoseResponse allopurinolContraindicated() {
        return CheckDoseResponse.newBuilder()
                .setVerdict(Verdict.VERDICT_CONTRAINDICATED).setComputedDailyDose(mgPerDay(100))
                .addReasons("100 mg once daily is 100 mg per day; contraindicated: do not give Allopurinol")
                .setRecommendation(DoseRecommendation.newBuilder().setDrugId("allopurinol").setIndicationId("gout")
                        .setStatus(DoseStatus.DOSE_STATUS_CONTRAINDICATED)
                        .setRegimen("contraindicated: do not give Allopurinol")
                        .addAdjustments(Adjustment.newBuilder().setRuleId("allopurinol-hla-b5801-positive")
                                .setReason("HLA-B*58:01 carrier: markedly increased risk of severe cutaneous adverse"
                                        + " reactions (SJS/TEN, DRESS); allopurinol is contraindicated.")
                                .setEffect("contraindicated").setRecommendationStrength("Strong").setSource(CPIC_ALLOPURINOL))
                        .addAlternatives("febuxostat")
                        .setKnowledgeBaseVersion(KB))
                .setKnowledgeBaseVersion(KB)
                .build();
    }

    /** Dabigatran with no creatinine on file. */
    static CheckDoseResponse dabigatranInsufficientData() {
        return CheckDoseResponse.newBuilder()
                .setVerdict(Verdict.VERDICT_INSUFFICIENT_DATA).setComputedDailyDose(mgPerDay(300))
                .addReasons("150 mg twice daily is 300 mg per day; no dose can be recommended until the missing data are known")
                .addReasons("Missing labs.serum_creatinine: no serum creatinine result on file")
                .setRecommendation(DoseRecommendation.newBuilder().setDrugId("dabigatran")
                        .setIndicationId("af-stroke-prevention").setStatus(DoseStatus.DOSE_STATUS_INSUFFICIENT_DATA)
                        .setRegimen("no dose can be recommended until the missing data are known")
                        .addGaps(DataGap.newBuilder().setField("labs.serum_creatinine")
                                .setReason("no serum creatinine result on file"))
                        .setKnowledgeBaseVersion(KB))
                .setKnowledgeBaseVersion(KB)
                .build();
    }

    /** Citalopram for a 15-year-old. */
    static CheckDoseResponse citalopramOutOfScope() {
        String reason = "Patient is 15 years old; adult dosing (18 years and older) does not apply.";
        return CheckDoseResponse.newBuilder()
                .setVerdict(Verdict.VERDICT_OUT_OF_SCOPE).setComputedDailyDose(mgPerDay(20))
                .addReasons("20 mg once daily is 20 mg per day; " + reason)
                .setRecommendation(DoseRecommendation.newBuilder().setDrugId("citalopram").setIndicationId("depression")
                        .setStatus(DoseStatus.DOSE_STATUS_OUT_OF_SCOPE).setRegimen(reason).addWarnings(reason)
                        .setKnowledgeBaseVersion(KB))
                .setKnowledgeBaseVersion(KB)
                .build();
    }

    static DoseRange range(double low, double target, double high, double maxDaily) {
        return DoseRange.newBuilder().setLow(low).setTarget(target).setHigh(high).setUnit("mg/d").setRoute("oral")
                .setMaxDaily(maxDaily).build();
    }

    static Quantity mgPerDay(double value) {
        return Quantity.newBuilder().setValue(value).setUnit("mg/d").build();
    }
}
