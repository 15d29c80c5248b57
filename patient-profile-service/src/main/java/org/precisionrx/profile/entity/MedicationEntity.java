package org.precisionrx.profile.entity;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "medication_record")
public class MedicationEntity extends PatientChild {

    @Column(name = "source_key", nullable = false)
    public String sourceKey;

    public String rxnorm;

    public String display;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "start_date")
    public LocalDate startDate;
}
