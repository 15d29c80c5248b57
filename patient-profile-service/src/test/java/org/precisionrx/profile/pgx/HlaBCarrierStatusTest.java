package org.precisionrx.profile.pgx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HlaBCarrierStatusTest {

    private static final String B5701 = "HLA-B*57:01";
    private static final String B5801 = "HLA-B*58:01";
    private static final String B1502 = "HLA-B*15:02";

    @Test
    void carrierOfOneTrackedAllele() {
        assertThat(HlaBCarrierStatus.fromDiplotype("*57:01/*08:01"))
                .containsExactly(Map.entry(B5701, true), Map.entry(B5801, false), Map.entry(B1502, false));
    }

    @Test
    void acceptsFullNamesAndFinerResolution() {
        assertThat(HlaBCarrierStatus.fromDiplotype("HLA-B*57:01/HLA-B*44:03")).containsEntry(B5701, true);
        assertThat(HlaBCarrierStatus.fromDiplotype("HLA-B*57:01:01/HLA-B*44:03:01:02")).containsEntry(B5701, true);
        assertThat(HlaBCarrierStatus.fromDiplotype(" B*58:01 / B*15:02 "))
                .containsEntry(B5801, true).containsEntry(B1502, true).containsEntry(B5701, false);
        assertThat(HlaBCarrierStatus.fromDiplotype("hla-b*15:02/hla-b*15:02")).containsEntry(B1502, true);
    }

    @Test
    void nonCarrier() {
        assertThat(HlaBCarrierStatus.fromDiplotype("*07:02/*44:02").values()).containsOnly(false);
        assertThat(HlaBCarrierStatus.fromDiplotype("*57:03/*58:02").values()).containsOnly(false); // same group, other protein
        assertThat(HlaBCarrierStatus.fromDiplotype("*15:01/*15:21").values()).containsOnly(false);
    }

    @Test
    void resultIsInTrackedOrderAndImmutable() {
        Map<String, Boolean> status = HlaBCarrierStatus.fromDiplotype("*57:01/*08:01");
        assertThat(status.keySet()).containsExactlyElementsOf(HlaBCarrierStatus.TRACKED_ALLELES);
        assertThatThrownBy(() -> status.put(B5701, false)).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*57/*08:01", "B57/*08:01", "HLA-B*57/HLA-B*08"})
    void rejectsOneFieldResolution(String raw) {
        assertThatThrownBy(() -> HlaBCarrierStatus.fromDiplotype(raw))
                .isInstanceOf(DiplotypeSyntaxException.class).hasMessageContaining("two-field");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*57:01", "*57:01/*08:01/*44:02", "*57:01/", "HLA-A*31:01/HLA-B*08:01",
            "*57:01:01G/*08:01", "*57:01N/*08:01", "positive"})
    void rejectsEverythingElse(String raw) {
        assertThatThrownBy(() -> HlaBCarrierStatus.fromDiplotype(raw)).isInstanceOf(DiplotypeSyntaxException.class);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> HlaBCarrierStatus.fromDiplotype(null)).isInstanceOf(DiplotypeSyntaxException.class);
    }
}
