package org.precisionrx.gateway.view;

import java.util.List;
import java.util.Set;

import org.precisionrx.common.v1.DataGap;
import org.precisionrx.profile.v1.Demographics;
import org.precisionrx.profile.v1.DerivedValues;
import org.precisionrx.profile.v1.History;
import org.precisionrx.profile.v1.LabResult;
import org.precisionrx.profile.v1.MedicationStatus;
import org.precisionrx.profile.v1.PatientProfile;

/**
 * The pharmacist's view: what dosing needs and nothing else. Pharmacogenomic results, renal and
 * hepatic labs, weight (with age and sex, which every dose rule reads), current medications and
 * allergies. Lifestyle, conditions, identifiers, birth date and consent are left out by building a
 * new message field by field, so a field added to the profile later is not shown by accident.
 */
public final class MedicationProfile {

    /** LOINC codes of kidney and liver function tests (and INR, which warfarin dosing reads). */
    static final Set<String> RENAL_AND_HEPATIC_LOINC = Set.of(
            "2160-0", "38483-4", "14682-9", "2164-2", "33914-3", "48642-3", "48643-1", "62238-1", "98979-8", "3094-0",
            "1742-6", "1920-8", "1975-2", "1751-7", "6768-6", "2324-2", "6301-6", "34714-6");

    private static final Set<String> GAP_FIELDS = Set.of("labs", "demographics.weight_kg", "demographics.birth_date",
            "demographics.sex_at_birth", "derived.creatinine_clearance_ml_min", "derived.egfr", "genetics");

    private MedicationProfile() {
    }

    public static PatientProfile of(PatientProfile full) {
        Demographics demographics = full.getDemographics();
        Demographics.Builder kept = Demographics.newBuilder().setSexAtBirth(demographics.getSexAtBirth());
        if (demographics.hasWeightKg()) {
            kept.setWeightKg(demographics.getWeightKg()).setWeightObservedAt(demographics.getWeightObservedAt());
        }
        History history = full.getHistory();
        History.Builder medications = History.newBuilder()
                .addAllMedications(history.getMedicationsList().stream()
                        .filter(m -> m.getStatus() == MedicationStatus.MEDICATION_STATUS_ACTIVE).toList())
                .addAllAllergies(history.getAllergiesList())
                .addAllLabs(renalAndHepatic(history.getLabsList()));
        return PatientProfile.newBuilder()
                .setPatientId(full.getPatientId())
                .setVersion(full.getVersion())
                .setDemographics(kept)
                .setGenetics(full.getGenetics())
                .setHistory(medications)
                .setDerived(derived(full.getDerived()))
                .build();
    }

    private static DerivedValues derived(DerivedValues all) {
        DerivedValues.Builder kept = DerivedValues.newBuilder()
                .setEgfrSource(all.getEgfrSource())
                .setComputedOn(all.getComputedOn())
                .addAllLatestLabs(renalAndHepatic(all.getLatestLabsList()))
                .addAllGaps(all.getGapsList().stream().filter(MedicationProfile::dosingGap).toList());
        if (all.hasAgeYears()) {
            kept.setAgeYears(all.getAgeYears());
        }
        if (all.hasCreatinineClearanceMlMin()) {
            kept.setCreatinineClearanceMlMin(all.getCreatinineClearanceMlMin());
        }
        if (all.hasEgfrMlMin173M2()) {
            kept.setEgfrMlMin173M2(all.getEgfrMlMin173M2());
        }
        if (all.hasSerumCreatinineMgDl()) {
            kept.setSerumCreatinineMgDl(all.getSerumCreatinineMgDl());
        }
        return kept.build();
    }

    private static Iterable<LabResult> renalAndHepatic(List<LabResult> labs) {
        return labs.stream().filter(lab -> RENAL_AND_HEPATIC_LOINC.contains(lab.getLoinc())).toList();
    }

    private static boolean dosingGap(DataGap gap) {
        return GAP_FIELDS.stream().anyMatch(prefix -> gap.getField().startsWith(prefix));
    }
}
