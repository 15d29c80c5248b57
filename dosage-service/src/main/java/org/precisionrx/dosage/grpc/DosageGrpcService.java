package org.precisionrx.dosage.grpc;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.precisionrx.common.v1.Date;
import org.precisionrx.common.v1.Quantity;
import org.precisionrx.dosage.config.DosageConfig;
import org.precisionrx.dosage.engine.DoseEngine;
import org.precisionrx.dosage.engine.InvalidRequestException;
import org.precisionrx.dosage.engine.Recommendation;
import org.precisionrx.dosage.facts.PatientFacts;
import org.precisionrx.dosage.kb.Drug;
import org.precisionrx.dosage.kb.Indication;
import org.precisionrx.dosage.kb.KnowledgeBase;
import org.precisionrx.dosage.order.DoseCheck;
import org.precisionrx.dosage.order.DoseUnits;
import org.precisionrx.dosage.order.Frequencies;
import org.precisionrx.dosage.v1.CheckDoseRequest;
import org.precisionrx.dosage.v1.CheckDoseResponse;
import org.precisionrx.dosage.v1.DosageServiceGrpc;
import org.precisionrx.dosage.v1.DoseRecommendation;
import org.precisionrx.dosage.v1.DoseRequest;
import org.precisionrx.dosage.v1.DoseResult;
import org.precisionrx.dosage.v1.KnowledgeBaseInfo;
import org.precisionrx.dosage.v1.KnowledgeBaseInfoRequest;
import org.precisionrx.dosage.v1.ProposedOrder;
import org.precisionrx.dosage.v1.RecommendDosesRequest;
import org.precisionrx.dosage.v1.RecommendDosesResponse;
import org.precisionrx.dosage.v1.Verdict;
import org.precisionrx.grpc.Unary;

/** The gRPC edge of dosage-service: checks request shape, delegates to the engine, maps results. */
@GrpcService
@Blocking
public class DosageGrpcService extends DosageServiceGrpc.DosageServiceImplBase {

    private final DoseEngine engine;
    private final SubjectResolver subjects;
    private final DosageConfig config;

    public DosageGrpcService(DoseEngine engine, SubjectResolver subjects, DosageConfig config) {
        this.engine = engine;
        this.subjects = subjects;
        this.config = config;
    }

    @Override
    public void recommendDose(DoseRequest request, StreamObserver<DoseRecommendation> response) {
        respond(response, () -> RecommendationMapper.toProto(recommend(request, "", new HashMap<>())));
    }

    @Override
    public void recommendDoses(RecommendDosesRequest request, StreamObserver<RecommendDosesResponse> response) {
        respond(response, () -> {
            if (request.getRequestsCount() == 0 || request.getRequestsCount() > config.maxBatch()) {
                throw new InvalidRequestException("requests", "give between 1 and " + config.maxBatch() + " requests");
            }
            Map<String, PatientFacts> cache = new HashMap<>();
            RecommendDosesResponse.Builder out = RecommendDosesResponse.newBuilder()
                    .setKnowledgeBaseVersion(engine.knowledgeBase().version());
            for (int i = 0; i < request.getRequestsCount(); i++) {
                try {
                    Recommendation rec = recommend(request.getRequests(i), "requests[" + i + "].", cache);
                    out.addResults(DoseResult.newBuilder().setRecommendation(RecommendationMapper.toProto(rec)));
                } catch (InvalidRequestException | StatusRuntimeException | org.precisionrx.dosage.engine.UnknownDrugException e) {
                    out.addResults(DoseResult.newBuilder().setError(GrpcErrors.toItemError(e)));
                }
            }
            return out.build();
        });
    }

    @Override
    public void checkDose(CheckDoseRequest request, StreamObserver<CheckDoseResponse> response) {
        respond(response, () -> {
            ProposedOrder order = request.getOrder();
            if (!request.hasOrder() || order.getDrugId().isBlank()) {
                throw new InvalidRequestException("order.drug_id", "the order needs a drug");
            }
            if (!Double.isFinite(order.getAmount()) || order.getAmount() <= 0) {
                throw new InvalidRequestException("order.amount", "amount must be a positive number");
            }
            double amountMg = DoseUnits.toMg(order.getAmount(), order.getUnit());
            double perDay = Frequencies.perDay(order.getFrequency());
            PatientFacts facts = subjects.facts(request.getSubject(), "subject", new HashMap<>());
            Recommendation rec = engine.recommend(facts, order.getDrugId().strip(), order.getIndicationId().strip());
            if (!order.getRoute().isBlank() && !order.getRoute().strip().equalsIgnoreCase(rec.dose().route())) {
                throw new InvalidRequestException("order.route", "the formulary dose of " + rec.drugId() + " is "
                        + rec.dose().route() + ", not " + order.getRoute().strip());
            }
            DoseCheck.Result check = DoseCheck.check(rec, amountMg, perDay, Frequencies.words(order.getFrequency()));
            CheckDoseResponse.Builder out = CheckDoseResponse.newBuilder()
                    .setVerdict(Verdict.valueOf("VERDICT_" + check.verdict().name()))
                    .setComputedDailyDose(Quantity.newBuilder().setValue(check.dailyMg()).setUnit("mg/d"))
                    .addAllReasons(check.reasons())
                    .setRecommendation(RecommendationMapper.toProto(rec))
                    .setKnowledgeBaseVersion(rec.knowledgeBaseVersion());
            if (rec.range() != null) {
                out.setRecommended(RecommendationMapper.range(rec));
            }
            return out.build();
        });
    }

    @Override
    public void getKnowledgeBaseInfo(KnowledgeBaseInfoRequest request, StreamObserver<KnowledgeBaseInfo> response) {
        respond(response, () -> {
            KnowledgeBase kb = engine.knowledgeBase();
            return KnowledgeBaseInfo.newBuilder()
                    .setVersion(kb.version())
                    .setReleased(Date.newBuilder().setYear(kb.released().getYear())
                            .setMonth(kb.released().getMonthValue()).setDay(kb.released().getDayOfMonth()))
                    .addAllDrugIds(kb.drugs().stream().map(Drug::id).toList())
                    .addAllIndicationIds(kb.indications().stream().map(Indication::id).toList())
                    .build();
        });
    }

    private Recommendation recommend(DoseRequest request, String prefix, Map<String, PatientFacts> cache) {
        if (request.getDrugId().isBlank()) {
            throw new InvalidRequestException(prefix + "drug_id", "drug_id is required");
        }
        PatientFacts facts = subjects.facts(request.getSubject(), prefix + "subject", cache);
        return engine.recommend(facts, request.getDrugId().strip(), request.getIndicationId().strip());
    }

    private static <T> void respond(StreamObserver<T> response, Supplier<T> work) {
        Unary.respond(response, work, GrpcErrors::toStatus);
    }
}
