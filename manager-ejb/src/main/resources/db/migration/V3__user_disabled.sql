-- Operators disable accounts instead of deleting them: a disabled user cannot sign in and their
-- API tokens are refused, while their applications, services and trail stay.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP;
