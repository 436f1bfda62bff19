-- Soft-deleted runs (restorable, as in MLflow) and model version stages; SQLite and PostgreSQL.
ALTER TABLE runs ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE model_versions ADD COLUMN current_stage VARCHAR(16) NOT NULL DEFAULT 'None';
ALTER TABLE model_versions ADD COLUMN last_update_time BIGINT NOT NULL DEFAULT 0;
UPDATE model_versions SET last_update_time = creation_time;
CREATE INDEX model_versions_by_stage ON model_versions (name, current_stage, version);
