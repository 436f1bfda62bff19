/**
 * The root of Kiln's error hierarchy: {@link dev.kiln.core.KilnException} carries a user-facing
 * message and a hint, and every module's errors extend it. {@link dev.kiln.core.OptionalSupport}
 * finds optional parts of Kiln that live in separate jars.
 */
package dev.kiln.core;
