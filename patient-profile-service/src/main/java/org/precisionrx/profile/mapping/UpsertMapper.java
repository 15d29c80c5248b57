package org.precisionrx.profile.mapping;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.precisionrx.common.v1.Date;
import org.precisionrx.profile.ingest.AllergyFact;
import org.precisionrx.profile.ingest.ConditionFact;
import org.precisionrx.profile.ingest.Demographics;
import org.precisionrx.profile.ingest.ExternalId;
import org.precisionrx.profile.ingest.GeneticCall;
import org.precisionrx.profile.ingest.GeneticCall.GeneticSource;
import org.precisionrx.profile.ingest.HlaCall;
import org.precisionrx.profile.ingest.ImportProblem;
import org.precisionrx.profile.ingest.LabFact;
import org.precisionrx.profile.ingest.Lifestyle;
import org.precisionrx.profile.ingest.Lifestyle.DietFlag;
import org.precisionrx.profile.ingest.Measurement;
import org.precisionrx.profile.ingest.MedicationFact;
import org.precisionrx.profile.ingest.PatientRecord;
import org.precisionrx.profile.service.InvalidRecordException;
import org.precisionrx.profile.service.Section;
import org.precisionrx.profile.service.StoreRequest;
import org.precisionrx.profile.v1.CarrierStatus;
import org.precisionrx.profile.v1.MedicationStatus;
import org.precisionrx.profile.v1.UpsertProfileRequest;

/**
 * Turns a structured upsert into a {@link StoreRequest}. Shape errors (unknown enum numbers,
 * impossible dates, a malformed id) are collected with their field path; value checks are left
 * to the validator that every ingestion path shares.
 */
@ApplicationScoped
public class UpsertMapper {

    static final String MANUAL = "manual:";

    public StoreRequest toStoreRequest(UpsertProfileRequest request) {
        List<ImportProblem> problems = new ArrayList<>();
        UUID patientId = request.getPatientId().isEmpty() ? null
                : parse(problems, "", "patient_id", "not a patient id", () -> UUID.fromString(request.getPatientId()));
        List<ExternalId> ids = new ArrayList<>();
        for (int i = 0; i < request.getIdentifiersCount(); i++) {
            var id = request.getIdentifiers(i);
            ExternalId.Kind kind = parse(problems, "identifiers[" + i + "]", "kind", "unknown identifier kind",
                    () -> EnumMapper.kind(id.getKind()));
            ids.add(new ExternalId(kind, id.getSystem().strip(), id.getValue().strip()));
        }
        Set<Section> replace = EnumSet.noneOf(Section.class);
        Demographics demographics = request.hasDemographics() ? demographics(request, problems, replace) : null;
        Lifestyle lifestyle = request.hasLifestyle() ? lifestyle(request, problems, replace) : null;
        List<GeneticCall> calls = new ArrayList<>();
        List<HlaCall> hla = new ArrayList<>();
        if (request.hasGenetics()) {
            replace.add(Section.GENETICS);
            genetics(request, calls, hla, problems);
        }
        List<ConditionFact> conditions = new ArrayList<>();
        List<MedicationFact> medications = new ArrayList<>();
        List<LabFact> labs = new ArrayList<>();
        List<AllergyFact> allergies = new ArrayList<>();
        if (request.hasHistory()) {
            replace.add(Section.HISTORY);
            history(request, conditions, medications, labs, allergies, problems);
        }
        Boolean optOut = null;
        if (request.hasConsent()) {
            replace.add(Section.CONSENT);
            optOut = request.getConsent().getModelRecommendationsOptOut();
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(problems);
        }
        PatientRecord record = new PatientRecord("upsert", ids, demographics, lifestyle, calls, hla,
                conditions, medications, labs, allergies);
        return new StoreRequest(patientId, request.hasExpectedVersion() ? request.getExpectedVersion() : null,
                record, replace, optOut, patientId == null);
    }

    private static Demographics demographics(UpsertProfileRequest request, List<ImportProblem> problems, Set<Section> replace) {
        replace.add(Section.DEMOGRAPHICS);
        var d = request.getDemographics();
        return new Demographics(
                d.hasBirthDate() ? date(problems, "demographics", "birth_date", d.getBirthDate()) : null,
                parse(problems, "demographics", "sex_at_birth", "unknown value", () -> EnumMapper.sex(d.getSexAtBirth())),
                false,
                parse(problems, "demographics", "ancestry", "unknown value", () -> EnumMapper.ancestry(d.getAncestry())),
                d.hasHeightCm() ? new Measurement(d.getHeightCm(),
                        d.hasHeightObservedAt() ? ProtoValues.instant(d.getHeightObservedAt()) : null) : null,
                d.hasWeightKg() ? new Measurement(d.getWeightKg(),
                        d.hasWeightObservedAt() ? ProtoValues.instant(d.getWeightObservedAt()) : null) : null);
    }

