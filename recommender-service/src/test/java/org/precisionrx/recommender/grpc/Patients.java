package org.precisionrx.recommender.grpc;

import java.util.UUID;

import org.precisionrx.common.v1.Coding;
import org.precisionrx.common.v1.Date;
import org.precisionrx.common.v1.Quantity;
import org.precisionrx.profile.v1.Ancestry;
import org.precisionrx.profile.v1.Condition;
import org.precisionrx.profile.v1.Consent;
import org.precisionrx.profile.v1.Demographics;
import org.precisionrx.profile.v1.ExternalIdentifier;
import org.precisionrx.profile.v1.GeneCall;
import org.precisionrx.profile.v1.GeneticsInput;
import org.precisionrx.profile.v1.History;
import org.precisionrx.profile.v1.IdentifierKind;
import org.precisionrx.profile.v1.LabResult;
import org.precisionrx.profile.v1.Lifestyle;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;
import org.precisionrx.profile.v1.SexAtBirth;
import org.precisionrx.profile.v1.SmokingStatus;
import org.precisionrx.profile.v1.UpsertProfileRequest;

/** Stores test patients in the real profile service and returns their ids. */
final class Patients {

    private Patients() {
    }

    /** A 66-year-old man after ACS, with the given CYP2C19 diplotype and complete data. */
    static UpsertProfileRequest.Builder acsPatient(String cyp2c19) {
        return UpsertProfileRequest.newBuilder()
                .addIdentifiers(ExternalIdentifier.newBuilder().setKind(IdentifierKind.IDENTIFIER_KIND_MRN)
                        .setSystem("urn:test:recommender").setValue("MRN-" + UUID.randomUUID()))
                .setDemographics(Demographics.newBuilder()
                        .setBirthDate(Date.newBuilder().setYear(1960).setMonth(2).setDay(10))
                        .setSexAtBirth(SexAtBirth.SEX_AT_BIRTH_MALE).setAncestry(Ancestry.ANCESTRY_WHITE)
                        .setWeightKg(84).setHeightCm(176))
                .setLifestyle(Lifestyle.newBuilder().setSmoking(SmokingStatus.SMOKING_STATUS_FORMER).setAlcoholUnitsPerWeek(4))
                .setGenetics(GeneticsInput.newBuilder()
                        .addCalls(GeneCall.newBuilder().setGene("CYP2C19").setDiplotype(cyp2c19))
                        .addCalls(GeneCall.newBuilder().setGene("CYP2C9").setDiplotype("*1/*1"))
                        .addCalls(GeneCall.newBuilder().setGene("VKORC1").setDiplotype("G/G"))
                        .addCalls(GeneCall.newBuilder().setGene("SLCO1B1").setDiplotype("*1/*1"))
                        .addCalls(GeneCall.newBuilder().setGene("CYP2D6").setDiplotype("*1/*1"))
                        .addCalls(GeneCall.newBuilder().setGene("ABCG2").setReportedPhenotype("Normal Function")))
                .setHistory(History.newBuilder()
                        .addConditions(Condition.newBuilder().setActive(true)
                                .setCode(Coding.newBuilder().setSystem("http://snomed.info/sct").setCode("394659003")))
                        .addConditions(Condition.newBuilder().setActive(true)
                                .setCode(Coding.newBuilder().setSystem("http://snomed.info/sct").setCode("38341003")))
                        .addLabs(LabResult.newBuilder().setLoinc("2160-0")
                                .setQuantity(Quantity.newBuilder().setValue(1.0).setUnit("mg/dL"))));
    }

    static String store(PatientProfileServiceBlockingStub profiles, UpsertProfileRequest.Builder patient) {
        return profiles.upsertProfile(patient.build()).getProfile().getPatientId();
    }

    static UpsertProfileRequest.Builder optedOut(UpsertProfileRequest.Builder patient) {
        return patient.setConsent(Consent.newBuilder().setModelRecommendationsOptOut(true));
    }
}
