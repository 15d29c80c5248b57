-- The gateway's audit trail: one row per access to patient data, hash-chained (see
-- org.precisionrx.gateway.audit). Rows are only ever inserted; the triggers below refuse anything
-- else. A role that owns these tables (or a superuser) can still disable the triggers, which is
-- why every row also carries the hash chain: the gateway's own database role should be granted
-- only INSERT, SELECT on audit_event and SELECT, UPDATE on audit_chain_head, never ownership.

CREATE TABLE audit_event (
    sequence      bigint      PRIMARY KEY CHECK (sequence > 0),
    recorded_at   timestamptz NOT NULL,
    request_id    text        NOT NULL,
    subject       text        NOT NULL,
    role          text        NOT NULL,
    client_id     text        NOT NULL,
    patient_id    text,
    action        text        NOT NULL,
    purpose       text,
    reason        text,
    outcome       text        NOT NULL CHECK (outcome IN ('SUCCESS', 'PARTIAL', 'DENIED', 'FAILED')),
    emergency     boolean     NOT NULL,
    detail        text,
    previous_hash text        NOT NULL CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    hash          text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);

-- Searches are filtered by one of these and paged by sequence.
CREATE INDEX audit_event_patient_idx ON audit_event (patient_id, sequence);
CREATE INDEX audit_event_subject_idx ON audit_event (subject, sequence);
CREATE INDEX audit_event_recorded_at_idx ON audit_event (recorded_at);
-- Break-glass accesses are few and all of them are reviewed.
CREATE INDEX audit_event_emergency_idx ON audit_event (sequence) WHERE emergency;

-- The newest link of the chain. Appends lock this row, so they are serialised, and it lets
-- verification notice when the newest records have been removed.
CREATE TABLE audit_chain_head (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    sequence  bigint  NOT NULL CHECK (sequence >= 0),
    hash      text    NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);

-- Genesis: no record yet; the first record links to 64 zeros.
INSERT INTO audit_chain_head (singleton, sequence, hash)
VALUES (true, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_chain_head_kept
    BEFORE DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_chain_head_no_truncate
    BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The head may only move forward by one, onto a record that exists with that hash.
CREATE FUNCTION audit_chain_head_advance() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.sequence <> OLD.sequence + 1
            OR NOT EXISTS (SELECT 1 FROM audit_event e
                           WHERE e.sequence = NEW.sequence AND e.hash = NEW.hash) THEN
        RAISE EXCEPTION 'audit chain head may only advance to the next record'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_chain_head_advances
    BEFORE UPDATE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_advance();
