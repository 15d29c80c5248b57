-- patient-profile-service schema. Every table has optimistic-locking version and timestamps.
-- Internal categories (condition category, drug id) are derived at read time, so not stored.

CREATE TABLE patient (
    id                         UUID PRIMARY KEY,
    version                    BIGINT      NOT NULL,
    created_at                 TIMESTAMPTZ NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL,
    birth_date                 DATE,
    sex_at_birth               VARCHAR(16),
    sex_from_admin_gender      BOOLEAN     NOT NULL DEFAULT FALSE,
    ancestry                   VARCHAR(48),
    height_cm                  DOUBLE PRECISION,
    height_observed_at         TIMESTAMPTZ,
    weight_kg                  DOUBLE PRECISION,
    weight_observed_at         TIMESTAMPTZ,
    smoking                    VARCHAR(16),
    pack_years                 DOUBLE PRECISION,
    alcohol_units_per_week     DOUBLE PRECISION,
    physical_activity          VARCHAR(16),
    high_vitamin_k_intake      BOOLEAN     NOT NULL DEFAULT FALSE,
    grapefruit                 BOOLEAN     NOT NULL DEFAULT FALSE,
    lifestyle_observed_at      TIMESTAMPTZ,
    model_opt_out              BOOLEAN     NOT NULL DEFAULT FALSE,
    consent_recorded_at        TIMESTAMPTZ
);

CREATE TABLE patient_identifier (
    id          BIGSERIAL PRIMARY KEY,
    patient_id  UUID         NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    kind        VARCHAR(16)  NOT NULL,
    system      VARCHAR(255) NOT NULL,
    value       VARCHAR(255) NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_identifier UNIQUE (kind, system, value)
);
CREATE INDEX ix_identifier_patient ON patient_identifier (patient_id);

CREATE TABLE genetic_result (
    id                       BIGSERIAL PRIMARY KEY,
    patient_id               UUID         NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    gene                     VARCHAR(32)  NOT NULL,
    diplotype                VARCHAR(200),
    reported_phenotype       VARCHAR(100),
    reported_activity_score  DOUBLE PRECISION,
    source                   VARCHAR(16)  NOT NULL,
    reported_at              TIMESTAMPTZ,
    version                  BIGINT       NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_genetic_gene UNIQUE (patient_id, gene)
);

CREATE TABLE hla_result (
    id           BIGSERIAL PRIMARY KEY,
    patient_id   UUID        NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    allele       VARCHAR(32) NOT NULL,
    carrier      BOOLEAN     NOT NULL,
    source       VARCHAR(16) NOT NULL,
    reported_at  TIMESTAMPTZ,
    version      BIGINT      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT uq_hla_allele UNIQUE (patient_id, allele)
);

CREATE TABLE condition_record (
    id           BIGSERIAL PRIMARY KEY,
    patient_id   UUID         NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    source_key   VARCHAR(255) NOT NULL,
    code_system  VARCHAR(255),
    code         VARCHAR(64)  NOT NULL,
    display      VARCHAR(500),
    active       BOOLEAN      NOT NULL,
    onset        DATE,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_condition_key UNIQUE (patient_id, source_key)
);

CREATE TABLE medication_record (
    id           BIGSERIAL PRIMARY KEY,
    patient_id   UUID         NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    source_key   VARCHAR(255) NOT NULL,
    rxnorm       VARCHAR(32),
    display      VARCHAR(500),
    active       BOOLEAN      NOT NULL,
    start_date   DATE,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_medication_key UNIQUE (patient_id, source_key)
);

CREATE TABLE lab_result (
    id            BIGSERIAL PRIMARY KEY,
    patient_id    UUID             NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    source_key    VARCHAR(255)     NOT NULL,
    loinc         VARCHAR(16)      NOT NULL,
    display       VARCHAR(500),
    value         DOUBLE PRECISION NOT NULL,
    unit          VARCHAR(64)      NOT NULL,
    effective_at  TIMESTAMPTZ,
    version       BIGINT           NOT NULL,
    created_at    TIMESTAMPTZ      NOT NULL,
    updated_at    TIMESTAMPTZ      NOT NULL,
    CONSTRAINT uq_lab_key UNIQUE (patient_id, source_key)
);

CREATE TABLE allergy_record (
    id           BIGSERIAL PRIMARY KEY,
    patient_id   UUID         NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    source_key   VARCHAR(255) NOT NULL,
    code_system  VARCHAR(255),
    code         VARCHAR(64),
    display      VARCHAR(500),
    active       BOOLEAN      NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_allergy_key UNIQUE (patient_id, source_key)
);

-- ListPatients pages in (created_at, id) order.
CREATE INDEX ix_patient_created ON patient (created_at, id);
