/**
 * Monitoring of served models, read from the outside: the prediction log a server writes, data
 * and prediction drift against a bundle's reference profile, decay measured with ground-truth
 * labels, the JSON report ({@link dev.kiln.lifecycle.monitor.MonitorReport}) and webhook alerts.
 * A server only reads the drift scores of the latest report to publish them as gauges.
 */
package dev.kiln.lifecycle.monitor;
