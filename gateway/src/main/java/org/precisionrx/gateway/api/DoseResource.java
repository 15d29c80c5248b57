package org.precisionrx.gateway.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.precisionrx.dosage.kb.KnowledgeBase;
import org.precisionrx.dosage.v1.CheckDoseRequest;
import org.precisionrx.dosage.v1.CheckDoseResponse;
import org.precisionrx.dosage.v1.DoseRecommendation;
import org.precisionrx.dosage.v1.DoseRequest;
import org.precisionrx.dosage.v1.DoseSubject;
import org.precisionrx.dosage.v1.Frequency;
import org.precisionrx.dosage.v1.ProposedOrder;
import org.precisionrx.gateway.access.AccessGrant;
import org.precisionrx.gateway.access.PatientAccess;
import org.precisionrx.gateway.access.PatientAccess.Result;
import org.precisionrx.gateway.access.PatientAction;
import org.precisionrx.gateway.downstream.DosageClient;
import org.precisionrx.gateway.problem.ProblemException;
import org.precisionrx.gateway.problem.Validation;
import org.precisionrx.gateway.view.ProtoJson;

@Path("/api/v1/patients/{patientId}")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dosing")
public class DoseResource {

    private final PatientAccess access;
    private final DosageClient dosage;
    private final KnowledgeBase knowledgeBase;

    public DoseResource(PatientAccess access, DosageClient dosage, KnowledgeBase knowledgeBase) {
        this.access = access;
        this.dosage = dosage;
        this.knowledgeBase = knowledgeBase;
    }

    public record DoseQuery(String drugId, String indicationId) {
    }

    /** A proposed order; frequency is one of ONCE_DAILY, BID, TID, QID, Q4H, Q6H, Q8H, Q12H, WEEKLY. */
    public record OrderCheck(String drugId, Double amount, String unit, String route, String frequency, String indicationId) {
    }

    @POST
    @Path("/dose-recommendations")
    @Operation(summary = "The dose range for a drug from CPIC rules and renal, age, weight and interaction adjustments")
    public Response recommend(@PathParam("patientId") String patientId, DoseQuery query) {
        String id = Validation.patientId(patientId, "patientId");
        new Validation().require(query != null, "body", "a JSON body with drugId is required").throwIfInvalid();
        new Validation().require(present(query.drugId(), 64), "drugId", "is required (at most 64 characters)")
                .require(query.indicationId() == null || query.indicationId().length() <= 64, "indicationId", "is too long")
                .throwIfInvalid();
        requireFormularyDrug(query.drugId());
        AccessGrant grant = access.require(PatientAction.DOSE_RECOMMENDATION, id);
        DoseRequest request = DoseRequest.newBuilder().setSubject(DoseSubject.newBuilder().setPatientId(id))
                .setDrugId(query.drugId()).setIndicationId(query.indicationId() == null ? "" : query.indicationId()).build();
        String json = access.perform(grant, () -> {
            DoseRecommendation recommendation = dosage.recommend(grant, request);
            return Result.success(ProtoJson.json(recommendation),
                    recommendation.getDrugId() + ": " + recommendation.getStatus().name());
        });
        return Response.ok(json).build();
    }

    @POST
    @Path("/dose-checks")
    @Operation(summary = "Checks a proposed order against the patient's recommended range")
    public Response check(@PathParam("patientId") String patientId, OrderCheck order) {
        String id = Validation.patientId(patientId, "patientId");
        new Validation().require(order != null, "body", "a JSON body with the proposed order is required").throwIfInvalid();
        Frequency frequency = frequency(order.frequency());
        new Validation().require(present(order.drugId(), 64), "drugId", "is required (at most 64 characters)")
                .require(order.amount() != null && order.amount() > 0 && Double.isFinite(order.amount()), "amount",
                        "is required and must be a positive number")
                .require(present(order.unit(), 16), "unit", "is required: mg, mcg or g")
                .require(frequency != null, "frequency", "is required: one of " + Arrays.toString(allowedFrequencies()))
                .require(order.route() == null || order.route().length() <= 32, "route", "is too long")
                .require(order.indicationId() == null || order.indicationId().length() <= 64, "indicationId", "is too long")
                .throwIfInvalid();
        requireFormularyDrug(order.drugId());
        AccessGrant grant = access.require(PatientAction.DOSE_CHECK, id);
        CheckDoseRequest request = CheckDoseRequest.newBuilder()
                .setSubject(DoseSubject.newBuilder().setPatientId(id))
                .setOrder(ProposedOrder.newBuilder().setDrugId(order.drugId()).setAmount(order.amount()).setUnit(order.unit())
                        .setRoute(order.route() == null ? "" : order.route()).setFrequency(frequency)
                        .setIndicationId(order.indicationId() == null ? "" : order.indicationId()))
                .build();
        String json = access.perform(grant, () -> {
            CheckDoseResponse response = dosage.check(grant, request);
            return Result.success(ProtoJson.json(response), order.drugId() + ": " + response.getVerdict().name());
        });
        return Response.ok(json).build();
    }

    /** A drug outside the formulary is a mistake in the request, named with the closest ids. */
    private void requireFormularyDrug(String drugId) {
        if (knowledgeBase.drug(drugId).isEmpty()) {
            List<String> closest = knowledgeBase.closestDrugs(drugId, 3);
            throw ProblemException.badRequest("drugId", "is not a formulary drug"
                    + (closest.isEmpty() ? "" : "; did you mean " + String.join(", ", closest) + "?"));
        }
    }

    private static boolean present(String value, int maxLength) {
        return value != null && !value.isBlank() && value.length() <= maxLength;
    }

    static Frequency frequency(String name) {
        if (name == null) {
            return null;
        }
        return Arrays.stream(Frequency.values())
                .filter(f -> f != Frequency.FREQUENCY_UNSPECIFIED && f != Frequency.UNRECOGNIZED)
                .filter(f -> f.name().equals("FREQUENCY_" + name.toUpperCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }

    private static String[] allowedFrequencies() {
        return Arrays.stream(Frequency.values())
                .filter(f -> f != Frequency.FREQUENCY_UNSPECIFIED && f != Frequency.UNRECOGNIZED)
                .map(f -> f.name().substring("FREQUENCY_".length())).toArray(String[]::new);
    }
}
