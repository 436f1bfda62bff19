-- Kiln tracking schema; portable between SQLite and PostgreSQL.
CREATE TABLE experiments (
  id VARCHAR(64) PRIMARY KEY,
  name VARCHAR(256) NOT NULL UNIQUE,
  artifact_location VARCHAR(2048) NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  creation_time BIGINT NOT NULL,
  last_update_time BIGINT NOT NULL
);
CREATE TABLE experiment_tags (
  experiment_id VARCHAR(64) NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
  key VARCHAR(250) NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (experiment_id, key)
);
CREATE TABLE runs (
  id VARCHAR(64) PRIMARY KEY,
  experiment_id VARCHAR(64) NOT NULL REFERENCES experiments(id),
  name VARCHAR(256) NOT NULL,
  status VARCHAR(16) NOT NULL,
  start_time BIGINT NOT NULL,
  end_time BIGINT,
  owner_host VARCHAR(256) NOT NULL,
  owner_pid BIGINT NOT NULL,
  heartbeat_time BIGINT NOT NULL
);
CREATE INDEX runs_by_experiment ON runs (experiment_id, status);
CREATE TABLE params (
  run_id VARCHAR(64) NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key VARCHAR(250) NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
);
CREATE TABLE run_tags (
  run_id VARCHAR(64) NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key VARCHAR(250) NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
);
-- value is NULL for NaN (SQLite cannot store NaN).
CREATE TABLE metrics (
  run_id VARCHAR(64) NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key VARCHAR(250) NOT NULL,
  value DOUBLE PRECISION,
  ts BIGINT NOT NULL,
  step BIGINT NOT NULL
);
CREATE INDEX metrics_by_run_key ON metrics (run_id, key, step, ts);
CREATE TABLE latest_metrics (
  run_id VARCHAR(64) NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key VARCHAR(250) NOT NULL,
  value DOUBLE PRECISION,
  ts BIGINT NOT NULL,
  step BIGINT NOT NULL,
  PRIMARY KEY (run_id, key)
);
CREATE TABLE dataset_inputs (
  run_id VARCHAR(64) NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name VARCHAR(250) NOT NULL,
  location VARCHAR(2048) NOT NULL,
  version VARCHAR(256),
  content_hash VARCHAR(256),
  row_count BIGINT NOT NULL,
  schema_text TEXT,
  PRIMARY KEY (run_id, name, location)
);
CREATE TABLE registered_models (
  name VARCHAR(256) PRIMARY KEY,
  description TEXT NOT NULL,
  creation_time BIGINT NOT NULL,
  last_update_time BIGINT NOT NULL
);
CREATE TABLE model_tags (
  name VARCHAR(256) NOT NULL REFERENCES registered_models(name) ON DELETE CASCADE,
  key VARCHAR(250) NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (name, key)
);
CREATE TABLE model_versions (
  name VARCHAR(256) NOT NULL REFERENCES registered_models(name) ON DELETE CASCADE,
  version BIGINT NOT NULL,
  source VARCHAR(2048) NOT NULL,
  run_id VARCHAR(64),
  description TEXT NOT NULL,
  status VARCHAR(32) NOT NULL,
  creation_time BIGINT NOT NULL,
  PRIMARY KEY (name, version)
);
CREATE TABLE model_version_tags (
  name VARCHAR(256) NOT NULL,
  version BIGINT NOT NULL,
  key VARCHAR(250) NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (name, version, key),
  FOREIGN KEY (name, version) REFERENCES model_versions(name, version) ON DELETE CASCADE
);
CREATE TABLE aliases (
  name VARCHAR(256) NOT NULL,
  alias VARCHAR(250) NOT NULL,
  version BIGINT NOT NULL,
  PRIMARY KEY (name, alias),
  FOREIGN KEY (name, version) REFERENCES model_versions(name, version) ON DELETE CASCADE
);
CREATE TABLE alias_history (
  name VARCHAR(256) NOT NULL REFERENCES registered_models(name) ON DELETE CASCADE,
  alias VARCHAR(250) NOT NULL,
  seq BIGINT NOT NULL,
  from_version BIGINT NOT NULL,
  to_version BIGINT NOT NULL,
  moved_at BIGINT NOT NULL,
  PRIMARY KEY (name, alias, seq)
);
