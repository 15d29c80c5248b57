package org.precisionrx.profile.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.precisionrx.profile.ingest.GeneticCall.GeneticSource;

/** The current genotype result for one gene; the phenotype is translated on read, never stored. */
@Entity
@Table(name = "genetic_result")
public class GeneticResultEntity extends PatientChild {

    @Column(nullable = false)
    public String gene;

    public String diplotype;

    @Column(name = "reported_phenotype")
    public String reportedPhenotype;

    @Column(name = "reported_activity_score")
    public Double reportedActivityScore;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GeneticSource source;

    @Column(name = "reported_at")
    public Instant reportedAt;
}
