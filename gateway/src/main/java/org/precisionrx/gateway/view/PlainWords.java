package org.precisionrx.gateway.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.precisionrx.profile.v1.CarrierStatus;
import org.precisionrx.profile.v1.GeneResult;
import org.precisionrx.profile.v1.HlaResult;
import org.precisionrx.profile.v1.MedicationStatus;
import org.precisionrx.profile.v1.PatientProfile;

/** Turns a profile into the patient's own plain-words view. Says less rather than guess. */
public final class PlainWords {

    private PlainWords() {
    }

    public static PatientFriendlyProfile profile(PatientProfile profile) {
        List<PatientFriendlyProfile.GeneResult> genes = new ArrayList<>();
        profile.getGenetics().getResultsList().forEach(result -> genes.add(gene(result)));
        profile.getGenetics().getHlaList().forEach(hla -> genes.add(hla(hla)));
        return new PatientFriendlyProfile(
                profile.getPatientId(),
                profile.getDerived().hasAgeYears() ? profile.getDerived().getAgeYears() : null,
                profile.getHistory().getMedicationsList().stream()
                        .filter(m -> m.getStatus() == MedicationStatus.MEDICATION_STATUS_ACTIVE)
                        .map(m -> !m.getDisplay().isBlank() ? m.getDisplay() : m.getDrugId())
                        .filter(name -> !name.isBlank()).toList(),
                profile.getHistory().getAllergiesList().stream().filter(a -> a.getActive())
                        .map(a -> !a.getCode().getDisplay().isBlank() ? a.getCode().getDisplay() : a.getDrugId())
                        .filter(name -> !name.isBlank()).toList(),
                genes,
                profile.getDerived().getGapsList().stream().map(gap -> sentence(gap.getReason())).distinct().toList());
    }

    static PatientFriendlyProfile.GeneResult gene(GeneResult result) {
        String phenotype = result.getPhenotype();
        return new PatientFriendlyProfile.GeneResult(result.getGene(), phenotype.isBlank() ? "not reported" : phenotype,
                meaning(result.getGene(), phenotype.toLowerCase(Locale.ROOT)));
    }

    private static String meaning(String gene, String phenotype) {
        String enzyme = "medicines that depend on " + gene;
        if (phenotype.isBlank() || phenotype.contains("indeterminate")) {
            return "This result could not be interpreted, so it is not used to choose your medicines.";
        }
        if (phenotype.contains("poor")) {
            return "Your body handles some " + enzyme + " much less than most people do. Your care team takes this into account when choosing medicines and doses.";
        }
        if (phenotype.contains("intermediate") || phenotype.contains("decreased")) {
            return "Your body handles some " + enzyme + " somewhat less than most people do. Your care team takes this into account when choosing medicines and doses.";
        }
        if (phenotype.contains("ultrarapid") || phenotype.contains("rapid") || phenotype.contains("increased")) {
            return "Your body handles some " + enzyme + " faster than most people do. Your care team takes this into account when choosing medicines and doses.";
        }
        if (phenotype.contains("normal")) {
            return "Your body handles " + enzyme + " in the usual way.";
        }
        return "Your care team can explain what this result means for your medicines.";
    }

    static PatientFriendlyProfile.GeneResult hla(HlaResult hla) {
        boolean positive = hla.getStatus() == CarrierStatus.CARRIER_STATUS_POSITIVE;
        boolean negative = hla.getStatus() == CarrierStatus.CARRIER_STATUS_NEGATIVE;
        String result = positive ? "carrier" : negative ? "not a carrier" : "not reported";
        String meaning = positive
                ? "You carry " + hla.getAllele() + ", which makes a serious reaction to certain medicines more likely. Your care team will avoid those medicines."
                : negative ? "You do not carry " + hla.getAllele() + "."
                : "This result is not known.";
        return new PatientFriendlyProfile.GeneResult(hla.getAllele(), result, meaning);
    }

    private static String sentence(String reason) {
        String trimmed = reason.strip();
        return trimmed.isEmpty() ? trimmed : Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1) + ".";
    }
}
