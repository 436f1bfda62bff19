/**
 * Data validation: a {@link dev.kiln.quality.validation.Schema} declares column types, ranges,
 * categories and expectations with a policy each (fail, quarantine, warn); {@link
 * dev.kiln.quality.validation.Validator} checks a frame and returns the passing rows, the
 * quarantined rows with their reasons, and a {@link dev.kiln.quality.validation.ValidationReport}.
 */
package dev.kiln.quality.validation;
