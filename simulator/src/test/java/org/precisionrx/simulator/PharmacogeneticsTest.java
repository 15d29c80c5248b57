package org.precisionrx.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PharmacogeneticsTest {

    @ParameterizedTest
    @CsvSource({
        "CYP2C19, *1, *1, Normal Metabolizer", "CYP2C19, *1, *2, Intermediate Metabolizer",
        "CYP2C19, *2, *17, Intermediate Metabolizer", "CYP2C19, *2, *3, Poor Metabolizer",
        "CYP2C19, *1, *17, Rapid Metabolizer", "CYP2C19, *17, *17, Ultrarapid Metabolizer",
        "CYP2C9, *1, *2, Intermediate Metabolizer", "CYP2C9, *2, *2, Intermediate Metabolizer",
        "CYP2C9, *2, *3, Poor Metabolizer", "CYP2C9, *3, *8, Poor Metabolizer", "CYP2C9, *1, *1, Normal Metabolizer",
        "CYP2D6, *1, *4, Intermediate Metabolizer", "CYP2D6, *4, *5, Poor Metabolizer",
        "CYP2D6, *1, *41, Normal Metabolizer", "CYP2D6, *10, *10, Intermediate Metabolizer",
        "CYP2D6, *1, *1x2, Ultrarapid Metabolizer", "CYP2D6, *4, *1x2, Normal Metabolizer",
        "SLCO1B1, *1, *15, Decreased Function", "SLCO1B1, *5, *15, Poor Function",
        "VKORC1, C, T, -1639 AG", "VKORC1, T, T, -1639 AA", "ABCG2, G, T, Decreased Function",
    })
    void diplotypesTranslateToCpicPhenotypes(Gene gene, String a, String b, String phenotype) {
        AlleleTable t = Pharmacogenetics.table(gene);
        int i = Arrays.asList(t.alleles()).indexOf(a);
        int j = Arrays.asList(t.alleles()).indexOf(b);
        assertThat(Pharmacogenetics.genotype(t, i, j).phenotype()).isEqualTo(phenotype);
        assertThat(Pharmacogenetics.genotype(t, j, i)).isEqualTo(Pharmacogenetics.genotype(t, i, j));
    }

    @Test
    void diplotypesAreWrittenAsLabsReportThem() {
        assertThat(Pharmacogenetics.genotype(Pharmacogenetics.table(Gene.CYP2C19), 2, 1).diplotype()).isEqualTo("*2/*3");
        assertThat(Pharmacogenetics.genotype(Pharmacogenetics.table(Gene.VKORC1), 1, 0).diplotype()).isEqualTo("rs9923231 C/T");
        assertThat(Pharmacogenetics.genotype(Pharmacogenetics.table(Gene.ABCG2), 0, 1).diplotype())
                .isEqualTo("rs2231142 reference (G)/rs2231142 variant (T)");
    }

    @Test
    void expectedPhenotypeFrequenciesSumToOne() {
        for (Gene g : Gene.values()) {
            for (Ancestry a : Ancestry.values()) {
                double sum = Pharmacogenetics.expectedPhenotypes(g, a).values().stream().mapToDouble(Double::doubleValue).sum();
                assertThat(sum).as("%s %s", g, a).isCloseTo(1.0, within(1e-9));
                assertThat(Pharmacogenetics.table(g).frequencies(a)[0]).isPositive();
            }
        }
    }

    @Test
    void renalEquationsMatchHandCalculations() {
        // CKD-EPI 2021: 142 x (1.0/0.9)^-1.200 x 0.9938^50 = 91.7 for a 50-year-old man with creatinine 1.0 mg/dL.
        assertThat(Renal.ckdEpi2021(50, 1.0, Sex.MALE)).isCloseTo(91.7, within(0.2));
        // Woman, 60, 0.6 mg/dL (below kappa): 142 x (0.6/0.7)^-0.241 x 0.9938^60 x 1.012 = 102.7.
        assertThat(Renal.ckdEpi2021(60, 0.6, Sex.FEMALE)).isCloseTo(102.7, within(0.2));
        // Cockcroft-Gault: (140-70) x 70 / (72 x 1.0) = 68.1; x 0.85 for women.
        assertThat(Renal.cockcroftGault(70, 70, 1.0, Sex.MALE)).isCloseTo(68.06, within(0.01));
        assertThat(Renal.cockcroftGault(70, 70, 1.0, Sex.FEMALE)).isCloseTo(57.85, within(0.01));
    }
}
