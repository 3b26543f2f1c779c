-- Mobile clients: each associated with at most one access point (node) at a time, with the history
-- of its associations; positions only while the mobility emulation moves it. Access-point routes:
-- one stable port per service whose users reach it through their access point.

CREATE TABLE mobile_clients (
    id             VARCHAR(64)  PRIMARY KEY,
    node_id        BIGINT       REFERENCES nodes (id),
    associated_at  TIMESTAMP,
    latitude       DOUBLE PRECISION,
    longitude      DOUBLE PRECISION,
    position_at    TIMESTAMP,
    first_seen_at  TIMESTAMP    NOT NULL,
    changed_at     TIMESTAMP    NOT NULL
);
CREATE INDEX mobile_clients_node ON mobile_clients (node_id);

CREATE SEQUENCE client_associations_seq START WITH 20 INCREMENT BY 20;
CREATE TABLE client_associations (
    id         BIGINT PRIMARY KEY,
    client_id  VARCHAR(64)  NOT NULL REFERENCES mobile_clients (id) ON DELETE CASCADE,
    node_id    BIGINT       NOT NULL REFERENCES nodes (id),
    from_at    TIMESTAMP    NOT NULL,
    to_at      TIMESTAMP
);
CREATE INDEX client_associations_client ON client_associations (client_id, from_at);

CREATE TABLE service_route_ports (
    service_id BIGINT  PRIMARY KEY REFERENCES services (id) ON DELETE CASCADE,
    port       INTEGER NOT NULL UNIQUE
);
