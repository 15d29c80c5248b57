package org.precisionrx.simulator;

import static org.precisionrx.simulator.Comorbidity.ATRIAL_FIBRILLATION;
import static org.precisionrx.simulator.Comorbidity.DIABETES;
import static org.precisionrx.simulator.Comorbidity.HEART_FAILURE;
import static org.precisionrx.simulator.Comorbidity.LIVER_DISEASE;
import static org.precisionrx.simulator.Comorbidity.PRIOR_MAJOR_BLEED;
import static org.precisionrx.simulator.Comorbidity.PRIOR_STROKE;

/**
 * P2Y12 inhibitor (with aspirin) after ACS with PCI. Success = 12 months free of MACE (CV death, MI,
 * stroke, stent thrombosis) and still on the drug. SAE = non-CABG major bleeding (TIMI/PLATO major,
 * including intracranial). Parameters and sources: docs/simulator.md, section "acs-pci".
 */
final class AcsModel implements IndicationModel {

    static final int CLOPIDOGREL = 0, PRASUGREL = 1, TICAGRELOR = 2;
    static final double MACE_BASE = 0.085;       // clopidogrel, CYP2C19 normal metabolizer, low-risk 60-year-old
    static final double MAJOR_BLEED_BASE = 0.030; // clopidogrel arm of PLATO: non-CABG major bleeding 3.8 %
    static final double[] DISCONTINUATION = {0.08, 0.09, 0.11}; // ticagrelor: dyspnoea (PLATO 13.8 % vs 7.8 %)

    @Override
    public Indication indication() {
        return Indication.ACS_PCI;
    }

    @Override
    public double[] prescribingLogits(Patient p) {
        double age = p.age() - 65;
        boolean pmKnown = p.pgxTested() && p.phenotype(Gene.CYP2C19).equals(Pharmacogenetics.PM);
        return new double[] {
            -0.6 + 0.06 * age + (p.has(PRIOR_MAJOR_BLEED) ? 1.0 : 0) + (p.has(ATRIAL_FIBRILLATION) ? 1.0 : 0)
                    + (p.has(PRIOR_STROKE) ? 0.5 : 0) + (p.crcl() < 60 ? 0.4 : 0)
                    + (p.strongCyp3a4Inhibitor() ? 0.8 : 0) - (pmKnown ? 0.8 : 0), // few prescribers act on genotype
            -1.0 - 0.08 * age + (p.has(DIABETES) ? 0.5 : 0) + (p.isFemale() ? 0 : 0.3)
                    - (p.has(PRIOR_STROKE) ? 2.5 : 0) - (p.weightKg() < 60 ? 1.0 : 0),
            0.0,
        };
    }

    @Override
    public ArmOutcome outcome(Patient p, int arm) {
        double risk = MACE_BASE * StrictMath.pow(1.25, (p.age() - 60) / 10.0) * (p.has(DIABETES) ? 1.4 : 1)
                * (p.egfr() < 60 ? 1.5 : 1) * (p.has(HEART_FAILURE) ? 1.6 : 1) * (p.has(PRIOR_STROKE) ? 1.4 : 1)
                * (p.smoking() == Smoking.CURRENT ? 1.2 : 1);
        double mace = switch (arm) {
            case CLOPIDOGREL -> risk * clopidogrelResponse(p);
            case PRASUGREL -> risk * 0.92 * (p.has(DIABETES) ? 0.85 : 1); // TRITON; diabetes subgroup HR 0.70
            default -> risk * 0.93 * (p.egfr() < 60 ? 0.90 : 1); // PLATO; CKD subgroup HR 0.77
        };
        double stop = DISCONTINUATION[arm] + (arm == TICAGRELOR
                ? (p.has(HEART_FAILURE) ? 0.05 : 0) + (p.age() >= 75 ? 0.03 : 0) : 0);
        double success = (1 - Math.min(mace, 0.6)) * (1 - stop);
        return ArmOutcome.of(success, MAJOR_BLEED_BASE * bleedMultiplier(p, arm));
    }

    /** Clopidogrel is a prodrug activated by CYP2C19 (Mega 2010 JAMA; CPIC 2022). */
    static double clopidogrelResponse(Patient p) {
        String c19 = p.phenotype(Gene.CYP2C19);
        double m = switch (c19) {
            case Pharmacogenetics.PM -> 1.76;
            case Pharmacogenetics.IM -> 1.55;
            case Pharmacogenetics.RM, Pharmacogenetics.UM -> 0.95;
            default -> 1.0;
        };
        m *= p.omeprazole() ? 1.10 : 1;                        // CYP2C19 inhibition by omeprazole
        m *= p.smoking() == Smoking.CURRENT ? 0.88 : 1;        // "smoker's paradox": CYP1A2 induction
        m *= p.strongCyp3a4Inhibitor() ? 1.10 : 1;             // CYP3A4 also activates clopidogrel
        return m;
    }

    private static double bleedMultiplier(Patient p, int arm) {
        double m = (p.age() >= 75 ? 1.8 : p.age() >= 65 ? 1.3 : 1) * (p.isFemale() ? 1.3 : 1)
                * (p.weightKg() < 60 ? 1.5 : 1) * (p.has(PRIOR_MAJOR_BLEED) ? 2.5 : 1) * (p.crcl() < 60 ? 1.4 : 1)
                * (p.has(LIVER_DISEASE) ? 1.5 : 1) * (p.alcoholUnitsWeek() >= 14 ? 1.3 : 1)
                * (p.omeprazole() ? 0.7 : 1)                                // COGENT: fewer GI bleeds
                * (p.has(ATRIAL_FIBRILLATION) ? 2.0 : 1);                   // triple therapy with an anticoagulant
        String c19 = p.phenotype(Gene.CYP2C19);
        return switch (arm) {
            case CLOPIDOGREL -> m * (c19.equals(Pharmacogenetics.RM) || c19.equals(Pharmacogenetics.UM) ? 1.2 : 1);
            case PRASUGREL -> m * 1.32 * (p.age() >= 75 ? 1.6 : 1) * (p.weightKg() < 60 ? 1.6 : 1)
                    * (p.has(PRIOR_STROKE) ? 2.5 : 1) * (p.has(ATRIAL_FIBRILLATION) ? 1.5 : 1);
            default -> m * 1.19 * (p.strongCyp3a4Inhibitor() ? 2.5 : 1) * (p.has(ATRIAL_FIBRILLATION) ? 1.5 : 1);
        };
    }
}
