package org.precisionrx.profile.mapping;

import static org.precisionrx.profile.mapping.ProtoValues.date;
import static org.precisionrx.profile.mapping.ProtoValues.orEmpty;
import static org.precisionrx.profile.mapping.ProtoValues.timestamp;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;

import jakarta.enterprise.context.ApplicationScoped;

import org.precisionrx.common.v1.Coding;
import org.precisionrx.common.v1.DataGap;
import org.precisionrx.common.v1.Quantity;
import org.precisionrx.profile.derived.Derived;
import org.precisionrx.profile.derived.DerivedValuesCalculator;
import org.precisionrx.profile.entity.IdentifierEntity;
import org.precisionrx.profile.entity.LabResultEntity;
import org.precisionrx.profile.entity.PatientEntity;
import org.precisionrx.profile.terminology.ConditionCategories;
import org.precisionrx.dosage.terminology.DrugCatalog;
import org.precisionrx.profile.v1.Allergy;
import org.precisionrx.profile.v1.Condition;
import org.precisionrx.profile.v1.ConditionCategory;
import org.precisionrx.profile.v1.Consent;
import org.precisionrx.profile.v1.DerivedValues;
import org.precisionrx.profile.v1.EgfrSource;
import org.precisionrx.profile.v1.ExternalIdentifier;
import org.precisionrx.profile.v1.History;
import org.precisionrx.profile.v1.LabResult;
import org.precisionrx.profile.v1.Medication;
import org.precisionrx.profile.v1.MedicationStatus;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientSummary;

/** Turns a stored patient into the API profile, computing everything derived on the way out. */
@ApplicationScoped
public class ProfileMapper {

    private final GeneticsMapper genetics;
    private final ConditionCategories categories;
    private final DrugCatalog drugs;
    private final DerivedValuesCalculator calculator;
    private final Clock clock;

    public ProfileMapper(GeneticsMapper genetics, ConditionCategories categories, DrugCatalog drugs,
            DerivedValuesCalculator calculator, Clock clock) {
        this.genetics = genetics;
        this.categories = categories;
        this.drugs = drugs;
        this.calculator = calculator;
        this.clock = clock;
    }

    public PatientProfile toProfile(PatientEntity p) {
        PatientProfile.Builder profile = PatientProfile.newBuilder()
                .setPatientId(p.id.toString())
                .setVersion(p.version)
                .setDemographics(EnumMapper.demographics(p))
                .setGenetics(genetics.toGenetics(p))
                .setLifestyle(EnumMapper.lifestyle(p))
                .setHistory(history(p))
                .setConsent(consent(p))
                .setDerived(derived(calculator.compute(p, LocalDate.now(clock))))
                .setCreatedAt(timestamp(p.createdAt))
                .setUpdatedAt(timestamp(p.updatedAt));
        p.identifiers.stream().sorted(Comparator.comparing((IdentifierEntity i) -> i.kind).thenComparing(i -> i.system))
                .forEach(i -> profile.addIdentifiers(identifier(i)));
        return profile.build();
    }

    public PatientSummary toSummary(PatientEntity p) {
        PatientSummary.Builder summary = PatientSummary.newBuilder()
                .setPatientId(p.id.toString())
                .setVersion(p.version)
                .setUpdatedAt(timestamp(p.updatedAt));
        p.identifiers.forEach(i -> summary.addIdentifiers(identifier(i)));
        return summary.build();
    }

    private static ExternalIdentifier identifier(IdentifierEntity i) {
        return ExternalIdentifier.newBuilder()
                .setKind(EnumMapper.identifierKind(i.kind)).setSystem(i.system).setValue(i.value).build();
    }

