/**
 * The MLflow-compatible REST API over a tracking store, so MLflow clients can log to Kiln.
 * Paths, field names and error bodies follow MLflow's {@code /api/2.0/mlflow/...} protocol.
 */
package dev.kiln.tracking.rest;
