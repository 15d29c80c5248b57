package org.precisionrx.profile.mapping;

import static org.precisionrx.profile.mapping.ProtoValues.date;
import static org.precisionrx.profile.mapping.ProtoValues.timestamp;

import org.precisionrx.profile.entity.PatientEntity;
import org.precisionrx.profile.ingest.Demographics.Ancestry;
import org.precisionrx.profile.ingest.Demographics.SexAtBirth;
import org.precisionrx.profile.ingest.ExternalId;
import org.precisionrx.profile.ingest.GeneticCall.GeneticSource;
import org.precisionrx.profile.ingest.Lifestyle.ActivityLevel;
import org.precisionrx.profile.ingest.Lifestyle.SmokingStatus;
import org.precisionrx.profile.v1.Demographics;
import org.precisionrx.profile.v1.DietFlag;
import org.precisionrx.profile.v1.IdentifierKind;
import org.precisionrx.profile.v1.Lifestyle;
import org.precisionrx.profile.v1.PhysicalActivity;

/**
 * Domain enums and the proto enums they stand for. Proto names are the domain names behind a
 * type prefix, so the mapping is by name; {@code UNSPECIFIED} means "not stated" (null).
 */
final class EnumMapper {

    private EnumMapper() {
    }

    static <E extends Enum<E>> E toDomain(Class<E> type, Enum<?> proto, String prefix) {
        String name = proto.name();
        if (name.equals(prefix + "UNSPECIFIED")) {
            return null;
        }
        if (name.equals("UNRECOGNIZED") || !name.startsWith(prefix)) {
            throw new IllegalArgumentException("unknown enum value");
        }
        return Enum.valueOf(type, name.substring(prefix.length()));
    }

    static <P extends Enum<P>> P toProto(Class<P> type, Enum<?> domain, String prefix) {
        return Enum.valueOf(type, prefix + (domain == null ? "UNSPECIFIED" : domain.name()));
    }

    static IdentifierKind identifierKind(ExternalId.Kind kind) {
        return toProto(IdentifierKind.class, kind, "IDENTIFIER_KIND_");
    }

    static org.precisionrx.profile.v1.GeneticSource geneticSource(GeneticSource source) {
        return toProto(org.precisionrx.profile.v1.GeneticSource.class, source, "GENETIC_SOURCE_");
    }

    static Demographics demographics(PatientEntity p) {
        Demographics.Builder d = Demographics.newBuilder()
                .setSexAtBirth(toProto(org.precisionrx.profile.v1.SexAtBirth.class, p.sexAtBirth, "SEX_AT_BIRTH_"))
                .setSexFromAdministrativeGender(p.sexFromAdministrativeGender)
                .setAncestry(toProto(org.precisionrx.profile.v1.Ancestry.class, p.ancestry, "ANCESTRY_"));
        if (p.birthDate != null) {
            d.setBirthDate(date(p.birthDate));
        }
        if (p.heightCm != null) {
            d.setHeightCm(p.heightCm);
        }
        if (p.heightObservedAt != null) {
            d.setHeightObservedAt(timestamp(p.heightObservedAt));
        }
        if (p.weightKg != null) {
            d.setWeightKg(p.weightKg);
        }
        if (p.weightObservedAt != null) {
            d.setWeightObservedAt(timestamp(p.weightObservedAt));
        }
        return d.build();
    }

    static Lifestyle lifestyle(PatientEntity p) {
        Lifestyle.Builder l = Lifestyle.newBuilder()
                .setSmoking(toProto(org.precisionrx.profile.v1.SmokingStatus.class, p.smoking, "SMOKING_STATUS_"))
                .setPhysicalActivity(toProto(PhysicalActivity.class, p.physicalActivity, "PHYSICAL_ACTIVITY_"));
        if (p.packYears != null) {
            l.setPackYears(p.packYears);
        }
        if (p.alcoholUnitsPerWeek != null) {
            l.setAlcoholUnitsPerWeek(p.alcoholUnitsPerWeek);
        }
        if (p.highVitaminKIntake) {
            l.addDietFlags(DietFlag.DIET_FLAG_HIGH_VITAMIN_K_INTAKE);
        }
        if (p.grapefruit) {
            l.addDietFlags(DietFlag.DIET_FLAG_GRAPEFRUIT);
        }
        if (p.lifestyleObservedAt != null) {
            l.setObservedAt(timestamp(p.lifestyleObservedAt));
        }
        return l.build();
    }

    static SexAtBirth sex(org.precisionrx.profile.v1.SexAtBirth proto) {
        return toDomain(SexAtBirth.class, proto, "SEX_AT_BIRTH_");
    }

    static Ancestry ancestry(org.precisionrx.profile.v1.Ancestry proto) {
        return toDomain(Ancestry.class, proto, "ANCESTRY_");
    }

    static SmokingStatus smoking(org.precisionrx.profile.v1.SmokingStatus proto) {
        return toDomain(SmokingStatus.class, proto, "SMOKING_STATUS_");
    }

    static ActivityLevel activity(PhysicalActivity proto) {
        return toDomain(ActivityLevel.class, proto, "PHYSICAL_ACTIVITY_");
    }

    static ExternalId.Kind kind(IdentifierKind proto) {
        return toDomain(ExternalId.Kind.class, proto, "IDENTIFIER_KIND_");
    }
}
