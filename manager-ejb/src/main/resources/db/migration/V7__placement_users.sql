-- The clients whose access points a near-users service follows (comma-separated client ids, at most
-- 50); none: every associated client counts.
ALTER TABLE services ADD COLUMN user_clients VARCHAR(4000);
