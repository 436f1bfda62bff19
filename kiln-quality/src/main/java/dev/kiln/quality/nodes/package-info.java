/**
 * The built-in node types of kiln-quality: {@code validate} (schema rules, quarantine, a typed
 * report) and {@code gate} (stops the run when a rule with policy fail failed).
 */
package dev.kiln.quality.nodes;
