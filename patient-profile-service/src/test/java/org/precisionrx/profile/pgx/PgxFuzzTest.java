package org.precisionrx.profile.pgx;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Properties of the genotype vocabulary, for any text:
 * <ul>
 * <li>{@link DiplotypeNormalizer}: a {@link DiplotypeSyntaxException}, or two alleles that normalise to
 * themselves again (idempotent) and do not depend on the order they were written in;</li>
 * <li>{@link PgxKnowledge#translate}: never throws (its contract), and a determinate call carries a CPIC
 * phenotype of that gene and a finite, non-negative activity score when it has one (CYP2D6 goes through
 * {@link Cyp2d6ActivityScore}, VKORC1 through {@link Vkorc1Notation});</li>
 * <li>{@link AlleleOrder}: a total order consistent with equals (antisymmetric, transitive);</li>
 * <li>{@link HlaBCarrierStatus}: a {@link DiplotypeSyntaxException}, or the three tracked alleles, each
 * present only when the text names it, whatever the order of the two alleles.</li>
 * </ul>
 * Inputs (FuzzedDataProvider): the gene choice is read from the last bytes, the text from the start; see
 * the files under {@code PgxFuzzTestInputs/}.
 */
class PgxFuzzTest {

    private static final PgxKnowledge KNOWLEDGE = PgxKnowledge.loadDefault();
    private static final List<String> GENES = genes();

    @FuzzTest(maxDuration = "3m")
    void diplotypeNormalizesOrRejects(FuzzedDataProvider data) {
        String gene = gene(data);
        String raw = data.consumeRemainingAsString();
        String normalized;
        try {
            normalized = DiplotypeNormalizer.normalize(gene, raw);
        } catch (DiplotypeSyntaxException rejected) {
            assertThat(rejected.getMessage()).startsWith("not a diplotype");
            return;
        }
        String[] alleles = normalized.split("/", -1);
        assertThat(alleles).hasSize(2).allSatisfy(allele -> assertThat(allele).isNotBlank());
        assertThat(DiplotypeNormalizer.normalize(gene, normalized)).as("idempotent").isEqualTo(normalized);
        String[] written = raw.split("/", -1);
        if (written.length == 2 && !Vkorc1Notation.GENE.equalsIgnoreCase(String.valueOf(gene).trim())) {
            assertThat(DiplotypeNormalizer.normalize(gene, written[1] + "/" + written[0]))
                    .as("independent of allele order").isEqualTo(normalized);
        }
    }

    @FuzzTest(maxDuration = "3m")
    void translateNeverThrows(FuzzedDataProvider data) {
        String gene = gene(data);
        String diplotype = data.consumeRemainingAsString();

        PhenotypeCall call = KNOWLEDGE.translate(gene, diplotype);

        assertThat(call).isNotNull();
        if (call.determinate()) {
            assertThat(KNOWLEDGE.isKnownPhenotype(call.gene(), call.phenotype())).as(call.phenotype()).isTrue();
        }
        if (call.activityScore() != null) {
            assertThat(call.activityScore()).isFinite().isGreaterThanOrEqualTo(0.0);
        }
    }

    @FuzzTest(maxDuration = "3m")
    void alleleOrderIsATotalOrder(FuzzedDataProvider data) {
        String a = data.consumeString(24);
        String b = data.consumeString(24);
        String c = data.consumeRemainingAsString();
        AlleleOrder order = AlleleOrder.INSTANCE;

        assertThat(Integer.signum(order.compare(a, b))).isEqualTo(-Integer.signum(order.compare(b, a)));
        assertThat(order.compare(a, b) == 0).isEqualTo(a.equals(b));
        if (order.compare(a, b) <= 0 && order.compare(b, c) <= 0) {
            assertThat(order.compare(a, c)).isLessThanOrEqualTo(0);
        }
    }

    @FuzzTest(maxDuration = "3m")
    void hlaCarrierStatusOrRejects(FuzzedDataProvider data) {
        String diplotype = data.consumeRemainingAsString();
        Map<String, Boolean> status;
        try {
            status = HlaBCarrierStatus.fromDiplotype(diplotype);
        } catch (DiplotypeSyntaxException rejected) {
            return;
        }
        assertThat(status.keySet()).containsExactlyElementsOf(HlaBCarrierStatus.TRACKED_ALLELES);
        String compact = diplotype.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        status.forEach((allele, carrier) -> {
            if (carrier) {
                assertThat(compact).contains(allele.substring("HLA-B".length()));
            }
        });
        String[] sides = diplotype.split("/", -1);
        assertThat(HlaBCarrierStatus.fromDiplotype(sides[1] + "/" + sides[0])).isEqualTo(status);
    }

    /** A gene the knowledge covers (or null, or an unknown one) picked by the input's last bytes. */
    private static String gene(FuzzedDataProvider data) {
        return data.consumeBoolean() ? data.pickValue(GENES) : data.consumeString(12);
    }

    private static List<String> genes() {
        List<String> genes = new ArrayList<>(KNOWLEDGE.genes());
        genes.add("cyp2c19"); // case-insensitive symbols
        genes.add("HLA-B");
        return List.copyOf(genes);
    }
}
