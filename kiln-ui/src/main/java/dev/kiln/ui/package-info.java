/**
 * Kiln's web UI: {@link dev.kiln.ui.UiServer} serves a project's pipelines, runs, registry,
 * serving status and monitoring reports ({@code kiln ui}); {@link dev.kiln.ui.ModelPages} adds
 * the model status and prediction form to a model server ({@code kiln serve}, under
 * {@code /ui}); {@link dev.kiln.ui.DriftCharts} draws the drift histograms of both the UI and the
 * static report of {@code kiln monitor}.
 */
package dev.kiln.ui;