    private History history(PatientEntity p) {
        History.Builder history = History.newBuilder();
        p.conditions.stream().sorted(Comparator.comparing(c -> c.sourceKey)).forEach(c -> {
            Condition.Builder condition = Condition.newBuilder()
                    .setCode(coding(c.codeSystem, c.code, c.display))
                    .setCategory(categories.categorize(c.codeSystem, c.code)
                            .map(name -> ConditionCategory.valueOf("CONDITION_CATEGORY_" + name))
                            .orElse(ConditionCategory.CONDITION_CATEGORY_UNSPECIFIED))
                    .setActive(c.active)
                    .setSourceKey(c.sourceKey);
            if (c.onset != null) {
                condition.setOnset(date(c.onset));
            }
            history.addConditions(condition);
        });
        p.medications.stream().sorted(Comparator.comparing(m -> m.sourceKey)).forEach(m -> {
            Medication.Builder medication = Medication.newBuilder()
                    .setDrugId(drugs.identify(m.rxnorm, m.display).orElse(""))
                    .setStatus(m.active ? MedicationStatus.MEDICATION_STATUS_ACTIVE : MedicationStatus.MEDICATION_STATUS_INACTIVE)
                    .setDisplay(orEmpty(m.display))
                    .setSourceKey(m.sourceKey);
            if (m.rxnorm != null) {
                medication.setRxnorm(coding("http://www.nlm.nih.gov/research/umls/rxnorm", m.rxnorm, m.display));
            }
            if (m.startDate != null) {
                medication.setStart(date(m.startDate));
            }
            history.addMedications(medication);
        });
        p.labs.stream().sorted(Comparator.comparing(l -> l.sourceKey)).forEach(l -> history.addLabs(lab(l)));
        p.allergies.stream().sorted(Comparator.comparing(a -> a.sourceKey)).forEach(a -> history.addAllergies(
                Allergy.newBuilder()
                        .setCode(coding(a.codeSystem, a.code, a.display))
                        .setDrugId(drugs.identify(null, a.display).orElse(""))
                        .setActive(a.active)
                        .setSourceKey(a.sourceKey)));
        return history.build();
    }

    private static Consent consent(PatientEntity p) {
        Consent.Builder consent = Consent.newBuilder().setModelRecommendationsOptOut(p.modelOptOut);
        if (p.consentRecordedAt != null) {
            consent.setRecordedAt(timestamp(p.consentRecordedAt));
        }
        return consent.build();
    }

    private static DerivedValues derived(Derived d) {
        DerivedValues.Builder derived = DerivedValues.newBuilder().setComputedOn(date(d.computedOn()));
        if (d.ageYears() != null) {
            derived.setAgeYears(d.ageYears());
        }
        if (d.bmi() != null) {
            derived.setBmi(round(d.bmi(), 1));
        }
        if (d.serumCreatinineMgDl() != null) {
            derived.setSerumCreatinineMgDl(round(d.serumCreatinineMgDl(), 2));
        }
        if (d.creatinineClearanceMlMin() != null) {
            derived.setCreatinineClearanceMlMin(round(d.creatinineClearanceMlMin(), 1));
        }
        if (d.egfr() != null) {
            derived.setEgfrMlMin173M2(round(d.egfr(), 1));
            derived.setEgfrSource(d.egfrSource() == Derived.EgfrSource.MEASURED
                    ? EgfrSource.EGFR_SOURCE_MEASURED : EgfrSource.EGFR_SOURCE_CKD_EPI_2021);
        }
        d.latestLabs().forEach(l -> derived.addLatestLabs(lab(l)));
        d.gaps().forEach(g -> derived.addGaps(DataGap.newBuilder().setField(g.field()).setReason(g.reason())));
        return derived.build();
    }

    private static LabResult lab(LabResultEntity l) {
        LabResult.Builder lab = LabResult.newBuilder()
                .setLoinc(l.loinc)
                .setDisplay(orEmpty(l.display))
                .setQuantity(Quantity.newBuilder().setValue(l.value).setUnit(l.unit))
                .setSourceKey(l.sourceKey);
        if (l.effectiveAt != null) {
            lab.setEffectiveAt(timestamp(l.effectiveAt));
        }
        return lab.build();
    }

    private static Coding coding(String system, String code, String display) {
        return Coding.newBuilder().setSystem(orEmpty(system)).setCode(orEmpty(code)).setDisplay(orEmpty(display)).build();
    }

    /** Derived values are shown to one decimal: more would suggest a precision the formulas lack. */
    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
