package org.precisionrx.simulator;

import java.util.Map;

/** RxNorm ingredient RxCUIs of every arm and co-medication (as dosage-core's terminology/drugs.json lists them). */
final class RxNorm {

    static final String SYSTEM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String AMIODARONE = "703";
    static final String OMEPRAZOLE = "7646";
    static final String CLARITHROMYCIN = "21212";

    private static final Map<String, String> ARMS = Map.ofEntries(
            Map.entry("warfarin", "11289"), Map.entry("apixaban", "1364430"), Map.entry("rivaroxaban", "1114195"),
            Map.entry("dabigatran", "1037042"), Map.entry("edoxaban", "1599538"),
            Map.entry("clopidogrel", "32968"), Map.entry("prasugrel", "613391"), Map.entry("ticagrelor", "1116632"),
            Map.entry("simvastatin", "36567"), Map.entry("atorvastatin", "83367"), Map.entry("rosuvastatin", "301542"),
            Map.entry("pravastatin", "42463"), Map.entry("fluvastatin", "41127"),
            Map.entry("citalopram", "2556"), Map.entry("escitalopram", "321988"), Map.entry("sertraline", "36437"),
            Map.entry("paroxetine", "32937"), Map.entry("fluoxetine", "4493"));

    private RxNorm() {
    }

    static String of(String arm) {
        String code = ARMS.get(arm);
        if (code == null) {
            throw new IllegalArgumentException("no RxNorm code for arm " + arm);
        }
        return code;
    }
}
