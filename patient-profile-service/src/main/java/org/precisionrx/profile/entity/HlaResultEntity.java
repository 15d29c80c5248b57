package org.precisionrx.profile.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.precisionrx.profile.ingest.GeneticCall.GeneticSource;

/** An explicitly reported HLA carrier status, e.g. HLA-B*57:01 negative. */
@Entity
@Table(name = "hla_result")
public class HlaResultEntity extends PatientChild {

    @Column(nullable = false)
    public String allele;

    @Column(nullable = false)
    public boolean carrier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GeneticSource source;

    @Column(name = "reported_at")
    public Instant reportedAt;
}
