-- Cards the CDS services returned, so that feedback can be tied to a real card, and the feedback
-- itself (accepted or overridden, with the override reason) for monitoring and later learning.
CREATE TABLE cds_card (
    uuid           TEXT PRIMARY KEY,
    service_id     TEXT        NOT NULL,
    issuer         TEXT        NOT NULL,
    patient_id     TEXT        NOT NULL,
    hook_instance  TEXT        NOT NULL,
    indicator      TEXT        NOT NULL,
    summary        TEXT        NOT NULL,
    issued_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX cds_card_by_patient ON cds_card (patient_id);

CREATE TABLE cds_feedback (
    id                    BIGSERIAL PRIMARY KEY,
    card_uuid             TEXT        NOT NULL REFERENCES cds_card (uuid),
    service_id            TEXT        NOT NULL,
    issuer                TEXT        NOT NULL,
    outcome               TEXT        NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
    accepted_suggestions  TEXT,
    override_reason_system TEXT,
    override_reason_code  TEXT,
    user_comment          TEXT,
    outcome_at            TIMESTAMPTZ NOT NULL,
    received_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX cds_feedback_by_card ON cds_feedback (card_uuid);
