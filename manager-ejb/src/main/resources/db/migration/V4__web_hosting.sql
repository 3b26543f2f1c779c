-- Web hosting: a new code version refused by a role's init.sh or switch.sh is rolled back to the
-- one before; validated service settings (e.g. PHP's memory_limit) reach the role scripts; an
-- autoscaling policy per service.

ALTER TABLE services ADD COLUMN previous_code_version INTEGER;
ALTER TABLE code_versions ADD COLUMN refused_reason VARCHAR(1024);

CREATE TABLE service_settings (
    service_id    BIGINT       NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    setting_name  VARCHAR(64)  NOT NULL,
    setting_value VARCHAR(256) NOT NULL,
    PRIMARY KEY (service_id, setting_name)
);

-- NULL autoscale_role: no policy
ALTER TABLE services ADD COLUMN autoscale_role VARCHAR(32);
ALTER TABLE services ADD COLUMN autoscale_p95_millis INTEGER;
ALTER TABLE services ADD COLUMN autoscale_cpu_low INTEGER;
ALTER TABLE services ADD COLUMN autoscale_cpu_high INTEGER;
ALTER TABLE services ADD COLUMN autoscale_min INTEGER;
ALTER TABLE services ADD COLUMN autoscale_max INTEGER;
ALTER TABLE services ADD COLUMN autoscale_cooldown_seconds INTEGER;
ALTER TABLE services ADD COLUMN autoscaled_at TIMESTAMP;
