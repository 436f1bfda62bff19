/**
 * Handlers of the MLflow-compatible REST API: request parsing with required-field checks, entity
 * to JSON mapping in MLflow's snake_case shape, and error bodies with MLflow's codes.
 */
package dev.kiln.tracking.internal.rest;
