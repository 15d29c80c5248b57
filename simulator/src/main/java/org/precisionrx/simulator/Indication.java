package org.precisionrx.simulator;

import java.util.List;

/** The indications ranked in v1, their arm ids (exact, in column order) and SNOMED CT condition codes. */
public enum Indication {
    AF_STROKE_PREVENTION("af-stroke-prevention", "49436004", "Atrial fibrillation",
            List.of("warfarin", "apixaban", "rivaroxaban", "dabigatran", "edoxaban")),
    ACS_PCI("acs-pci", "394659003", "Acute coronary syndrome",
            List.of("clopidogrel", "prasugrel", "ticagrelor")),
    HYPERLIPIDAEMIA("hyperlipidaemia", "55822004", "Hyperlipidemia",
            List.of("simvastatin", "atorvastatin", "rosuvastatin", "pravastatin", "fluvastatin")),
    DEPRESSION("depression", "35489007", "Depressive disorder",
            List.of("citalopram", "escitalopram", "sertraline", "paroxetine", "fluoxetine"));

    public final String id;
    public final String snomed;
    public final String display;
    public final List<String> arms;

    Indication(String id, String snomed, String display, List<String> arms) {
        this.id = id;
        this.snomed = snomed;
        this.display = display;
        this.arms = arms;
    }

    public int armCount() {
        return arms.size();
    }

    public static Indication byId(String id) {
        for (Indication i : values()) {
            if (i.id.equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown indication '" + id + "'; expected one of "
                + java.util.Arrays.stream(values()).map(i -> i.id).toList());
    }
}
