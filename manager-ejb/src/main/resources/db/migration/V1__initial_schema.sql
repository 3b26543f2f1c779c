-- MEC-ConPaaS master schema. Plain SQL that runs on H2 2.x and PostgreSQL 13+.
-- Keys come from one sequence per table; EclipseLink reads each value as the END of a block of
-- 20 ids, hence START WITH 20. Sequences are portable, and
-- EclipseLink's H2 identity support does not work with H2 2.x.
CREATE SEQUENCE users_seq START WITH 20 INCREMENT BY 20;
CREATE SEQUENCE api_tokens_seq START WITH 20 INCREMENT BY 20;
CREATE SEQUENCE applications_seq START WITH 20 INCREMENT BY 20;
CREATE SEQUENCE services_seq START WITH 20 INCREMENT BY 20;
CREATE SEQUENCE code_versions_seq START WITH 20 INCREMENT BY 20;
CREATE SEQUENCE nodes_seq START WITH 20 INCREMENT BY 20;
CREATE SEQUENCE enrollment_tokens_seq START WITH 20 INCREMENT BY 20;
CREATE SEQUENCE events_seq START WITH 20 INCREMENT BY 20;

CREATE TABLE users (
    id            BIGINT PRIMARY KEY,
    username      VARCHAR(63)  NOT NULL UNIQUE,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP    NOT NULL
);

CREATE TABLE api_tokens (
    id           BIGINT PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         VARCHAR(63)  NOT NULL,
    token_hash   CHAR(64)     NOT NULL UNIQUE,
    created_at   TIMESTAMP    NOT NULL,
    expires_at   TIMESTAMP    NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE applications (
    id          BIGINT PRIMARY KEY,
    owner_id    BIGINT        NOT NULL REFERENCES users (id),
    name        VARCHAR(63)   NOT NULL,
    description VARCHAR(1024),
    created_at  TIMESTAMP     NOT NULL,
    CONSTRAINT applications_owner_name UNIQUE (owner_id, name)
);

CREATE TABLE services (
    id                   BIGINT PRIMARY KEY,
    application_id       BIGINT        NOT NULL REFERENCES applications (id),
    name                 VARCHAR(63)   NOT NULL,
    service_type         VARCHAR(32)   NOT NULL,
    state                VARCHAR(16)   NOT NULL,
    desired_state        VARCHAR(16)   NOT NULL,
    phase_message        VARCHAR(1024),
    placement_policy     VARCHAR(16)   NOT NULL,
    generation           BIGINT        NOT NULL,
    active_code_version  INTEGER,
    created_at           TIMESTAMP     NOT NULL,
    updated_at           TIMESTAMP     NOT NULL,
    lock_version         BIGINT        NOT NULL,
    CONSTRAINT services_application_name UNIQUE (application_id, name)
);

-- The service spec: desired instances per role.
CREATE TABLE service_roles (
    service_id     BIGINT      NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    role_name      VARCHAR(32) NOT NULL,
    instance_count INTEGER     NOT NULL,
    PRIMARY KEY (service_id, role_name)
);

CREATE TABLE code_versions (
    id           BIGINT PRIMARY KEY,
    service_id   BIGINT        NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    version      INTEGER       NOT NULL,
    file_name    VARCHAR(255)  NOT NULL,
    format       VARCHAR(16)   NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    storage_path VARCHAR(512)  NOT NULL,
    uploaded_by  VARCHAR(63)   NOT NULL,
    uploaded_at  TIMESTAMP     NOT NULL,
    CONSTRAINT code_versions_service_version UNIQUE (service_id, version)
);

CREATE TABLE nodes (
    id                BIGINT PRIMARY KEY,
    name              VARCHAR(63)  NOT NULL UNIQUE,
    latitude          DOUBLE PRECISION NOT NULL,
    longitude         DOUBLE PRECISION NOT NULL,
    cpu_millis        INTEGER      NOT NULL,
    memory_mib        INTEGER      NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    credential_hash   CHAR(64),
    last_heartbeat_at TIMESTAMP,
    created_at        TIMESTAMP    NOT NULL
);

CREATE TABLE enrollment_tokens (
    id         BIGINT PRIMARY KEY,
    token_hash CHAR(64)    NOT NULL UNIQUE,
    node_name  VARCHAR(63),
    created_by VARCHAR(63) NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    expires_at TIMESTAMP   NOT NULL,
    used_at    TIMESTAMP
);

-- Audit trail. Names rather than foreign keys, so the trail outlives what it describes.
CREATE TABLE events (
    id          BIGINT PRIMARY KEY,
    occurred_at TIMESTAMP     NOT NULL,
    actor       VARCHAR(63)   NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    owner_id    BIGINT,
    application VARCHAR(63),
    service     VARCHAR(63),
    outcome     VARCHAR(16)   NOT NULL,
    detail      VARCHAR(2048)
);
CREATE INDEX events_owner_time ON events (owner_id, occurred_at);
