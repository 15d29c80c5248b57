package org.precisionrx.recommender.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.precisionrx.dosage.engine.DoseEngine;
import org.precisionrx.dosage.kb.KnowledgeBaseLoader;
import org.precisionrx.simulator.CohortRow;
import org.precisionrx.simulator.Gene;
import org.precisionrx.simulator.Genotype;
import org.precisionrx.simulator.Indication;
import org.precisionrx.simulator.IndicationModel;
import org.precisionrx.simulator.Patient;
import org.precisionrx.simulator.Pharmacogenetics;

/**
 * The least regret any ranking model can reach on the held-out cohort, so that the bar (a quarter of the
 * guideline baseline's regret) is known to be reachable: the model may choose only among the arms the
 * dosage rules allow, and for the 15 % of patients without pharmacogenomic results it cannot know the
 * genotype the oracle uses. The floor is the regret of choosing the allowed arm with the highest true
 * benefit expected from what the record shows (the genotype averaged over the ancestry's frequencies).
 */
class RegretFloorTest {

    private static final int GENOTYPE_DRAWS = 200;
    private static final DoseEngine ENGINE = new DoseEngine(KnowledgeBaseLoader.loadDefault(), List.of());

    @ParameterizedTest
    @EnumSource(Indication.class)
    void theBarIsAboveTheFloor(Indication indication) {
        IndicationModel truth = IndicationModel.of(indication);
        List<CohortRow> holdout = RankingTraining.holdout(indication, TrainingCohorts.SEED);
        int[] popularity = TrainingCohorts.popularity(indication);
        SplittableRandom genotypes = new SplittableRandom(1);
        double guideline = 0;
        double floor = 0;
        for (CohortRow row : holdout) {
            boolean[] allowed = Policies.allowed(ENGINE, SimulatedRow.facts(row), indication.id, indication.arms);
            guideline += row.regret(Policies.guideline(popularity, allowed));
            double[] expected = row.patient().pgxTested() ? row.mu() : expectedBenefit(truth, row.patient(), genotypes);
            floor += row.regret(Policies.model(expected, allowed));
        }
        guideline /= holdout.size();
        floor /= holdout.size();
        System.out.printf("%s: guideline regret %.4f, bar %.4f, floor %.4f%n", indication.id, guideline, guideline / 4, floor);
        assertThat(floor).as(indication.id + " floor").isLessThan(guideline / 4);
    }

    /** True benefit per arm averaged over genotypes drawn from the patient's ancestry. */
    private static double[] expectedBenefit(IndicationModel truth, Patient p, SplittableRandom r) {
        double[] mean = new double[p.indication().armCount()];
        for (int d = 0; d < GENOTYPE_DRAWS; d++) {
            Map<Gene, Genotype> drawn = new EnumMap<>(Gene.class);
            for (Gene gene : Gene.values()) {
                drawn.put(gene, Pharmacogenetics.sample(gene, p.ancestry(), r));
            }
            Patient q = new Patient(p.id(), p.mrn(), p.indication(), p.age(), p.sex(), p.ancestry(), p.heightCm(),
                    p.weightKg(), p.bmi(), p.creatinine(), p.crcl(), p.egfr(), p.conditions(), p.smoking(),
                    p.alcoholUnitsWeek(), p.highVitaminK(), p.amiodarone(), p.omeprazole(), p.strongCyp3a4Inhibitor(),
                    drawn, false);
            for (int a = 0; a < mean.length; a++) {
                mean[a] += truth.outcome(q, a).benefit() / GENOTYPE_DRAWS;
            }
        }
        return mean;
    }
}
