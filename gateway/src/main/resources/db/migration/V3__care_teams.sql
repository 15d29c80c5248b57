-- Which clinicians are on which patient's care team. Managed by admins through the API; the
-- access policy reads it on every clinician request.
CREATE TABLE care_team_member (
    id                 BIGSERIAL PRIMARY KEY,
    patient_id         TEXT        NOT NULL,
    clinician_subject  TEXT        NOT NULL,
    clinician_username TEXT        NOT NULL,
    assigned_by        TEXT        NOT NULL,
    assigned_at        TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT care_team_member_unique UNIQUE (patient_id, clinician_subject)
);
CREATE INDEX care_team_member_by_clinician ON care_team_member (clinician_subject);
