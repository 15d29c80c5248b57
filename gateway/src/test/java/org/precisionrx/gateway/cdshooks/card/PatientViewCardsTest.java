package org.precisionrx.gateway.cdshooks.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.precisionrx.common.v1.Citation;
import org.precisionrx.common.v1.ModelInfo;
import org.precisionrx.dosage.v1.Adjustment;
import org.precisionrx.dosage.v1.DoseRange;
import org.precisionrx.dosage.v1.DoseRecommendation;
import org.precisionrx.dosage.v1.DoseStatus;
import org.precisionrx.recommender.v1.Contribution;
import org.precisionrx.recommender.v1.Estimate;
import org.precisionrx.recommender.v1.RankedOption;
import org.precisionrx.recommender.v1.RecommendResponse;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

class PatientViewCardsTest {

    private static final String AF = "Atrial fibrillation";
    private static final Citation CPIC_WARFARIN = Citation.newBuilder()
            .setGuideline("CPIC Guideline for Pharmacogenetics-Guided Warfarin Dosing: 2017 Update").setPmid("28198005").build();
    private static final Citation DABIGATRAN_LABEL = Citation.newBuilder()
            .setLabel("Pradaxa (dabigatran etexilate) US prescribing information")
            .setUrl("https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=dabigatran").build();

    /** A model-based ranking of the five anticoagulants for a 78-year-old with CrCl 45 mL/min. */
    static RecommendResponse modelBased() {
        return RecommendResponse.newBuilder()
                .setPatientId("p-0042").setIndicationId("af-stroke-prevention")
                .setModelBased(true).setModelCardId("af-benefit@2026.11.1")
                .setModel(ModelInfo.newBuilder().setName("af-benefit").setVersion("2026.11.1").setSha256("ab12"))
                .setAdverseEventModel(ModelInfo.newBuilder().setName("af-major-bleeding").setVersion("2026.11.1"))
                .addOptions(option(1, "apixaban", 0.9123, 0.8804, 0.9411, 0.0312, 0.0201, 0.0455)
                        .setSafetyStatus(DoseStatus.DOSE_STATUS_STANDARD)
                        .setDose(dose("apixaban", DoseStatus.DOSE_STATUS_STANDARD, range(10, 10, 10),
                                "5 mg twice daily; 2.5 mg twice daily if at least two of: age >=80 years, body weight <=60 kg"))
                        .addExplanation(contribution("age", "78 years", 1.84))
                        .addExplanation(contribution("creatinine clearance", "45 mL/min", -0.62))
                        .addExplanation(contribution("prior stroke", "no", 0.01)))
                .addOptions(option(2, "edoxaban", 0.9034, 0.8702, 0.9333, 0.0401, 0.0280, 0.0550)
                        .setSafetyStatus(DoseStatus.DOSE_STATUS_ADJUSTED)
                        .setSafetyReason("CrCl 15-50 mL/min: 30 mg once daily.")
                        .setDose(dose("edoxaban", DoseStatus.DOSE_STATUS_ADJUSTED, range(30, 30, 30),
                                "target 30 mg/day (30–30 mg/day), oral, once daily")))
                .addOptions(option(3, "warfarin", 0.8812, 0.8455, 0.9107, 0.0523, 0.0388, 0.0691)
                        .setSafetyStatus(DoseStatus.DOSE_STATUS_ADJUSTED)
                        .setSafetyReason("CYP2C9 *1/*3 and VKORC1 -1639 GA: pharmacogenetic dosing.")
                        .setDose(dose("warfarin", DoseStatus.DOSE_STATUS_ADJUSTED, range(2.5, 3.4, 4.5),
                                "target 3.4 mg/day (2.5–4.5 mg/day), oral, once daily")
                                .addAdjustments(Adjustment.newBuilder().setRuleId("warfarin-cyp2c9-vkorc1-genotype-guided")
                                        .setReason("Use the IWPC pharmacogenetic algorithm.").setSource(CPIC_WARFARIN)))
                        .addCitations(CPIC_WARFARIN))
                .addOptions(option(4, "rivaroxaban", 0.8701, 0.8302, 0.9009, 0.0488, 0.0351, 0.0647)
                        .setSafetyStatus(DoseStatus.DOSE_STATUS_ADJUSTED))
                .addOptions(option(5, "dabigatran", 0.8650, 0.8201, 0.8999, 0.0601, 0.0452, 0.0788)
                        .setSafetyStatus(DoseStatus.DOSE_STATUS_AVOID).addCitations(DABIGATRAN_LABEL))
                .build();
    }

