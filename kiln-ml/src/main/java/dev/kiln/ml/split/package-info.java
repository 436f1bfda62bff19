/**
 * Seeded train/test splits and K-fold partitions of a frame's rows, optionally stratified by
 * class so every part keeps the class proportions; {@link dev.kiln.ml.split.FrameSplit} is a
 * frame split into train and test rows.
 */
package dev.kiln.ml.split;
