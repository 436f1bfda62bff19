/**
 * The {@code kiln} command: one picocli command class per verb, each parsing its options,
 * calling a module's API and printing the result; exit codes are documented in {@link
 * dev.kiln.cli.Main}. No module logic lives here.
 */
package dev.kiln.cli;