    private static Lifestyle lifestyle(UpsertProfileRequest request, List<ImportProblem> problems, Set<Section> replace) {
        replace.add(Section.LIFESTYLE);
        var l = request.getLifestyle();
        Set<DietFlag> flags = EnumSet.noneOf(DietFlag.class);
        for (int i = 0; i < l.getDietFlagsCount(); i++) {
            int index = i;
            DietFlag flag = parse(problems, "lifestyle", "diet_flags[" + i + "]", "unknown diet flag",
                    () -> EnumMapper.toDomain(DietFlag.class, l.getDietFlags(index), "DIET_FLAG_"));
            if (flag != null) {
                flags.add(flag);
            }
        }
        return new Lifestyle(
                parse(problems, "lifestyle", "smoking", "unknown value", () -> EnumMapper.smoking(l.getSmoking())),
                l.hasPackYears() ? l.getPackYears() : null,
                l.hasAlcoholUnitsPerWeek() ? l.getAlcoholUnitsPerWeek() : null,
                parse(problems, "lifestyle", "physical_activity", "unknown value", () -> EnumMapper.activity(l.getPhysicalActivity())),
                flags,
                l.hasObservedAt() ? ProtoValues.instant(l.getObservedAt()) : null);
    }

    private static void genetics(UpsertProfileRequest request, List<GeneticCall> calls, List<HlaCall> hla,
            List<ImportProblem> problems) {
        var g = request.getGenetics();
        for (var call : g.getCallsList()) {
            calls.add(new GeneticCall(call.getGene().strip(), blankToNull(call.getDiplotype()),
                    blankToNull(call.getReportedPhenotype()),
                    call.hasReportedActivityScore() ? call.getReportedActivityScore() : null,
                    GeneticSource.MANUAL, call.hasReportedAt() ? ProtoValues.instant(call.getReportedAt()) : null));
        }
        for (int i = 0; i < g.getHlaCount(); i++) {
            var h = g.getHla(i);
            if (h.getStatus() != CarrierStatus.CARRIER_STATUS_POSITIVE && h.getStatus() != CarrierStatus.CARRIER_STATUS_NEGATIVE) {
                problems.add(new ImportProblem("genetics.hla[" + i + "]", "status", "carrier status must be POSITIVE or NEGATIVE"));
                continue;
            }
            hla.add(new HlaCall(h.getAllele().strip(), h.getStatus() == CarrierStatus.CARRIER_STATUS_POSITIVE,
                    GeneticSource.MANUAL, h.hasReportedAt() ? ProtoValues.instant(h.getReportedAt()) : null));
        }
    }

    private static void history(UpsertProfileRequest request, List<ConditionFact> conditions,
            List<MedicationFact> medications, List<LabFact> labs, List<AllergyFact> allergies, List<ImportProblem> problems) {
        var h = request.getHistory();
        for (int i = 0; i < h.getConditionsCount(); i++) {
            var c = h.getConditions(i);
            conditions.add(new ConditionFact(key(c.getSourceKey(), c.getCode().getSystem() + "|" + c.getCode().getCode()),
                    blankToNull(c.getCode().getSystem()), c.getCode().getCode().strip(), blankToNull(c.getCode().getDisplay()),
                    c.getActive(), c.hasOnset() ? date(problems, "history.conditions[" + i + "]", "onset", c.getOnset()) : null));
        }
        for (int i = 0; i < h.getMedicationsCount(); i++) {
            var m = h.getMedications(i);
            if (m.getStatus() == MedicationStatus.UNRECOGNIZED || m.getStatus() == MedicationStatus.MEDICATION_STATUS_UNSPECIFIED) {
                problems.add(new ImportProblem("history.medications[" + i + "]", "status", "status must be ACTIVE or INACTIVE"));
            }
            String rxnorm = blankToNull(m.getRxnorm().getCode());
            String display = blankToNull(m.getDisplay().isBlank() ? m.getRxnorm().getDisplay() : m.getDisplay());
            medications.add(new MedicationFact(key(m.getSourceKey(), rxnorm != null ? rxnorm : String.valueOf(display)),
                    rxnorm, display, m.getStatus() == MedicationStatus.MEDICATION_STATUS_ACTIVE,
                    m.hasStart() ? date(problems, "history.medications[" + i + "]", "start", m.getStart()) : null));
        }
        for (var l : h.getLabsList()) {
            Instant at = l.hasEffectiveAt() ? ProtoValues.instant(l.getEffectiveAt()) : null;
            labs.add(new LabFact(key(l.getSourceKey(), l.getLoinc() + "|" + at), l.getLoinc().strip(),
                    blankToNull(l.getDisplay()), l.getQuantity().getValue(), l.getQuantity().getUnit().strip(), at));
        }
        for (var a : h.getAllergiesList()) {
            String code = blankToNull(a.getCode().getCode());
            String display = blankToNull(a.getCode().getDisplay());
            allergies.add(new AllergyFact(key(a.getSourceKey(), code != null ? code : String.valueOf(display)),
                    blankToNull(a.getCode().getSystem()), code, display, a.getActive()));
        }
    }

    /** Structured items without a key get one from their content, so that re-sending them is idempotent. */
    private static String key(String given, String content) {
        return given.isBlank() ? MANUAL + content : given.strip();
    }

    private static LocalDate date(List<ImportProblem> problems, String where, String field, Date date) {
        return parse(problems, where, field, "not a valid calendar date", () -> ProtoValues.localDate(date));
    }

    private static <T> T parse(List<ImportProblem> problems, String where, String field, String reason, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException | DateTimeException e) {
            problems.add(new ImportProblem(where.isEmpty() ? field : where, field, reason));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
