/**
 * The search grammar: parses MLflow-style filters ({@code metrics.loss < 0.5 AND params.x = 'y'})
 * and order-by clauses, and compiles them to parameterised SQL. Nothing from user input is ever
 * concatenated into SQL text; keys and values are bound parameters.
 */
package dev.kiln.tracking.internal.search;
