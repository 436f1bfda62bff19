/**
 * Helpers of the tracking module's own classes, not API: the rule for the keys of params,
 * metrics, tags and datasets, and the flattening of nested parameter maps into dotted keys.
 */
package dev.kiln.tracking.internal;
