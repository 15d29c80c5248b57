package org.precisionrx.profile.grpc;

import java.util.List;
import java.util.UUID;

import org.precisionrx.common.v1.Coding;
import org.precisionrx.common.v1.Date;
import org.precisionrx.common.v1.Quantity;
import org.precisionrx.profile.v1.Allergy;
import org.precisionrx.profile.v1.CarrierStatus;
import org.precisionrx.profile.v1.Condition;
import org.precisionrx.profile.v1.Consent;
import org.precisionrx.profile.v1.Demographics;
import org.precisionrx.profile.v1.ExternalIdentifier;
import org.precisionrx.profile.v1.GeneCall;
import org.precisionrx.profile.v1.GeneticsInput;
import org.precisionrx.profile.v1.HlaResult;
import org.precisionrx.profile.v1.History;
import org.precisionrx.profile.v1.IdentifierKind;
import org.precisionrx.profile.v1.LabResult;
import org.precisionrx.profile.v1.Medication;
import org.precisionrx.profile.v1.SexAtBirth;
import org.precisionrx.profile.v1.UpsertProfileRequest;

/** Structured profiles of a chosen size, for tests that count statements or page through many patients. */
final class ProfileFixtures {

    private static final List<String> GENES = List.of("CYP2C19", "CYP2C9", "SLCO1B1", "TPMT", "CYP3A5", "VKORC1");
    private static final List<String> DIPLOTYPES = List.of("*1/*2", "*1/*3", "*1/*5", "*1/*3A", "*1/*3", "G/A");

    private ProfileFixtures() {
    }

    /** A new patient with {@code records} items in every history section, up to six genes and two HLA results. */
    static UpsertProfileRequest patient(int records, boolean optOut) {
        GeneticsInput.Builder genetics = GeneticsInput.newBuilder();
        for (int i = 0; i < Math.min(records, GENES.size()); i++) {
            genetics.addCalls(GeneCall.newBuilder().setGene(GENES.get(i)).setDiplotype(DIPLOTYPES.get(i)));
        }
        if (records > 1) {
            genetics.addHla(HlaResult.newBuilder().setAllele("HLA-B*57:01").setStatus(CarrierStatus.CARRIER_STATUS_NEGATIVE))
                    .addHla(HlaResult.newBuilder().setAllele("HLA-B*15:02").setStatus(CarrierStatus.CARRIER_STATUS_NEGATIVE));
        }
        History.Builder history = History.newBuilder();
        for (int i = 0; i < records; i++) {
            history.addConditions(Condition.newBuilder().setActive(true).setSourceKey("c" + i)
                            .setCode(Coding.newBuilder().setSystem("http://snomed.info/sct").setCode("4985500" + i)))
                    .addMedications(Medication.newBuilder().setDisplay("drug " + i).setSourceKey("m" + i)
                            .setStatus(org.precisionrx.profile.v1.MedicationStatus.MEDICATION_STATUS_ACTIVE))
                    .addLabs(LabResult.newBuilder().setLoinc("2160-0").setSourceKey("l" + i)
                            .setQuantity(Quantity.newBuilder().setValue(0.8 + i / 100.0).setUnit("mg/dL")))
                    .addAllergies(Allergy.newBuilder().setActive(true).setSourceKey("a" + i)
                            .setCode(Coding.newBuilder().setDisplay("allergen " + i)));
        }
        return UpsertProfileRequest.newBuilder()
                .addIdentifiers(ExternalIdentifier.newBuilder().setKind(IdentifierKind.IDENTIFIER_KIND_MRN)
                        .setSystem("urn:test:fixtures").setValue("MRN-" + UUID.randomUUID()))
                .setDemographics(Demographics.newBuilder()
                        .setBirthDate(Date.newBuilder().setYear(1960).setMonth(3).setDay(14))
                        .setSexAtBirth(SexAtBirth.SEX_AT_BIRTH_MALE).setHeightCm(180).setWeightKg(82))
                .setGenetics(genetics)
                .setHistory(history)
                .setConsent(Consent.newBuilder().setModelRecommendationsOptOut(optOut))
                .build();
    }
}
