package org.precisionrx.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class VerdictPrinterTest {

    @Test
    void putsAnOverdoseInWords() throws Exception {
        String check = """
                {"verdict":"VERDICT_ABOVE_RANGE","computedDailyDose":{"value":100.0,"unit":"mg/d"},
                 "recommended":{"low":10.0,"target":10.0,"high":10.0,"unit":"mg/d","route":"oral","maxDaily":10.0},
                 "reasons":["Proposed 100 mg/d is above the recommended 10 mg/d."],
                 "recommendation":{"drugId":"apixaban","status":"DOSE_STATUS_STANDARD","regimen":"5 mg orally twice daily"},
                 "knowledgeBaseVersion":"1.4.0"}
                """;

        String text = VerdictPrinter.verdict(new ObjectMapper().readTree(check));

        assertThat(text).isEqualTo(String.join("\n",
                "  Verdict:     ABOVE RANGE",
                "  Ordered:     100 mg/d",
                "  Recommended: 10–10 mg/d, target 10 mg/d, maximum 10 mg/d",
                "  Regimen:     5 mg orally twice daily",
                "  Why:",
                "    - Proposed 100 mg/d is above the recommended 10 mg/d.",
                "  (knowledge base 1.4.0)"));
    }

    @Test
    void leavesOutWhatTheCheckDoesNotSay() throws Exception {
        String text = VerdictPrinter.verdict(new ObjectMapper().readTree("""
                {"verdict":"VERDICT_INSUFFICIENT_DATA","reasons":["Creatinine clearance is unknown."]}
                """));

        assertThat(text).isEqualTo(String.join("\n",
                "  Verdict:     INSUFFICIENT DATA",
                "  Why:",
                "    - Creatinine clearance is unknown."));
    }

    @Test
    void roundsComputedDosesForReading() throws Exception {
        String text = VerdictPrinter.verdict(new ObjectMapper().readTree("""
                {"verdict":"VERDICT_WITHIN_RANGE","computedDailyDose":{"value":7.5000001,"unit":"mg/d"}}
                """));

        assertThat(text).contains("Ordered:     7.5 mg/d").contains("WITHIN RANGE");
    }
}
