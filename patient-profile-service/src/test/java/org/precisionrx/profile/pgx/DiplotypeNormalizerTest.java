package org.precisionrx.profile.pgx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DiplotypeNormalizerTest {

    private static final String REF = "rs9923231 reference (C)";
    private static final String VAR = "rs9923231 variant (T)";

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            CYP2C19 | *2/*1                  | *1/*2
            CYP2C19 | *17/*2                 | *2/*17
            CYP2C19 | *10/*9                 | *9/*10
            CYP2C19 | '  *1 /  *2 '          | *1/*2
            CYP2C19 | CYP2C19*2/CYP2C19*1    | *1/*2
            cyp2c19 | CYP2C19*1/*2           | *1/*2
            CYP2C19 | cyp2c19 *17/*1         | *1/*17
            TPMT    | *3A/*1                 | *1/*3A
            TPMT    | *3C/*3A                | *3A/*3C
            CYP2D6  | *1x2/*1                | *1/*1x2
            CYP2D6  | *2X3/*4                | *2x3/*4
            CYP2D6  | *1 x N/*41             | *1xN/*41
            CYP2D6  | *1xn/*41               | *1xN/*41
            CYP2D6  | *1×2/*1                | *1/*1x2
            CYP2D6  | *1x>=3/*2              | *1x≥3/*2
            CYP2D6  | *4/*36 + *10           | *4/*36+*10
            DPYD    | c.1905+1G>A (*2A)/Reference | Reference/c.1905+1G>A (*2A)
            DPYD    | c.2846A>T/c.1679T>G (*13)   | c.1679T>G (*13)/c.2846A>T
            """)
    void normalises(String gene, String raw, String expected) {
        assertThat(DiplotypeNormalizer.normalize(gene, raw)).isEqualTo(expected);
    }

    @Test
    void dpydMultiWordAllelesKeepSingleSpaces() {
        assertThat(DiplotypeNormalizer.normalize("DPYD", "c.1129-5923C>G,  c.1236G>A (HapB3) / Reference"))
                .isEqualTo("Reference/c.1129-5923C>G, c.1236G>A (HapB3)");
    }

    @ParameterizedTest(name = "VKORC1 {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            C/C     | REF/REF
            C/T     | REF/VAR
            T/C     | REF/VAR
            T/T     | VAR/VAR
            CT      | REF/VAR
            G/G     | REF/REF
            G/A     | REF/VAR
            A/G     | REF/VAR
            A/A     | VAR/VAR
            GG      | REF/REF
            AG      | REF/VAR
            GA      | REF/VAR
            AA      | VAR/VAR
            ag      | REF/VAR
            -1639 G/A       | REF/VAR
            rs9923231 C/T   | REF/VAR
            rs9923231 variant (T)/rs9923231 reference (C) | REF/VAR
            RS9923231 REFERENCE (C)/rs9923231 reference (c) | REF/REF
            """)
    void vkorc1Notations(String raw, String expected) {
        String want = expected.replace("REF", REF).replace("VAR", VAR);
        assertThat(DiplotypeNormalizer.normalize("VKORC1", raw)).isEqualTo(want);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C/A", "GT", "X/Y", "C", "CCC", "C/", "rs9923231 variant (G)/rs9923231 reference (C)"})
    void rejectsNonVkorc1Genotypes(String raw) {
        assertThatThrownBy(() -> DiplotypeNormalizer.normalize("VKORC1", raw))
                .isInstanceOf(DiplotypeSyntaxException.class).hasMessageContaining(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*1*2", "", "   ", "*1/", "/*1", "*1/*2/*3", "*1//*2", "*1", "*1*2/*3", "CYP2C19*"})
    void rejectsTextThatIsNotADiplotype(String raw) {
        assertThatThrownBy(() -> DiplotypeNormalizer.normalize("CYP2C19", raw))
                .isInstanceOf(DiplotypeSyntaxException.class)
                .hasMessageContaining("not a diplotype")
                .hasMessageContaining("'" + raw + "'");
    }

    @Test
    void genePrefixIsMatchedWithoutChangingTheAllelesLength() {
        // "ß".toUpperCase() is "SS": the whole-string comparison matched a gene "SS" and cut past the end
        // (StringIndexOutOfBoundsException). "ß" does not start with the gene, so it stays the allele's name.
        assertThat(DiplotypeNormalizer.normalize("SS", "ß/*1")).isEqualTo("*1/ß");
        assertThat(DiplotypeNormalizer.normalize("SS", "ß*2/*1")).isEqualTo("*1/ß*2");
        assertThat(DiplotypeNormalizer.normalize("CYP2C19", "cyp2c19*2/CYP2C19*1")).isEqualTo("*1/*2");
    }

    @Test
    void refusesAnAlleleThatNamesTheGeneTwice() {
        // The prefix was stripped once, so "CYP2D6 CYP2D6*1" became "CYP2D6*1" and only the next
        // normalisation gave "*1": the result was not normal (found by PgxFuzzTest, idempotence).
        for (String raw : new String[] {"CYP2D6 CYP2D6 CYP2D6*1/*2", "CYP2D6 CYP2D6*1/*2", "*1/*2+CYP2D6 CYP2D6*3"}) {
            assertThatThrownBy(() -> DiplotypeNormalizer.normalize("CYP2D6", raw))
                    .isInstanceOf(DiplotypeSyntaxException.class)
                    .hasMessageContaining("names the gene CYP2D6 again");
        }
        assertThat(DiplotypeNormalizer.normalize("CYP2D6", "CYP2D6 *2/CYP2D6*1")).isEqualTo("*1/*2");
    }

    @Test
    void unicodeWhiteSpaceIsWhiteSpace() {
        // U+2000 (en quad) is white space, but neither trim() nor an ASCII \s removed it: "*1/\u2000" gave
        // a blank second allele (found by PgxFuzzTest).
        assertThatThrownBy(() -> DiplotypeNormalizer.normalize("CYP2C19", "*1/\u2000"))
                .isInstanceOf(DiplotypeSyntaxException.class)
                .hasMessageContaining("an allele is empty");
        assertThat(DiplotypeNormalizer.normalize("CYP2C19", "\u2003*2\u00a0/\u3000*1")).isEqualTo("*1/*2");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> DiplotypeNormalizer.normalize("CYP2C19", null))
                .isInstanceOf(DiplotypeSyntaxException.class);
    }

    @Test
    void orderIsNumericAware() {
        assertThat(AlleleOrder.INSTANCE.compare("*9", "*10")).isNegative();
        assertThat(AlleleOrder.INSTANCE.compare("*10", "*9")).isPositive();
        assertThat(AlleleOrder.INSTANCE.compare("*1", "*1x2")).isNegative();
        assertThat(AlleleOrder.INSTANCE.compare("Reference", "c.46C>G")).isNegative();
        assertThat(AlleleOrder.INSTANCE.compare("*2", "*2")).isZero();
    }
}
