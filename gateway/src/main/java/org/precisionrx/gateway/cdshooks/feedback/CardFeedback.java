package org.precisionrx.gateway.cdshooks.feedback;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the clinician did with a card: accepted (which suggestions) or overridden (and why). */
@Entity
@Table(name = "cds_feedback")
public class CardFeedback extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "card_uuid", nullable = false)
    public String cardUuid;

    @Column(name = "service_id", nullable = false)
    public String serviceId;

    @Column(nullable = false)
    public String issuer;

    @Column(nullable = false)
    public String outcome;

    /** Suggestion uuids, comma-separated. */
    @Column(name = "accepted_suggestions")
    public String acceptedSuggestions;

    @Column(name = "override_reason_system")
    public String overrideReasonSystem;

    @Column(name = "override_reason_code")
    public String overrideReasonCode;

    @Column(name = "user_comment")
    public String userComment;

    @Column(name = "outcome_at", nullable = false)
    public Instant outcomeAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
