package org.precisionrx.profile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.precisionrx.profile.ingest.ExternalId;

/** An external identifier (MRN or FHIR id); unique across patients. */
@Entity
@Table(name = "patient_identifier")
public class IdentifierEntity extends PatientChild {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExternalId.Kind kind;

    @Column(nullable = false)
    public String system;

    @Column(nullable = false)
    public String value;
}
