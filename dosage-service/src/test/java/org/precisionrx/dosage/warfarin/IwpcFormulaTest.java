package org.precisionrx.dosage.warfarin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.precisionrx.dosage.warfarin.WarfarinInputs.Cyp2c9;
import org.precisionrx.dosage.warfarin.WarfarinInputs.Race;
import org.precisionrx.dosage.warfarin.WarfarinInputs.Vkorc1;
import org.precisionrx.testsupport.SharedData;

class IwpcFormulaTest {

    @Test
    void reproducesThePublishedFiguresOnTheSharedTrainingFile() throws IOException {
        List<Map<String, String>> rows = IwpcCohort.read(SharedData.dir("data/iwpc/warfarin-train.csv"));
        assertThat(rows).hasSize(4579);
        double absoluteError = 0;
        int within20 = 0;
        int n = 0;
        for (Map<String, String> row : rows) {
            WarfarinInputs inputs = IwpcCohort.inputs(row);
            Double dose = IwpcCohort.dose(row);
            if (inputs == null || dose == null) {
                continue;
            }
            double predicted = IwpcFormula.pharmacogeneticWeeklyMg(inputs);
            absoluteError += Math.abs(predicted - dose);
            within20 += Math.abs(predicted - dose) <= 0.2 * dose ? 1 : 0;
            n++;
        }
        // shared/data/README.md: MAE 8.79 mg/week, 45.3% within 20%, over 3,526 rows.
        assertThat(n).isEqualTo(3526);
        assertThat(absoluteError / n).isCloseTo(8.79, within(0.01));
        assertThat((double) within20 / n).isCloseTo(0.453, within(0.001));
    }

    @Test
    void workedExample() {
        // 65 years (decade 6), 170 cm, 70 kg, VKORC1 AG, CYP2C9 *1/*2, white, no interacting drugs:
        // 5.6044 - 1.5684 + 1.479 + 0.896 - 0.8677 - 0.5211 = 5.0222 -> 25.22 mg/week
        WarfarinInputs in = new WarfarinInputs(6, 170, 70, Vkorc1.AG, Cyp2c9.STAR1_STAR2, Race.WHITE, false, false);
        assertThat(IwpcFormula.pharmacogeneticWeeklyMg(in)).isCloseTo(25.22, within(0.01));
        // clinical: 4.0376 - 1.5276 + 2.006 + 0.938 = 5.454 -> 29.75 mg/week
        assertThat(IwpcFormula.clinicalWeeklyMg(in)).isCloseTo(29.75, within(0.01));
    }

    @Test
    void csvKeepsQuotedLineBreaksInOneField() {
        assertThat(Csv.parse("a,\"b\nc\",\"d\"\"e\"\n1,2,3\n"))
                .containsExactly(List.of("a", "b\nc", "d\"e"), List.of("1", "2", "3"));
    }
}
