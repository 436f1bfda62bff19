-- The user MLflow clients send with runs/create (RunInfo.user_id); NULL when none was sent.
-- Portable between SQLite and PostgreSQL.
ALTER TABLE runs ADD COLUMN user_id VARCHAR(256);
