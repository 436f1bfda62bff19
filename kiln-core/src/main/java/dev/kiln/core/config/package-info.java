/**
 * Project configuration: {@link dev.kiln.core.config.ProjectConfig} merges {@code conf/base},
 * {@code conf/<env>} and runtime overrides into the catalog, parameters and credentials of one
 * environment. Values remember their file and line ({@link dev.kiln.core.config.YamlNode}), so a
 * {@link dev.kiln.core.config.ConfigException} names where to fix a mistake.
 */
package dev.kiln.core.config;
