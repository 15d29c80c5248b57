package org.precisionrx.profile.pgx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CYP2D6 activity scores. Allele values are CPIC's current table as packaged by PharmCAT
 * (*10 = *9 = *41 = 0.25, *17 = *14 = 0.5); expected rows marked "PharmCAT" are copied from that
 * table's own diplotype rows.
 */
class Cyp2d6ActivityScoreTest {

    private static PgxKnowledge knowledge;

    @BeforeAll
    static void load() {
        knowledge = PgxKnowledge.loadDefault();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
           *1/*1     | 2.0  | Normal Metabolizer
           *1/*4     | 1.0  | Intermediate Metabolizer
           *4/*4     | 0.0  | Poor Metabolizer
           *4/*10    | 0.25 | Intermediate Metabolizer
           *10/*10   | 0.5  | Intermediate Metabolizer
           *1/*10    | 1.25 | Normal Metabolizer
           *1/*41    | 1.25 | Normal Metabolizer
           *41/*41   | 0.5  | Intermediate Metabolizer
           *2/*41    | 1.25 | Normal Metabolizer
           *1x2/*1   | 3.0  | Ultrarapid Metabolizer
           *2x2/*2   | 3.0  | Ultrarapid Metabolizer
           *4x2/*1   | 1.0  | Intermediate Metabolizer
           *5/*5     | 0.0  | Poor Metabolizer
           *1/*17    | 1.5  | Normal Metabolizer
           *17/*17   | 1.0  | Intermediate Metabolizer
           *1/*14    | 1.5  | Normal Metabolizer
           *1/*9     | 1.25 | Normal Metabolizer
           *1/*9x2   | 1.5  | Normal Metabolizer
           *2x2/*41  | 2.25 | Normal Metabolizer
           *1x2/*41  | 2.25 | Normal Metabolizer
           *1x3/*1   | 4.0  | Ultrarapid Metabolizer
           *1/*41x3  | 1.75 | Normal Metabolizer
           *36+*10/*4 | 0.25 | Intermediate Metabolizer
           *3/*4xN   | 0.0  | Poor Metabolizer
            """)
    void scoresAndBands(String diplotype, double score, String phenotype) {
        PhenotypeCall call = knowledge.translate("CYP2D6", diplotype);
        assertThat(call.determinate()).as(call.toString()).isTrue();
        assertThat(call.activityScore()).isEqualTo(score);
        assertThat(call.phenotype()).isEqualTo(phenotype);
        assertThat(call.reason()).isNull();
    }

    @Test
    void bandBoundariesFollowTheConsensus() {
        assertThat(Cyp2d6ActivityScore.phenotypeOf(0)).isEqualTo("Poor Metabolizer");
        assertThat(Cyp2d6ActivityScore.phenotypeOf(0.25)).isEqualTo("Intermediate Metabolizer");
        assertThat(Cyp2d6ActivityScore.phenotypeOf(1.0)).isEqualTo("Intermediate Metabolizer");
        assertThat(Cyp2d6ActivityScore.phenotypeOf(1.25)).isEqualTo("Normal Metabolizer");
        assertThat(Cyp2d6ActivityScore.phenotypeOf(2.25)).isEqualTo("Normal Metabolizer");
        assertThat(Cyp2d6ActivityScore.phenotypeOf(2.5)).isEqualTo("Ultrarapid Metabolizer");
    }

    @Test
    void unknownCopyNumberOfAFunctionalAlleleIsUltrarapidWhenTheLowerBoundAlreadyIs() {
        PhenotypeCall call = knowledge.translate("CYP2D6", "*1xN/*1");
        assertThat(call.diplotype()).isEqualTo("*1/*1xN");
        assertThat(call.phenotype()).isEqualTo("Ultrarapid Metabolizer");
        assertThat(call.activityScore()).isEqualTo(3.0); // lower bound
        assertThat(call.determinate()).isTrue();
        // PharmCAT row "*1/*1x≥3" (>= 4.0, Ultrarapid)
        assertThat(knowledge.translate("CYP2D6", "*1x≥3/*1").phenotype()).isEqualTo("Ultrarapid Metabolizer");
        assertThat(knowledge.translate("CYP2D6", "*1x>=3/*1").activityScore()).isEqualTo(4.0);
    }

    @Test
    void unknownCopyNumberSpanningBandsIsIndeterminate() {
        PhenotypeCall call = knowledge.translate("CYP2D6", "*41xN/*4");
        assertThat(call.determinate()).isFalse();
        assertThat(call.phenotype()).isEqualTo("Indeterminate");
        assertThat(call.activityScore()).isNull();
        assertThat(call.reason()).contains("*41xN", "copy number", "unknown", "at least 0.5");
        assertThat(knowledge.translate("CYP2D6", "*1xN/*4").determinate()).isFalse(); // >= 2.0: NM or UM
    }

    @ParameterizedTest
    @ValueSource(strings = {"*1x21/*1", "*1x99999999999/*1", "*1x≥3000000000/*4"})
    void implausibleCopyNumbersAreIndeterminateNotAnError(String diplotype) {
        PhenotypeCall call = knowledge.translate("CYP2D6", diplotype);
        assertThat(call.determinate()).isFalse();
        assertThat(call.reason()).contains("copy number", "above 20");
    }

    @Test
    void unknownAlleleIsIndeterminateAndNamed() {
        PhenotypeCall call = knowledge.translate("CYP2D6", "*1/*999");
        assertThat(call.determinate()).isFalse();
        assertThat(call.phenotype()).isEqualTo("Indeterminate");
        assertThat(call.reason()).contains("*999");
        assertThat(call.activityScore()).isNull();
    }

    @Test
    void alleleOfUncertainFunctionIsIndeterminate() {
        PhenotypeCall call = knowledge.translate("CYP2D6", "*1/*22");
        assertThat(call.determinate()).isFalse();
        assertThat(call.reason()).contains("*22", "uncertain function");
    }
}
