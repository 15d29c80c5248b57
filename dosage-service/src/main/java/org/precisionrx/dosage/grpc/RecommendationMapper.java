package org.precisionrx.dosage.grpc;

import org.precisionrx.common.v1.Citation;
import org.precisionrx.common.v1.DataGap;
import org.precisionrx.common.v1.Date;
import org.precisionrx.common.v1.ModelInfo;
import org.precisionrx.dosage.engine.ModelEstimate;
import org.precisionrx.dosage.engine.Recommendation;
import org.precisionrx.dosage.kb.Rule;
import org.precisionrx.dosage.kb.Source;
import org.precisionrx.dosage.v1.Adjustment;
import org.precisionrx.dosage.v1.DoseEstimate;
import org.precisionrx.dosage.v1.DoseRange;
import org.precisionrx.dosage.v1.DoseRecommendation;
import org.precisionrx.dosage.v1.DoseStatus;

/** Engine results to the API messages. */
final class RecommendationMapper {

    private RecommendationMapper() {
    }

    static DoseRecommendation toProto(Recommendation rec) {
        DoseRecommendation.Builder out = DoseRecommendation.newBuilder()
                .setDrugId(rec.drugId())
                .setIndicationId(rec.indicationId())
                .setStatus(DoseStatus.valueOf("DOSE_STATUS_" + rec.status().name()))
                .setRegimen(rec.regimen())
                .addAllWarnings(rec.warnings())
                .addAllAlternatives(rec.alternatives())
                .setKnowledgeBaseVersion(rec.knowledgeBaseVersion());
        if (rec.range() != null) {
            out.setDailyRange(range(rec));
        }
        rec.applied().forEach(a -> out.addAdjustments(Adjustment.newBuilder()
                .setRuleId(a.rule().id())
                .setReason(a.rule().reason())
                .setEffect(a.effect())
                .setSource(citation(a.rule()))
                .setRecommendationStrength(a.rule().strength())));
        rec.missing().forEach(m -> out.addGaps(DataGap.newBuilder().setField(m.fact()).setReason(m.reason())));
        for (ModelEstimate e : rec.estimates()) {
            DoseEstimate.Builder estimate = DoseEstimate.newBuilder()
                    .setMethod(e.method()).setValue(e.value()).setUnit("mg/d").setDrivesRange(e.drivesRange());
            if (e.p10() != null) {
                estimate.setP10(e.p10()).setP50(e.p50()).setP90(e.p90());
            }
            out.addEstimates(estimate);
            if (e.modelVersion() != null && e.drivesRange()) {
                out.setModel(ModelInfo.newBuilder().setName(e.method()).setVersion(e.modelVersion()).setSha256(e.sha256()));
            }
        }
        return out.build();
    }

    static DoseRange range(Recommendation rec) {
        return DoseRange.newBuilder()
                .setLow(rec.range().low()).setTarget(rec.range().target()).setHigh(rec.range().high())
                .setUnit("mg/d").setRoute(rec.dose().route()).setMaxDaily(rec.maxDaily())
                .build();
    }

    private static Citation citation(Rule rule) {
        Source s = rule.source();
        Citation.Builder citation = Citation.newBuilder();
        if (s.guideline() != null) {
            citation.setGuideline(s.guideline());
        }
        if (s.pmid() != null) {
            citation.setPmid(s.pmid());
        }
        if (s.label() != null) {
            citation.setLabel(s.label());
        }
        if (s.url() != null) {
            citation.setUrl(s.url());
        }
        if (rule.reviewed() != null) {
            citation.setReviewDate(Date.newBuilder().setYear(rule.reviewed().getYear())
                    .setMonth(rule.reviewed().getMonthValue()).setDay(rule.reviewed().getDayOfMonth()));
        }
        return citation.build();
    }
}
