package org.precisionrx.profile.service;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.precisionrx.profile.entity.PatientEntity;

/**
 * The stored content of a profile as one comparable value, without versions and timestamps of
 * its own rows. Comparing it before and after a merge tells whether an import changed anything.
 */
final class ProfileFingerprint {

    private ProfileFingerprint() {
    }

    static String of(PatientEntity p) {
        return String.join("\n",
                join(p.birthDate, p.sexAtBirth, p.sexFromAdministrativeGender, p.ancestry, p.heightCm,
                        p.heightObservedAt, p.weightKg, p.weightObservedAt),
                join(p.smoking, p.packYears, p.alcoholUnitsPerWeek, p.physicalActivity, p.highVitaminKIntake,
                        p.grapefruit, p.lifestyleObservedAt, p.modelOptOut),
                sorted(p.identifiers.stream().map(i -> join(i.kind, i.system, i.value))),
                sorted(p.genetics.stream().map(g -> join(g.gene, g.diplotype, g.reportedPhenotype,
                        g.reportedActivityScore, g.source, g.reportedAt))),
                sorted(p.hla.stream().map(h -> join(h.allele, h.carrier, h.source, h.reportedAt))),
                sorted(p.conditions.stream().map(c -> join(c.sourceKey, c.codeSystem, c.code, c.display, c.active, c.onset))),
                sorted(p.medications.stream().map(m -> join(m.sourceKey, m.rxnorm, m.display, m.active, m.startDate))),
                sorted(p.labs.stream().map(l -> join(l.sourceKey, l.loinc, l.display, l.value, l.unit, l.effectiveAt))),
                sorted(p.allergies.stream().map(a -> join(a.sourceKey, a.codeSystem, a.code, a.display, a.active))));
    }

    private static String join(Object... values) {
        return Stream.of(values).map(Objects::toString).collect(Collectors.joining("|"));
    }

    private static String sorted(Stream<String> rows) {
        List<String> list = rows.sorted(Comparator.naturalOrder()).toList();
        return String.join(";", list);
    }
}
