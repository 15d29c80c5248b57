package org.precisionrx.profile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "allergy_record")
public class AllergyEntity extends PatientChild {

    @Column(name = "source_key", nullable = false)
    public String sourceKey;

    @Column(name = "code_system")
    public String codeSystem;

    public String code;

    public String display;

    @Column(nullable = false)
    public boolean active;
}
