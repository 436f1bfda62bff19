/**
 * Operating a model: {@link dev.kiln.lifecycle.Retrainer} runs one round of continuous training
 * (train a challenger, evaluate it and the champion on the same holdout, promote it when the
 * {@link dev.kiln.lifecycle.BlessingRule} holds); {@link dev.kiln.lifecycle.ServingGuard} judges
 * a served version from the server's metrics (its share of errors and its 99th-percentile
 * latency) so a bad release is rolled back.
 */
package dev.kiln.lifecycle;
