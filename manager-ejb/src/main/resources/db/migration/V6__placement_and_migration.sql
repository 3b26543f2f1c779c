-- Location-aware placement: a point and radius for 'near', the farthest a user's access point may
-- be from its serving instance for 'near-users', node labels a service requires; and migrations of
-- instances between nodes, make-before-break, with the timings of each step.

ALTER TABLE services ADD COLUMN near_latitude DOUBLE PRECISION;
ALTER TABLE services ADD COLUMN near_longitude DOUBLE PRECISION;
ALTER TABLE services ADD COLUMN near_radius_m DOUBLE PRECISION;
ALTER TABLE services ADD COLUMN max_user_distance_m DOUBLE PRECISION;
ALTER TABLE services ADD COLUMN required_labels VARCHAR(256);

ALTER TABLE nodes ADD COLUMN labels VARCHAR(256);

-- an instance being replaced keeps serving until its successor runs; routers then leave it
ALTER TABLE instances ADD COLUMN draining BOOLEAN DEFAULT FALSE NOT NULL;
-- the migration an instance is the destination of, until it takes over its slot; while it runs
-- two instances share the slot (the deterministic names stay unique: the destination's carries
-- the migration's number)
ALTER TABLE instances ADD COLUMN migration_id BIGINT;
ALTER TABLE instances DROP CONSTRAINT instances_service_role_slot;

CREATE SEQUENCE migrations_seq START WITH 20 INCREMENT BY 20;

CREATE TABLE migrations (
    id               BIGINT PRIMARY KEY,
    service_id       BIGINT        NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    instance_name    VARCHAR(63)   NOT NULL,
    role_name        VARCHAR(32)   NOT NULL,
    slot             INTEGER       NOT NULL,
    from_node        VARCHAR(63),
    to_node_id       BIGINT        NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    to_node          VARCHAR(63)   NOT NULL,
    target_instance  VARCHAR(63)   NOT NULL,
    trigger_kind     VARCHAR(16)   NOT NULL,
    trigger_detail   VARCHAR(512),
    state            VARCHAR(16)   NOT NULL,
    message          VARCHAR(1024),
    requested_at     TIMESTAMP     NOT NULL,
    healthy_at       TIMESTAMP,
    switched_at      TIMESTAMP,
    finished_at      TIMESTAMP,
    lock_version     BIGINT        NOT NULL
);
CREATE INDEX migrations_service ON migrations (service_id);
