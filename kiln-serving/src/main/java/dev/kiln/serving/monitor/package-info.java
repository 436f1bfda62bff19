/**
 * What a server publishes of monitoring: the drift gauges, refreshed from the latest drift scores
 * of each served model. Monitoring itself (reading the prediction log, drift, decay, reports)
 * belongs to kiln-lifecycle, which never runs inside the server.
 */
package dev.kiln.serving.monitor;