    /** The same patient after opting out: guideline order, no estimates, no explanations. */
    static RecommendResponse guidelineOrder() {
        RecommendResponse.Builder response = modelBased().toBuilder().setModelBased(false)
                .addWarnings("the patient opted out of model-based recommendations: options are in guideline order"
                        + " (safety status, then formulary order) and carry no model estimates");
        for (RankedOption.Builder option : response.getOptionsBuilderList()) {
            option.clearBenefit().clearAdverseEventRisk().clearScore().clearExplanation();
        }
        return response.build();
    }

    /** dosage-service down: no safety status or doses. */
    static RecommendResponse degraded() {
        RecommendResponse.Builder response = modelBased().toBuilder().setDegraded(true)
                .addWarnings("dosage-service did not answer: safety status and dose ranges are missing;"
                        + " check every option against the guidelines before prescribing");
        for (RankedOption.Builder option : response.getOptionsBuilderList()) {
            option.clearDose().clearCitations().setSafetyStatus(DoseStatus.DOSE_STATUS_UNSPECIFIED).clearSafetyReason();
        }
        return response.build();
    }

    /** Every option unsafe: clopidogrel and prasugrel to avoid, ticagrelor contraindicated. */
    static RecommendResponse topOptionAvoid() {
        return RecommendResponse.newBuilder()
                .setPatientId("p-0007").setIndicationId("acs-pci").setModelBased(true)
                .setModel(ModelInfo.newBuilder().setName("acs-benefit").setVersion("2026.11.1"))
                .addOptions(option(1, "prasugrel", 0.81, 0.77, 0.85, 0.07, 0.05, 0.09)
                        .setSafetyStatus(DoseStatus.DOSE_STATUS_AVOID)
                        .setSafetyReason("History of stroke or TIA: prasugrel is not recommended.")
                        .setDose(dose("prasugrel", DoseStatus.DOSE_STATUS_AVOID, null, "avoid Prasugrel; consider the alternatives")))
                .addOptions(option(2, "ticagrelor", 0.83, 0.79, 0.87, 0.06, 0.04, 0.08)
                        .setSafetyStatus(DoseStatus.DOSE_STATUS_CONTRAINDICATED)
                        .setSafetyReason("History of intracranial haemorrhage."))
                .build();
    }

    static Stream<RecommendResponse> responses() {
        return Stream.of(modelBased(), guidelineOrder(), degraded(), topOptionAvoid(),
                RecommendResponse.newBuilder().setIndicationId("gout").build());
    }

