package org.precisionrx.profile.pgx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PgxKnowledgeTest {

    private static PgxKnowledge knowledge;

    @BeforeAll
    static void load() {
        knowledge = PgxKnowledge.loadDefault();
    }

    @Test
    void translatesWithCaseInsensitiveGeneAndNormalisedDiplotype() {
        PhenotypeCall call = knowledge.translate(" cyp2c19 ", "CYP2C19*2/CYP2C19*1");
        assertThat(call).isEqualTo(new PhenotypeCall("CYP2C19", "*1/*2", "Intermediate Metabolizer", null, true, null));
    }

    @Test
    void activityScoreGenesReportTheirScore() {
        assertThat(knowledge.translate("CYP2C9", "*3/*1"))
                .isEqualTo(new PhenotypeCall("CYP2C9", "*1/*3", "Intermediate Metabolizer", 1.0, true, null));
        assertThat(knowledge.translate("DPYD", "c.1905+1G>A (*2A)/Reference").activityScore()).isEqualTo(1.0);
    }

    @Test
    void vkorc1GivesTheTablesPhenotypeString() {
        assertThat(knowledge.translate("VKORC1", "G/A").phenotype()).isEqualTo("-1639 AG");
        assertThat(knowledge.translate("VKORC1", "CC").phenotype()).isEqualTo("-1639 GG");
        assertThat(knowledge.translate("VKORC1", "T/T").phenotype()).isEqualTo("-1639 AA");
    }

    @Test
    void unknownGeneIsNotCovered() {
        PhenotypeCall call = knowledge.translate("CYP4F2", "*1/*3");
        assertThat(call.phenotype()).isEqualTo("Indeterminate");
        assertThat(call.determinate()).isFalse();
        assertThat(call.reason()).isEqualTo("gene CYP4F2 is not covered");
        assertThat(knowledge.supports("CYP4F2")).isFalse();
        assertThat(knowledge.tableVersion("CYP4F2")).isNull();
        assertThat(knowledge.translate("CYP4F2", "garbage").reason()).isEqualTo("gene CYP4F2 is not covered");
    }

    @Test
    void unknownAlleleIsNamed() {
        PhenotypeCall call = knowledge.translate("CYP2C19", "*1/*99");
        assertThat(call.determinate()).isFalse();
        assertThat(call.reason()).isEqualTo("allele *99 is not in the CPIC CYP2C19 table");
    }

    @Test
    void malformedInputIsIndeterminateNotAnException() {
        PhenotypeCall call = knowledge.translate("CYP2C19", "*1*2");
        assertThat(call.determinate()).isFalse();
        assertThat(call.diplotype()).isNull();
        assertThat(call.reason()).contains("*1*2");
        assertThat(knowledge.translate("CYP2C19", null).determinate()).isFalse();
    }

    @Test
    void tableIndeterminateKeepsCpicsWordAndExplains() {
        // *12 has Uncertain function in CPIC, so CPIC itself calls *1/*12 Indeterminate.
        PhenotypeCall call = knowledge.translate("CYP2C19", "*12/*1");
        assertThat(call.phenotype()).isEqualTo("Indeterminate");
        assertThat(call.determinate()).isFalse();
        assertThat(call.reason()).contains("CPIC CYP2C19 table gives Indeterminate", "*12 Uncertain function");
    }

    @Test
    void knownPhenotypesComeFromTheTables() {
        assertThat(knowledge.isKnownPhenotype("cyp2c19", "likely poor metabolizer")).isTrue();
        assertThat(knowledge.isKnownPhenotype("SLCO1B1", "Decreased Function")).isTrue();
        assertThat(knowledge.isKnownPhenotype("VKORC1", "-1639 AG")).isTrue();
        assertThat(knowledge.isKnownPhenotype("CYP2D6", "ultrarapid metabolizer")).isTrue();
        assertThat(knowledge.isKnownPhenotype("CYP2D6", "Rapid Metabolizer")).isFalse();
        assertThat(knowledge.isKnownPhenotype("SLCO1B1", "Poor Metabolizer")).isFalse();
        assertThat(knowledge.isKnownPhenotype("CYP4F2", "Poor Metabolizer")).isFalse();
    }

    @Test
    void genesAndVersions() {
        assertThat(knowledge.genes()).contains("CYP2D6", "CYP3A4").hasSize(13);
        assertThat(knowledge.supports("cyp2d6")).isTrue();
        assertThat(knowledge.tableVersion("TPMT")).isEqualTo("2025-11-05-00-25");
        assertThat(knowledge.tableVersion("CYP2D6")).contains("CPIC");
    }

    @Test
    void malformedTableFailsNamingFileAndField() {
        assertThatThrownBy(() -> parse("{\"gene\":\"TPMT\",\"version\":\"v\",\"haplotypes\":{\"*1\":\"Normal function\"},"
                + "\"activityValues\":{},\"diplotypes\":{\"*1/*1\":[\"Normal Metabolizer\",\"high\"]}}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pgx/cpic/TPMT.json").hasMessageContaining("*1/*1").hasMessageContaining("activityScore");
        assertThatThrownBy(() -> parse("{\"gene\":\"TPMT\",\"haplotypes\":{}}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'version'");
        assertThatThrownBy(() -> parse("{\"gene\":\"TPMT\",\"version\":\"v\",\"haplotypes\":{\"*1\":\"Normal function\"},"
                + "\"activityValues\":{},\"diplotypes\":{\"*1/*2\":[\"Normal Metabolizer\",null]}}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'*2' is missing from 'haplotypes'");
        assertThatThrownBy(() -> parse("not json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pgx/cpic/TPMT.json");
    }

    private static CpicTable parse(String json) {
        return CpicTable.parse("pgx/cpic/TPMT.json", "TPMT",
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
