package org.precisionrx.profile.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.precisionrx.profile.ingest.Demographics.Ancestry;
import org.precisionrx.profile.ingest.Demographics.SexAtBirth;
import org.precisionrx.profile.ingest.Lifestyle.ActivityLevel;
import org.precisionrx.profile.ingest.Lifestyle.SmokingStatus;

/** A patient, known internally only by a random (pseudonymous) UUID. */
@Entity
@Table(name = "patient")
public class PatientEntity extends Tracked {

    @Id
    public UUID id;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "sex_at_birth")
    public SexAtBirth sexAtBirth;

    @Column(name = "sex_from_admin_gender", nullable = false)
    public boolean sexFromAdministrativeGender;

    @Enumerated(EnumType.STRING)
    public Ancestry ancestry;

    @Column(name = "height_cm")
    public Double heightCm;

    @Column(name = "height_observed_at")
    public Instant heightObservedAt;

    @Column(name = "weight_kg")
    public Double weightKg;

    @Column(name = "weight_observed_at")
    public Instant weightObservedAt;

    @Enumerated(EnumType.STRING)
    public SmokingStatus smoking;

    @Column(name = "pack_years")
    public Double packYears;

    @Column(name = "alcohol_units_per_week")
    public Double alcoholUnitsPerWeek;

    @Enumerated(EnumType.STRING)
    @Column(name = "physical_activity")
    public ActivityLevel physicalActivity;

    @Column(name = "high_vitamin_k_intake", nullable = false)
    public boolean highVitaminKIntake;

    @Column(nullable = false)
    public boolean grapefruit;

    @Column(name = "lifestyle_observed_at")
    public Instant lifestyleObservedAt;

    @Column(name = "model_opt_out", nullable = false)
    public boolean modelOptOut;

    @Column(name = "consent_recorded_at")
    public Instant consentRecordedAt;

    @OneToMany(mappedBy = "patient", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<IdentifierEntity> identifiers = new ArrayList<>();

    @OneToMany(mappedBy = "patient", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<GeneticResultEntity> genetics = new ArrayList<>();

    @OneToMany(mappedBy = "patient", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<HlaResultEntity> hla = new ArrayList<>();

    @OneToMany(mappedBy = "patient", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<ConditionEntity> conditions = new ArrayList<>();

    @OneToMany(mappedBy = "patient", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<MedicationEntity> medications = new ArrayList<>();

    @OneToMany(mappedBy = "patient", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<LabResultEntity> labs = new ArrayList<>();

    @OneToMany(mappedBy = "patient", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<AllergyEntity> allergies = new ArrayList<>();
}
