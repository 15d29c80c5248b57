package org.precisionrx.profile.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A quantitative lab result in the unit it was reported in. */
@Entity
@Table(name = "lab_result")
public class LabResultEntity extends PatientChild {

    @Column(name = "source_key", nullable = false)
    public String sourceKey;

    @Column(nullable = false)
    public String loinc;

    public String display;

    @Column(nullable = false)
    public double value;

    @Column(nullable = false)
    public String unit;

    @Column(name = "effective_at")
    public Instant effectiveAt;
}
