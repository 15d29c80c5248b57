package org.precisionrx.gateway.cdshooks.feedback;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A card a CDS service returned; feedback must name one of these. */
@Entity
@Table(name = "cds_card")
public class IssuedCard extends PanacheEntityBase {

    @Id
    public String uuid;

    @Column(name = "service_id", nullable = false)
    public String serviceId;

    @Column(nullable = false)
    public String issuer;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(name = "hook_instance", nullable = false)
    public String hookInstance;

    @Column(nullable = false)
    public String indicator;

    @Column(nullable = false)
    public String summary;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
}
