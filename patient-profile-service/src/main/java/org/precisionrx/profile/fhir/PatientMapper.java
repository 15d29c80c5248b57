package org.precisionrx.profile.fhir;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.precisionrx.profile.ingest.Demographics.Ancestry;
import org.precisionrx.profile.ingest.Demographics.SexAtBirth;
import org.precisionrx.profile.ingest.ExternalId;

/**
 * Reads only what the profile needs from a Patient: MR-typed identifiers, birth date, sex at birth and
 * OMB ancestry. Names, addresses, telecom, SSN, driver's licence and passport numbers are never read,
 * so they cannot leak into the profile or its logs.
 */
final class PatientMapper {

    static final String BIRTH_SEX = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex";
    static final String RACE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race";
    private static final String OMB_RACE = "urn:oid:2.16.840.1.113883.6.238";
    private static final Set<String> NULL_FLAVORS = Set.of("ASKU", "UNK");
    private static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private final LocalDate today;

    PatientMapper(LocalDate today) {
        this.today = today;
    }

    void map(PayloadEntry entry, PatientRecordBuilder out) {
        Patient patient = (Patient) entry.resource();
        for (Identifier identifier : patient.getIdentifier()) {
            if (isMrn(identifier) && identifier.hasValue()) {
                out.identifiers.add(new ExternalId(ExternalId.Kind.MRN, identifier.getSystem(), identifier.getValue()));
            }
        }
        birthDate(entry, patient, out);
        sex(patient, out);
        out.ancestry = ancestry(patient);
    }

    private static boolean isMrn(Identifier identifier) {
        return identifier.hasType() && identifier.getType().getCoding().stream()
                .anyMatch(c -> V2_0203.equals(c.getSystem()) && "MR".equals(c.getCode()));
    }

    /** A year or year-month birth date is left unstated rather than guessed: age-based dosing needs the day. */
    private void birthDate(PayloadEntry entry, Patient patient, PatientRecordBuilder out) {
        if (!patient.hasBirthDateElement() || patient.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY) {
            return;
        }
        LocalDate birthDate = FhirValues.localDate(patient.getBirthDateElement());
        if (birthDate.isAfter(today)) {
            out.problem(entry, "birthDate", "birth date is in the future");
            return;
        }
        out.birthDate = birthDate;
    }

    /** US Core birth sex wins; administrative gender is a fallback and flagged as such. */
    private static void sex(Patient patient, PatientRecordBuilder out) {
        Extension birthSex = patient.getExtensionByUrl(BIRTH_SEX);
        if (birthSex != null && birthSex.hasValue()) {
            String code = birthSex.getValue().primitiveValue();
            out.sexAtBirth = "F".equals(code) ? SexAtBirth.FEMALE : "M".equals(code) ? SexAtBirth.MALE : SexAtBirth.UNKNOWN;
            out.sexFromAdministrativeGender = false;
        } else if (patient.hasGender()) {
            out.sexAtBirth = switch (patient.getGender()) {
                case FEMALE -> SexAtBirth.FEMALE;
                case MALE -> SexAtBirth.MALE;
                default -> SexAtBirth.UNKNOWN;
            };
            out.sexFromAdministrativeGender = true;
        }
    }

    /** OMB category from the US Core race extension; several categories mean MIXED; ASKU means declined. */
    static Ancestry ancestry(Patient patient) {
        Extension race = patient.getExtensionByUrl(RACE);
        if (race == null) {
            return null;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (Extension omb : race.getExtensionsByUrl("ombCategory")) {
            if (omb.getValue() instanceof Coding coding && coding.hasCode()
                    && (OMB_RACE.equals(coding.getSystem()) || NULL_FLAVORS.contains(coding.getCode()))) {
                codes.add(coding.getCode());
            }
        }
        if (codes.contains("ASKU")) {
            return Ancestry.DECLINED;
        }
        codes.remove("UNK");
        if (codes.size() > 1) {
            return Ancestry.MIXED;
        }
        return codes.isEmpty() ? null : switch (codes.iterator().next()) {
            case "2106-3" -> Ancestry.WHITE;
            case "2054-5" -> Ancestry.BLACK_OR_AFRICAN_AMERICAN;
            case "2028-9" -> Ancestry.ASIAN;
            case "1002-5" -> Ancestry.AMERICAN_INDIAN_OR_ALASKA_NATIVE;
            case "2076-8" -> Ancestry.NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER;
            case "2131-1" -> Ancestry.OTHER;
            default -> null; // not an OMB category code: say nothing rather than guess
        };
    }
}
