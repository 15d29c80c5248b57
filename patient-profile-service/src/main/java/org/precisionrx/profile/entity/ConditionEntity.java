package org.precisionrx.profile.entity;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "condition_record")
public class ConditionEntity extends PatientChild {

    @Column(name = "source_key", nullable = false)
    public String sourceKey;

    @Column(name = "code_system")
    public String codeSystem;

    @Column(nullable = false)
    public String code;

    public String display;

    @Column(nullable = false)
    public boolean active;

    public LocalDate onset;
}
