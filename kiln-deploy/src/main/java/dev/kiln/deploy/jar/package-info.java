/**
 * A runnable jar with a model bundle inside: {@code java -jar model.jar} serves the model.
 */
package dev.kiln.deploy.jar;
