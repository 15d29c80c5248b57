-- Ids of accepted CDS Hooks JWTs, kept until the token expires, so that a token is accepted once
-- across all gateway replicas (see JtiReplayGuard).
CREATE TABLE cds_jti (
    issuer     text        NOT NULL,
    jti        text        NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (issuer, jti)
);

-- The periodic purge deletes by expiry.
CREATE INDEX cds_jti_expires_at ON cds_jti (expires_at);
