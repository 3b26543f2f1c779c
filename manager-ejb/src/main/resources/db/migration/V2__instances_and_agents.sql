-- Edge agents report on nodes; services get instances placed on nodes.

ALTER TABLE nodes ADD COLUMN address VARCHAR(64);
ALTER TABLE nodes ADD COLUMN runtime VARCHAR(16);
ALTER TABLE nodes ADD COLUMN cpu_load DOUBLE PRECISION;
ALTER TABLE nodes ADD COLUMN memory_used_mib INTEGER;
ALTER TABLE nodes ADD COLUMN drained BOOLEAN DEFAULT FALSE NOT NULL;

-- Membership changes trigger notify.sh; the counters trigger run.sh, interrupt.sh, cleanup.sh.
ALTER TABLE services ADD COLUMN membership_generation BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE services ADD COLUMN run_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE services ADD COLUMN interrupt_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE services ADD COLUMN cleanup_count INTEGER DEFAULT 0 NOT NULL;

CREATE SEQUENCE instances_seq START WITH 20 INCREMENT BY 20;
CREATE TABLE instances (
    id           BIGINT PRIMARY KEY,
    service_id   BIGINT        NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    name         VARCHAR(96)   NOT NULL UNIQUE,
    role_name    VARCHAR(32)   NOT NULL,
    slot         INTEGER       NOT NULL,
    node_id      BIGINT        REFERENCES nodes (id),
    port         INTEGER       NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    removing     BOOLEAN       DEFAULT FALSE NOT NULL,
    message      VARCHAR(1024),
    code_version INTEGER,
    address      VARCHAR(64),
    scripts      VARCHAR(4000),
    script_running BOOLEAN     DEFAULT FALSE NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    updated_at   TIMESTAMP     NOT NULL,
    reported_at  TIMESTAMP,
    CONSTRAINT instances_service_role_slot UNIQUE (service_id, role_name, slot)
);
CREATE INDEX instances_node ON instances (node_id);
