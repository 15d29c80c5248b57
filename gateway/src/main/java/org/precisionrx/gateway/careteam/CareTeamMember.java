package org.precisionrx.gateway.careteam;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One clinician on one patient's care team. */
@Entity
@Table(name = "care_team_member")
public class CareTeamMember extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(name = "clinician_subject", nullable = false)
    public String clinicianSubject;

    @Column(name = "clinician_username", nullable = false)
    public String clinicianUsername;

    @Column(name = "assigned_by", nullable = false)
    public String assignedBy;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    @Version
    public long version;
}
