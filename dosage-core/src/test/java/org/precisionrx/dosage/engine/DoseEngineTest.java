package org.precisionrx.dosage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.precisionrx.dosage.engine.Recommendation.Missing;
import org.precisionrx.dosage.engine.Recommendation.Status;
import org.precisionrx.dosage.kb.KnowledgeBase;
import org.precisionrx.dosage.kb.KnowledgeBaseLoader;
import org.precisionrx.dosage.kb.Range;

/** The engine's semantics on a small fixture knowledge base (the real one is tested case by case elsewhere). */
class DoseEngineTest {

    private static final KnowledgeBase KB = new KnowledgeBaseLoader("kb-fixture/", DoseEngineTest.class.getClassLoader()).load();
    private final DoseEngine engine = new DoseEngine(KB, List.of());

    @Test
    void standardDoseWhenNothingApplies() {
        Recommendation rec = engine.recommend(Facts.adult().build(), "alpha", "ind-a");
        assertThat(rec.status()).isEqualTo(Status.STANDARD);
        assertThat(rec.range()).isEqualTo(new Range(10, 20, 40));
        assertThat(rec.regimen()).isEqualTo("20 mg orally once daily");
        assertThat(rec.warnings()).singleElement().asString().contains("alpha-hla").contains("hla:HLA-B*57:01");
    }

    @Test
    void factorAndCapCombineInOrder() {
        Recommendation rec = engine.recommend(Facts.adult().phenotype("CYP2C19", "Intermediate Metabolizer").crcl(25.0).build(),
                "alpha", "ind-a");
        assertThat(rec.status()).isEqualTo(Status.ADJUSTED);
        // x0.5 gives 5-10-20, then the renal cap of 15 lowers the top.
        assertThat(rec.range()).isEqualTo(new Range(5, 10, 15));
        assertThat(rec.maxDaily()).isEqualTo(15.0);
        assertThat(rec.applied()).extracting(a -> a.rule().id()).containsExactly("alpha-cyp-intermediate", "alpha-renal");
        assertThat(rec.applied()).extracting(Recommendation.Applied::effect).containsExactly("dose x0.5", "maximum 15 per day");
    }

    @Test
    void avoidCarriesAlternativesAndNoRange() {
        Recommendation rec = engine.recommend(Facts.adult().phenotype("CYP2C19", "Poor Metabolizer").build(), "alpha", "ind-a");
        assertThat(rec.status()).isEqualTo(Status.AVOID);
        assertThat(rec.range()).isNull();
        assertThat(rec.alternatives()).containsExactly("beta");
    }

    @Test
    void contraindicationOutranksEverything() {
        Recommendation rec = engine.recommend(Facts.adult().phenotype("CYP2C19", "Poor Metabolizer")
                .hla("HLA-B*57:01", true).crcl(null).build(), "alpha", "ind-a");
        assertThat(rec.status()).isEqualTo(Status.CONTRAINDICATED);
    }

    @Test
    void missingRenalFunctionIsInsufficientDataNamingIt() {
        Recommendation rec = engine.recommend(Facts.adult().crcl(null).build(), "alpha", "ind-a");
        assertThat(rec.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(rec.range()).isNull();
        assertThat(rec.missing()).extracting(Missing::fact).containsExactly("crclMlMin");
    }

    @Test
    void twoOfThreeCriteriaWithKleeneLogic() {
        // none, one, two criteria
        assertThat(engine.recommend(Facts.adult().build(), "alpha", "ind-b").range()).isEqualTo(new Range(5, 10, 20));
        assertThat(engine.recommend(Facts.adult().age(82).build(), "alpha", "ind-b").status()).isEqualTo(Status.STANDARD);
        Recommendation two = engine.recommend(Facts.adult().age(82).weight(58.0).build(), "alpha", "ind-b");
        assertThat(two.status()).isEqualTo(Status.ADJUSTED);
        assertThat(two.range()).isEqualTo(new Range(5, 5, 5));
        // Two criteria already met: the unknown third does not matter.
        assertThat(engine.recommend(Facts.adult().age(82).weight(58.0).creatinine(null).build(), "alpha", "ind-b").status())
                .isEqualTo(Status.ADJUSTED);
        // One met and one unknown: undecidable, so the missing fact is asked for.
        Recommendation open = engine.recommend(Facts.adult().age(82).creatinine(null).build(), "alpha", "ind-b");
        assertThat(open.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(open.missing()).extracting(Missing::fact).containsExactly("serumCreatinineMgDl");
        // None met and one unknown: two can no longer be reached.
        assertThat(engine.recommend(Facts.adult().creatinine(null).build(), "alpha", "ind-b").status()).isEqualTo(Status.STANDARD);
    }

    @Test
    void cautionOnlyWarns() {
        Recommendation rec = engine.recommend(Facts.adult().hla("HLA-B*57:01", false).taking("gamma").build(), "alpha", "ind-a");
        assertThat(rec.status()).isEqualTo(Status.STANDARD);
        assertThat(rec.warnings()).containsExactly("Gamma raises alpha exposure; monitor.");
    }

    @Test
    void weightBasedDosesAreSizedAndNeedWeight() {
        Recommendation rec = engine.recommend(Facts.adult().weight(70.0).build(), "sized", "");
        assertThat(rec.range()).isEqualTo(new Range(70, 140, 210));
        assertThat(rec.maxDaily()).isEqualTo(210.0);
        Recommendation unknown = engine.recommend(Facts.adult().weight(null).build(), "sized", "ind-b");
        assertThat(unknown.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(unknown.missing()).extracting(Missing::fact).containsExactly("weightKg");
    }

    @Test
    void childrenAreOutOfScopeAndUnknownAgeIsInsufficient() {
        assertThat(engine.recommend(Facts.adult().age(12).build(), "alpha", "ind-a").status()).isEqualTo(Status.OUT_OF_SCOPE);
        Recommendation noAge = engine.recommend(Facts.adult().age(null).build(), "alpha", "ind-a");
        assertThat(noAge.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(noAge.missing()).extracting(Missing::fact).containsExactly("ageYears");
    }

    @Test
    void unknownDrugsSuggestTheClosestAndIndicationsAreChecked() {
        assertThatThrownBy(() -> engine.recommend(Facts.adult().build(), "alpah", "ind-a"))
                .isInstanceOf(UnknownDrugException.class)
                .satisfies(e -> assertThat(((UnknownDrugException) e).closest()).startsWith("alpha"));
        assertThatThrownBy(() -> engine.recommend(Facts.adult().build(), "alpha", ""))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("several indications");
        assertThatThrownBy(() -> engine.recommend(Facts.adult().build(), "beta", "ind-b"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("no dose for indication 'ind-b'");
    }
}
