/**
 * Monitoring of served models: data and prediction drift against a bundle's reference profile,
 * decay measured with ground-truth labels, the JSON and HTML reports, webhook alerts, and the
 * drift gauges a server publishes from the latest report.
 */
package dev.kiln.serving.monitor;
