package org.precisionrx.dosage.grpc;

import org.precisionrx.common.v1.Date;
import org.precisionrx.profile.v1.CarrierStatus;
import org.precisionrx.profile.v1.Demographics;
import org.precisionrx.profile.v1.DerivedValues;
import org.precisionrx.profile.v1.GeneResult;
import org.precisionrx.profile.v1.Genetics;
import org.precisionrx.profile.v1.HlaResult;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.SexAtBirth;

/** Inline profiles, shaped as patient-profile-service serves them. */
final class Profiles {

    private Profiles() {
    }

    static PatientProfile.Builder adult(int age) {
        return PatientProfile.newBuilder()
                .setDemographics(Demographics.newBuilder()
                        .setBirthDate(Date.newBuilder().setYear(2026 - age).setMonth(1).setDay(1))
                        .setSexAtBirth(SexAtBirth.SEX_AT_BIRTH_MALE).setWeightKg(80).setHeightCm(178))
                .setDerived(DerivedValues.newBuilder().setAgeYears(age).setCreatinineClearanceMlMin(90)
                        .setEgfrMlMin173M2(88).setSerumCreatinineMgDl(1.0));
    }

    static PatientProfile.Builder withGene(PatientProfile.Builder profile, String gene, String phenotype) {
        Genetics.Builder genetics = profile.getGenetics().toBuilder()
                .addResults(GeneResult.newBuilder().setGene(gene).setPhenotype(phenotype));
        return profile.setGenetics(genetics);
    }

    static PatientProfile.Builder withHla(PatientProfile.Builder profile, String allele, boolean carrier) {
        Genetics.Builder genetics = profile.getGenetics().toBuilder().addHla(HlaResult.newBuilder().setAllele(allele)
                .setStatus(carrier ? CarrierStatus.CARRIER_STATUS_POSITIVE : CarrierStatus.CARRIER_STATUS_NEGATIVE));
        return profile.setGenetics(genetics);
    }

    static PatientProfile.Builder withoutRenal(PatientProfile.Builder profile) {
        return profile.setDerived(profile.getDerived().toBuilder()
                .clearCreatinineClearanceMlMin().clearEgfrMlMin173M2().clearSerumCreatinineMgDl());
    }
}
