package org.precisionrx.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CardPrinterTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void showsIndicatorSummaryDetailSourceAndSuggestions() throws Exception {
        JsonNode response = json("""
                {"cards":[{"uuid":"c1","summary":"Clopidogrel should be avoided for this patient; consider prasugrel or ticagrelor",
                  "detail":"**Order:** clopidogrel 75 mg once daily = 75 mg/d\\n\\n**Why:**\\n- CYP2C19 intermediate metabolizer: reduced active metabolite.\\n\\n_Knowledge base 1.4.0_",
                  "indicator":"critical","source":{"label":"PrecisionRx dosage knowledge base"},
                  "suggestions":[{"label":"Replace clopidogrel with prasugrel","uuid":"s1","actions":[{"type":"delete"}]},
                                 {"label":"Replace clopidogrel with ticagrelor","uuid":"s2","isRecommended":true}],
                  "selectionBehavior":"at-most-one"}]}
                """);

        String text = CardPrinter.cards(response);

        assertThat(text).startsWith("  [CRITICAL] Clopidogrel should be avoided for this patient; consider prasugrel or ticagrelor\n")
                .contains("      Order: clopidogrel 75 mg once daily = 75 mg/d")
                .contains("      • CYP2C19 intermediate metabolizer: reduced active metabolite.")
                .contains("      source: PrecisionRx dosage knowledge base")
                .contains("      suggestion: Replace clopidogrel with prasugrel\n")
                .contains("      suggestion: Replace clopidogrel with ticagrelor (recommended)")
                .doesNotContain("**").doesNotContain("\"uuid\"");
    }

    @Test
    void alignsTheRankingTableOfAPatientViewCard() throws Exception {
        JsonNode response = json("""
                {"cards":[{"summary":"Acute coronary syndrome: ticagrelor ranked first of 3 options","indicator":"info",
                  "detail":"**Ranking:** model-based.\\n\\n| # | Option | Safety |\\n|---|---|---|\\n| 1 | ticagrelor | standard |\\n| 2 | clopidogrel | avoid: CYP2C19 |",
                  "source":{"label":"PrecisionRx"}}]}
                """);

        String text = CardPrinter.cards(response);

        assertThat(text).contains("      #  Option       Safety\n")
                .contains("      1  ticagrelor   standard\n")
                .contains("      2  clopidogrel  avoid: CYP2C19")
                .doesNotContain("|---");
    }

    @Test
    void aTableTooWideForTheTerminalBecomesOneBlockPerRow() throws Exception {
        String reason = "Age 75 years or older: generally not recommended because of the risk of fatal and intracranial bleeding.";
        JsonNode response = json("""
                {"cards":[{"summary":"ACS: ticagrelor ranked first","indicator":"info",
                  "detail":"| # | Option | Benefit | Safety |\\n|---|---|---|---|\\n| 1 | ticagrelor | 56.3% | standard dose |\\n| 2 | prasugrel | 64.6% | avoid: %s |"}]}
                """.replace("%s", reason));

        String text = CardPrinter.cards(response);

        assertThat(text).contains("      1  ticagrelor\n         Benefit: 56.3%\n         Safety: standard dose\n")
                .contains("      2  prasugrel\n         Benefit: 64.6%\n         Safety: avoid: Age 75 years or older")
                .doesNotContain("Option:");
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(CardPrinter.WIDTH));
    }

    @Test
    void linksKeepTheirTextAndShowTheirAddress() {
        assertThat(TerminalMarkdown.inline("[CPIC clopidogrel 2022](https://pubmed.ncbi.nlm.nih.gov/35034351/) (PMID 35034351)"))
                .isEqualTo("CPIC clopidogrel 2022 <https://pubmed.ncbi.nlm.nih.gov/35034351/> (PMID 35034351)");
    }

    @Test
    void wrapsLongSummariesUnderTheirIndicator() throws Exception {
        String summary = "word ".repeat(40).strip();
        String text = CardPrinter.cards(json("{\"cards\":[{\"summary\":\"" + summary + "\",\"indicator\":\"warning\"}]}"));

        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(CardPrinter.WIDTH));
        assertThat(text.lines().skip(1)).allSatisfy(line -> assertThat(line).startsWith(" ".repeat("  [WARNING] ".length()) + "word"));
    }

    @Test
    void saysSoWhenThereAreNoCards() throws Exception {
        assertThat(CardPrinter.cards(json("{\"cards\":[]}"))).contains("no cards");
    }
}
