package org.precisionrx.profile.fhir;

import static org.precisionrx.profile.fhir.FhirValues.SNOMED;

import java.time.Instant;
import java.util.Map;
import org.hl7.fhir.r4.model.Observation;
import org.precisionrx.profile.ingest.Lifestyle.SmokingStatus;

/**
 * Smoking status and alcohol intake. Pack-years are not read: no LOINC code for cigarette pack-years could
 * be confirmed (US Core uses SNOMED 401201003 for it), so mapping one would be a guess.
 */
final class LifestyleMapper {

    static final String SMOKING_STATUS = "72166-2";
    static final String ALCOHOLIC_DRINKS_PER_DAY = "74013-4";

    /**
     * A US standard drink is 14 g of ethanol and a UK unit is 8 g, so one drink = 14 / 8 = 1.75 units.
     * alcoholUnitsPerWeek counts UK units, while LOINC 74013-4 counts (US standard) drinks.
     */
    static final double UK_UNITS_PER_US_DRINK = 14.0 / 8.0;

    /** US Core / ONC smoking status value set (SNOMED CT). Codes not listed read as UNKNOWN. */
    private static final Map<String, SmokingStatus> SMOKING = Map.of(
            "449868002", SmokingStatus.CURRENT,        // current every day smoker
            "428041000124106", SmokingStatus.CURRENT,  // current some day smoker
            "428071000124103", SmokingStatus.CURRENT,  // heavy tobacco smoker
            "428061000124105", SmokingStatus.CURRENT,  // light tobacco smoker
            "77176002", SmokingStatus.CURRENT,         // smoker, current status unknown
            "8517006", SmokingStatus.FORMER,
            "266919005", SmokingStatus.NEVER,
            "266927001", SmokingStatus.UNKNOWN);       // unknown if ever smoked

    void smoking(PayloadEntry entry, Observation o, Instant at, PatientRecordBuilder out) {
        if (!o.hasValueCodeableConcept()) {
            out.problem(entry, "valueCodeableConcept", "smoking status has no coded value");
            return;
        }
        String code = FhirValues.code(o.getValueCodeableConcept(), SNOMED);
        out.smoking(code == null ? SmokingStatus.UNKNOWN : SMOKING.getOrDefault(code, SmokingStatus.UNKNOWN), at);
    }

    void alcohol(PayloadEntry entry, Observation o, Instant at, PatientRecordBuilder out) {
        if (!o.hasValueQuantity() || !o.getValueQuantity().hasValue()) {
            out.problem(entry, "valueQuantity.value", "alcoholic drinks per day has no value");
            return;
        }
        double drinksPerDay = o.getValueQuantity().getValue().doubleValue();
        if (drinksPerDay < 0) {
            out.problem(entry, "valueQuantity.value", "alcoholic drinks per day is negative");
            return;
        }
        out.alcoholUnitsPerWeek(drinksPerDay * 7 * UK_UNITS_PER_US_DRINK, at);
    }
}