    @ParameterizedTest
    @MethodSource("responses")
    void everyCardConforms(RecommendResponse response) {
        assertThat(CardConformance.problems(PatientViewCards.forIndication(AF, response, null))).isEmpty();
        assertThat(CardConformance.problems(PatientViewCards.forIndication(AF, response,
                "https://rx.example.org/smart/launch", "https://rx.example.org/"))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("responses")
    void statesNoNumberTheResponseDoesNotContain(RecommendResponse response) {
        Card card = PatientViewCards.forIndication(AF, response, null);
        Set<String> allowed = numbersIn(response);
        // Counts of options and the interval's coverage are the card's own words, not clinical numbers.
        allowed.addAll(List.of("90", String.valueOf(response.getOptionsCount()),
                String.valueOf(Math.max(0, response.getOptionsCount() - PatientViewCards.TABLE_ROWS))));

        assertThat(numbers(card.summary() + "\n" + card.detail())).isSubsetOf(allowed);
    }

    @Test
    void summarisesTheModelBasedRanking() {
        Card card = PatientViewCards.forIndication(AF, modelBased(), null);

        assertThat(card.summary()).isEqualTo("Atrial fibrillation: apixaban ranked first of 5 options");
        assertThat(card.indicator()).isEqualTo(Indicator.INFO);
        assertThat(card.source().label()).isEqualTo("PrecisionRx");
        assertThat(card.detail()).contains(
                "**Ranking:** model-based, by predicted benefit from model `af-benefit` version `2026.11.1`;"
                        + " adverse-event risk from model `af-major-bleeding` version `2026.11.1`.");
    }

    @Test
    void tabulatesTheTopThreeOptions() {
        String detail = PatientViewCards.forIndication(AF, modelBased(), null).detail();

        assertThat(detail).contains(
                "| 1 | apixaban | 91.2% (88.0–94.1%) | 3.1% (2.0–4.6%) | standard dose | 10 mg/d; 5 mg twice daily;",
                "| 2 | edoxaban | 90.3% (87.0–93.3%) | 4.0% (2.8–5.5%) | adjusted dose: CrCl 15-50 mL/min: 30 mg once daily. | 30 mg/d;",
                "| 3 | warfarin |", "2.5–4.5 mg/d (target 3.4 mg/d)", "2 more option(s) in PrecisionRx.");
        assertThat(detail).doesNotContain("rivaroxaban |", "dabigatran |");
    }

    @Test
    void explainsTheTopOptionWithSignedPoints() {
        String detail = PatientViewCards.forIndication(AF, modelBased(), null).detail();

        assertThat(detail).contains("**Why apixaban ranks first**", "- age = 78 years: +1.8",
                "- creatinine clearance = 45 mL/min: −0.6", "- prior stroke = no: 0.0");
    }

    @Test
    void explainsOnlyTheFirstOptionSoTheOthersNeedNoExplanations() {
        // HookCards asks the recommender for EXPLAINED_OPTIONS explanations: the card must read no more.
        assertThat(PatientViewCards.EXPLAINED_OPTIONS).isEqualTo(1);
        RecommendResponse.Builder everyExplained = modelBased().toBuilder();
        everyExplained.getOptionsBuilderList().stream().skip(1)
                .forEach(option -> option.addExplanation(contribution("age", "78 years", 0.5)));
        Card card = PatientViewCards.forIndication(AF, modelBased(), null);
        Card withEvery = PatientViewCards.forIndication(AF, everyExplained.build(), null);

        assertThat(withEvery.summary()).isEqualTo(card.summary());
        assertThat(withEvery.detail()).isEqualTo(card.detail()).contains("**Why apixaban ranks first**");
    }

    @Test
    void citesGuidelinesOnceWithPubMedLinks() {
        String detail = PatientViewCards.forIndication(AF, modelBased(), null).detail();

        String cpic = "- [CPIC Guideline for Pharmacogenetics-Guided Warfarin Dosing: 2017 Update]"
                + "(https://pubmed.ncbi.nlm.nih.gov/28198005/) (PMID 28198005)";
        assertThat(detail).contains("**Evidence:**", cpic);
        assertThat(detail.indexOf(cpic)).isEqualTo(detail.lastIndexOf(cpic));
        assertThat(detail).as("dabigatran is not among the three shown").doesNotContain("Pradaxa");
    }

    @Test
    void guidelineOrderSaysSoAndShowsNoEstimates() {
        Card card = PatientViewCards.forIndication(AF, guidelineOrder(), null);

        assertThat(card.summary()).isEqualTo("Atrial fibrillation: apixaban first of 5 options in guideline order");
        assertThat(card.detail()).contains("**Ranking:** guideline order, not model-based", "| not estimated | not estimated |",
                "the patient opted out of model-based recommendations")
                .doesNotContain("ranks first", "af-benefit").doesNotContainPattern("\\d\\.\\d%");
    }

    @Test
    void degradedAnswerWarnsAndSaysDoseRangesAreUnavailable() {
        Card card = PatientViewCards.forIndication(AF, degraded(), null);

        assertThat(card.indicator()).isEqualTo(Indicator.WARNING);
        assertThat(card.summary()).isEqualTo("Atrial fibrillation: apixaban ranked first of 5 options (partial answer)");
        assertThat(card.detail()).contains("**Partial answer:**", "| not assessed | dose ranges unavailable |",
                "dosage-service did not answer");
    }

    @Test
    void anUnsafeTopOptionWarns() {
        Card card = PatientViewCards.forIndication("Antiplatelet therapy after ACS or PCI", topOptionAvoid(), null);

        assertThat(card.indicator()).isEqualTo(Indicator.WARNING);
        assertThat(card.summary())
                .isEqualTo("Antiplatelet therapy after ACS or PCI: prasugrel ranked first of 2 options, but marked avoid");
        assertThat(card.detail()).contains("| avoid: History of stroke or TIA: prasugrel is not recommended. |"
                + " avoid Prasugrel; consider the alternatives |", "| contraindicated: History of intracranial haemorrhage. |"
                + " no dose range given |");
    }

    @Test
    void linksTheSmartAppAndTheModelCard() {
        Card card = PatientViewCards.forIndication(AF, modelBased(), "https://rx.example.org/smart/launch",
                "https://rx.example.org/");

        assertThat(card.links()).containsExactly(new Link("Open PrecisionRx for this patient",
                "https://rx.example.org/smart/launch", Link.SMART, "{\"indicationId\":\"af-stroke-prevention\"}"));
        assertThat(card.source().url()).isEqualTo("https://rx.example.org/api/v1/model-cards/af-stroke-prevention");
    }

    @Test
    void withoutABaseUrlTheModelCardPathIsInTheDetail() {
        Card card = PatientViewCards.forIndication(AF, modelBased(), null);

        assertThat(card.links()).isEmpty();
        assertThat(card.source().url()).isNull();
        assertThat(card.detail()).contains("Model card: `/api/v1/model-cards/af-stroke-prevention`");
    }

    @Test
    void aLongIndicationNameIsCutToFit() {
        Card card = PatientViewCards.forIndication("Thiopurine therapy ".repeat(10), modelBased(), null);

        assertThat(card.summary()).hasSizeLessThan(140).endsWith("…");
    }

    @Test
    void noOptionsIsSaidPlainly() {
        Card card = PatientViewCards.forIndication("Gout", RecommendResponse.newBuilder().setIndicationId("gout").build(), null);

        assertThat(card.summary()).isEqualTo("Gout: no treatment options could be ranked");
    }

    private static RankedOption.Builder option(int rank, String drug, double b, double bLow, double bHigh,
            double ae, double aeLow, double aeHigh) {
        return RankedOption.newBuilder().setRank(rank).setDrugId(drug).setScore(b * 100)
                .setBenefit(Estimate.newBuilder().setMean(b).setLower(bLow).setUpper(bHigh))
                .setAdverseEventRisk(Estimate.newBuilder().setMean(ae).setLower(aeLow).setUpper(aeHigh));
    }

    private static DoseRecommendation.Builder dose(String drug, DoseStatus status, DoseRange range, String regimen) {
        DoseRecommendation.Builder dose = DoseRecommendation.newBuilder().setDrugId(drug)
                .setIndicationId("af-stroke-prevention").setStatus(status).setRegimen(regimen).setKnowledgeBaseVersion("2026.11.0");
        return range == null ? dose : dose.setDailyRange(range);
    }

    private static DoseRange range(double low, double target, double high) {
        return DoseRange.newBuilder().setLow(low).setTarget(target).setHigh(high).setUnit("mg/d").setRoute("oral")
                .setMaxDaily(high).build();
    }

    private static Contribution contribution(String feature, String value, double points) {
        return Contribution.newBuilder().setFeature(feature).setValue(value).setContribution(points).build();
    }

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)*");

    private static Set<String> numbers(String text) {
        Set<String> found = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** Every number the response holds, in each form a card may show it: as sent, as a percentage, in words. */
    private static Set<String> numbersIn(Message message) {
        Set<String> numbers = new HashSet<>();
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            List<?> values = field.getKey().isRepeated() ? (List<?>) field.getValue() : List.of(field.getValue());
            for (Object value : values) {
                if (value instanceof Message nested) {
                    numbers.addAll(numbersIn(nested));
                } else if (value instanceof Double d) {
                    BigDecimal exact = BigDecimal.valueOf(d);
                    numbers.add(exact.stripTrailingZeros().toPlainString());
                    numbers.add(exact.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString());
                    numbers.add(exact.abs().setScale(1, RoundingMode.HALF_UP).toPlainString());
                } else if (value instanceof Integer i) {
                    numbers.add(String.valueOf(i));
                } else {
                    numbers.addAll(numbers(String.valueOf(value)));
                }
            }
        }
        return numbers;
    }
}
